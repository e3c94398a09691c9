/* Level of Need "which level?" helper: its state, read from and written to the URL fragment.
 *
 * #step=seen&a=question.yes,question.no&age=0-4&i=id,id
 *
 * The fragment never reaches a server. A link may be old (an indicator renamed since it
 * was shared), damaged (a broken % escape) or made up, so only what the guidance knows is
 * kept: known steps, question ids answered exactly yes or no, known age bands and
 * indicator ids, each once, so never more than the guidance holds. Everything else is
 * dropped, and "dropped" says so, so the page can ask the practitioner to check the
 * answers. Reading is linear in the link's length. Pure: strings in, strings out.
 */
(function (root) {
  "use strict";

  var STEPS = ["safety", "stop", "seen", "result"];

  /** @returns {{step: string, answers: Record<string, string>, age: string, indicators: string[]}} */
  function empty() {
    return {step: "safety", answers: Object.create(null), age: "", indicators: []};
  }

  /** @param {string[]} ids */
  function known(ids) {
    /** @type {Record<string, boolean>} */
    var set = Object.create(null);
    ids.forEach(function (id) { set[id] = true; });
    return set;
  }

  /** @param {string} value */
  function decode(value) {
    try { return decodeURIComponent(value); } catch { return null; }
  }

  /**
   * The state a fragment holds, and whether anything in it had to be dropped.
   * @param {string} hash the fragment, with or without its "#" @param {any} data the helper data
   * @param {any} index the engine's prepared data
   */
  function parse(hash, data, index) {
    var state = empty();
    var report = {dropped: false};
    var questions = known(data.safety.concat(data.rules.routing_questions, data.rules.circumstances)
      .map(function (/** @type {any} */ question) { return question.id; }));
    var ages = known(data.ages.map(function (/** @type {any} */ band) { return band.id; }));
    hash.replace(/^#/, "").split("&").forEach(function (part) {
      if (!part) { return; }
      var pair = part.split("=");
      var value = decode(pair.slice(1).join("="));
      if (value === null) { report.dropped = true; return; }
      if (pair[0] === "step" && STEPS.indexOf(value) !== -1) { state.step = value; }
      else if (pair[0] === "age" && (ages[value] || value === "")) { state.age = value; }
      else if (pair[0] === "i") { state.indicators = knownIndicators(value, index, report); }
      else if (pair[0] === "a") { readAnswers(value, questions, state.answers, report); }
      else { report.dropped = true; }
    });
    return {state: state, dropped: report.dropped};
  }

  /** @param {string} value @param {any} index @param {{dropped: boolean}} report */
  function knownIndicators(value, index, report) {
    /** @type {string[]} */
    var kept = [];
    var seen = known([]);
    value.split(",").forEach(function (id) {
      if (!id) { return; }
      if (index.indicators[id] && !seen[id]) { kept.push(id); seen[id] = true; } else { report.dropped = true; }
    });
    return kept;
  }

  /**
   * @param {string} value @param {Record<string, boolean>} questions
   * @param {Record<string, string>} answers @param {{dropped: boolean}} report
   */
  function readAnswers(value, questions, answers, report) {
    value.split(",").forEach(function (item) {
      var at = item.lastIndexOf(".");
      var id = item.slice(0, at);
      var answer = item.slice(at + 1);
      if (at > 0 && questions[id] && (answer === "yes" || answer === "no")) { answers[id] = answer; }
      else if (item) { report.dropped = true; }
    });
  }

  /** The fragment for a state. @param {any} state */
  function format(state) {
    var answers = Object.keys(state.answers).map(function (id) { return id + "." + state.answers[id]; });
    var parts = ["step=" + state.step];
    if (answers.length) { parts.push("a=" + encodeURIComponent(answers.join(","))); }
    if (state.age) { parts.push("age=" + encodeURIComponent(state.age)); }
    if (state.indicators.length) { parts.push("i=" + encodeURIComponent(state.indicators.join(","))); }
    return "#" + parts.join("&");
  }

  root.LevelOfNeedState = {empty: empty, parse: parse, format: format, STEPS: STEPS};
}(this));
