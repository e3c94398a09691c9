/* What a search result shows, and where the query is kept in the address (search-results.js), under
 * Node: the pure half of our own search page (search-page.js) and of Material's box (search-worker.js). */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const {fixture, asset} = require("./support.js");

const {LevelOfNeedSearchCore} = asset("search-core.js");
const {LevelOfNeedSearchResults: results} = asset("search-results.js");

function engine(index) {
  return LevelOfNeedSearchCore.create(index.config.levelofneed);
}

test("a result is its page, its title, its level in words and tone, and where it sits", () => {
  const index = fixture("search_index.json");
  const config = index.config.levelofneed;
  const position = config.records.findIndex((row) => row[0] === "i");
  const row = config.records[position];
  const word = row[2].split(/\s+/).find((w) => w.length > 4);
  const shown = results.list(engine(index), word);
  const mine = shown.find((item) => item.location === row[1]);
  assert.ok(mine, `"${word}" finds ${row[1]}`);
  assert.equal(mine.title, row[2]);
  assert.deepEqual(mine.level, {label: config.levels[row[5]][0], tone: Number(config.levels[row[5]][1])});
  assert.equal(mine.where, config.groups[row[6]]);
  assert.ok(shown.length <= config.rules.max_results);
});

test("text from the guidance stays text: the page sets it with textContent, so nothing here is HTML", () => {
  const index = fixture("search_index.json");
  const hostile = '<img src=x onerror="window.__ran = 1">';
  const config = index.config.levelofneed;
  config.records = [["i", "indicators/x/", "Bruise " + hostile, "", "", 0, 0]];
  config.levels = [["Level 1: " + hostile, "1; color: red", 1]];
  config.groups = [hostile];
  const [shown] = results.list(engine(index), "bruise");
  assert.equal(shown.title, "Bruise " + hostile);
  assert.equal(shown.level.label, "Level 1: " + hostile);
  assert.ok(Number.isNaN(shown.level.tone), "a tone is a number or nothing, never text for a class name");
  assert.equal(shown.where, hostile);
});

test("an empty query finds nothing", () => {
  assert.deepEqual(results.list(engine(fixture("search_index.json")), "   "), []);
});

test("the query is kept in the fragment, and read back unchanged, whatever it holds", () => {
  for (const query of ["bruise baby", "DV", "a&b=c#d", "50% + more", "café ünïcode", "?q=x", "  spaced  "]) {
    const fragment = results.fragmentFor(query);
    assert.ok(fragment.startsWith("#q="));
    assert.equal(results.queryFrom("", fragment), query);
  }
  assert.equal(results.fragmentFor(""), "");
});

test("?q= is read when the fragment holds none, and the fragment wins when both do", () => {
  assert.equal(results.queryFrom("?q=bruise+baby", ""), "bruise baby");
  assert.equal(results.queryFrom("?q=old", "#q=new"), "new");
  assert.equal(results.queryFrom("", ""), "");
  assert.equal(results.queryFrom("?other=1", "#section"), "");
});

test("an address with ?q= becomes the same page with the query in the fragment, other parameters kept", () => {
  assert.equal(results.queryInFragment("/search/", "?q=DV", ""), "/search/#q=DV");
  assert.equal(results.queryInFragment("/guidance/search/", "?x=1&q=bruise+baby", ""),
    "/guidance/search/?x=1#q=bruise+baby");
  assert.equal(results.withoutQuery("?q=1"), "");
});

test("the count is worded for none, one and many", () => {
  const wording = {none: "No matching results.", one: "1 matching result", many: "# matching results"};
  assert.equal(results.summary(wording, 0), "No matching results.");
  assert.equal(results.summary(wording, 1), "1 matching result");
  assert.equal(results.summary(wording, 12), "12 matching results");
});
