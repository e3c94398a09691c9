/* Level of Need site: our own search page (search/), and the search forms that lead to it.
 *
 * It needs no theme: any site builder that serves our files gives a working search (ADR 23).
 * The box's query is searched by the same core as Material's box and the command line
 * (search-core.js), and each result shows what search-results.js says it shows, set with
 * textContent. The query is kept in the address's fragment (search/#q=…), which is never
 * sent: a search form elsewhere (the home page's) goes there without a request holding the
 * words, and ?q=… (a link, or the form without JavaScript) is moved into the fragment.
 * Nothing is stored.
 */
/* global LevelOfNeedSearchCore, LevelOfNeedSearchResults */
(function () {
  "use strict";

  /** @type {Record<string, Promise<any>>} */
  var engines = {};

  /* The search core for an index address, set up once per page load (instant navigation keeps it). */
  /** @param {string} address */
  function engineFor(address) {
    var url = new URL(address, document.baseURI).href;
    if (!engines[url]) {
      engines[url] = fetch(url).then(function (response) {
        if (!response.ok) { throw new Error("search index: " + response.status); }
        return response.json();
      }).then(function (index) { return LevelOfNeedSearchCore.create(index.config.levelofneed); });
      engines[url].catch(function () { delete engines[url]; });
    }
    return engines[url];
  }

  /* A search form on another page goes to the search page with the query in the fragment. */
  /** @param {HTMLFormElement} form */
  function leadToSearchPage(form) {
    form.addEventListener("submit", function (event) {
      var box = /** @type {HTMLInputElement} */ (form.elements.namedItem("q"));
      event.preventDefault();
      var target = new URL(form.getAttribute("action") || "", document.baseURI);
      window.location.assign(target.origin + target.pathname + LevelOfNeedSearchResults.fragmentFor(box.value.trim()));
    });
  }

  /** @param {any} shown @param {string} home */
  function resultItem(shown, home) {
    var item = document.createElement("li");
    item.className = "lon-search__result";
    var link = document.createElement("a");
    link.href = home + shown.location;
    link.className = "lon-search__link";
    if (shown.level) {
      var badge = document.createElement("span");
      badge.className = "lon-badge lon-tone-" + shown.level.tone;
      badge.textContent = shown.level.label;
      link.appendChild(badge);
      link.appendChild(document.createTextNode(" "));
    }
    link.appendChild(document.createTextNode(shown.title));
    item.appendChild(link);
    if (shown.where) {
      var where = document.createElement("p");
      where.className = "lon-search__where";
      where.textContent = shown.where;
      item.appendChild(where);
    }
    return item;
  }

  /** @param {HTMLFormElement} form */
  function searchPage(form) {
    var box = /** @type {HTMLInputElement} */ (form.elements.namedItem("q"));
    var status = /** @type {HTMLElement} */ (document.querySelector("[data-lon-search-status]"));
    var results = /** @type {HTMLElement} */ (document.querySelector("[data-lon-search-results]"));
    var wording = {none: status.dataset.none || "", one: status.dataset.one || "", many: status.dataset.many || ""};
    var home = form.dataset.home || "";
    /** @type {any} */
    var engine = null;

    function show() {
      var query = box.value.trim();
      results.replaceChildren();
      if (!query) { status.textContent = ""; return; }
      if (!engine) { status.textContent = status.dataset.loading || ""; return; }
      var shown = LevelOfNeedSearchResults.list(engine, query);
      shown.forEach(function (/** @type {any} */ result) { results.appendChild(resultItem(result, home)); });
      status.textContent = LevelOfNeedSearchResults.summary(wording, shown.length);
    }

    function keepInAddress() {
      var here = window.location;
      history.replaceState(history.state, "", here.pathname + here.search +
        LevelOfNeedSearchResults.fragmentFor(box.value.trim()));
    }

    function fromAddress() {
      box.value = LevelOfNeedSearchResults.queryFrom(window.location.search, window.location.hash);
      show();
    }

    var here = window.location;
    history.replaceState(history.state, "", LevelOfNeedSearchResults.queryInFragment(here.pathname, here.search, here.hash));
    fromAddress();
    if (!box.value) { box.focus(); }
    form.addEventListener("submit", function (event) { event.preventDefault(); keepInAddress(); show(); });
    box.addEventListener("input", function () { keepInAddress(); show(); });
    window.addEventListener("hashchange", function onHash() {
      if (!document.body.contains(form)) { window.removeEventListener("hashchange", onHash); return; }
      fromAddress();
    });
    engineFor(form.dataset.index || "").then(function (ready) { engine = ready; show(); }, function () {
      status.textContent = status.dataset.failed || "";
    });
  }

  function setUp() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-lon-search-form]"), function (form) {
      if (form.dataset.lonSeen) { return; }
      form.dataset.lonSeen = "1";
      if (form.hasAttribute("data-lon-search-page")) { searchPage(form); } else { leadToSearchPage(form); }
    });
  }

  // Material's document$ fires on the first page and on every instant page change.
  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
}());
