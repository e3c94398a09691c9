/* Level of Need "which level?" helper: the decision record a practitioner copies.
 *
 * Pure: the helper data, the answers and the engine's result in, plain text out. Every
 * word comes from the helper data's "wording" (levelofneed/helper/wording.py), and the
 * Python reference (levelofneed/helper/record.py) writes the same text for the same
 * answers; the tests hold the two together for every shared vector, under Node.
 */
(function (root) {
  "use strict";

  /** @param {string} template @param {Record<string, string>} values */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, name) { return values[name]; });
  }

  /* A text from the guidance, with each contact written out as plain text. */
  /** @param {any} text @param {any} data */
  function plain(text, data) {
    var parts = typeof text === "string" ? [text] : text;
    return parts.map(function (/** @type {any} */ part) {
      return typeof part === "string" ? part : data.contacts[part.contact].text;
    }).join("");
  }

  /** @param {any} data @param {string | undefined} answer */
  function said(data, answer) {
    var w = data.wording;
    return answer === "yes" ? w.yes : answer === "no" ? w.no : w.not_answered;
  }

  /* Why a reason counts: "You chose (Level 2: Additional needs):" and the like. */
  /** @param {any} data @param {any} levels @param {any} reason */
  function reasonLabel(data, levels, reason) {
    var w = data.wording;
    var level = levels[reason.level].label;
    if (reason.rule === "combination") { return fill(w.reason_combination, {counted: levels[reason.source].label, level: level}); }
    if (reason.rule === "circumstance") { return fill(w.reason_circumstance, {level: level}); }
    if (reason.rule === "unanswered") { return fill(w.reason_unanswered, {level: level}); }
    if (reason.rule === "always-highest-level") { return fill(w.reason_always, {level: level}); }
    return fill(w.reason_indicator, {level: level});
  }

  /** @param {any} data @param {any} state */
  function answers(data, state) {
    var w = data.wording;
    var lines = [w.record_safety];
    data.safety.forEach(function (/** @type {any} */ q) {
      lines.push(fill(w.record_answer, {question: plain(q.question, data), answer: said(data, state.answers[q.id])}));
    });
    data.rules.routing_questions.concat(data.rules.circumstances).forEach(function (/** @type {any} */ q) {
      if (state.answers[q.id]) {
        lines.push(fill(w.record_answer, {question: plain(q.question, data), answer: said(data, state.answers[q.id])}));
      }
    });
    return lines;
  }

  /** @param {any} data @param {any} index @param {any} levels @param {any} state */
  function indicators(data, index, levels, state) {
    var w = data.wording;
    var seen = Object.create(null);
    var lines = ["", w.record_indicators];
    state.indicators.forEach(function (/** @type {string} */ id) {
      if (seen[id]) { return; }
      seen[id] = true;
      var indicator = index.indicators[id];
      lines.push(fill(w.record_indicator, {id: id, text: plain(indicator.text, data), level: levels[indicator.level].label}));
    });
    return lines;
  }

  /** @param {any} data @param {any} result */
  function route(data, result) {
    var w = data.wording;
    var lines = ["", w.record_route];
    result.planning_responses.forEach(function (/** @type {string} */ id) {
      var response = data.responses.filter(function (/** @type {any} */ r) { return r.id === id; })[0];
      var timescale = response.timescale ? fill(w.record_timescale, {timescale: plain(response.timescale, data)}) : "";
      lines.push(fill(w.record_response, {title: response.title, who_leads: plain(response.who_leads, data),
        timescale: timescale}));
    });
    var named = result.contacts.slice(0, 3).map(function (/** @type {string} */ id) { return data.contacts[id].text; });
    lines.push(fill(w.record_contacts, {contacts: named.join("; ")}));
    return lines;
  }

  /* Each legal duty with who, what, by when and through whom. */
  /** @param {any} data @param {any} result */
  function duties(data, result) {
    var w = data.wording;
    var lines = result.duties.length ? ["", w.record_duties] : [];
    result.duties.forEach(function (/** @type {string} */ id) {
      var duty = data.duties[id];
      lines.push(fill(w.record_duty, {name: duty.name}));
      [["duty_who", duty.who], ["duty_what", duty.what], ["duty_by_when", duty.by_when]].forEach(function (pair) {
        lines.push(fill(w.record_duty_line, {label: w[pair[0]], text: plain(pair[1], data)}));
      });
      lines.push(fill(w.record_duty_line, {label: w.duty_through, text: data.contacts[duty.contact].text}));
    });
    return lines;
  }

  /* Whether the family may be told: the record always says. */
  /** @param {any} data @param {any} index @param {any} result */
  function family(data, index, result) {
    var w = data.wording;
    /** @type {string[]} */
    var whom = [];
    result.do_not_alert.forEach(function (/** @type {string} */ id) {
      index.indicators[id].do_not_alert.advice_from.forEach(function (/** @type {string} */ cid) {
        if (whom.indexOf(cid) === -1) { whom.push(cid); }
      });
    });
    var said = whom.length ? fill(w.record_do_not_alert, {contacts: whom.map(function (id) {
      return data.contacts[id].text;
    }).join("; ")}) : w.record_may_tell;
    return ["", w.record_family, said];
  }

  /**
   * The record, as helper/record.py writes it for the same answers, notes and day.
   * @param {any} data the helper data @param {any} index the engine's prepared data
   * @param {any} state {answers, age, indicators} @param {any} result the engine's suggestion
   * @param {string} notes what the practitioner typed @param {string} day the date, as "5 December 2026"
   */
  function write(data, index, state, result, notes, day) {
    var w = data.wording;
    var levels = index.levels;
    var age = result.age_band || state.age;
    var ageLine = age ? [fill(w.record_age, {age: data.ages.filter(function (/** @type {any} */ b) {
      return b.id === age;
    })[0].label})] : [];
    var level = result.level ? levels[result.level].label : w.record_no_level;
    var lines = [w.record_heading, fill(w.record_date, {date: day}), fill(w.record_guidance, {guidance: data.guidance}), ""]
      .concat(answers(data, state), ageLine, result.stopped ? [] : indicators(data, index, levels, state),
        ["", fill(w.record_level, {level: level}), w.record_why],
        result.reasons.map(function (/** @type {any} */ reason) {
          return fill(w.record_reason, {label: reasonLabel(data, levels, reason), text: plain(reason.text, data)});
        }),
        route(data, result), duties(data, result), family(data, index, result),
        ["", w.record_notes, notes.trim() || w.record_no_notes, "", plain(data.rules.caveat, data)]);
    return lines.join("\n");
  }

  root.LevelOfNeedRecord = {write: write, reasonLabel: reasonLabel, fill: fill, plain: plain};
}(this));
