/* Level of Need "which level?" helper: the page.
 *
 * Safety questions first; then what the practitioner has seen; then the suggested level
 * with its reasons, whom to contact, what to do and a record to copy. The engine
 * (helper-engine.js) decides, helper-state.js reads and writes the fragment, helper-record.js
 * writes the record, and the search core (search-core.js) finds indicators in the
 * practitioner's own words, ranked as the site's search box ranks them; this file only
 * draws. Every word comes from the helper data. Every text from the guidance is inserted
 * with textContent, never as markup. The whole state lives in the URL fragment, which
 * never reaches a server; nothing is sent, stored or kept, and notes typed in the box are
 * in no URL at all.
 */
/* global LevelOfNeedEngine, LevelOfNeedState, LevelOfNeedRecord */
(function () {
  "use strict";

  var PAGE_SIZE = 100;
  /** @type {Record<string, any>} */
  var cache = Object.create(null);

  /* DOM, text only. */

  /**
   * @param {string} tag @param {Record<string, any>} [attrs] @param {Array<Node | string | null>} [children]
   * @returns {HTMLElement}
   */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = (attrs || {})[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === "text") { node.textContent = value; } else { node.setAttribute(name, value === true ? "" : value); }
    });
    (children || []).forEach(function (child) {
      if (child) { node.appendChild(typeof child === "string" ? document.createTextNode(child) : child); }
    });
    return node;
  }

  /** @param {string} number */
  function tel(number) {
    return el("a", {"class": "lon-tel", href: "tel:" + number.replace(/[^\d+]/g, ""), text: number});
  }

  /* Text from the guidance: a string, or parts where it names a contact
   * (["Call ", {contact: "front-door"}, " now."]), written by the site's build. */
  /** @param {any} text @returns {any[]} */
  function parts(text) {
    return typeof text === "string" ? [text] : text;
  }

  /* The text with each contact shown by name, with its number one tap away. */
  /** @param {string} tag @param {any} text @param {any} data @param {Record<string, any>} [attrs] */
  function rich(tag, text, data, attrs) {
    var node = el(tag, attrs);
    parts(text).forEach(function (part) {
      node.appendChild(typeof part === "string" ? document.createTextNode(part) : mention(data.contacts[part.contact], data));
    });
    return node;
  }

  /** @param {any} contact @param {any} data */
  function mention(contact, data) {
    /** @type {Array<Node | string>} */
    var reach = contact.phone ? [contact.short + " on ", tel(contact.phone)]
      : [el("a", {href: contact.url || ("mailto:" + contact.email), text: contact.short})];
    if (!contact.verified) { reach.push(data.wording.unverified); }
    return el("span", {"class": "lon-mention"}, reach);
  }

  /* The text with each contact named but not numbered: for words that are a link or a label, where a
   * number could not be tapped (the page the link opens gives it). */
  /** @param {any} text @param {any} data */
  function named(text, data) {
    return parts(text).map(function (part) {
      return typeof part === "string" ? part : data.contacts[part.contact].short;
    }).join("");
  }

  /** @param {any} text @param {any} data */
  function plain(text, data) {
    return LevelOfNeedRecord.plain(text, data);
  }

  /** @param {string} template @param {Record<string, string>} values */
  function fill(template, values) {
    return LevelOfNeedRecord.fill(template, values);
  }

  /** @param {any} level */
  function badge(level) {
    return el("span", {"class": "lon-badge lon-tone-" + Number(level.tone), text: level.label});
  }

  /** @param {string} text @param {() => void} onClick @param {boolean} [primary] */
  function button(text, onClick, primary) {
    var node = el("button", {type: "button", "class": "md-button" + (primary ? " md-button--primary" : ""), text: text});
    node.addEventListener("click", onClick);
    return node;
  }

  /* The app. */

  /** @constructor @param {HTMLElement} root @param {any} data */
  function App(root, data) {
    this.root = root;
    this.data = data;
    this.w = data.wording;
    this.index = LevelOfNeedEngine.prepare(data);
    this.levels = this.index.levels;
    this.domains = Object.create(null);
    var self = this;
    data.domains.forEach(function (/** @type {any} */ domain) { self.domains[domain.id] = domain; });
    this.notes = "";
    this.filters = {domain: "", query: "", shown: PAGE_SIZE};
    /** @type {any} */
    this.search = null;
    /** @type {any} */
    this.state = null;
    this.dropped = false;
  }

  App.prototype.given = function () {
    return {answers: this.state.answers, age_band: this.state.age || null, indicators: this.state.indicators};
  };

  /** @param {boolean} [push] */
  App.prototype.writeState = function (push) {
    history[push ? "pushState" : "replaceState"](null, "", LevelOfNeedState.format(this.state));
  };

  /* The state from the address, and a note when part of the link could not be used. */
  App.prototype.restore = function () {
    var read = LevelOfNeedState.parse(location.hash, this.data, this.index);
    this.state = read.state;
    this.dropped = read.dropped;
  };

  /** @param {boolean} [push] */
  App.prototype.show = function (push) {
    if (!this.state) { this.restore(); }
    if (push !== undefined) { this.writeState(push); }
    var step = this.state.step;
    this.result = LevelOfNeedEngine.suggest(this.index, this.given());
    if (step === "stop" && !this.result.stopped) { step = this.state.step = "safety"; }
    this.root.textContent = "";
    if (this.dropped) { this.root.appendChild(el("p", {"class": "lon-error", role: "status", text: this.w.link_dropped})); }
    var self = /** @type {any} */ (this);  // steps 2 and 3 are added by helper-steps.js
    var draw = {safety: self.drawSafety, stop: self.drawStop, seen: self.drawSeen, result: self.drawResult}[step];
    draw.call(this);
    var heading = this.root.querySelector("h2");
    if (heading && push !== false) { heading.focus(); }
  };

  /** @param {string} step */
  App.prototype.go = function (step) {
    this.dropped = false;
    this.state.step = step;
    this.show(true);
  };

  /** @param {any} question @param {string} name @param {() => void} onChange */
  App.prototype.yesNo = function (question, name, onChange) {
    var self = this;
    var hint = question.help ? rich("p", question.help, this.data, {"class": "lon-hint", id: "hint-" + name}) : null;
    var options = ["yes", "no"].map(function (value) {
      var input = el("input", {type: "radio", name: name, value: value, id: name + "-" + value,
        checked: self.state.answers[question.id] === value, "aria-describedby": hint ? "hint-" + name : null});
      input.addEventListener("change", function () { self.state.answers[question.id] = value; onChange(); });
      return el("div", {"class": "lon-radio"}, [input, el("label", {"for": name + "-" + value, text: self.w[value]})]);
    });
    return el("fieldset", {"class": "lon-question"}, [el("legend", {text: named(question.question, this.data)}), hint,
      el("div", {"class": "lon-radios"}, options)]);
  };

  /* A routing question that brings a legal duty (the allegations route) is asked in step 1 and must be
   * answered there, like the safety questions: left unanswered, its duty would have to show on every
   * result (unknown is never safe, ADR 14), so the helper asks rather than assumes. */
  /** @param {any} data */
  function required(data) {
    return data.safety.concat(data.rules.routing_questions.filter(function (/** @type {any} */ q) {
      return (q.duties || []).length > 0;
    }));
  }

  App.prototype.drawSafety = function () {
    var self = this;
    var questions = required(this.data);
    var error = el("div", {"class": "lon-error", role: "alert", tabindex: "-1", hidden: true});
    var form = el("form", {novalidate: true}, questions.map(function (/** @type {any} */ question) {
      return self.yesNo(question, "safety-" + question.id, function () { self.writeState(false); });
    }).concat([error, el("button", {type: "submit", "class": "md-button md-button--primary", text: this.w["continue"]})]));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var missing = questions.filter(function (/** @type {any} */ q) { return !self.state.answers[q.id]; });
      if (missing.length) {
        error.hidden = false;
        error.textContent = fill(self.w.answer_every, {questions: missing.map(function (/** @type {any} */ q) {
          return named(q.question, self.data);
        }).join(" ")});
        error.focus();
        return;
      }
      self.go(self.data.safety.some(function (/** @type {any} */ q) { return self.state.answers[q.id] === "yes"; })
        ? "stop" : "seen");
    });
    this.root.appendChild(el("h2", {tabindex: "-1", text: this.w.step_safety}));
    this.root.appendChild(el("p", {text: this.w.safety_intro}));
    this.root.appendChild(form);
  };

  App.prototype.drawStop = function () {
    var self = this;
    var level = this.levels[this.result.level];
    this.root.appendChild(el("h2", {tabindex: "-1", text: this.w.act_now}));
    this.root.appendChild(el("div", {"class": "lon-result-level lon-tone-" + Number(level.tone)}, [
      el("p", {text: this.w.your_answer_means}), badge(level)]));
    this.drawCallNow();
    this.data.safety.forEach(function (/** @type {any} */ question) {
      if (self.state.answers[question.id] !== "yes") { return; }
      self.root.appendChild(el("section", {"class": "lon-act"}, [
        el("h3", {text: named(question.question, self.data)}), rich("p", question.action, self.data)]));
    });
    /** @type {any} */ (this).drawDuties();
    /** @type {any} */ (this).drawApplies();
    /** @type {any} */ (this).drawRecord();
    this.root.appendChild(button(this.w.change_answers, function () { self.go("safety"); }));
  };

  /* Who answers the front door's line now, for the browser's clock (call-now.js); nothing without the hours. */
  App.prototype.drawCallNow = function () {
    if (!window.LevelOfNeedCallNow || !this.data.hours || !this.data.hours.contacts[this.data.front_door]) { return; }
    var line = el("p", {"class": "lon-call-now"});
    window.LevelOfNeedCallNow.show(line, this.data.hours, this.data.front_door, new Date());
    this.root.appendChild(line);
  };

  /* Step 2 (what was seen), step 3 (the result) and the record are drawn by helper-steps.js,
   * which adds them to App here, once. */
  var installed = false;

  function start() {
    var root = document.getElementById("lon-helper");
    if (!root || !window.LevelOfNeedEngine || !window.LevelOfNeedHelperSteps) { return; }
    if (!installed) {
      window.LevelOfNeedHelperSteps(App, window.LevelOfNeedHelperParts);
      installed = true;
    }
    var place = root;
    var src = place.getAttribute("data-src") || "";
    var ready = cache[src] ? Promise.resolve(cache[src]) : fetch(src).then(function (response) { return response.json(); });
    ready.then(function (data) {
      cache[src] = data;
      var app = new App(place, data);
      if (!safely(place, function () { app.show(false); })) { return; }
      window.onpopstate = function () { safely(place, function () { app.restore(); app.show(false); }); };
      window.LevelOfNeedHelper = app;
    }).catch(function () { safely(place, function () { throw new Error("no helper data"); }); });
  }

  /* Draw; if anything fails, the page keeps its static help ("Act now if any of these is true", the
   * indicators by level), which is hidden only once the helper has drawn a step. */
  /** @param {HTMLElement} root @param {() => void} draw */
  function safely(root, draw) {
    var staticPart = document.getElementById("lon-helper-static");
    try {
      root.hidden = false;
      draw();
      if (staticPart) { staticPart.hidden = true; }
      return true;
    } catch {
      root.hidden = true;
      root.textContent = "";
      if (staticPart) { staticPart.hidden = false; }
      return false;
    }
  }

  window.LevelOfNeedHelperParts = {el: el, rich: rich, named: named, plain: plain, fill: fill, badge: badge,
    button: button, tel: tel, mention: mention, PAGE_SIZE: PAGE_SIZE};

  if (typeof document$ !== "undefined") {
    document$.subscribe(start);
  } else {
    document.addEventListener("DOMContentLoaded", start);
  }
}());
