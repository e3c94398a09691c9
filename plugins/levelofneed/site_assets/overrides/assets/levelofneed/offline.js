/* Level of Need offline: registers the service worker (sw.js, ADR 20), says when the page is
 * offline and which version it holds, offers the update when one is published, and runs the
 * "save everything" control and the "not saved" page's list.
 *
 * It registers only when the page names a worker (<meta name="levelofneed-offline">), which
 * the build writes and `mkdocs serve` does not. Every text from the site is set with
 * textContent. Nothing the practitioner types is read, sent or stored: the helper keeps its
 * answers in the address's #fragment, which no request carries.
 *
 * The pure parts (sizes, dates, what to save, which saved pages to list) are exported for
 * Node's tests; the rest runs in the page, again after every instant-loading page change.
 */
(function (root) {
  "use strict";

  var STATUS = "levelofneed-status.json";

  /** "1.4 MB", "820 KB": what a phone's storage settings would show.
   * @param {number} bytes */
  function formatSize(bytes) {
    if (bytes >= 1e6) { return (bytes / 1e6).toFixed(1) + " MB"; }
    return Math.max(1, Math.round(bytes / 1e3)) + " KB";
  }

  /** "5 December 2026 at 21:40", in the device's time zone; "" for an unknown time.
   * @param {string | null} iso */
  function formatSaved(iso) {
    if (!iso) { return ""; }
    var when = new Date(iso);
    if (isNaN(when.getTime())) { return ""; }
    var day = when.toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric"});
    var time = when.toLocaleTimeString("en-GB", {hour: "2-digit", minute: "2-digit"});
    return day + " at " + time;
  }

  /** Whether a copy is past its review date (YYYY-MM-DD), on the day given.
   * @param {string} reviewDue @param {Date} today */
  function pastReview(reviewDue, today) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(reviewDue)) { return false; }
    var pad = function (/** @type {number} */ n) { return (n < 10 ? "0" : "") + n; };
    var now = today.getFullYear() + "-" + pad(today.getMonth() + 1) + "-" + pad(today.getDate());
    return now > reviewDue;
  }

  /** A template's {name} slots filled in.
   * @param {string} template @param {Record<string, string>} values */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  /** What "save everything" fetches: every page and file, and the whole-guidance PDF only if asked.
   * @param {any} plan offline.json @param {boolean} withWhole */
  function toSave(plan, withWhole) {
    var rows = plan.core.concat(plan.pages, withWhole ? plan.ask : []);
    var bytes = rows.reduce(function (sum, /** @type {any[]} */ row) { return sum + row[1]; }, 0);
    return {urls: rows.map(function (/** @type {any[]} */ row) { return row[0]; }), bytes: bytes};
  }

  /** The saved pages a "not saved" page can offer beyond those it always lists (the core), with their
   * titles, in the plan's order.
   * @param {any} plan offline.json @param {string[]} cached absolute addresses in the cache
   * @param {string} base the site's root address */
  function savedPages(plan, cached, base) {
    /** @type {Record<string, boolean>} */
    var held = Object.create(null);
    cached.forEach(function (url) { held[url] = true; });
    return plan.pages.filter(function (/** @type {any[]} */ row) {
      return row[2] && held[new URL(row[0], base).href];
    }).map(function (/** @type {any[]} */ row) { return {url: row[0], title: row[2]}; });
  }

  var api = {formatSize: formatSize, formatSaved: formatSaved, pastReview: pastReview, fill: fill,
    toSave: toSave, savedPages: savedPages};
  if (typeof module !== "undefined" && module.exports) { module.exports = api; }
  root.LevelOfNeedOffline = api;
  if (typeof document === "undefined" || !("serviceWorker" in navigator)) { return; }

  var meta = document.querySelector("meta[name=levelofneed-offline]");
  if (!meta) { return; }
  // document.baseURI, not the address: the "not saved" page is shown at another page's address.
  var workerUrl = new URL(meta.getAttribute("content") || "sw.js", document.baseURI);
  var base = new URL(".", workerUrl).href;
  var pageBuild = (document.querySelector("meta[name=levelofneed-build]") || meta).getAttribute("content");
  var state = {offline: !navigator.onLine, status: /** @type {any} */ (null), update: "", updating: false};
  /** @type {ServiceWorkerRegistration | null} */
  var registration = null;

  /** @param {string} selector */
  function find(selector) { return /** @type {HTMLElement | null} */ (document.querySelector(selector)); }

  function showOffline() {
    var notice = find("[data-lon-offline-notice]");
    if (!notice) { return; }
    var text = /** @type {HTMLElement} */ (notice.querySelector("[data-lon-offline-text]"));
    var saved = state.status ? formatSaved(state.status.savedAt) : "";
    var version = state.status ? state.status.version : "";
    var message = saved ? fill(notice.dataset.saved || "", {version: version, saved: saved})
      : notice.dataset.unsaved || "";
    if (pastReview(notice.dataset.reviewDue || "", new Date())) { message += " " + (notice.dataset.outOfDate || ""); }
    text.textContent = message;
    notice.hidden = !state.offline;
  }

  function showUpdate() {
    var notice = find("[data-lon-update-notice]");
    if (!notice) { return; }
    var text = /** @type {HTMLElement} */ (notice.querySelector("[data-lon-update-text]"));
    var button = /** @type {HTMLButtonElement} */ (notice.querySelector("button"));
    text.textContent = state.updating ? notice.dataset.updating || ""
      : fill(notice.dataset.text || "", {version: state.update});
    button.disabled = state.updating;
    button.onclick = takeUpdate;
    notice.hidden = !state.update;
  }

  /** The version a new build holds, from the site (never a saved copy); "" when it cannot be asked. */
  function newVersion() {
    return fetch(new URL("version.json", base).href, {cache: "no-store"}).then(function (response) {
      return response.ok ? response.json() : {};
    }).then(function (/** @type {any} */ found) { return String(found.version || ""); }, function () { return ""; });
  }

  /** @param {string} version */
  function offerUpdate(version) {
    var fallback = (find("[data-lon-update-notice]") || document.body).dataset.newVersion || "the new version";
    state.update = version || state.update || fallback;
    showUpdate();
  }

  /** Let the new build take over, then reload: the page never shows old and new together. */
  function takeUpdate() {
    state.updating = true;
    showUpdate();
    var reg = registration;
    if (!reg) { location.reload(); return; }
    navigator.serviceWorker.addEventListener("controllerchange", function () { location.reload(); });
    var waiting = function () {
      var next = reg.waiting || reg.installing;
      if (!next) { location.reload(); return; }
      if (next.state === "installed") { next.postMessage({type: "take-over"}); return; }
      next.addEventListener("statechange", waiting, {once: true});
    };
    reg.update().then(waiting, waiting);
  }

  /** @param {ServiceWorker} worker */
  function watchInstall(worker) {
    worker.addEventListener("statechange", function () {
      if (worker.state === "installed" && navigator.serviceWorker.controller) {
        newVersion().then(offerUpdate);
      }
    });
  }

  function readStatus() {
    if (!navigator.serviceWorker.controller) { return Promise.resolve(null); }
    return fetch(new URL(STATUS, base).href, {cache: "no-store"}).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (found) { return found; }, function () { return null; });
  }

  function checkStatus() {
    return readStatus().then(function (found) {
      state.status = found;
      if (found && pageBuild && found.build !== pageBuild) {
        // This page and the saved copy are different builds: say so, never mix them silently.
        offerUpdate(found.version);
      }
      render();
    });
  }

  function checkForUpdate() {
    if (!registration || !navigator.onLine) { return; }
    registration.update().then(function () {
      state.offline = false;
      render();
    }, function () {
      // The site could not be reached (the page came from this device), or it answered oddly:
      // only a request that fails outright means offline.
      fetch(new URL("version.json", base).href, {cache: "no-store"}).then(function () {
        state.offline = false;
      }, function () {
        state.offline = true;
      }).then(render);
    });
  }

  function render() {
    showOffline();
    showUpdate();
    setUpSaveAll();
    listSaved();
  }

  /* "Save everything": the size first, then a progress bar while the worker saves. */
  function setUpSaveAll() {
    var control = find("[data-lon-save-all]");
    if (!control || control.dataset.ready || !state.status) { return; }
    control.dataset.ready = "yes";
    fetch(new URL("offline.json", base).href).then(function (response) { return response.json(); })
      .then(function (plan) { offerSaveAll(control, plan); }, function () { control.hidden = true; });
  }

  /** @param {HTMLElement} control @param {any} plan */
  function offerSaveAll(control, plan) {
    var size = /** @type {HTMLElement} */ (control.querySelector("[data-lon-save-size]"));
    var whole = /** @type {HTMLInputElement} */ (control.querySelector("[data-lon-save-whole]"));
    var wholeSize = /** @type {HTMLElement} */ (control.querySelector("[data-lon-save-whole-size]"));
    var button = /** @type {HTMLButtonElement} */ (control.querySelector("[data-lon-save-start]"));
    var describe = function () {
      var chosen = toSave(plan, whole.checked);
      size.textContent = fill(control.dataset.size || "", {count: String(chosen.urls.length),
        size: formatSize(chosen.bytes)});
    };
    wholeSize.textContent = formatSize(toSave({core: [], pages: [], ask: plan.ask}, true).bytes);
    (/** @type {HTMLElement} */ (control.querySelector("[data-lon-save-whole-choice]"))).hidden = !plan.ask.length;
    whole.addEventListener("change", describe);
    button.addEventListener("click", function () { saveAll(control, toSave(plan, whole.checked).urls); });
    describe();
    control.hidden = false;
  }

  /** @param {HTMLElement} control @param {string[]} urls */
  function saveAll(control, urls) {
    var button = /** @type {HTMLButtonElement} */ (control.querySelector("[data-lon-save-start]"));
    var bar = /** @type {HTMLProgressElement} */ (control.querySelector("[data-lon-save-progress]"));
    var status = /** @type {HTMLElement} */ (control.querySelector("[data-lon-save-status]"));
    var worker = navigator.serviceWorker.controller;
    if (!worker) { status.textContent = control.dataset.noWorker || ""; return; }
    var channel = new MessageChannel();
    var spoken = 0;
    button.disabled = true;
    bar.hidden = false;
    bar.max = urls.length;
    bar.value = 0;
    channel.port1.onmessage = function (event) {
      var progress = event.data;
      bar.value = progress.done;
      var values = {done: String(progress.done), total: String(progress.total), failed: String(progress.failed)};
      if (progress.finished) {
        status.textContent = fill(progress.failed ? control.dataset.partly || "" : control.dataset.done || "", values);
        button.disabled = false;
      } else if (progress.done - spoken >= Math.max(1, Math.round(progress.total / 10))) {
        spoken = progress.done;  // a screen reader hears every tenth, not every file
        status.textContent = fill(control.dataset.progress || "", values);
      }
    };
    worker.postMessage({type: "save", urls: urls}, [channel.port2]);
  }

  /* On the "not saved" page: the pages this device does hold, by title. */
  function listSaved() {
    var list = find("[data-lon-saved-list]");
    if (!list || list.dataset.ready || !state.status || typeof caches === "undefined") { return; }
    list.dataset.ready = "yes";
    var cacheName = state.status.cache;
    Promise.all([
      fetch(new URL("offline.json", base).href).then(function (response) { return response.json(); }),
      caches.open(cacheName).then(function (cache) { return cache.keys(); })
    ]).then(function (found) {
      var pages = savedPages(found[0], found[1].map(function (request) { return request.url; }), base);
      pages.forEach(function (page) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = new URL(page.url, base).href;
        link.textContent = page.title;
        item.appendChild(link);
        list.appendChild(item);
      });
      var section = list.closest("[data-lon-saved]");
      if (section && pages.length) { (/** @type {HTMLElement} */ (section)).hidden = false; }
    }, function () { return undefined; });
  }

  window.addEventListener("offline", function () { state.offline = true; render(); });
  window.addEventListener("online", function () { state.offline = false; render(); checkForUpdate(); });
  navigator.serviceWorker.register(workerUrl.href).then(function (reg) {
    if (!reg) { return; }  // a browser set to block workers may give no registration
    registration = reg;
    if (reg.waiting && navigator.serviceWorker.controller) { newVersion().then(offerUpdate); }
    if (reg.installing) { watchInstall(reg.installing); }
    reg.addEventListener("updatefound", function () { if (reg.installing) { watchInstall(reg.installing); } });
    checkForUpdate();
  }, function () { return undefined; });
  navigator.serviceWorker.addEventListener("controllerchange", function () { checkStatus(); });
  checkStatus();
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { render(); });
  }
}(this));
