/* The search-quality suites (tests/search/queries.yaml and sentences.yaml: Sefton's guidance, a content
 * test) on the site's search core, as practitioners meet it in the search box: recall@5 and MRR on the
 * short queries; recall@5, first-result accuracy and "no under-reaction at rank 1" on the sentences
 * (issue 22), each held to its target and printed for the report. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const {fixture, asset} = require("./support.js");

const {LevelOfNeedSearchCore} = asset("search-core.js");
const index = fixture("search_index.json");
const {queries, target, sentences, sentenceTargets, levels} = fixture("search-quality.json");
const engine = LevelOfNeedSearchCore.create(index.config.levelofneed);
const PAGE = /(indicators|procedures|topics|briefings)\/([a-z0-9-]+)\/$/;
const KINDS = {procedures: "procedure:", topics: "topic:", briefings: "briefing:", indicators: ""};

function resultId(location) {
  const [page, anchor] = location.split("#");
  if (page.replace(/\/$/, "").endsWith("services") && anchor) { return `service:${anchor}`; }
  if (page.replace(/\/$/, "").endsWith("glossary") && anchor) { return `term:${anchor}`; }
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

test(`the site's search meets the sentence targets on ${sentences.length} sentences`, () => {
  let five = 0;
  let first = 0;
  let safe = 0;
  let judged = 0;
  const misses = [];
  for (const entry of sentences) {
    const shown = [...new Set(engine.search(entry.query).map((result) => resultId(result.record.location)))];
    const allowed = entry.first.map((id) => id.replace(/^glossary:/, "term:"));
    five += shown.slice(0, 5).some((id) => allowed.includes(id)) ? 1 : 0;
    first += allowed.includes(shown[0]) ? 1 : 0;
    if (entry.lowest_level !== undefined) {
      judged += 1;
      const level = shown.map((id) => levels[id]).find((found) => found !== undefined);
      safe += level !== undefined && level >= entry.lowest_level ? 1 : 0;
    }
    if (!allowed.includes(shown[0])) { misses.push(`${entry.query}: ${shown.slice(0, 3)}`); }
  }
  const found = {recall: five / sentences.length, first: first / sentences.length,
    no_under_reaction: judged ? safe / judged : 1};
  console.log(`measured: site search core sentences (${sentences.length} queries): recall@5 ` +
    `${found.recall.toFixed(3)}, first ${found.first.toFixed(3)}, no under-reaction ${found.no_under_reaction.toFixed(3)}`);
  for (const [name, floor] of Object.entries(sentenceTargets)) { assert.ok(found[name] >= floor, misses.join("\n")); }
});
