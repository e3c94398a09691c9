/* Level of Need search results: what a result shows, and where a query is kept in the address.
 *
 * Pure, so Node tests it: one source for both places results are shown, Material's search
 * box (through search-worker.js) and our own search page (search-page.js). A result is its
 * page's address, title, level (label and tone: the badge shows the label in words, so
 * colour is never the only signal) and where it sits in the guidance. Nothing here writes
 * HTML: the page sets each text with textContent, and the worker escapes it.
 *
 * The query lives in the fragment (search/#q=…), which a browser never sends to a server,
 * so what a practitioner types stays on the device (ADR 23). ?q=… is read too: links, and
 * the form when JavaScript is off.
 */
(function (root) {
  "use strict";

  /**
   * @typedef {{location: string, title: string, level: {label: string, tone: number} | null, where: string}} Shown
   */

  /* One result as shown: a record of the search core's index, with its level and where it sits. */
  /** @param {any} engine the search core @param {any} found one of engine.search's results @returns {Shown} */
  function describe(engine, found) {
    var record = found.record;
    var level = record.level >= 0 ? engine.levels[record.level] : null;
    var where = record.kind === "i" ? engine.groups[record.group] : engine.rules.kind_labels[record.kind];
    return {location: record.location, title: String(record.title),
      level: level ? {label: String(level[0]), tone: Number(level[1])} : null, where: String(where || "")};
  }

  /* The results for a query, best first, at most as many as the index's rules allow. */
  /** @param {any} engine @param {string} query @returns {Shown[]} */
  function list(engine, query) {
    return engine.search(query).slice(0, engine.rules.max_results).map(function (/** @type {any} */ found) {
      return describe(engine, found);
    });
  }

  /* The query an address holds: #q=… first (ours), else ?q=… ("" when neither). */
  /** @param {string} search location.search @param {string} hash location.hash @returns {string} */
  function queryFrom(search, hash) {
    var fragment = new URLSearchParams(hash.replace(/^#/, ""));
    if (fragment.has("q")) { return fragment.get("q") || ""; }
    return new URLSearchParams(search).get("q") || "";
  }

  /* The fragment that holds a query ("" for none), as queryFrom reads it back. */
  /** @param {string} query @returns {string} */
  function fragmentFor(query) {
    return query ? "#" + new URLSearchParams({q: query}).toString() : "";
  }

  /* The address's query string with q taken out ("" when nothing else is left). */
  /** @param {string} search location.search @returns {string} */
  function withoutQuery(search) {
    var params = new URLSearchParams(search);
    params.delete("q");
    var rest = params.toString();
    return rest ? "?" + rest : "";
  }

  /* The address to show instead of one holding ?q=…: the query moved into the fragment, so it is not
     sent again on reload, and Material's own search box, which opens on ?q=, stays closed. */
  /** @param {string} pathname @param {string} search @param {string} hash @returns {string} */
  function queryInFragment(pathname, search, hash) {
    return pathname + withoutQuery(search) + fragmentFor(queryFrom(search, hash));
  }

  /* "3 matching results", from the page's wording for none, one and many ("#" is the count). */
  /** @param {{none: string, one: string, many: string}} wording @param {number} count */
  function summary(wording, count) {
    return count === 0 ? wording.none : count === 1 ? wording.one : wording.many.replace("#", String(count));
  }

  var api = {describe: describe, list: list, queryFrom: queryFrom, fragmentFor: fragmentFor,
    withoutQuery: withoutQuery, queryInFragment: queryInFragment, summary: summary};
  root.LevelOfNeedSearchResults = api;
}(typeof self !== "undefined" ? self : this));
