"""The search index is downloaded only when someone starts to search (issue 22; ADR 18).

A page view that never searches must not fetch ``search/search_index.json``; focusing the
search box fetches it once (how soon is measured in ``bench/bench_page_weight.py``), and search
then works as before; a query typed while the index is still on its way is answered when it arrives. The
site's own policy is set aside here, as in the other search tests, because Playwright's waiting
functions run in the page; the helper's browser tests search under the policy itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from .browser_support import READY_AFTER_FOCUS, SEARCH_INDEX, Watch, chromium_page, fetched_files, gzipped_bytes
from .search_support import site_results
from .test_site_build import repo_site

pytestmark = pytest.mark.browser

SEARCH_BOX = "input.md-search__input"
META = ".md-search-result__meta"
# Pages of each kind a practitioner lands on from a link: home, a level, the glossary, an indicator.
PAGES = ["", "levels/level-2/", "glossary/", "indicators/access-to-activities/"]
# Issue 22: a page nobody searches on transfers at least this much less than before.
SAVED_AT_LEAST = 50_000
THROTTLE = 4  # Chromium's CPU slowed 4×, as the search benchmark does for a phone


@pytest.fixture
def fresh(chromium: Any, base_url: str) -> Iterator[tuple[Any, Watch, list[str]]]:
    """A page in a new browser context (nothing cached), with every request it makes recorded."""
    with chromium_page(chromium, base_url, bypass_csp=True) as (page, watch):
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        yield page, watch, requests


def index_requests(requests: list[str]) -> list[str]:
    return [url for url in requests if url.split("?")[0].endswith(SEARCH_INDEX)]


def placeholder(page: Any) -> str:
    """What the search box's result line says once the index is ready and nothing is typed."""
    config = json.loads(page.locator("#__config").text_content())
    text: str = config["translations"]["search.result.placeholder"]
    return text


@pytest.mark.parametrize("path", PAGES)
def test_a_page_view_without_search_fetches_no_index(fresh: tuple[Any, Watch, list[str]], base_url: str,
                                                     path: str) -> None:
    page, watch, requests = fresh
    page.goto(base_url + path, wait_until="networkidle")
    assert index_requests(requests) == []
    assert page.locator(META).text_content() != placeholder(page)  # Material is still waiting, quietly
    assert watch.errors == [] and watch.blocked == []


def test_focusing_the_search_box_fetches_the_index_once_and_search_works(fresh: tuple[Any, Watch, list[str]],
                                                                         base_url: str) -> None:
    page, watch, requests = fresh
    page.goto(base_url + "glossary/", wait_until="networkidle")
    with page.expect_response(lambda response: response.url.endswith(SEARCH_INDEX)):
        page.locator(SEARCH_BOX).click()  # as a practitioner does (a bare .focus() has twice brought no request in CI)
    found = site_results(page, "neglect")
    assert found and page.locator(".md-search-result__item").count() > 0
    site_results(page, "bruise baby")
    assert len(index_requests(requests)) == 1 and index_requests(requests)[0].startswith(base_url)
    assert watch.errors == []


def test_the_magnifier_on_a_phone_fetches_the_index(chromium: Any, base_url: str) -> None:
    with chromium_page(chromium, base_url, bypass_csp=True, viewport={"width": 360, "height": 740}) as (page, watch):
        page.goto(base_url, wait_until="networkidle")
        with page.expect_response(lambda response: response.url.endswith(SEARCH_INDEX)):
            page.locator("label.md-header__button[for='__search']").first.click()
        assert site_results(page, "neglect")
        assert watch.errors == []


def test_a_query_typed_before_the_index_arrives_is_answered_when_it_does(fresh: tuple[Any, Watch, list[str]],
                                                                          base_url: str) -> None:
    """The keyboard shortcut and typing work while the index is on its way; nothing is lost."""
    page, watch, _ = fresh
    held: list[Any] = []
    page.goto(base_url + "glossary/", wait_until="networkidle")
    page.route("**/" + SEARCH_INDEX, lambda route: held.append(route))
    with page.expect_request(lambda request: request.url.endswith(SEARCH_INDEX)):
        press_slash_until_the_box_has_focus(page)
    page.keyboard.type("escalation")
    assert len(held) == 1 and page.locator(META).text_content() != placeholder(page)
    assert page.locator(".md-search-result__item").count() == 0
    held[0].continue_()
    page.locator(".md-search-result__item").first.wait_for()
    assert "escalation" in (page.locator(".md-search-result__item a").first.get_attribute("href") or "")
    assert watch.errors == []


def press_slash_until_the_box_has_focus(page: Any, tries: int = 3) -> None:
    """Press "/" (Material's shortcut to the search box) until the box has focus.

    CI once saw the index never requested after "/" on a loaded page (not reproduced in 70
    runs, idle or loaded). A press made before Material listens does nothing, as it would for a
    reader, who presses again; a press once the box has focus would type "/" into it, so the
    box's focus is checked before each press."""
    box = page.locator(SEARCH_BOX)
    for _ in range(tries):
        if box.evaluate("box => box === document.activeElement"):
            return
        page.keyboard.press("/")
        try:
            expect(box).to_be_focused(timeout=5_000)
            return
        except AssertionError:
            continue
    raise AssertionError(f'"/" pressed {tries} times and the search box never had focus')


def ready_after_focus(chromium: Any, base_url: str) -> float:
    """One fresh load of the home page, the CPU slowed: milliseconds from focus to an index ready to query."""
    with chromium_page(chromium, base_url, bypass_csp=True) as (page, watch):
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(base_url, wait_until="networkidle")
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
        ready: float = page.evaluate(READY_AFTER_FOCUS)
        assert len(index_requests(requests)) == 1 and watch.errors == []
        return ready


def test_focusing_the_box_makes_search_ready_on_a_slow_cpu(chromium: Any, base_url: str,
                                                            measured: Callable[[str], None]) -> None:
    """Search becomes ready after focus with the CPU slowed, the index fetched once. How soon (the
    issue's 1 s) is a figure for bench/bench_page_weight.py, not an assertion: tests time nothing.
    An index fetched at page load, or never, gives -1."""
    ready = ready_after_focus(chromium, base_url)
    measured(f"search index ready after focus, CPU slowed {THROTTLE}×: {ready:.0f} ms (bench: bench_page_weight.py)")
    assert ready != -1


def test_a_page_view_without_search_transfers_the_index_less(fresh: tuple[Any, Watch, list[str]], base_url: str,
                                                             tmp_path_factory: pytest.TempPathFactory,
                                                             measured: Callable[[str], None]) -> None:
    page, _, requests = fresh
    site = repo_site(tmp_path_factory)
    page.goto(base_url + PAGES[1], wait_until="networkidle")
    without = fetched_files(site, base_url, requests)
    # A click, as a practitioner's: its pointerdown and its focus each ask for the index (CI once saw
    # a bare .focus() here bring no request; not reproduced in 90 runs under load).
    with page.expect_response(lambda response: response.url.endswith(SEARCH_INDEX)):
        page.locator(SEARCH_BOX).click()
    searched = fetched_files(site, base_url, requests)
    saved = gzipped_bytes(searched) - gzipped_bytes(without)
    measured(f"a page view without search: {gzipped_bytes(without)} bytes gzipped, {saved} fewer than with the index")
    assert site / SEARCH_INDEX not in without and site / SEARCH_INDEX in searched
    # At least the index: a file the search worker loads late, on a busy machine, may land in either count.
    assert saved >= gzipped_bytes([site / SEARCH_INDEX]) >= SAVED_AT_LEAST
