/* The helper's fragment: what a stale, damaged or made-up link keeps (F2), and that writing a state and
 * reading it back gives the same state. */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const {fixture, asset} = require("./support.js");

const {LevelOfNeedEngine} = asset("helper-engine.js");
const {LevelOfNeedState} = asset("helper-state.js");
const data = fixture("helper-data.json");
const index = LevelOfNeedEngine.prepare(data);
const [first, second] = data.indicators.map((indicator) => indicator.id);
const question = data.safety[0].id;

function parse(hash) {
  const read = LevelOfNeedState.parse(hash, data, index);
  return {state: {...read.state, answers: {...read.state.answers}}, dropped: read.dropped};
}

test("a whole link is read back as written", () => {
  const state = {step: "result", answers: {[question]: "no"}, age: data.ages[1].id, indicators: [first, second]};
  assert.deepEqual(parse(LevelOfNeedState.format(state)), {state, dropped: false});
});

const odd = {
  "an id renamed since the link was shared": `#step=result&i=${first},renamed-since`,
  "a broken % escape": `#step=seen&i=${first}&a=%E0%A4%A`,
  "names every object has": `#step=result&i=__proto__,constructor,${first}&a=toString.yes,__proto__.no&age=constructor`,
  "an age band that does not exist": `#step=result&i=${first}&age=0-99`,
  "an answer that is not yes or no": `#step=result&i=${first}&a=${question}.maybe`,
  "a part nobody writes": `#step=result&i=${first}&evil=1`,
};

for (const [name, hash] of Object.entries(odd)) {
  test(`a link with ${name} keeps what is known and says something was dropped`, () => {
    const read = parse(hash);
    assert.equal(read.dropped, true);
    assert.ok(read.state.indicators.includes(first));
    assert.ok(read.state.indicators.every((id) => Object.prototype.hasOwnProperty.call(index.indicators, id)));
    assert.ok(Object.values(read.state.answers).every((answer) => answer === "yes" || answer === "no"));
    assert.ok(read.state.age === "" || data.ages.some((band) => band.id === read.state.age));
  });
}

test("an id repeated 90,000 times is kept once", () => {
  assert.deepEqual(parse(`#step=seen&i=${Array(90000).fill(first).join(",")}`).state.indicators, [first]);
});
