"""The site's search box in Chromium: queries typed as a practitioner types them, compact results
on a phone, keyboard use, axe, and only this site's index fetched. The search core's ranking, its
agreement with the command line and its escaping are tested under Node (tests/test_js.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from levelofneed import Guidance

from .browser_support import Watch, axe_violations, chromium_page, require_axe
from .search_support import QUERIES, result_id, site_results

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}



@pytest.fixture(scope="module")
def guidance(sefton: Guidance) -> Guidance:
    return sefton


@pytest.fixture(scope="module")
def opened(chromium: Any, base_url: str) -> Iterator[tuple[Any, Watch]]:
    """Playwright's waiting functions run in the page, which the site's policy forbids, so this page
    sets the policy aside; the helper's browser tests check search under the policy itself."""
    with chromium_page(chromium, base_url, bypass_csp=True) as page_and_watch:
        yield page_and_watch


def open_search(page: Any, base_url: str) -> None:
    page.goto(base_url, wait_until="networkidle")
    page.locator("input.md-search__input").click()


# A few of the quality suite's queries, typed into the real search box: the whole suite runs on the
# same search core under Node (tests/test_js.py), which ranks exactly as the command line does.
TYPED = ["bruise baby", "DV", "negelct", "selfharm", "escalation"]


@pytest.mark.content
def test_the_search_box_finds_what_the_core_finds(opened: tuple[Any, Watch], base_url: str) -> None:
    page, watch = opened
    open_search(page, base_url)
    entries = [entry for entry in QUERIES if entry["query"] in TYPED]
    assert len(entries) == len(TYPED)
    for entry in entries:
        shown = site_results(page, entry["query"])[:5]
        assert set(shown) & set(entry["hits"]), f"{entry['query']}: {shown}"
    assert watch.blocked == [] and watch.errors == []


def test_results_are_compact_on_a_phone(chromium: Any, base_url: str, guidance: Guidance) -> None:
    with chromium_page(chromium, base_url, bypass_csp=True, viewport=PHONE) as (page, watch):
        page.goto(base_url, wait_until="networkidle")
        page.locator("label.md-header__button[for='__search']").first.click()
        site_results(page, "neglect")
        boxes = page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item')].map(item => {
            const box = item.getBoundingClientRect();
            const where = item.querySelector('.lon-result-where');
            return {bottom: box.bottom, text: item.innerText,
                    badge: item.querySelector('.lon-badge') ? item.querySelector('.lon-badge').textContent : null,
                    whereLines: where ? Math.round(where.getBoundingClientRect().height /
                                                   parseFloat(getComputedStyle(where).lineHeight)) : 0};
        })""")
        assert sum(1 for box in boxes if box["bottom"] <= PHONE["height"]) >= 4
        labels = {f"Level {level.number}: {level.name}" for level in guidance.levels}
        badges = [box["badge"] for box in boxes if box["badge"]]
        assert badges and set(badges) <= labels
        assert all("Level Level" not in box["text"] and "Ages Ages" not in box["text"] for box in boxes)
        assert all(box["whereLines"] <= 1 for box in boxes)
        assert watch.blocked == []


def test_search_works_by_keyboard_and_meets_axe(opened: tuple[Any, Watch], base_url: str) -> None:
    require_axe()
    page, watch = opened
    page.goto(base_url + "glossary/", wait_until="networkidle")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("escalation")
    page.locator(".md-search-result__item").first.wait_for()
    assert axe_violations(page) == []
    page.keyboard.press("ArrowDown")
    assert result_id(page.evaluate("document.activeElement.getAttribute('href')")) == "procedure:escalation"
    page.keyboard.press("Enter")
    page.wait_for_url("**/procedures/escalation/")
    assert watch.errors == []


@pytest.mark.parametrize("query", ["decision", "architecture", "field reference", "coverage", "editors guide"])
def test_pages_for_editors_stay_out_of_results(opened: tuple[Any, Watch], base_url: str, query: str) -> None:
    page, _ = opened
    open_search(page, base_url)
    found = site_results(page, query)
    assert not [place for place in found if any(part in place for part in ("/adr/", "/editors/", "/reference/",
                                                                             "/coverage/"))]


def test_the_index_is_fetched_once_from_this_site(opened: tuple[Any, Watch], base_url: str) -> None:
    page, _ = opened
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_search(page, base_url)
    site_results(page, "neglect")
    index_requests = [url for url in requests if url.endswith("search_index.json")]
    assert len(index_requests) == 1 and index_requests[0].startswith(base_url)
    assert all(url.startswith(base_url) for url in requests)
    assert json.loads(page.evaluate("fetch('search/search_index.json').then(r => r.text())"))["docs"] == []
