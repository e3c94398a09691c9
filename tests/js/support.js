/* What the Node tests share: the fixtures pytest wrote (tests/test_js.py), and the site's own scripts,
 * loaded as the browser loads them. */
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const ASSETS = path.join(__dirname, "..", "..", "plugins", "levelofneed", "site_assets", "overrides", "assets",
  "levelofneed");

/** A fixture file, by name, from the folder pytest named in LON_FIXTURES. */
function fixture(name) {
  const folder = process.env.LON_FIXTURES;
  if (!folder) { throw new Error("LON_FIXTURES is not set: run these tests through pytest (tests/test_js.py)"); }
  return JSON.parse(fs.readFileSync(path.join(folder, name), "utf-8"));
}

// Scripts that read another's global, and the scripts to load first, as the page and the worker do.
const NEEDS = {"search-query.js": ["search-words.js"], "search-core.js": ["search-words.js", "search-query.js"]};

/** One of the site's scripts; each exports its global as module.exports when loaded by Node. */
function asset(name) {
  for (const needed of NEEDS[name] || []) { Object.assign(globalThis, require(path.join(ASSETS, needed))); }
  return require(path.join(ASSETS, name));
}

module.exports = {fixture, asset, ASSETS};
