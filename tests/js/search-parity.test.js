/* The site's search core ranks exactly as `levelofneed search` (Whoosh, every match ranked): the same
 * top ten for every query pytest generated (seeded random queries of two or three of the guidance's
 * own words, and the quality suite's queries), so the two searches agree by construction. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const {fixture, asset} = require("./support.js");

const {LevelOfNeedSearchCore} = asset("search-core.js");
const index = fixture("search_index.json");
const expected = fixture("search-parity.json");
const engine = LevelOfNeedSearchCore.create(index.config.levelofneed);

test(`the core and the command line give the same top ten for ${expected.length} queries`, () => {
  const differences = [];
  for (const {query, top} of expected) {
    const found = engine.search(query).slice(0, 10).map((result) => result.record.location);
    if (JSON.stringify(found) !== JSON.stringify(top)) { differences.push(`${query}: ${found} ≠ ${top}`); }
  }
  assert.deepEqual(differences, []);
  assert.ok(expected.length >= 500);
});
