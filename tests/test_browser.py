"""The built site in a real browser: Debian's Chromium through Playwright, offline.

Every request to anything but the local test server is blocked and counted. The pages a
practitioner uses most (home, a level, a domain, an indicator, a procedure and a
briefing) must load with no blocked request and no console error.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from levelofneed import Guidance, load_guidance
from levelofneed.publish import publish, site_options

from .conftest import REPO
from .test_site_build import repo_site

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def _require_browser() -> None:
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output clean."""


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _require_browser()
    site = repo_site(tmp_path_factory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    thread.join()
    server.server_close()


@dataclass
class Watch:
    """What the browser tried to fetch elsewhere, and what it complained about."""

    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser_page(base_url: str) -> Iterator[tuple[Any, Watch]]:
    from playwright.sync_api import sync_playwright

    watch = Watch()
    local = urlsplit(base_url).netloc
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page()

        def route(request_route: Any) -> None:
            if urlsplit(request_route.request.url).netloc == local:
                request_route.continue_()
            else:
                watch.blocked.append(request_route.request.url)
                request_route.abort()

        page.route("**/*", route)
        page.on("console", lambda message: watch.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: watch.errors.append(str(error)))
        yield page, watch
        browser.close()


@pytest.fixture(scope="module")
def guidance() -> Guidance:
    return load_guidance(REPO)


def _paths(guidance: Guidance) -> list[str]:
    indicator = guidance.indicators[0]
    return ["", f"levels/{guidance.levels[-1].id}/", f"domains/{guidance.domains[0].id}/",
            f"indicators/{indicator.id}/", f"procedures/{guidance.procedures[0].id}/",
            f"briefings/{guidance.briefings[0].id}/"]


def test_main_pages_load_offline_without_errors(browser_page: tuple[Any, Watch], base_url: str,
                                                guidance: Guidance) -> None:
    page, watch = browser_page
    message = guidance.partnership.immediate_danger.message
    for path in _paths(guidance):
        page.goto(base_url + path, wait_until="networkidle")
        assert page.locator(".lon-banner").first.inner_text().startswith(message[:40]), path
    assert watch.blocked == []
    assert watch.errors == []


def test_instant_navigation_from_home_to_a_level(browser_page: tuple[Any, Watch], base_url: str,
                                                 guidance: Guidance) -> None:
    from playwright.sync_api import expect

    page, watch = browser_page
    level = guidance.levels[0]
    page.goto(base_url, wait_until="networkidle")
    page.locator(f"#level-{level.number} a").first.click()
    expect(page).to_have_url(f"{base_url}levels/{level.id}/")
    expect(page.locator("h1")).to_contain_text(f"Level {level.number}: {level.name}")
    assert watch.blocked == [] and watch.errors == []


def test_services_filter_narrows_the_list_and_announces_it(browser_page: tuple[Any, Watch], base_url: str,
                                                           guidance: Guidance) -> None:
    from playwright.sync_api import expect

    page, watch = browser_page
    page.goto(base_url + "services/", wait_until="networkidle")
    total = len(guidance.services)
    status = page.locator("#lon-filter-status")
    expect(status).to_have_text(f"{total} of {total} services shown")
    level = guidance.levels[-1]
    expected = sum(1 for service in guidance.services if level.id in service.levels)
    page.get_by_label("Level", exact=True).select_option(level.id)
    expect(status).to_have_text(f"{expected} of {total} services shown")
    expect(page.locator(".lon-service:visible")).to_have_count(expected)
    page.get_by_role("button", name="Show all").click()
    expect(status).to_have_text(f"{total} of {total} services shown")
    assert watch.blocked == [] and watch.errors == []


def test_pages_fit_a_320_pixel_screen(browser_page: tuple[Any, Watch], base_url: str, guidance: Guidance) -> None:
    page, watch = browser_page
    page.set_viewport_size({"width": 320, "height": 640})
    try:
        for path in [*_paths(guidance), "services/"]:
            page.goto(base_url + path, wait_until="networkidle")
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    finally:
        page.set_viewport_size({"width": 1280, "height": 800})
    assert watch.blocked == [] and watch.errors == []


AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_RUN = ("async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
           ".violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))")


def _require_axe() -> None:
    """axe-core comes from npm at set-up (make test); in CI its absence is a failure."""
    if AXE.is_file():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{AXE} is missing; 'make test' installs it with npm")
    pytest.skip("axe-core is not installed (npm install)")


# The repository has its own open-data page, so the generated one is not published here.
HANDWRITTEN = ["coverage/", "editors/", "adr/0001-guidance-as-validated-yaml/", "open-data/"]


def template_urls(guidance: Guidance) -> dict[str, str]:
    """One page of every template the site uses: the first generated page of each, plus hand-written pages."""
    urls: dict[str, str] = {}
    for output in publish(guidance, site_options(REPO / "docs")):
        if output.kind == "page" and output.template is not None:
            urls.setdefault(output.template, page_url(output.path))
    return {**urls, **{f"handwritten {path}": path for path in HANDWRITTEN}}


def page_url(docs_path: str) -> str:
    """'levels/level-1.md' → 'levels/level-1/', 'index.md' → '', as MkDocs publishes them."""
    stem = docs_path.removesuffix(".md")
    stem = stem.removesuffix("index")
    return stem if not stem or stem.endswith("/") else stem + "/"


def test_every_template_is_covered(guidance: Guidance) -> None:
    templates = {path.name.removesuffix(".md.j2") for path in (REPO / "plugins" / "levelofneed" / "render").glob(
        "*.md.j2") if not path.name.startswith("_")}
    assert set(template_urls(guidance)) >= templates - {"open-data"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_meet_wcag_aa_by_axe(browser_page: tuple[Any, Watch], base_url: str, guidance: Guidance,
                                   scheme: str) -> None:
    _require_axe()
    page, watch = browser_page
    page.emulate_media(color_scheme=scheme)
    found = {}
    try:
        for path in template_urls(guidance).values():
            page.goto(base_url + path, wait_until="networkidle")
            page.evaluate("localStorage.clear()")  # let the emulated colour scheme choose the palette
            page.reload(wait_until="networkidle")
            page.add_script_tag(path=str(AXE))
            violations = page.evaluate(AXE_RUN, WCAG_TAGS)
            if violations:
                found[path] = violations
    finally:
        page.emulate_media(color_scheme="light")
    assert found == {}
    assert watch.blocked == [] and watch.errors == []


def test_keyboard_reaches_skip_link_then_search(browser_page: tuple[Any, Watch], base_url: str) -> None:
    page, _ = browser_page
    page.goto(base_url, wait_until="networkidle")
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.textContent.trim()")
    assert first.lower().startswith("skip to content")
    focusable = page.evaluate(
        "[...document.querySelectorAll('a[href], button, input, select')].filter(e => e.offsetParent !== null)"
        ".every(e => (e.getAttribute('aria-label') || e.textContent.trim() || e.title || e.labels?.length))")
    assert focusable, "every visible control has an accessible name"
