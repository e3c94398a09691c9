/* Level of Need service worker: the guidance on a home visit with no signal (ADR 20).
 *
 * The build writes LEVELOFNEED_OFFLINE above this file: the guidance's version, the build's id
 * and the addresses saved on the first visit ("core"). Everything is relative to this file, so
 * the site works under any path.
 *
 * - One cache per build, named after this site's scope and the build: a browser holds one
 *   build's pages, never a mix. Pages and files are served from it first; a page not in it
 *   comes from the network, and is kept if it belongs to this build.
 * - A new build installs beside the old one, saves its core and fresh copies of every page the
 *   old one had saved, then waits. The page offers "reload to use version X"; only then does it
 *   take over, and the old cache is deleted.
 * - Offline, a page that was never saved is answered with the "not saved" page.
 * - Only GET requests to this site, inside this scope, are touched: nothing is sent anywhere,
 *   and a request never carries the address's #fragment, where the helper keeps its answers.
 */
"use strict";

/** @type {{version: string, build: string, core: string[], notSaved: string, plan: string, versionFile: string}} */
var SETTINGS = LEVELOFNEED_OFFLINE;
var worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));
var SCOPE = worker.registration.scope;
var PREFIX = "levelofneed " + SCOPE + " ";
var CACHE = PREFIX + SETTINGS.build;
var STATUS = "levelofneed-status.json";
var SAVED_AT = "levelofneed-saved-at";
var BUILD_META = /<meta name="levelofneed-build" content="([0-9a-f]+)">/;

/** @param {string} path */
function address(path) { return new URL(path, SCOPE).href; }

/** @param {string} url */
function inScope(url) { return url.indexOf(SCOPE) === 0; }

/** What a response is kept under: its address without a query, since no page of the site depends on
 * one ("?q=" opens search on a saved page too).
 * @param {string} url */
function key(url) { return url.split("?")[0]; }

/** A fresh copy from the site, past the browser's HTTP cache, so a new build never keeps an old file.
 * @param {string} url */
function fresh(url) { return fetch(new Request(url, {cache: "reload", credentials: "same-origin"})); }

/** Keep a response only when it is whole and was not redirected (a browser refuses a redirected
 * response for a page).
 * @param {Response} response */
function keepable(response) { return response.ok && !response.redirected && response.type === "basic"; }

/** The addresses another build of this site had saved, to save again in this one. */
function savedByOlderBuilds() {
  return caches.keys().then(function (names) {
    var older = names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE; });
    return Promise.all(older.map(function (name) {
      return caches.open(name).then(function (cache) { return cache.keys(); });
    }));
  }).then(function (lists) {
    /** @type {Record<string, boolean>} */
    var seen = Object.create(null);
    lists.forEach(function (requests) {
      requests.forEach(function (request) { seen[request.url] = true; });
    });
    delete seen[address(SAVED_AT)];
    return Object.keys(seen);
  });
}

/** Save the core; then, as far as the network allows, the pages an older build had saved. */
function install() {
  var core = SETTINGS.core.concat([SETTINGS.plan]).map(address);
  return caches.open(CACHE).then(function (cache) {
    return Promise.all(core.map(function (url) {
      return fresh(url).then(function (response) {
        if (!keepable(response)) { throw new Error("could not save " + url + ": " + response.status); }
        return cache.put(url, response);
      });
    })).then(function () {
      return savedByOlderBuilds();
    }).then(function (urls) {
      var wanted = urls.filter(function (url) { return core.indexOf(url) < 0; });
      return Promise.all(wanted.map(function (url) {
        return fresh(url).then(function (response) {
          return keepable(response) ? cache.put(url, response) : undefined;
        }, function () { return undefined; });
      }));
    }).then(function () {
      var saved = new Response(JSON.stringify({savedAt: new Date().toISOString()}),
        {headers: {"Content-Type": "application/json"}});
      return cache.put(address(SAVED_AT), saved);
    });
  });
}

/** Delete every other build's cache of this site (never another site's, which may share the origin). */
function removeOlderBuilds() {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  });
}

/** What the page asks this worker: which build and version it holds, and since when. */
function status() {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(address(SAVED_AT));
  }).then(function (saved) {
    return saved ? saved.json() : {savedAt: null};
  }).then(function (saved) {
    var body = {version: SETTINGS.version, build: SETTINGS.build, savedAt: saved.savedAt, cache: CACHE};
    return new Response(JSON.stringify(body), {headers: {"Content-Type": "application/json",
      "Cache-Control": "no-store"}});
  });
}

