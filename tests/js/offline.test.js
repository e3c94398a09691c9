/* The offline script's pure parts under Node: sizes, dates, the review-date caution, what "save
 * everything" fetches and which saved pages the "not saved" page lists, read from the plan that
 * Python wrote (tests/test_js.py), so both sides agree on offline.json's shape. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const {fixture, asset} = require("./support.js");

const offline = asset("offline.js");
const plan = fixture("offline.json");

test("sizes read as a phone's storage settings show them", () => {
  assert.equal(offline.formatSize(999), "1 KB");
  assert.equal(offline.formatSize(820400), "820 KB");
  assert.equal(offline.formatSize(1450000), "1.4 MB");
});

test("the saved time is a date and a time in words, and nothing for an unknown one", () => {
  assert.match(offline.formatSaved("2026-12-05T10:30:00"), /^5 December 2026 at 10:30$/);
  assert.equal(offline.formatSaved(null), "");
  assert.equal(offline.formatSaved("not a date"), "");
});

test("a copy is past its review date only from the day after", () => {
  assert.equal(offline.pastReview("2027-11-27", new Date(2027, 10, 27)), false);
  assert.equal(offline.pastReview("2027-11-27", new Date(2027, 10, 28)), true);
  assert.equal(offline.pastReview("", new Date(2099, 0, 1)), false, "no review date: no caution invented");
});

test("slots are filled, and a slot the page does not know stays visible", () => {
  assert.equal(offline.fill("version {version}, {saved}", {version: "2026.6", saved: "today"}), "version 2026.6, today");
  assert.equal(offline.fill("{unknown}", {}), "{unknown}");
  assert.equal(offline.fill("{version}", {version: "$&"}), "$&", "a value is text, never a replacement pattern");
});

test("save everything takes every page and file, and the whole PDF only when asked", () => {
  const without = offline.toSave(plan, false);
  const all = offline.toSave(plan, true);
  assert.equal(without.urls.length, plan.core.length + plan.pages.length);
  assert.equal(all.urls.length, without.urls.length + plan.ask.length);
  assert.ok(plan.ask.length > 0 && all.urls.includes(plan.ask[0][0]) && !without.urls.includes(plan.ask[0][0]));
  const sum = (rows) => rows.reduce((total, row) => total + row[1], 0);
  assert.equal(without.bytes, sum(plan.core) + sum(plan.pages));
});

test("the not-saved page lists only saved pages, by title, and no files", () => {
  const base = "https://example.org/guidance/";
  const page = plan.pages.find((row) => row[2]);
  const file = plan.core.find((row) => !row[2]);
  const cached = [new URL(page[0], base).href, new URL(file[0], base).href];
  assert.deepEqual(offline.savedPages(plan, cached, base), [{url: page[0], title: page[2]}]);
  assert.deepEqual(offline.savedPages(plan, [], base), []);
});
