/* Runs the browser's "call now" engine over many instants at once, for tests/test_hours.py:
 * reads hours.json and moments.json from LON_FIXTURES and prints, for each instant, the London
 * wall-clock time it read and who answers. The process runs in another time zone on purpose, so
 * the conversion to London time is the engine's own. Not a test itself: Python compares. */
"use strict";

const {fixture, asset} = require("./support.js");

const {LevelOfNeedCallNow} = asset("call-now.js");
const data = fixture("hours.json");
const moments = fixture("moments.json");
const found = moments.instants.map((instant) => {
  const local = LevelOfNeedCallNow.london(new Date(instant));
  const answer = LevelOfNeedCallNow.answering(data, moments.line, local);
  return {local: local.date + "T" + local.time, contact: answer.contact, state: answer.state, text: answer.text};
});
process.stdout.write(JSON.stringify(found));