/** A page from the network is kept only if it belongs to this build; any other file is kept.
 * Resolves to whether it was kept.
 * @param {Request} request @param {Response} response @returns {Promise<boolean>} */
function keepIfThisBuild(request, response) {
  if (!keepable(response)) { return Promise.resolve(false); }
  var type = response.headers.get("Content-Type") || "";
  var copy = response.clone();
  /** @returns {Promise<boolean>} */
  function put() {
    return caches.open(CACHE).then(function (cache) { return cache.put(key(request.url), copy); })
      .then(function () { return true; });
  }
  if (type.indexOf("text/html") < 0) { return put(); }
  return response.text().then(function (text) {
    var found = BUILD_META.exec(text);
    return found && found[1] === SETTINGS.build ? put() : false;
  });
}

/** The "not saved" page, to be shown at the address of the page that was asked for: a <base> makes
 * its relative links work from there, and the theme is told the site's root, which it would
 * otherwise work out from the address. The address stays, so reloading with a signal opens the page.
 * @param {Cache} cache @returns {Promise<Response | undefined>} */
function notSavedPage(cache) {
  var here = address(SETTINGS.notSaved);
  return cache.match(here).then(function (page) {
    if (!page) { return undefined; }
    return page.text().then(function (text) {
      var moved = text.replace(/<head([^>]*)>/i, function (head) { return head + "<base href=\"" + here + "\">"; })
        .replace(/("base":\s*")[^"]*(")/, function (whole, before, after) { return before + SCOPE + after; });
      return new Response(moved, {headers: {"Content-Type": "text/html; charset=utf-8"}});
    });
  });
}

/** @param {Request} request */
function wantsPage(request) {
  return request.mode === "navigate" || (request.headers.get("Accept") || "").indexOf("text/html") >= 0;
}

/** From this build's cache; else from the network (and kept); offline, a page not saved gets the
 * "not saved" page.
 * @param {FetchEvent} event */
function answer(event) {
  var request = event.request;
  return caches.open(CACHE).then(function (cache) {
    return cache.match(key(request.url)).then(function (cached) {
      if (cached) { return cached; }
      return fetch(request).then(function (response) {
        event.waitUntil(keepIfThisBuild(request, response.clone()).catch(function () { return false; }));
        return response;
      }, function (error) {
        if (!wantsPage(request)) { throw error; }
        return notSavedPage(cache).then(function (page) {
          if (page) { return page; }
          throw error;
        });
      });
    });
  });
}

worker.addEventListener("install", function (event) {
  event.waitUntil(install());
});

worker.addEventListener("activate", function (event) {
  event.waitUntil(removeOlderBuilds().then(function () { return worker.clients.claim(); }));
});

/** Save every address the page asks for ("save everything"), telling it after each one, so it can
 * show its progress. A page of another build is not kept: it would mix two versions.
 * @param {string[]} urls @param {MessagePort} port */
function saveAll(urls, port) {
  var done = 0, failed = 0, next = 0;
  /** @returns {Promise<void>} */
  function one() {
    if (next >= urls.length) { return Promise.resolve(); }
    var url = address(urls[next]);
    next += 1;
    return caches.open(CACHE).then(function (cache) { return cache.match(url); }).then(function (cached) {
      if (cached) { return true; }
      return fresh(url).then(function (response) {
        return keepIfThisBuild(new Request(url), response).then(function (kept) { return kept; });
      });
    }).then(function (kept) {
      if (!kept) { failed += 1; }
    }, function () { failed += 1; }).then(function () {
      done += 1;
      port.postMessage({done: done, failed: failed, total: urls.length});
      return one();
    });
  }
  // Four at a time: quick on a good connection, gentle on a poor one.
  return Promise.all([one(), one(), one(), one()]).then(function () {
    port.postMessage({done: done, failed: failed, total: urls.length, finished: true});
  });
}

worker.addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === "take-over") {
    worker.skipWaiting();
  } else if (message.type === "save" && Array.isArray(message.urls) && event.ports[0]) {
    event.waitUntil(saveAll(message.urls.map(String), event.ports[0]));
  }
});

worker.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || !inScope(request.url)) { return; }
  var path = request.url.slice(SCOPE.length).split("?")[0];
  if (path === STATUS) {
    event.respondWith(status());
  } else if (path === SETTINGS.versionFile) {
    return;  // the update check asks the site itself, never a saved copy
  } else {
    event.respondWith(answer(event));
  }
});
