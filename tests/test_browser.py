"""The built site in a real browser: Debian's Chromium through Playwright, offline.

Every request to anything but the local test server is blocked and counted. The pages a
practitioner uses most (home, a level, a domain, an indicator, a procedure and a
briefing) must load with no blocked request and no console error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from levelofneed import Guidance
from levelofneed.publish import publish, site_options

from .browser_support import Watch, axe_violations, chromium_page, require_axe
from .conftest import REPO

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser_page(chromium: Any, base_url: str) -> Iterator[tuple[Any, Watch]]:
    """Sets the site's script policy aside so axe can be injected; the policy has its own test."""
    with chromium_page(chromium, base_url, bypass_csp=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def guidance(sefton: Guidance) -> Guidance:
    return sefton


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


SCHEMES = {"light": "default", "dark": "slate"}  # the colour scheme asked for → the palette the theme shows


AXE_SHARES = 4  # the pages are split into this many tests, so that pytest-xdist's workers share them


@pytest.mark.parametrize("share", range(AXE_SHARES))
def test_pages_meet_wcag_aa_by_axe_in_light_and_dark(browser_page: tuple[Any, Watch], base_url: str,
                                                    guidance: Guidance, share: int) -> None:
    """One page of every template, each in the light and the dark scheme (the theme follows the
    device's preference when nobody has chosen a palette). Every WCAG rule runs in the light
    scheme; in the dark one, only the rules a palette can change."""
    require_axe()
    page, watch = browser_page
    found = {}
    try:
        for path in list(template_urls(guidance).values())[share::AXE_SHARES]:
            page.emulate_media(color_scheme="light")
            page.goto(base_url + path, wait_until="networkidle")
            page.evaluate("localStorage.clear()")
            # The theme fades colours in over a few hundred milliseconds; axe must see the palette
            # switched below, not a colour halfway between the two.
            page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
            for scheme, palette in SCHEMES.items():
                # The theme picks its palette once, as a page loads; switching it here as its toggle does
                # saves loading every page twice.
                page.emulate_media(color_scheme=scheme)
                page.evaluate("p => document.body.setAttribute('data-md-color-scheme', p)", palette)
                violations = axe_violations(page, colours_only=scheme != "light")
                if violations:
                    found[f"{path} ({scheme})"] = violations
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
