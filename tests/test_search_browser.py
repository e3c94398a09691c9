"""The site's search box in Chromium: the quality suite typed as a practitioner types it, the
worker agreeing with the Whoosh engine, compact results on a phone, keyboard use, axe, and
text from the guidance never read as markup.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from levelofneed import Guidance, load_guidance
from levelofneed.search.engine import Searcher

from .browser_support import Watch, axe_violations, chromium_page, require_axe
from .conftest import REPO, REPORTS
from .search_support import QUERIES, result_id, score, site_results

pytestmark = pytest.mark.browser

WORKER = "assets/levelofneed/search-worker.js"
PHONE = {"width": 360, "height": 740}
IN_PAGE_SEARCH = """async ([query, limit]) => {
  if (!window.__index) {
    window.__index = LevelOfNeedSearch.build(await (await fetch('search/search_index.json')).json());
  }
  return LevelOfNeedSearch.search(query).items.slice(0, limit).map(item => item[0].location);
}"""


@pytest.fixture(scope="module")
def guidance() -> Guidance:
    return load_guidance(REPO)


@pytest.fixture(scope="module")
def opened(chromium: Any, base_url: str) -> Iterator[tuple[Any, Watch]]:
    """Playwright's waiting functions run in the page, which the site's policy forbids, so this page
    sets the policy aside; the helper's browser tests check search under the policy itself."""
    with chromium_page(chromium, base_url, bypass_csp=True) as page_and_watch:
        yield page_and_watch


def open_search(page: Any, base_url: str) -> None:
    page.goto(base_url, wait_until="networkidle")
    page.locator("input.md-search__input").click()


def test_the_site_search_meets_the_quality_target(opened: tuple[Any, Watch], base_url: str) -> None:
    page, watch = opened
    open_search(page, base_url)
    measured = score([site_results(page, entry["query"]) for entry in QUERIES])
    REPORTS.append(f"Site search in Chromium ({len(QUERIES)} queries): "
                   f"recall@5 {measured.recall:.3f}, MRR {measured.mrr:.3f}")
    assert measured.recall >= 0.9, "\n".join(measured.misses)
    assert watch.blocked == [] and watch.errors == []


def test_the_worker_ranks_exactly_as_the_whoosh_engine(opened: tuple[Any, Watch], base_url: str,
                                                       guidance: Guidance, tmp_path: Path) -> None:
    """The same records, words, synonyms and scores: both searches give the same top ten."""
    page, _ = opened
    page.goto(base_url, wait_until="networkidle")
    page.add_script_tag(url=base_url + WORKER)
    searcher = Searcher(guidance, tmp_path / "cache")
    differences = []
    for entry in QUERIES:
        in_browser = [result_id(base_url + location) for location in
                      page.evaluate(IN_PAGE_SEARCH, [entry["query"], 10])]
        in_python = [result_id(base_url + result.record.location) for result in searcher.search(entry["query"])]
        if in_browser != in_python:
            differences.append(f"{entry['query']!r}: browser {in_browser} ≠ Whoosh {in_python}")
    assert differences == []


def test_text_from_the_guidance_is_escaped_in_results(opened: tuple[Any, Watch], base_url: str) -> None:
    page, _ = opened
    page.goto(base_url, wait_until="networkidle")
    page.add_script_tag(url=base_url + WORKER)
    item = page.evaluate("""() => {
      const hostile = '<img src=x onerror="window.__ran = 1">';
      LevelOfNeedSearch.build({config: {levelofneed: {levels: [['Level 1: ' + hostile, 1, 1]], groups: [hostile],
        synonyms: [], records: [['i', 'indicators/x/', 'Bruise ' + hostile, '', '', 0, 0]]}}});
      return LevelOfNeedSearch.search('bruise').items[0][0];
    }""")
    assert "<img" not in item["title"] + item["text"]
    assert "&lt;img src=x onerror=&quot;window.__ran = 1&quot;&gt;" in item["title"]
    assert "&lt;img" in item["text"]


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
