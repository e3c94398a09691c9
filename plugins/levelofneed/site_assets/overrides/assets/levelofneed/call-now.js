/* Who answers the phone now: the front door, or the team that covers it when it is closed.
 *
 * The same rules as plugins/levelofneed/hours.py, over the data it writes (hours_data): the
 * lines' opening hours, the bank holidays and the wording, so the sentence is Python's to the
 * letter (a Node test holds them together). The time is the browser's own clock, read as
 * Europe/London wall-clock time whatever the device's time zone, so a clock change is the
 * browser's business. Nothing is fetched or sent. Loaded on every page; the banner, each
 * contact with opening hours and the helper's "act now" use it. Without JavaScript the hours
 * beside each number say it all.
 */
(function (root) {
  "use strict";

  var ZONE = "Europe/London";

  /**
   * @typedef {{days: string[], opens: string, closes: string}} Window
   * @typedef {{open: Window[], answerphone: Window[], bank_holidays: string, otherwise: string}} Opening
   * @typedef {{name: string, phone: string | null, opening: Opening | null}} Line
   * @typedef {{contacts: Record<string, Line>, bank_holidays: string[], wording: Record<string, string>,
   *   days: string[]}} HoursData
   * @typedef {{date: string, time: string, day: number}} Moment  day: 0 is Monday
   * @typedef {{contact: string, state: string, text: string}} Answer
   */

  /** @param {number} value */
  function two(value) { return (value < 10 ? "0" : "") + value; }

  /** The weekday of a 'YYYY-MM-DD' date, 0 for Monday. @param {string} date */
  function weekday(date) {
    var parts = date.split("-").map(Number);
    return (new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])).getUTCDay() + 6) % 7;
  }

  /** @param {string} date @param {number} days */
  function addDays(date, days) {
    var parts = date.split("-").map(Number);
    var moved = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2] + days));
    return moved.getUTCFullYear() + "-" + two(moved.getUTCMonth() + 1) + "-" + two(moved.getUTCDate());
  }

  /** The London wall-clock date and time of an instant. @param {Date} instant @returns {Moment} */
  function london(instant) {
    /** @type {Record<string, string>} */
    var found = Object.create(null);
    new Intl.DateTimeFormat("en-GB", {timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23"}).formatToParts(instant).forEach(function (part) {
      found[part.type] = part.value;
    });
    var date = found.year + "-" + found.month + "-" + found.day;
    return {date: date, time: found.hour + ":" + found.minute, day: weekday(date)};
  }

  /** '09:00' → '9am', '17:30' → '5:30pm'. @param {string} time */
  function clock(time) {
    var hour = Number(time.slice(0, 2));
    var minute = Number(time.slice(3));
    var shown = hour % 12 || 12;
    return (minute ? shown + ":" + two(minute) : String(shown)) + (hour < 12 ? "am" : "pm");
  }

  /** @param {string} template @param {Record<string, string>} values */
  function fill(template, values) {
    return template.replace(/\{([a-z_]+)\}/g, function (_, key) { return values[key]; });
  }

  /** @param {Window[]} windows @param {string} day @param {string} time */
  function windowAt(windows, day, time) {
    return windows.filter(function (w) { return w.days.indexOf(day) !== -1 && w.opens <= time && time < w.closes; })[0];
  }

  /** @param {HoursData} data @param {Line} line @param {Moment} at */
  function nextOpening(data, line, at) {
    var opening = /** @type {Opening} */ (line.opening);
    for (var ahead = 0; ahead < 15; ahead += 1) {
      var date = addDays(at.date, ahead);
      if (opening.bank_holidays === "closed" && data.bank_holidays.indexOf(date) !== -1) { continue; }
      var name = data.days[weekday(date)];
      var opens = opening.open.filter(function (w) {
        return w.days.indexOf(name) !== -1 && (ahead > 0 || w.opens > at.time);
      }).map(function (w) { return w.opens; }).sort();
      if (opens.length) {
        var key = ahead === 0 ? "opens_today" : ahead === 1 ? "opens_tomorrow" : "opens_on";
        return fill(data.wording[key], {time: clock(opens[0]), day: name.charAt(0).toUpperCase() + name.slice(1)});
      }
    }
    return "";
  }

  /** Who answers the line ``id`` at the moment ``at``. @param {HoursData} data @param {string} id
   * @param {Moment} at @returns {Answer} */
  function answering(data, id, at) {
    var line = data.contacts[id];
    var opening = line.opening;
    if (!opening) { return {contact: id, state: "open", text: ""}; }
    var day = data.days[at.day];
    var state;
    if (opening.bank_holidays === "closed" && data.bank_holidays.indexOf(at.date) !== -1) {
      state = "bank-holiday";
    } else {
      var open = windowAt(opening.open, day, at.time);
      if (open) {
        return {contact: id, state: "open",
          text: fill(data.wording.open, {line: line.name, phone: String(line.phone), closes: clock(open.closes)})};
      }
      state = windowAt(opening.answerphone, day, at.time) ? "answerphone" : "closed";
    }
    var other = data.contacts[opening.otherwise];
    var covering = other.opening && opening.otherwise !== id ? answering(data, opening.otherwise, at).contact
      : opening.otherwise;
    var answerphone = windowAt(opening.answerphone, day, at.time);
    var text = fill(data.wording[state], {other: data.contacts[covering].name,
      phone: String(data.contacts[covering].phone), line_name: line.name.charAt(0).toUpperCase() + line.name.slice(1),
      until: answerphone ? clock(answerphone.closes) : "", opens: nextOpening(data, line, at)});
    return {contact: covering, state: state, text: text.charAt(0).toUpperCase() + text.slice(1)};
  }

  /* Writing it into a page: the sentence as text, the number in it a tel: link. */

  /** @param {HTMLElement} target @param {HoursData} data @param {string} id @param {Date} now */
  function show(target, data, id, now) {
    if (!data.contacts[id]) { return; }
    var answer = answering(data, id, london(now));
    var phone = String(data.contacts[answer.contact].phone);
    var sentence = answer.text;
    var at = sentence.indexOf(phone);
    target.textContent = "";
    if (at === -1) {
      target.textContent = sentence;
    } else {
      var link = document.createElement("a");
      link.href = "tel:" + phone.replace(/[^0-9+]/g, "");
      link.className = target.closest(".lon-banner") ? "lon-banner__tel" : "lon-tel";
      link.textContent = phone;
      target.appendChild(document.createTextNode(sentence.slice(0, at)));
      target.appendChild(link);
      target.appendChild(document.createTextNode(sentence.slice(at + phone.length)));
    }
    target.dataset.lonState = answer.state;
    target.hidden = !answer.text;
  }

  /** Every "call now" line on the page, from the banner's data, for the browser's clock now. */
  function showAll() {
    var holder = document.querySelector("[data-lon-hours]");
    if (!holder) { return; }
    /** @type {HoursData} */
    var data;
    try {
      data = JSON.parse(/** @type {string} */ (holder.getAttribute("data-lon-hours")));
    } catch {
      return;  // the hours beside each number still say it all
    }
    var now = new Date();
    document.querySelectorAll("[data-lon-call-now]").forEach(function (element) {
      show(/** @type {HTMLElement} */ (element), data, String(element.getAttribute("data-lon-call-now")), now);
    });
    markBanner(data, String(holder.getAttribute("data-lon-call-now")), now);
  }

  /* On a phone the banner's second line shows only the number that answers now (the CSS does the
   * hiding): mark that contact, and the banner, only when the banner has it. */
  /** @param {HoursData} data @param {string} id @param {Date} now */
  function markBanner(data, id, now) {
    var banner = document.querySelector(".lon-banner");
    if (!banner || !data.contacts[id]) { return; }
    var answer = answering(data, id, london(now));
    var found = false;
    banner.querySelectorAll("[data-lon-contact]").forEach(function (contact) {
      var answers = contact.getAttribute("data-lon-contact") === answer.contact;
      contact.classList.toggle("lon-banner__contact--now", answers);
      found = found || answers;
    });
    banner.classList.toggle("lon-banner--now", found);
  }

  var api = {london: london, answering: answering, clock: clock, show: show, showAll: showAll};
  root.LevelOfNeedCallNow = api;
  if (typeof document !== "undefined") {
    // Material's document$ fires on the first page and on every instant page change.
    var pages = /** @type {any} */ (root).document$;
    if (pages) {
      pages.subscribe(showAll);
    } else {
      document.addEventListener("DOMContentLoaded", showAll);
    }
    setInterval(showAll, 60000);  // the line can open or close while the page is open
  }
}(typeof self !== "undefined" ? self : this));
