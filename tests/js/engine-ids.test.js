/* Ids that are also names every JavaScript object has ('constructor', '__proto__', 'toString') are ids
 * like any other (F9): with {} as a lookup, a contact renamed 'constructor' vanished from every result. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const {asset} = require("./support.js");

const {LevelOfNeedEngine} = asset("helper-engine.js");

const level = (id, number) => ({id, number, label: `Level ${number}`, tone: number, services: [], contacts: [],
  actions: [], step_up: "Step up."});
const indicator = (id, levelId) => ({id, text: id, level: levelId, domain: "d", contacts: ["hasOwnProperty"]});
const data = {
  levels: [level("valueOf", 1), level("__proto__", 2)],
  indicators: [indicator("constructor", "valueOf"), indicator("__proto__", "__proto__"), indicator("toString", "valueOf")],
  responses: [{id: "isPrototypeOf", level: "__proto__", steps: [], contacts: ["constructor"]}],
  safety: [{id: "toString", level: "__proto__", contacts: ["constructor"], procedures: []}],
  rules: {routing_questions: [], circumstances: [], combinations: [], always_highest_level: [], always_offer: []},
  front_door: "constructor", out_of_hours: "__proto__",
};

test("indicators, levels, responses and contacts named like object properties are kept", () => {
  const index = LevelOfNeedEngine.prepare(data);
  const chosen = LevelOfNeedEngine.suggest(index, {answers: {}, indicators: ["constructor", "__proto__", "toString"]});
  assert.equal(chosen.level, "__proto__");
  assert.deepEqual(chosen.reasons.map((reason) => reason.source), ["__proto__"]);
  assert.deepEqual(chosen.contacts, ["hasOwnProperty", "constructor", "__proto__"]);
  assert.deepEqual(chosen.planning_responses, ["isPrototypeOf"]);
  const stopped = LevelOfNeedEngine.suggest(index, {answers: JSON.parse('{"toString": "yes"}'), indicators: []});
  assert.equal(stopped.stopped, true);
  assert.deepEqual(stopped.contacts, ["constructor", "__proto__"]);
});
