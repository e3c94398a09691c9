/* Level of Need "which level?" helper: step 2 (what was seen), step 3 (what it suggests) and the
 * record, added to the page's App by helper-ui.js when it starts.
 *
 * The picker finds indicators with the site's own search core (search-core.js) over the
 * site's search index, fetched the first time the practitioner types: the same words find
 * the same indicators, in the same order, as in the search box. Every word on the page
 * comes from the helper data's wording; every text is inserted with textContent.
 */
/* global LevelOfNeedEngine, LevelOfNeedRecord, LevelOfNeedSearchCore */
(function () {
  "use strict";

  var INDICATOR = /(?:^|\/)indicators\/([^/]+)\/$/;

  /** @param {any} App the page's app @param {any} p its drawing helpers */
  function install(App, p) {
    var el = p.el, rich = p.rich, named = p.named, plain = p.plain, fill = p.fill, badge = p.badge;
    var button = p.button, mention = p.mention;

    App.prototype.drawSeen = function () {
      var self = this;
      var w = this.w;
      this.root.appendChild(el("h2", {tabindex: "-1", text: w.step_seen}));
      this.data.rules.routing_questions.forEach(function (/** @type {any} */ question) {
        if ((question.duties || []).length) { return; }  // asked, and answered, in step 1
        self.root.appendChild(self.yesNo(question, "route-" + question.id, function () {
          if (question.age_band) { self.state.age = self.state.answers[question.id] === "yes" ? question.age_band : ""; }
          self.writeState(false);
          self.show(false);
        }));
      });
      this.root.appendChild(this.filterControls());
      this.status = el("p", {"class": "lon-filter__status", role: "status"});
      this.list = el("ul", {"class": "lon-picker", "aria-label": w.indicators});
      this.more = button(w.show_more, function () { self.filters.shown += p.PAGE_SIZE; self.drawList(); });
      this.circumstances = el("div", {"class": "lon-circumstances"});
      this.summary = el("div", {"class": "lon-summary", "aria-live": "polite"});
      [this.status, this.list, this.more, this.circumstances, this.summary].forEach(function (node) {
        self.root.appendChild(node);
      });
      this.drawList();
      this.update();
      this.root.appendChild(el("p", {}, [button(w.see_result, function () { self.go("result"); }, true),
        " ", button(w.back_to_safety, function () { self.go("safety"); })]));
    };

    App.prototype.filterControls = function () {
      var self = this;
      var w = this.w;
      var age = el("select", {id: "lon-helper-age"}, [el("option", {value: "", text: w.any_age})].concat(
        this.data.ages.map(function (/** @type {any} */ band) {
          return el("option", {value: band.id, text: band.label, selected: self.state.age === band.id});
        })));
      var domain = el("select", {id: "lon-helper-domain"}, [el("option", {value: "", text: w.every_area})].concat(
        this.data.domains.map(function (/** @type {any} */ d) {
          return el("option", {value: d.id, text: d.name, selected: self.filters.domain === d.id});
        })));
      var query = el("input", {type: "search", id: "lon-helper-query", value: this.filters.query, autocomplete: "off",
        "aria-describedby": "lon-helper-query-hint"});
      age.addEventListener("change", function () {
        self.state.age = /** @type {HTMLSelectElement} */ (age).value; self.writeState(false); self.refilter();
      });
      domain.addEventListener("change", function () {
        self.filters.domain = /** @type {HTMLSelectElement} */ (domain).value; self.refilter();
      });
      query.addEventListener("focus", function () { self.loadSearch(); });
      query.addEventListener("input", function () {
        self.filters.query = /** @type {HTMLInputElement} */ (query).value; self.refilter();
      });
      return el("div", {"class": "lon-filter"}, [
        el("div", {"class": "lon-filter__field"}, [el("label", {"for": "lon-helper-age", text: w.age_label}), age]),
        el("div", {"class": "lon-filter__field"}, [el("label", {"for": "lon-helper-domain", text: w.area_label}), domain]),
        el("div", {"class": "lon-filter__field lon-filter__field--wide"}, [
          el("label", {"for": "lon-helper-query", text: w.find_label}), query,
          el("p", {"class": "lon-hint", id: "lon-helper-query-hint", text: w.find_hint})])]);
    };

    /* The site's search index, fetched once, the first time it is needed. */
    App.prototype.loadSearch = function () {
      var self = this;
      if (!this.searching) {
        this.searching = fetch(this.data.search_index).then(function (response) { return response.json(); })
          .then(function (index) {
            self.search = LevelOfNeedSearchCore.create(index.config.levelofneed);
            if (self.filters.query && self.list) { self.drawList(); }
          });
      }
      return this.searching;
    };

    App.prototype.refilter = function () {
      this.filters.shown = p.PAGE_SIZE;
      if (this.filters.query.trim() && !this.search) { this.loadSearch(); }
      this.drawList();
    };

    /* The indicators that match the filters: with words, ranked by the search core; without, in order. */
    App.prototype.matching = function () {
      var self = this;
      var age = this.state.age;
      /** @param {any} indicator */
      var fits = function (indicator) {
        return (!age || !indicator.ages.length || indicator.ages.indexOf(age) !== -1) &&
          (!self.filters.domain || indicator.domain === self.filters.domain);
      };
      if (!this.filters.query.trim()) { return this.data.indicators.filter(fits); }
      if (!this.search) { return []; }
      return this.search.search(this.filters.query).map(function (/** @type {any} */ found) {
        var id = INDICATOR.exec(found.record.location);
        return id ? self.index.indicators[id[1]] : undefined;
      }).filter(function (/** @type {any} */ indicator) { return indicator && fits(indicator); });
    };

    App.prototype.drawList = function () {
      var self = this;
      var chosen = this.state.indicators;
      var found = this.matching().filter(function (/** @type {any} */ i) { return chosen.indexOf(i.id) === -1; });
      var picked = chosen.map(function (/** @type {string} */ id) { return self.index.indicators[id]; }).filter(Boolean);
      this.list.textContent = "";
      picked.concat(found.slice(0, this.filters.shown)).forEach(function (/** @type {any} */ indicator) {
        self.list.appendChild(self.item(indicator));
      });
      this.more.hidden = found.length <= this.filters.shown;
      this.status.textContent = fill(this.w.showing, {shown: String(Math.min(found.length, this.filters.shown)),
        found: String(found.length), picked: picked.length ? fill(this.w.and_chosen, {count: String(picked.length)}) : ""});
    };

    /** @param {any} indicator */
    App.prototype.item = function (indicator) {
      var self = this;
      var id = "lon-pick-" + indicator.id;
      var box = el("input", {type: "checkbox", id: id, value: indicator.id,
        checked: this.state.indicators.indexOf(indicator.id) !== -1});
      box.addEventListener("change", function () {
        self.toggle(indicator.id, /** @type {HTMLInputElement} */ (box).checked);
      });
      return el("li", {"class": "lon-picker__item"}, [box, el("label", {"for": id}, [
        badge(this.levels[indicator.level]), " ", el("span", {text: named(indicator.text, this.data)}), " ",
        el("span", {"class": "lon-picker__domain", text: this.domains[indicator.domain].name})])]);
    };

    /** @param {string} id @param {boolean} on */
    App.prototype.toggle = function (id, on) {
      var chosen = this.state.indicators.filter(function (/** @type {string} */ other) { return other !== id; });
      this.state.indicators = on ? chosen.concat([id]) : chosen;
      this.writeState(false);
      this.update();
    };

    /* After each tick: the engine again, the questions it needs, and the summary, announced. */
    App.prototype.update = function () {
      var self = this;
      var w = this.w;
      this.result = LevelOfNeedEngine.suggest(this.index, this.given());
      this.circumstances.textContent = "";
      this.data.rules.circumstances.forEach(function (/** @type {any} */ question) {
        var asked = question.asked_for.some(function (/** @type {string} */ id) {
          return self.state.indicators.indexOf(id) !== -1;
        });
        if (asked) {
          self.circumstances.appendChild(self.yesNo(question, "about-" + question.id, function () {
            self.writeState(false); self.update();
          }));
        }
      });
      var level = this.result.level ? this.levels[this.result.level] : null;
      var count = this.state.indicators.length;
      var chosen = count + " indicator" + (count === 1 ? "" : "s");
      this.summary.textContent = "";
      this.summary.appendChild(level ? el("p", {}, [fill(w.suggests_now, {chosen: chosen}), badge(level), "."])
        : el("p", {text: w.choose_prompt}));
      if (this.result.questions.length) { this.summary.appendChild(el("p", {text: w.question_pending})); }
    };

    App.prototype.drawResult = function () {
      var self = this;
      var w = this.w;
      var result = this.result;
      this.root.appendChild(el("h2", {tabindex: "-1", text: w.step_result}));
      if (!result.level) {
        this.root.appendChild(el("p", {text: w.nothing_chosen}));
        this.root.appendChild(button(w.choose_seen, function () { self.go("seen"); }, true));
        return;
      }
      var level = this.levels[result.level];
      this.root.appendChild(el("div", {"class": "lon-result-level lon-tone-" + Number(level.tone)}, [
        el("p", {text: w.this_suggests}), badge(level), rich("p", level.summary, this.data)]));
      this.drawDuties();  // on the first screen, with the level: a duty or a warning must not be scrolled past
      this.root.appendChild(el("h3", {text: w.why}));
      this.root.appendChild(el("ul", {"class": "lon-reasons"}, result.reasons.map(function (/** @type {any} */ reason) {
        var indicator = reason.rule === "indicator" || reason.rule === "always-highest-level";
        var said = indicator ? el("a", {href: self.data.indicator_url.replace("ID", reason.source),
          text: named(reason.text, self.data)}) : rich("span", reason.text, self.data);
        return el("li", {}, [el("strong", {text: LevelOfNeedRecord.reasonLabel(self.data, self.levels, reason) + " "}),
          said]);
      })));
      this.root.appendChild(el("p", {"class": "lon-caveat"}, [rich("strong", this.data.rules.caveat, this.data)]));
      this.drawFirstActions();
      this.drawApplies();
      this.drawRecord();
      this.root.appendChild(el("p", {}, [button(w.change_seen, function () { self.go("seen"); }),
        " ", button(w.start_again, function () { self.startAgain(); })]));
    };

    App.prototype.startAgain = function () {
      this.state = window.LevelOfNeedState.empty();
      this.dropped = false;
      this.show(true);
    };

    App.prototype.drawFirstActions = function () {
      var self = this;
      /** @type {any[]} */
      var actions = [];
      var raised = this.result.reasons.filter(function (/** @type {any} */ r) { return r.rule === "circumstance" || r.rule === "unanswered"; })
        .map(function (/** @type {any} */ r) {
          return self.data.rules.circumstances.filter(function (/** @type {any} */ c) { return c.id === r.source; })[0].indicator;
        });
      this.state.indicators.concat(raised).forEach(function (/** @type {string} */ id) {
        actions = actions.concat(self.index.indicators[id].first_actions);
      });
      if (!actions.length) { return; }
      this.root.appendChild(el("h3", {text: this.w.first}));
      this.root.appendChild(el("ol", {}, actions.map(function (action) { return rich("li", action, self.data); })));
    };

    /* "Do not tell the family first" and the legal duties, before what to do next (ADR 16). */
    App.prototype.drawDuties = function () {
      var self = this;
      var data = this.data;
      var w = this.w;
      var advice = this.result.do_not_alert.map(function (/** @type {string} */ id) {
        return self.index.indicators[id].do_not_alert;
      });
      if (advice.length) {
        /** @type {string[]} */
        var whom = [];
        advice.forEach(function (/** @type {any} */ a) {
          a.advice_from.forEach(function (/** @type {string} */ id) { if (whom.indexOf(id) === -1) { whom.push(id); } });
        });
        var ask = w.do_not_alert_ask.split("{contacts}");
        /** @type {Array<Node | string>} */
        var said = [el("strong", {text: w.do_not_alert}), " ", ask[0]];
        whom.forEach(function (id, at) {
          said.push(at === 0 ? "" : at === whom.length - 1 ? " and " : ", ", mention(data.contacts[id], data));
        });
        said.push(ask[1] || "");
        advice.forEach(function (/** @type {any} */ a) { said.push(" ", rich("span", a.why, data)); });
        this.root.appendChild(el("div", {"class": "lon-do-not-alert", role: "note"}, said));
      }
      if (!this.result.duties.length) { return; }
      this.root.appendChild(el("section", {"class": "lon-duties", "aria-labelledby": "lon-you-must"}, [
        el("h3", {id: "lon-you-must", text: w.you_must})].concat(this.result.duties.map(function (/** @type {string} */ id) {
        var duty = data.duties[id];
        var line = function (/** @type {string} */ label, /** @type {Node} */ value) {
          return el("li", {}, [el("strong", {text: label}), " ", value]);
        };
        return el("div", {"class": "lon-duty"}, [el("p", {}, [el("strong", {text: duty.name})]), el("ul", {}, [
          line(w.duty_who, rich("span", duty.who, data)), line(w.duty_what, rich("span", duty.what, data)),
          line(w.duty_by_when, rich("span", duty.by_when, data)),
          line(w.duty_through, mention(data.contacts[duty.contact], data)),
          line(w.duty_law, rich("span", duty.law, data))])]);
      }))));
    };

    App.prototype.drawApplies = function () {
      var self = this;
      var data = this.data;
      var w = this.w;
      var result = this.result;
      this.root.appendChild(el("h3", {text: w.what_to_do}));
      result.planning_responses.forEach(function (/** @type {string} */ id) {
        var response = data.responses.filter(function (/** @type {any} */ r) { return r.id === id; })[0];
        self.root.appendChild(el("section", {"class": "lon-response"}, [el("h4", {text: response.title}),
          rich("p", response.summary, data), rich("p", [w.who_leads].concat(response.who_leads), data),
          response.timescale ? rich("p", [w.timescale].concat(response.timescale), data) : null,
          el("ol", {}, response.steps.map(function (/** @type {any} */ step) { return rich("li", step, data); })
            .concat(self.familyStep(response)))]));
      });
      this.root.appendChild(el("h3", {text: w.whom_to_contact}));
      this.root.appendChild(el("ul", {"class": "lon-contacts"}, result.contacts.map(function (/** @type {string} */ id) {
        var contact = data.contacts[id];
        var call = contact.phone ? [": ", p.tel(contact.phone)] : [];
        return el("li", {}, [el("strong", {text: contact.name})].concat(call,
          [contact.hours ? " (" + contact.hours.join("; ") + ")" : "", contact.verified ? "" : w.unverified]));
      })));
      var note = " (" + plain(data.rules.always_offer_note, data) + ")";
      this.links(w.procedures, result.procedures.map(function (/** @type {string} */ id) {
        return [data.procedures[id].name, data.procedures[id].url, data.rules.always_offer.indexOf(id) !== -1 ? note : ""];
      }));
      this.links(w.services, result.services.map(function (/** @type {string} */ id) {
        return [data.services[id].name, data.services[id].url, ""];
      }));
      this.links(w.briefings, result.briefings.map(function (/** @type {string} */ id) {
        return [data.briefings[id].title, data.briefings[id].url, ""];
      }));
    };

    /* The response's step that tells the family, or, where an indicator says the family must not be
     * told first, that instead: never both. */
    /** @param {any} response @returns {HTMLElement[]} */
    App.prototype.familyStep = function (response) {
      if (!response.tell_family) { return []; }
      if (!this.result.do_not_alert.length) { return [rich("li", response.tell_family, this.data)]; }
      return [el("li", {}, [el("strong", {text: this.w.do_not_alert}), " ", this.w.do_not_alert_see])];
    };

    /** @param {string} title @param {string[][]} items */
    App.prototype.links = function (title, items) {
      if (!items.length) { return; }
      this.root.appendChild(el("h3", {text: title}));
      this.root.appendChild(el("ul", {}, items.map(function (item) {
        return el("li", {}, [el("a", {href: item[1], text: item[0]}), item[2]]);
      })));
    };

    App.prototype.drawRecord = function () {
      var self = this;
      var w = this.w;
      var notes = el("textarea", {id: "lon-helper-notes", rows: "4", "aria-describedby": "lon-helper-privacy"});
      /** @type {HTMLTextAreaElement} */ (notes).value = this.notes;
      var record = /** @type {HTMLTextAreaElement} */ (el("textarea", {id: "lon-helper-rationale", rows: "14", readonly: true}));
      var status = el("p", {"class": "lon-filter__status", role: "status"});
      var refresh = function () { record.value = self.rationale(); };
      notes.addEventListener("input", function () { self.notes = /** @type {HTMLTextAreaElement} */ (notes).value; refresh(); });
      refresh();
      this.root.appendChild(el("section", {"class": "lon-record", "aria-labelledby": "lon-record-title"}, [
        el("h3", {id: "lon-record-title", text: w.record_title}),
        el("p", {text: w.record_intro}),
        el("p", {"class": "lon-privacy", id: "lon-helper-privacy"}, [rich("strong", this.data.rules.privacy_note, this.data)]),
        el("label", {"for": "lon-helper-notes", text: w.notes_label}), notes,
        el("label", {"for": "lon-helper-rationale", text: w.rationale_label}), record,
        el("p", {}, [button(w.copy, function () { self.copy(record, status); }, true), " ",
          button(w.print, function () { window.print(); })]), status]));
    };

    /** @param {HTMLTextAreaElement} record @param {HTMLElement} status */
    App.prototype.copy = function (record, status) {
      var w = this.w;
      var done = function () { status.textContent = w.copied; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(record.value).then(done, function () { status.textContent = w.copy_failed; });
      } else {
        record.select();
        document.execCommand("copy");
        done();
      }
    };

    App.prototype.rationale = function () {
      var day = new Date().toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric"});
      return LevelOfNeedRecord.write(this.data, this.index, this.state, this.result, this.notes, day);
    };
  }

  window.LevelOfNeedHelperSteps = install;
}());
