"""What every browser test shares: Debian's Chromium through Playwright, offline, and axe-core.

Every request to anything but the local test server is blocked and counted, and every
console error is kept, so a test can assert there were none.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from .conftest import REPO

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Violations only: asking axe for passes and incomplete results too doubles its time on a long page.
AXE_RUN = ("async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}, "
           "resultTypes: ['violations']}))"
           ".violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))")


def require_browser() -> None:
    """Skip without Chromium on a workstation; in CI (env CI set) a missing browser is a failure."""
    missing = "" if CHROMIUM.exists() else f"{CHROMIUM} is not installed"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "playwright is not installed"
    if missing and os.environ.get("CI"):
        pytest.fail(f"{missing}; the browser tests must run in CI")
    if missing:
        pytest.skip(missing)


def require_axe() -> None:
    """axe-core comes from npm at set-up (make test); in CI its absence is a failure."""
    if AXE.is_file():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{AXE} is missing; 'make test' installs it with npm")
    pytest.skip("axe-core is not installed (npm install)")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output clean."""


class _PrefixedHandler(_QuietHandler):
    """Serves the site under a sub-path (``/guidance/``), as a partnership may publish it; anything
    outside it is 404, as on a host where the site is one folder among others."""

    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page gets the site's own 404.html, with status 404, as GitHub Pages and most hosts do."""
        page = Path(self.directory) / "404.html"
        if code != 404 or self.command != "GET" or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class SiteServer:
    """A local web server for a built site that a test can stop, to take the site offline for real."""

    def __init__(self, site: Path, prefix: str = "/") -> None:
        handler = type("Handler", (_PrefixedHandler,), {"prefix": prefix})
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=site))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}{prefix}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.running = True

    def stop(self) -> None:
        if self.running:
            self.running = False
            self.server.shutdown()
            self.thread.join()
            self.server.server_close()


@contextmanager
def serve_stoppable(site: Path, prefix: str = "/") -> Iterator[SiteServer]:
    server = SiteServer(site, prefix)
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """A local web server for a built site; yields its base address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


@dataclass
class Watch:
    """What the browser tried to fetch elsewhere, and what it complained about."""

    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@contextmanager
def launch_chromium() -> Iterator[Any]:
    """One Chromium for the whole test session (Playwright's sync API allows one at a time)."""
    from playwright.sync_api import sync_playwright

    require_browser()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def chromium_page(browser: Any, base_url: str, **context: Any) -> Iterator[tuple[Any, Watch]]:
    """A page in a fresh browser context that may reach only ``base_url``'s host.

    The site's service worker is blocked here: requests it answers would bypass the routes these
    tests set (Playwright routes only what reaches the network). The offline tests
    (tests/test_offline_browser.py) open their own contexts, with the worker.
    """
    watch = Watch()
    local = urlsplit(base_url).netloc
    opened = browser.new_context(**{"service_workers": "block", **context})
    page = opened.new_page()

    def route(request_route: Any) -> None:
        if urlsplit(request_route.request.url).netloc == local:
            request_route.continue_()
        else:
            watch.blocked.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda message: watch.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    try:
        yield page, watch
    finally:
        opened.close()


# The rules whose outcome depends on the colours: all that can change when only the palette does.
COLOUR_RULES = ["color-contrast", "link-in-text-block", "non-text-contrast"]
AXE_RUN_RULES = ("async (rules) => (await axe.run(document, {runOnly: {type: 'rule', values: rules}, "
                 "resultTypes: ['violations']}))"
                 ".violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))")


def axe_violations(page: Any, colours_only: bool = False) -> list[str]:
    """axe-core's WCAG 2.2 AA violations on the page as it is now. ``colours_only`` runs just the
    rules that a change of palette can change, for a page already checked in full in another."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    if colours_only:
        rules: list[str] = page.evaluate("names => axe.getRules().map(r => r.ruleId).filter(id => names.includes(id))",
                                         COLOUR_RULES)
        colour: list[str] = page.evaluate(AXE_RUN_RULES, rules)
        return colour
    result: list[str] = page.evaluate(AXE_RUN, WCAG_TAGS)
    return result


# What a page view costs: each file the page fetched from the site, gzipped at level 9 (the test
# server sends files as they are, so the transfer a real host's compression gives is computed).
SEARCH_INDEX = "search/search_index.json"
READY_AFTER_FOCUS = """() => new Promise(resolve => {
  const meta = document.querySelector('.md-search-result__meta');
  const ready = JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder'];
  const start = performance.now();
  const done = () => { observer.disconnect(); clearTimeout(limit); resolve(performance.now() - start); };
  const observer = new MutationObserver(() => { if (meta.textContent === ready) { done(); } });
  const limit = setTimeout(() => { observer.disconnect(); resolve(-1); }, 10000);
  observer.observe(meta, {childList: true, characterData: true, subtree: true});
  document.querySelector('input.md-search__input').focus();
})"""


def fetched_files(site: Path, base_url: str, urls: list[str]) -> list[Path]:
    """The built files behind the requests to the site, each once, in the order first fetched."""
    files: dict[Path, None] = {}
    for url in urls:
        if not url.startswith(base_url):
            continue
        name = urlsplit(url).path.removeprefix(urlsplit(base_url).path)
        path = site / (name + "index.html" if name.endswith("/") or not name else name)
        if path.is_file():
            files[path] = None
    return list(files)


def gzipped_bytes(paths: list[Path]) -> int:
    """What these files weigh sent with gzip (level 9), as a phone receives them."""
    return sum(len(gzip.compress(path.read_bytes(), 9)) for path in paths)
