/* Level of Need site search: a web worker that speaks Material's search protocol.
 *
 * Material's search box and result list stay; this worker replaces its lunr worker
 * (ADR 11). The searching itself is the shared core (search-core.js), which the helper's
 * picker uses too; this file only answers Material's messages, and writes each result as
 * the escaped HTML Material shows. Everything runs here, in the browser: nothing is sent.
 */
/* global LevelOfNeedSearchCore, LevelOfNeedSearchResults */
"use strict";

importScripts("search-words.js", "search-query.js", "search-core.js", "search-results.js");

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

/** @type {any} */
var engine = null;

/** @param {unknown} text */
function escapeHTML(text) {
  /** @type {Record<string, string>} */
  var entities = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"};
  return String(text).replace(/[&<>"']/g, function (c) { return entities[c]; });
}

/* Results in Material's shape: one item per page, its title and text as escaped HTML.
   What each result shows is search-results.js's, which our own search page shares. */
/** @param {{location: string, title: string, level: {label: string, tone: number} | null, where: string}} shown
 *  @param {number} score */
function item(shown, score) {
  var title = (shown.level ? "<span class=\"lon-badge lon-tone-" + shown.level.tone + "\">" + escapeHTML(shown.level.label) +
    "</span> " : "") + escapeHTML(shown.title);
  return [{location: shown.location, title: title,
    text: "<p class=\"lon-result-where\">" + escapeHTML(shown.where) + "</p>", score: score, terms: {}}];
}

/** @param {string} query */
function search(query) {
  var found = engine.search(query).slice(0, engine.rules.max_results);
  return {items: found.map(function (/** @type {any} */ result) {
    return item(LevelOfNeedSearchResults.describe(engine, result), result.score);
  })};
}

/* Build the index, then answer one query nobody sees, so the browser has compiled the search
   before the practitioner's first query rather than during it. */
/** @param {any} data */
function setUp(data) {
  engine = LevelOfNeedSearchCore.create(data.config.levelofneed);
  search("child");
}

self.addEventListener("message", function (/** @type {MessageEvent} */ event) {
  var message = event.data;
  if (message.type === SETUP) {
    setUp(message.data);
    self.postMessage({type: READY});
  } else if (message.type === QUERY) {
    self.postMessage({type: RESULT, data: search(message.data)});
  }
});
