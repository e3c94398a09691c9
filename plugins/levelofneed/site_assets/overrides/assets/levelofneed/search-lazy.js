/* Level of Need site: the search index is downloaded only when someone starts to search.
 *
 * Material (9.8) requests search/search_index.json as soon as a page loads, for every page,
 * and hands it to our search worker (docs/adr/0011-search.md). Most page views never search,
 * so this script, loaded before Material's bundle, holds back that one request until the
 * search box is focused or typed in, or its magnifier (on a phone) is pressed; then it sends
 * it, once. (The home page's search field leads to our own search page, search-page.js.) Material 9.8 has no setting for this (older
 * versions read a global `__search.index`; 9.8 does not), hence the wait at the request
 * (docs/adr/0018-lazy-search-index.md).
 *
 * While the request waits Material behaves as on a slow network: the box says it is
 * initialising, its keyboard shortcuts work, and what is typed meanwhile is searched as soon
 * as the index is ready. Only a GET of this site's search index is held; every other request,
 * and the helper's own fetch of the index, goes as it would. Nothing is sent anywhere else.
 */
/* global LevelOfNeedSearchResults */
(function () {
  "use strict";

  var INDEX_PATH = "/search/search_index.json";
  var SEARCH_BOX = "input.md-search__input";
  var PRESSED = "label[for='__search'], " + SEARCH_BOX;  // a tap or click on the box asks even before it has focus
  var wanted = false;
  /** @type {Array<() => void>} */
  var waiting = [];

  /** @param {EventTarget | null} target @param {string} selector */
  function matches(target, selector) {
    return target instanceof Element && target.closest(selector) !== null;
  }

  function want() {
    if (wanted) { return; }
    wanted = true;
    document.removeEventListener("focusin", onUse, true);
    document.removeEventListener("input", onUse, true);
    document.removeEventListener("keydown", onUse, true);
    document.removeEventListener("pointerdown", onPress, true);
    waiting.splice(0).forEach(function (send) { send(); });
  }

  /* Material's keys that open its search box ("/", "s", "f"), pressed outside a field: asked at the key
     itself, not only when the box then takes focus (CI has seen that focus bring no request). */
  var SHORTCUTS = ["/", "s", "f"];

  /** @param {Event} event */
  function onUse(event) {
    if (matches(event.target, SEARCH_BOX)) { want(); return; }
    if (event instanceof KeyboardEvent && SHORTCUTS.indexOf(event.key) >= 0 && !event.ctrlKey && !event.metaKey &&
        !event.altKey && !matches(event.target, "input, textarea, select, [contenteditable]")) { want(); }
  }

  /** @param {Event} event */
  function onPress(event) {
    if (matches(event.target, PRESSED)) { want(); }
  }

  /* Searching already: a link with ?q= opens the search box with a query. */
  function alreadySearching() {
    var box = document.activeElement;
    return new URLSearchParams(window.location.search).has("q") || matches(box, SEARCH_BOX);
  }

  /** @param {string | URL} url */
  function isIndex(url) {
    var address = new URL(String(url), document.baseURI);
    return address.origin === window.location.origin && address.pathname.slice(-INDEX_PATH.length) === INDEX_PATH;
  }

  /* Send this request (Material's request for the index) only once the index is wanted. */
  /** @param {XMLHttpRequest} request */
  function hold(request) {
    var send = XMLHttpRequest.prototype.send;
    var abort = XMLHttpRequest.prototype.abort;
    var cancelled = false;
    request.send = function (body) {
      if (wanted) { send.call(request, body); return; }
      waiting.push(function () { if (!cancelled) { send.call(request, body); } });
    };
    request.abort = function () { cancelled = true; abort.call(request); };
  }

  var open = XMLHttpRequest.prototype.open;
  /** @this {XMLHttpRequest} @param {string} method @param {string | URL} url @param {...any} rest */
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    open.apply(this, [method, url, ...rest]);
    if (String(method).toUpperCase() === "GET" && isIndex(url)) {
      XMLHttpRequest.prototype.open = open;  // Material asks once per page load: hold that one, then step aside
      if (alreadySearching()) { want(); }
      hold(this);
    }
  };

  /* On our own search page, ?q= is moved into the fragment before Material's bundle runs, since
     Material opens its own search box over any page whose address holds ?q= (ADR 23). */
  if (document.querySelector("[data-lon-search-page]") && new URLSearchParams(window.location.search).has("q")) {
    var here = window.location;
    history.replaceState(history.state, "", LevelOfNeedSearchResults.queryInFragment(here.pathname, here.search, here.hash));
  }

  document.addEventListener("focusin", onUse, true);
  document.addEventListener("input", onUse, true);
  document.addEventListener("keydown", onUse, true);
  document.addEventListener("pointerdown", onPress, true);
}());
