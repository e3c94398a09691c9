/* The browser's helper engine and decision record against the Python reference, for every shared
 * vector of the invented partnership (tests/helper/neutral-vectors.yaml), without a browser. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const {fixture, asset} = require("./support.js");

const {LevelOfNeedEngine} = asset("helper-engine.js");
const {LevelOfNeedRecord} = asset("helper-record.js");
const data = fixture("helper-data.json");
const expected = fixture("vectors.json");
const index = LevelOfNeedEngine.prepare(data);

for (const vector of expected) {
  test(`the engine agrees with Python: ${vector.name}`, () => {
    assert.deepEqual(JSON.parse(JSON.stringify(LevelOfNeedEngine.suggest(index, vector.given))), vector.python);
  });
  test(`the record is Python's, to the letter: ${vector.name}`, () => {
    const result = LevelOfNeedEngine.suggest(index, vector.given);
    const state = {answers: vector.given.answers, age: vector.given.age_band || "", indicators: vector.given.indicators};
    assert.equal(LevelOfNeedRecord.write(data, index, state, result, vector.notes, vector.day), vector.record);
  });
}
