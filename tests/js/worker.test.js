/* The site's search worker, run as a worker runs it (its messages, importScripts), under Node: it answers
 * Material's protocol, and text from the guidance reaches Material's result list escaped. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const {fixture, ASSETS} = require("./support.js");

function worker() {
  const sent = [];
  const listeners = [];
  const scope = {postMessage: (message) => sent.push(message), addEventListener: (type, handler) => listeners.push(handler)};
  scope.self = scope;
  scope.importScripts = (...names) => names.forEach((name) =>
    vm.runInContext(fs.readFileSync(path.join(ASSETS, name), "utf-8"), context));
  const context = vm.createContext(scope);
  vm.runInContext(fs.readFileSync(path.join(ASSETS, "search-worker.js"), "utf-8"), context);
  return {send: (message) => listeners.forEach((handler) => handler({data: message})), sent};
}

test("the worker sets up, then answers a query with escaped results", () => {
  const index = fixture("search_index.json");
  const hostile = '<img src=x onerror="window.__ran = 1">';
  const config = index.config.levelofneed;
  config.records = [["i", "indicators/x/", "Bruise " + hostile, "", "", 0, 0]];
  config.levels = [["Level 1: " + hostile, 1, 1]];
  config.groups = [hostile];
  const running = worker();
  running.send({type: 0, data: index});
  running.send({type: 2, data: "bruise"});
  assert.equal(running.sent[0].type, 1);
  const [item] = running.sent[1].data.items[0];
  assert.equal(item.location, "indicators/x/");
  assert.ok(!(item.title + item.text).includes("<img"));
  assert.ok(item.title.includes("&lt;img src=x onerror=&quot;window.__ran = 1&quot;&gt;"));
});
