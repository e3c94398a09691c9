/* The search-quality suite (tests/search/queries.yaml: Sefton's guidance, a content test) on the site's
 * search core, as practitioners meet it in the search box: recall@5 and MRR, printed for the report. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const {fixture, asset} = require("./support.js");

const {LevelOfNeedSearchCore} = asset("search-core.js");
const index = fixture("search_index.json");
const {queries, target} = fixture("search-quality.json");
const engine = LevelOfNeedSearchCore.create(index.config.levelofneed);
const PAGE = /(indicators|procedures|topics|briefings)\/([a-z0-9-]+)\/$/;
const KINDS = {procedures: "procedure:", topics: "topic:", briefings: "briefing:", indicators: ""};

function resultId(location) {
  const [page, anchor] = location.split("#");
  if (page.replace(/\/$/, "").endsWith("services") && anchor) { return `service:${anchor}`; }
  const found = PAGE.exec(page);
  return found ? KINDS[found[1]] + found[2] : page;
}

test(`the site's search meets the quality target on ${queries.length} queries`, () => {
  let hits = 0;
  let reciprocal = 0;
  const misses = [];
  for (const entry of queries) {
    const shown = [...new Set(engine.search(entry.query).map((result) => resultId(result.record.location)))].slice(0, 5);
    const rank = shown.findIndex((id) => entry.hits.includes(id));
    if (rank >= 0) { hits += 1; reciprocal += 1 / (rank + 1); } else { misses.push(`${entry.query}: ${shown}`); }
  }
  const recall = hits / queries.length;
  console.log(`measured: site search core (${queries.length} queries): recall@5 ${recall.toFixed(3)}, ` +
    `MRR ${(reciprocal / queries.length).toFixed(3)}`);
  assert.ok(recall >= target, misses.join("\n"));
});
