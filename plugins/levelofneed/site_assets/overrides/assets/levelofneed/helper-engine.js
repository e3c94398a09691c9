/* Level of Need "which level?" helper: the browser engine.
 *
 * The same rules as the reference engine in Python (levelofneed/helper/rules.py), over the
 * helper data the site publishes (which-level/helper-data.json). Pure: no DOM, no network,
 * no storage. Both engines run the shared test vectors (tests/helper/vectors.yaml) and must
 * agree on every one. What applies to what (an indicator's procedures and briefings, the
 * services at a level) was worked out when the data was written; this file only follows
 * the rules. Texts are opaque here: the contacts each record names are listed with it in the
 * data, so the engine never reads wording.
 */
(function (root) {
  "use strict";

  /* Every lookup by id is a map with no prototype: an id such as "constructor" or "__proto__" is
   * an id like any other, never a property every object has. */
  function unique(values) {
    var seen = Object.create(null);
    return values.filter(function (value) {
      if (seen[value]) { return false; }
      seen[value] = true;
      return true;
    });
  }

  function indexBy(list) {
    var found = Object.create(null);
    list.forEach(function (item) { found[item.id] = item; });
    return found;
  }

  /* The data file leaves an indicator's empty lists out, to keep it small. */
  var LISTS = ["ages", "keywords", "first_actions", "contacts", "services", "procedures", "briefings", "duties"];

  function complete(indicator) {
    LISTS.forEach(function (name) { indicator[name] = indicator[name] || []; });
    return indicator;
  }

  /* Lookups built once per data file, so each suggestion costs only what was chosen. */
  function prepare(data) {
    var responsesByLevel = Object.create(null);
    data.responses.forEach(function (response) {
      (responsesByLevel[response.level] = responsesByLevel[response.level] || []).push(response);
    });
    return {
      data: data,
      levels: indexBy(data.levels),
      indicators: indexBy(data.indicators.map(complete)),
      responsesByLevel: responsesByLevel,
      always: data.rules.always_highest_level || [],
      top: data.levels[data.levels.length - 1].id
    };
  }

  function highest(index, levelIds) {
    var best = null;
    levelIds.forEach(function (id) {
      if (best === null || index.levels[id].number > index.levels[best].number) { best = id; }
    });
    return best;
  }

  function reason(id, rule, level, source, text) {
    return {id: id, rule: rule, level: level, source: source, text: text};
  }

  function routing(index, given) {
    var ageBand = given.age_band || null;
    var procedures = [];
    (index.data.rules.routing_questions || []).forEach(function (question) {
      if (given.answers[question.id] === "yes") {
        ageBand = question.age_band || ageBand;
        procedures = procedures.concat(question.procedures || []);
      }
    });
    return {ageBand: ageBand, procedures: procedures};
  }

  function circumstances(index, given, chosenIds) {
    var effective = [];
    var reasons = [];
    var pending = [];
    (index.data.rules.circumstances || []).forEach(function (question) {
      var asked = question.asked_for.some(function (id) { return chosenIds.indexOf(id) !== -1; });
      if (!asked) { return; }
      var answer = given.answers[question.id];
      // Unknown is never safe (ADR 14): unanswered counts as the answer that raises, and stays pending.
      if (answer === undefined) { pending.push(question.id); }
      if (answer === undefined || answer === question.raises_when) {
        var rule = answer === undefined ? "unanswered" : "circumstance";
        var indicator = index.indicators[question.indicator];
        effective.push(indicator);
        reasons.push(reason(rule + ":" + question.id, rule, indicator.level, question.id, indicator.text));
      }
    });
    return {effective: effective, reasons: reasons, pending: pending};
  }

  /* The duties of routing questions answered yes, or not answered yet: unknown is never safe (ADR 14). */
  function routedDuties(index, given) {
    var duties = [];
    (index.data.rules.routing_questions || []).forEach(function (question) {
      if (given.answers[question.id] !== "no") { duties = duties.concat(question.duties || []); }
    });
    return duties;
  }

  function indicatorReasons(index, chosen) {
    return chosen.map(function (indicator) {
      if (index.always.indexOf(indicator.id) !== -1) {
        return reason("always:" + indicator.id, "always-highest-level", index.top, indicator.id, indicator.text);
      }
      return reason("indicator:" + indicator.id, "indicator", indicator.level, indicator.id, indicator.text);
    });
  }

  function combinations(index, chosen) {
    var reasons = [];
    (index.data.rules.combinations || []).forEach(function (rule) {
      var atLevel = chosen.filter(function (indicator) { return indicator.level === rule.level; });
      var domains = unique(atLevel.map(function (indicator) { return indicator.domain; }));
      if (atLevel.length >= rule.at_least && domains.length >= rule.across_domains) {
        reasons.push(reason("combination:" + rule.level, "combination", rule.suggests, rule.level,
          index.levels[rule.level].step_up));
      }
    });
    return reasons;
  }

  function services(index, indicators, level) {
    var named = [];
    indicators.forEach(function (indicator) { named = named.concat(indicator.services); });
    return unique(named.concat(level ? level.services : []));
  }

  function assemble(index, parts) {
    var data = index.data;
    var level = parts.level ? index.levels[parts.level] : null;
    var responses = level ? (index.responsesByLevel[level.id] || []) : [];
    var named = parts.contacts.slice();
    var procedures = parts.procedures.slice();
    var briefings = [];
    var duties = parts.duties.slice();
    parts.indicators.forEach(function (indicator) {
      named = named.concat(indicator.contacts);
      procedures = procedures.concat(indicator.procedures);
      briefings = briefings.concat(indicator.briefings);
      duties = duties.concat(indicator.duties);
    });
    if (level) {
      named = named.concat(level.contacts);
      responses.forEach(function (response) { named = named.concat(response.contacts); });
    }
    procedures = unique(procedures.concat(data.rules.always_offer || []));
    duties = unique(duties);
    var unalerted = parts.indicators.filter(function (indicator) { return Boolean(indicator.do_not_alert); });
    duties.forEach(function (id) { named.push(data.duties[id].contact); });
    unalerted.forEach(function (indicator) { named = named.concat(indicator.do_not_alert.advice_from); });
    return {
      level: parts.level, stopped: parts.stopped, reasons: parts.reasons, age_band: parts.ageBand,
      questions: parts.questions,
      planning_responses: responses.map(function (response) { return response.id; }),
      contacts: unique(named.concat([data.front_door, data.out_of_hours])),
      services: services(index, parts.indicators, level),
      procedures: procedures,
      briefings: unique(briefings),
      duties: duties,
      do_not_alert: unique(unalerted.map(function (indicator) { return indicator.id; }))
    };
  }

  function stop(index, given, yes) {
    return assemble(index, {
      level: highest(index, yes.map(function (question) { return question.level; })), stopped: true,
      reasons: yes.map(function (q) { return reason("safety:" + q.id, "safety-question", q.level, q.id, q.action); }),
      ageBand: given.age_band || null, questions: [],
      // What the chosen indicators, and those a question about the child brings, need follows act now:
      // a 'yes' never takes a contact or a duty away.
      indicators: unique(given.indicators).map(function (id) { return index.indicators[id]; })
        .concat(circumstances(index, given, unique(given.indicators)).effective),
      procedures: [].concat.apply([], yes.map(function (question) { return question.procedures || []; })),
      contacts: [].concat.apply([], yes.map(function (question) { return question.contacts; })),
      duties: [].concat.apply([], yes.map(function (question) { return question.duties || []; }))
        .concat(routedDuties(index, given))
    });
  }

  /* given: {answers: {questionId: "yes"|"no"}, age_band: band or null, indicators: [ids]} */
  function suggest(index, given) {
    var answers = given.answers || Object.create(null);
    var yes = index.data.safety.filter(function (question) { return answers[question.id] === "yes"; });
    given = {answers: answers, age_band: given.age_band || null, indicators: given.indicators || []};
    if (yes.length) { return stop(index, given, yes); }
    var routed = routing(index, given);
    var chosenIds = unique(given.indicators);
    var chosen = chosenIds.map(function (id) { return index.indicators[id]; });
    var found = circumstances(index, given, chosenIds);
    var candidates = found.reasons.concat(indicatorReasons(index, chosen), combinations(index, chosen));
    var level = highest(index, candidates.map(function (r) { return r.level; }));
    return assemble(index, {
      level: level, stopped: false, ageBand: routed.ageBand, questions: found.pending,
      reasons: candidates.filter(function (r) { return r.level === level; }),
      indicators: chosen.concat(found.effective), procedures: routed.procedures, contacts: [],
      duties: routedDuties(index, given)
    });
  }

  root.LevelOfNeedEngine = {prepare: prepare, suggest: suggest};
}(this));
