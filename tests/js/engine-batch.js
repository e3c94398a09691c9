/* Runs the browser's helper engine over many cases at once, for the safety properties
 * (tests/test_helper_properties.py): reads helper-data.json and cases.json from LON_FIXTURES and
 * prints each case's result as JSON, in order. Not a test itself: Python checks the properties. */
"use strict";

const {fixture, asset} = require("./support.js");

const {LevelOfNeedEngine} = asset("helper-engine.js");
const index = LevelOfNeedEngine.prepare(fixture("helper-data.json"));
const results = fixture("cases.json").map((given) => LevelOfNeedEngine.suggest(index, given));
process.stdout.write(JSON.stringify(results));
