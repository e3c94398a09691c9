/* Level of Need "which level?" helper: the page.
 *
 * Safety questions first; then what the practitioner has seen; then the suggested level
 * with its reasons, whom to contact, what to do and a rationale to copy. The engine
 * (helper-engine.js) decides; this file only draws. Every text from the guidance is
 * inserted with textContent, never as markup. The whole state lives in the URL fragment,
 * which never reaches a server; nothing is sent, stored or kept, and notes typed in the
 * box are in no URL at all.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 100;
  var STEPS = ["safety", "stop", "seen", "result"];
  var cache = Object.create(null);

  /* DOM, text only. */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === "text") { node.textContent = value; } else { node.setAttribute(name, value === true ? "" : value); }
    });
    (children || []).forEach(function (child) {
      if (child) { node.appendChild(typeof child === "string" ? document.createTextNode(child) : child); }
    });
    return node;
  }

  function tel(number) {
    return el("a", {"class": "lon-tel", href: "tel:" + number.replace(/[^\d+]/g, ""), text: number});
  }

  /* Text from the guidance: a string, or parts where it names a contact
   * (["Call ", {contact: "front-door"}, " now."]), written by the site's build. */
  function parts(text) {
    return typeof text === "string" ? [text] : text;
  }

  /* The text with each contact shown by name, with its number one tap away. */
  function rich(tag, text, data, attrs) {
    var node = el(tag, attrs);
    parts(text).forEach(function (part) {
      node.appendChild(typeof part === "string" ? document.createTextNode(part) : mention(data.contacts[part.contact]));
    });
    return node;
  }

  function mention(contact) {
    var reach = contact.phone ? [contact.short + " on ", tel(contact.phone)]
      : [el("a", {href: contact.url || ("mailto:" + contact.email), text: contact.short})];
    if (!contact.verified) { reach.push(" (not yet verified: check before use)"); }
    return el("span", {"class": "lon-mention"}, reach);
  }

  /* The text in plain words, each contact written out as the site writes it in plain text. */
  function plain(text, data) {
    return parts(text).map(function (part) {
      return typeof part === "string" ? part : data.contacts[part.contact].text;
    }).join("");
  }

  /* The text with each contact named but not numbered: for words that are a link or a label, where a
   * number could not be tapped (the page the link opens gives it). */
  function named(text, data) {
    return parts(text).map(function (part) {
      return typeof part === "string" ? part : data.contacts[part.contact].short;
    }).join("");
  }

  /* A label in front of a text: "Who leads: " + parts. */
  function labelled(label, text) {
    return [label].concat(parts(text));
  }

  function badge(level) {
    return el("span", {"class": "lon-badge lon-tone-" + level.tone, text: level.label});
  }

  /* State in the URL fragment: #step=seen&a=question.yes,question.no&age=0-4&i=id,id
   *
   * A link may be old (an indicator renamed since it was shared), damaged (a broken % escape)
   * or made up. Only what the guidance knows is kept: known steps, question ids answered
   * exactly yes or no, known age bands and indicator ids, each once, so never more than the
   * guidance holds; everything else is dropped, and `dropped` says so, so the page can tell
   * the practitioner to check the answers. Reading is linear in the link's length. */

  function emptyState() {
    return {step: "safety", answers: Object.create(null), age: "", indicators: []};
  }

  function known(ids) {
    var set = Object.create(null);
    ids.forEach(function (id) { set[id] = true; });
    return set;
  }

  function decode(value) {
    try { return decodeURIComponent(value); } catch (error) { return null; }
  }

  function readState(data, index) {
    var state = emptyState();
    var hash = location.hash.replace(/^#/, "");
    var report = {dropped: false};
    var questions = known(data.safety.concat(data.rules.routing_questions, data.rules.circumstances)
      .map(function (question) { return question.id; }));
    var ages = known(data.ages.map(function (band) { return band.id; }));
    hash.split("&").forEach(function (part) {
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

  function knownIndicators(value, index, report) {
    var kept = [];
    var seen = Object.create(null);
    value.split(",").forEach(function (id) {
      if (!id) { return; }
      if (index.indicators[id] && !seen[id]) { kept.push(id); seen[id] = true; } else { report.dropped = true; }
    });
    return kept;
  }

  function readAnswers(value, questions, answers, report) {
    value.split(",").forEach(function (item) {
      var at = item.lastIndexOf(".");
      var id = item.slice(0, at);
      var answer = item.slice(at + 1);
      if (at > 0 && questions[id] && (answer === "yes" || answer === "no")) { answers[id] = answer; }
      else if (item) { report.dropped = true; }
    });
  }

  function writeState(state, push) {
    var answers = Object.keys(state.answers).map(function (id) { return id + "." + state.answers[id]; });
    var parts = ["step=" + state.step];
    if (answers.length) { parts.push("a=" + encodeURIComponent(answers.join(","))); }
    if (state.age) { parts.push("age=" + encodeURIComponent(state.age)); }
    if (state.indicators.length) { parts.push("i=" + encodeURIComponent(state.indicators.join(","))); }
    history[push ? "pushState" : "replaceState"](null, "", "#" + parts.join("&"));
  }

  /* The app. */

  function App(root, data) {
    this.root = root;
    this.data = data;
    this.index = window.LevelOfNeedEngine.prepare(data);
    this.levels = Object.create(null);
    this.domains = Object.create(null);
    this.searchable = Object.create(null);
    var self = this;
    data.levels.forEach(function (level) { self.levels[level.id] = level; });
    data.domains.forEach(function (domain) { self.domains[domain.id] = domain; });
    this.notes = "";
    this.filters = {domain: "", query: "", shown: PAGE_SIZE};
  }

  App.prototype.given = function () {
    var band = this.state.age || null;
    return {answers: this.state.answers, age_band: band, indicators: this.state.indicators};
  };

  App.prototype.show = function (push) {
    if (!this.state) { this.restore(); }
    if (push !== undefined) { writeState(this.state, push); }
    var step = this.state.step;
    this.result = window.LevelOfNeedEngine.suggest(this.index, this.given());
    if (step === "stop" && !this.result.stopped) { step = this.state.step = "safety"; }
    this.root.textContent = "";
    if (this.dropped) {
      this.root.appendChild(el("p", {"class": "lon-error", role: "status",
        text: "Part of this link could not be used: it may be from an older version of the guidance. " +
          "Check the answers below."}));
    }
    var draw = {safety: this.drawSafety, stop: this.drawStop, seen: this.drawSeen, result: this.drawResult}[step];
    draw.call(this);
    var heading = this.root.querySelector("h2");
    if (heading && push !== false) { heading.focus(); }
  };

  /* The state from the address, and a note when part of the link could not be used. */
  App.prototype.restore = function () {
    var read = readState(this.data, this.index);
    this.state = read.state;
    this.dropped = read.dropped;
  };

  App.prototype.go = function (step) {
    this.dropped = false;
    this.state.step = step;
    this.show(true);
  };

  App.prototype.yesNo = function (question, name, onChange) {
    var self = this;
    var hint = question.help ? rich("p", question.help, self.data, {"class": "lon-hint", id: "hint-" + name}) : null;
    var options = ["yes", "no"].map(function (value) {
      var input = el("input", {type: "radio", name: name, value: value, id: name + "-" + value,
        checked: self.state.answers[question.id] === value, "aria-describedby": hint ? "hint-" + name : null});
      input.addEventListener("change", function () { self.state.answers[question.id] = value; onChange(); });
      return el("div", {"class": "lon-radio"}, [input, el("label", {"for": name + "-" + value,
        text: value === "yes" ? "Yes" : "No"})]);
    });
    return el("fieldset", {"class": "lon-question"}, [el("legend", {text: named(question.question, self.data)}), hint,
      el("div", {"class": "lon-radios"}, options)]);
  };

  App.prototype.drawSafety = function () {
    var self = this;
    var questions = this.data.safety;
    var error = el("div", {"class": "lon-error", role: "alert", tabindex: "-1", hidden: true});
    var form = el("form", {novalidate: true}, questions.map(function (question) {
      return self.yesNo(question, "safety-" + question.id, function () { writeState(self.state, false); });
    }).concat([error, el("button", {type: "submit", "class": "md-button md-button--primary", text: "Continue"})]));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var missing = questions.filter(function (q) { return !self.state.answers[q.id]; });
      if (missing.length) {
        error.hidden = false;
        error.textContent = "Answer every question, yes or no. Not answered yet: " +
          missing.map(function (q) { return named(q.question, self.data); }).join(" ");
        error.focus();
        return;
      }
      self.go(questions.some(function (q) { return self.state.answers[q.id] === "yes"; }) ? "stop" : "seen");
    });
    this.root.appendChild(el("h2", {tabindex: "-1", text: "Step 1 of 3: is the child safe now?"}));
    this.root.appendChild(el("p", {text: "Answer each question. If any answer is yes, the helper shows what to do straight away."}));
    this.root.appendChild(form);
  };

  App.prototype.drawStop = function () {
    var self = this;
    var level = this.levels[this.result.level];
    this.root.appendChild(el("h2", {tabindex: "-1", text: "Act now"}));
    this.root.appendChild(el("div", {"class": "lon-result-level lon-tone-" + level.tone}, [
      el("p", {text: "Your answer means:"}), badge(level)]));
    this.data.safety.forEach(function (question) {
      if (self.state.answers[question.id] !== "yes") { return; }
      self.root.appendChild(el("section", {"class": "lon-act"}, [
        el("h3", {text: named(question.question, self.data)}), rich("p", question.action, self.data)]));
    });
    this.drawApplies();
    this.drawRecord();
    this.root.appendChild(this.button("Change my answers", function () { self.go("safety"); }));
  };

  App.prototype.button = function (label, onClick, primary) {
    var button = el("button", {type: "button", "class": "md-button" + (primary ? " md-button--primary" : ""), text: label});
    button.addEventListener("click", onClick);
    return button;
  };

  App.prototype.drawSeen = function () {
    var self = this;
    this.root.appendChild(el("h2", {tabindex: "-1", text: "Step 2 of 3: what have you seen?"}));
    this.data.rules.routing_questions.forEach(function (question) {
      self.root.appendChild(self.yesNo(question, "route-" + question.id, function () {
        if (question.age_band) { self.state.age = self.state.answers[question.id] === "yes" ? question.age_band : ""; }
        writeState(self.state, false);
        self.show(false);
      }));
    });
    this.root.appendChild(this.filterControls());
    this.status = el("p", {"class": "lon-filter__status", role: "status"});
    this.list = el("ul", {"class": "lon-picker", "aria-label": "Indicators"});
    this.more = this.button("Show more indicators", function () { self.filters.shown += PAGE_SIZE; self.drawList(); });
    this.circumstances = el("div", {"class": "lon-circumstances"});
    this.summary = el("div", {"class": "lon-summary", "aria-live": "polite"});
    [this.status, this.list, this.more, this.circumstances, this.summary].forEach(function (node) {
      self.root.appendChild(node);
    });
    this.drawList();
    this.update();
    this.root.appendChild(el("p", {}, [this.button("See what this suggests", function () { self.go("result"); }, true),
      " ", this.button("Back to the safety questions", function () { self.go("safety"); })]));
  };

  App.prototype.filterControls = function () {
    var self = this;
    var age = el("select", {id: "lon-helper-age"}, [el("option", {value: "", text: "Any age"})].concat(
      this.data.ages.map(function (band) { return el("option", {value: band.id, text: band.label, selected: self.state.age === band.id}); })));
    var domain = el("select", {id: "lon-helper-domain"}, [el("option", {value: "", text: "Every area"})].concat(
      this.data.domains.map(function (d) { return el("option", {value: d.id, text: d.name, selected: self.filters.domain === d.id}); })));
    var query = el("input", {type: "search", id: "lon-helper-query", value: this.filters.query, autocomplete: "off",
      "aria-describedby": "lon-helper-query-hint"});
    age.addEventListener("change", function () { self.state.age = age.value; writeState(self.state, false); self.refilter(); });
    domain.addEventListener("change", function () { self.filters.domain = domain.value; self.refilter(); });
    query.addEventListener("input", function () { self.filters.query = query.value; self.refilter(); });
    return el("div", {"class": "lon-filter"}, [
      el("div", {"class": "lon-filter__field"}, [el("label", {"for": "lon-helper-age", text: "Child's age"}), age]),
      el("div", {"class": "lon-filter__field"}, [el("label", {"for": "lon-helper-domain", text: "Area of the child's life"}), domain]),
      el("div", {"class": "lon-filter__field lon-filter__field--wide"}, [
        el("label", {"for": "lon-helper-query", text: "Find what you have seen"}), query,
        el("p", {"class": "lon-hint", id: "lon-helper-query-hint", text: "Type your own words, for example DV, bruise or not brought."})])]);
  };

  App.prototype.refilter = function () {
    this.filters.shown = PAGE_SIZE;
    this.drawList();
  };

  /* Words a practitioner types, widened by the guidance's synonym groups ("DV" finds domestic abuse).
   * Each term must start a word in the indicator's text or keywords. A short synonym (an
   * acronym) must be a whole word, so "da" never matches "daily". Longer words lose a common
   * ending first, so "bruised" finds "bruising". */
  App.prototype.terms = function (query) {
    var groups = this.data.synonyms;
    var phrase = query.toLowerCase().replace(/[^a-z0-9'\- ]+/g, " ").replace(/\s+/g, " ").trim();
    if (!phrase) { return []; }
    var widen = function (typed) {
      var synonyms = [].concat.apply([], groups.filter(function (group) { return group.indexOf(typed) !== -1; }));
      return [pattern(typed, false)].concat(synonyms.map(function (term) { return pattern(term, true); }));
    };
    var whole = groups.filter(function (group) { return group.indexOf(phrase) !== -1; });
    if (whole.length) { return [widen(phrase)]; }
    return phrase.split(" ").map(widen);
  };

  function pattern(term, synonym) {
    var stem = term.length > 4 ? term.replace(/(ing|ed|es|s|e)$/, "") : term;
    var escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp("(^|[^a-z0-9])" + escaped + (synonym && term.length <= 3 ? "($|[^a-z0-9])" : ""));
  }

  App.prototype.haystack = function (indicator) {
    if (!this.searchable[indicator.id]) {
      this.searchable[indicator.id] = (named(indicator.text, this.data) + " " + indicator.keywords.join(" ")).toLowerCase();
    }
    return this.searchable[indicator.id];
  };

  App.prototype.matches = function (indicator, terms) {
    var age = this.state.age;
    if (age && indicator.ages.length && indicator.ages.indexOf(age) === -1) { return false; }
    if (this.filters.domain && indicator.domain !== this.filters.domain) { return false; }
    var text = this.haystack(indicator);
    return terms.every(function (alternatives) {
      return alternatives.some(function (term) { return term.test(text); });
    });
  };

  App.prototype.drawList = function () {
    var self = this;
    var terms = this.terms(this.filters.query);
    var chosen = this.state.indicators;
    var found = this.data.indicators.filter(function (i) { return chosen.indexOf(i.id) === -1 && self.matches(i, terms); });
    var picked = chosen.map(function (id) { return self.index.indicators[id]; }).filter(Boolean);
    this.list.textContent = "";
    picked.concat(found.slice(0, this.filters.shown)).forEach(function (indicator) { self.list.appendChild(self.item(indicator)); });
    this.more.hidden = found.length <= this.filters.shown;
    this.status.textContent = "Showing " + Math.min(found.length, this.filters.shown) + " of " + found.length +
      " matching indicators" + (picked.length ? ", and the " + picked.length + " you have chosen" : "") + ".";
  };

  App.prototype.item = function (indicator) {
    var self = this;
    var id = "lon-pick-" + indicator.id;
    var box = el("input", {type: "checkbox", id: id, value: indicator.id, checked: this.state.indicators.indexOf(indicator.id) !== -1});
    box.addEventListener("change", function () { self.toggle(indicator.id, box.checked); });
    return el("li", {"class": "lon-picker__item"}, [box, el("label", {"for": id}, [
      badge(this.levels[indicator.level]), " ", el("span", {text: named(indicator.text, this.data)}), " ",
      el("span", {"class": "lon-picker__domain", text: this.domains[indicator.domain].name})])]);
  };

  App.prototype.toggle = function (id, on) {
    var chosen = this.state.indicators.filter(function (other) { return other !== id; });
    this.state.indicators = on ? chosen.concat([id]) : chosen;
    writeState(this.state, false);
    this.update();
  };

  /* After each tick: the engine again, the questions it needs, and the summary, announced. */
  App.prototype.update = function () {
    var self = this;
    this.result = window.LevelOfNeedEngine.suggest(this.index, this.given());
    this.circumstances.textContent = "";
    this.data.rules.circumstances.forEach(function (question) {
      var asked = question.asked_for.some(function (id) { return self.state.indicators.indexOf(id) !== -1; });
      if (asked) { self.circumstances.appendChild(self.yesNo(question, "about-" + question.id, function () {
        writeState(self.state, false); self.update();
      })); }
    });
    var level = this.result.level ? this.levels[this.result.level] : null;
    var count = this.state.indicators.length;
    this.summary.textContent = "";
    this.summary.appendChild(level ? el("p", {}, ["With " + count + " indicator" + (count === 1 ? "" : "s") +
      " chosen, this suggests ", badge(level), "."]) : el("p", {text: "Choose what you have seen to see a suggested level."}));
    if (this.result.questions.length) {
      this.summary.appendChild(el("p", {text: "Answer the question about the child above: it can change the level."}));
    }
  };

  App.prototype.drawResult = function () {
    var self = this;
    var result = this.result;
    this.root.appendChild(el("h2", {tabindex: "-1", text: "Step 3 of 3: what this suggests"}));
    if (!result.level) {
      this.root.appendChild(el("p", {text: "You have not chosen anything you have seen yet."}));
      this.root.appendChild(this.button("Choose what you have seen", function () { self.go("seen"); }, true));
      return;
    }
    var level = this.levels[result.level];
    this.root.appendChild(el("div", {"class": "lon-result-level lon-tone-" + level.tone}, [
      el("p", {text: "This suggests"}), badge(level), rich("p", level.summary, this.data)]));
    this.root.appendChild(el("h3", {text: "Why"}));
    this.root.appendChild(el("ul", {"class": "lon-reasons"}, result.reasons.map(function (reason) {
      var indicator = reason.rule === "indicator" || reason.rule === "always-highest-level";
      var said = indicator ? el("a", {href: self.data.indicator_url.replace("ID", reason.source), text: named(reason.text, self.data)})
        : rich("span", reason.text, self.data);
      return el("li", {}, [el("strong", {text: self.reasonLabel(reason) + " "}), said]);
    })));
    this.root.appendChild(el("p", {"class": "lon-caveat"}, [rich("strong", this.data.rules.caveat, this.data)]));
    this.drawFirstActions();
    this.drawApplies();
    this.drawRecord();
    this.root.appendChild(el("p", {}, [this.button("Change what you have seen", function () { self.go("seen"); }),
      " ", this.button("Start again", function () { self.state = emptyState(); self.dropped = false; self.show(true); })]));
  };

  App.prototype.reasonLabel = function (reason) {
    var level = this.levels[reason.level].label;
    if (reason.rule === "combination") {
      var counted = this.levels[reason.source];
      return "Several indicators at " + counted.label + ", in more than one area of the child's life (" + level + "):";
    }
    if (reason.rule === "circumstance") { return "Because of your answer about the child (" + level + "):"; }
    if (reason.rule === "always-highest-level") { return "Always " + level + ":"; }
    return "You chose (" + level + "):";
  };

  App.prototype.drawFirstActions = function () {
    var self = this;
    var actions = [];
    this.state.indicators.concat(this.result.reasons.filter(function (r) { return r.rule === "circumstance"; })
      .map(function (r) { return self.data.rules.circumstances.filter(function (c) { return c.id === r.source; })[0].indicator; }))
      .forEach(function (id) { actions = actions.concat(self.index.indicators[id].first_actions); });
    if (!actions.length) { return; }
    this.root.appendChild(el("h3", {text: "First"}));
    this.root.appendChild(el("ol", {}, actions.map(function (action) { return rich("li", action, self.data); })));
  };

  App.prototype.drawApplies = function () {
    var self = this;
    var data = this.data;
    var result = this.result;
    var responses = result.planning_responses.map(function (id) { return data.responses.filter(function (r) { return r.id === id; })[0]; });
    this.root.appendChild(el("h3", {text: "What to do"}));
    responses.forEach(function (response) {
      self.root.appendChild(el("section", {"class": "lon-response"}, [el("h4", {text: response.title}),
        rich("p", response.summary, data), rich("p", labelled("Who leads: ", response.who_leads), data),
        response.timescale ? rich("p", labelled("Timescale: ", response.timescale), data) : null,
        el("ol", {}, response.steps.map(function (step) { return rich("li", step, data); }))]));
    });
    this.root.appendChild(el("h3", {text: "Whom to contact"}));
    this.root.appendChild(el("ul", {"class": "lon-contacts"}, result.contacts.map(function (id) {
      var contact = data.contacts[id];
      return el("li", {}, [el("strong", {text: contact.name}), contact.phone ? ": " : "", contact.phone ? tel(contact.phone) : null,
        contact.hours ? " (" + contact.hours.join("; ") + ")" : "", contact.verified ? "" : " Not yet verified: check before use."]);
    })));
    this.links("Procedures", result.procedures.map(function (id) {
      var note = data.rules.always_offer.indexOf(id) !== -1 ? " (" + plain(data.rules.always_offer_note, data) + ")" : "";
      return [data.procedures[id].name, data.procedures[id].url, note];
    }));
    this.links("Services", result.services.map(function (id) { return [data.services[id].name, data.services[id].url, ""]; }));
    this.links("7-minute briefings", result.briefings.map(function (id) { return [data.briefings[id].title, data.briefings[id].url, ""]; }));
  };

  App.prototype.links = function (title, items) {
    if (!items.length) { return; }
    this.root.appendChild(el("h3", {text: title}));
    this.root.appendChild(el("ul", {}, items.map(function (item) {
      return el("li", {}, [el("a", {href: item[1], text: item[0]}), item[2]]);
    })));
  };

  App.prototype.drawRecord = function () {
    var self = this;
    var notes = el("textarea", {id: "lon-helper-notes", rows: "4", "aria-describedby": "lon-helper-privacy"});
    notes.value = this.notes;
    var record = el("textarea", {id: "lon-helper-rationale", rows: "14", readonly: true});
    var status = el("p", {"class": "lon-filter__status", role: "status"});
    var refresh = function () { record.value = self.rationale(); };
    notes.addEventListener("input", function () { self.notes = notes.value; refresh(); });
    refresh();
    var copy = this.button("Copy the rationale", function () { self.copy(record, status); }, true);
    var print = this.button("Print", function () { window.print(); });
    this.root.appendChild(el("section", {"class": "lon-record", "aria-labelledby": "lon-record-title"}, [
      el("h3", {id: "lon-record-title", text: "A rationale to record"}),
      el("p", {text: "Copy this into the child's record or a referral form, or print it."}),
      el("p", {"class": "lon-privacy", id: "lon-helper-privacy"}, [rich("strong", this.data.rules.privacy_note, this.data)]),
      el("label", {"for": "lon-helper-notes", text: "Your notes (optional)"}), notes,
      el("label", {"for": "lon-helper-rationale", text: "The rationale"}), record,
      el("p", {}, [copy, " ", print]), status]));
  };

  App.prototype.copy = function (record, status) {
    var done = function () { status.textContent = "Copied. Paste it into the record."; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(record.value).then(done, function () { status.textContent = "Select the text and copy it."; });
    } else {
      record.select();
      document.execCommand("copy");
      done();
    }
  };

  App.prototype.rationale = function () {
    var self = this;
    var data = this.data;
    var result = this.result;
    var lines = ["Which level? A record of the decision", "Date: " + new Date().toLocaleDateString("en-GB",
      {day: "numeric", month: "long", year: "numeric"}), "Guidance: " + data.partnership + " Level of Need guidance, version " + data.version, "",
      "Safety questions:"];
    data.safety.forEach(function (q) { lines.push("- " + plain(q.question, data) + " " + (self.state.answers[q.id] === "yes" ? "Yes" : "No")); });
    data.rules.routing_questions.concat(data.rules.circumstances).forEach(function (q) {
      if (self.state.answers[q.id]) { lines.push("- " + plain(q.question, data) + " " + (self.state.answers[q.id] === "yes" ? "Yes" : "No")); }
    });
    if (this.state.age) { lines.push("Age: " + data.ages.filter(function (b) { return b.id === self.state.age; })[0].label); }
    if (!result.stopped) {
      lines.push("", "Indicators chosen:");
      this.state.indicators.forEach(function (id) {
        var indicator = self.index.indicators[id];
        lines.push("- [" + id + "] " + plain(indicator.text, data) + " (" + self.levels[indicator.level].label + ")");
      });
    }
    lines.push("", "Suggested level: " + (result.level ? this.levels[result.level].label : "none yet"), "Why:");
    result.reasons.forEach(function (reason) { lines.push("- " + self.reasonLabel(reason) + " " + plain(reason.text, data)); });
    lines.push("", "Route:");
    result.planning_responses.forEach(function (id) {
      var response = data.responses.filter(function (r) { return r.id === id; })[0];
      lines.push("- " + response.title + ". Who leads: " + plain(response.who_leads, data) +
        (response.timescale ? " Timescale: " + plain(response.timescale, data) : ""));
    });
    lines.push("- Contact: " + result.contacts.slice(0, 3).map(function (id) { return data.contacts[id].text; }).join("; "));
    lines.push("", "Notes:", this.notes.trim() || "(none)", "", plain(data.rules.caveat, data));
    return lines.join("\n");
  };

  function start() {
    var root = document.getElementById("lon-helper");
    if (!root || !window.LevelOfNeedEngine) { return; }
    var src = root.getAttribute("data-src");
    var ready = cache[src] ? Promise.resolve(cache[src]) : fetch(src).then(function (response) { return response.json(); });
    ready.then(function (data) {
      cache[src] = data;
      var app = new App(root, data);
      if (!safely(root, function () { app.show(false); })) { return; }
      window.onpopstate = function () { safely(root, function () { app.restore(); app.show(false); }); };
      window.LevelOfNeedHelper = app;
    }).catch(function () { safely(root, function () { throw new Error("no helper data"); }); });
  }

  /* Draw; if anything fails, the page keeps its static help ("Act now if any of these is true", the
   * indicators by level), which is hidden only once the helper has drawn a step. */
  function safely(root, draw) {
    var staticPart = document.getElementById("lon-helper-static");
    try {
      root.hidden = false;
      draw();
      if (staticPart) { staticPart.hidden = true; }
      return true;
    } catch (error) {
      root.hidden = true;
      root.textContent = "";
      if (staticPart) { staticPart.hidden = false; }
      return false;
    }
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
}());
