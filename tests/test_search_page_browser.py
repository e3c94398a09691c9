"""Our own search page (search/), which needs no theme (ADR 23), in Chromium: on the Material site,
and on the complete ``export markdown`` project built by a second builder, ProperDocs with its plain
``mkdocs`` theme and no Material at all (ADR 21).

What a result shows, and how the query is kept in the address, are tested under Node
(tests/js/search-results.test.js); the ranking is the search core's (tests/test_js.py).
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from levelofneed.cli import main

from .browser_support import Watch, axe_violations, chromium_page, require_axe, require_browser, serve
from .conftest import REPO

pytestmark = pytest.mark.browser

QUERY = "DV"  # a practitioner's shorthand: found only through the guidance's synonyms


def results(page: Any) -> list[str]:
    """The result links, as the page shows them, once it has searched."""
    page.locator(".lon-search__result").first.wait_for()
    links = page.locator(".lon-search__result a")
    return [str(links.nth(i).get_attribute("href")) for i in range(links.count())]


def words_sent(requests: list[str], words: str) -> list[str]:
    """Requests whose address holds what was typed (in the path or query; a fragment is never sent)."""
    return [url for url in requests if words.lower() in (urlsplit(url).path + urlsplit(url).query).lower()]


@pytest.fixture
def page_and_requests(chromium: Any, base_url: str) -> Iterator[tuple[Any, Watch, list[str]]]:
    with chromium_page(chromium, base_url) as (page, watch):
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        yield page, watch, requests


def test_the_home_page_field_leads_to_our_search_page_and_sends_no_words(
        page_and_requests: tuple[Any, Watch, list[str]], base_url: str) -> None:
    page, watch, requests = page_and_requests
    page.goto(base_url, wait_until="networkidle")
    page.get_by_label("Search in your own words").fill(QUERY)
    page.keyboard.press("Enter")
    found = results(page)
    assert page.url == f"{base_url}search/#q={QUERY}"
    assert len(found) > 1 and all(href.startswith("../") for href in found)
    assert page.locator("[data-lon-search-status]").inner_text() == f"{len(found)} matching results"
    assert page.locator("#lon-search-q").input_value() == QUERY
    assert not page.evaluate("document.getElementById('__search').checked"), "Material's own box stays closed"
    assert words_sent(requests, QUERY) == []
    assert watch.blocked == [] and watch.errors == []


def test_a_link_with_q_is_searched_moved_into_the_fragment_and_kept_after_back(
        page_and_requests: tuple[Any, Watch, list[str]], base_url: str) -> None:
    page, watch, _ = page_and_requests
    page.goto(f"{base_url}search/?q=bruise+baby", wait_until="networkidle")
    first = results(page)[0]
    assert page.url == f"{base_url}search/#q=bruise+baby"
    assert not page.evaluate("document.getElementById('__search').checked"), "Material's own box stays closed"
    page.locator(".lon-search__result a").first.click()
    page.wait_for_url(f"{base_url}search/{first}".replace("search/../", ""))
    assert page.locator("article h1").count() == 1
    page.go_back()
    results(page)
    assert page.locator("#lon-search-q").input_value() == "bruise baby"
    page.locator("#lon-search-q").fill("")
    page.keyboard.type("negelct")
    assert page.url.endswith("#q=negelct") and results(page)
    assert watch.errors == []


def test_the_search_page_is_accessible_and_fits_a_narrow_phone(chromium: Any, base_url: str) -> None:
    require_axe()
    with chromium_page(chromium, base_url, bypass_csp=True, viewport={"width": 320, "height": 640}) as (page, _):
        page.goto(f"{base_url}search/#q=bruise%20baby", wait_until="networkidle")
        results(page)
        assert axe_violations(page) == []
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        box = page.locator("#lon-search-q")
        box.focus()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.type") == "submit"
        badge = page.locator(".lon-search__result .lon-badge").first
        assert badge.inner_text().startswith("Level "), "each level is named in words, not shown by colour alone"


def test_without_javascript_the_forms_still_lead_to_the_page_and_its_ways_to_browse(
        chromium: Any, base_url: str) -> None:
    with chromium_page(chromium, base_url, java_script_enabled=False) as (page, _):
        page.goto(base_url)
        page.get_by_label("Search in your own words").fill(QUERY)
        page.keyboard.press("Enter")
        page.wait_for_url(f"{base_url}search/?q={QUERY}")
        assert page.get_by_role("link", name="Which level? A helper").count() == 1
        assert "needs JavaScript" in page.locator("article").inner_text()


# The second builder: the complete export, built with ProperDocs and its plain theme.
#
# That theme's own script (js/base.js) always sets up its search dialog, which exists only with
# MkDocs' search plugin; the export leaves that plugin out, since it would overwrite our index, so
# the theme's script stops there on every page (its keyboard shortcuts are lost). That is the
# theme's error, not ours: it is the one error allowed here (ADR 21, "What the second builder lacks").
THEME_ERROR = "Cannot read properties of undefined (reading 'backdrop')"

def properdocs_build(project: Path) -> float:
    """``properdocs build --strict`` on an exported project; returns how long it took, in seconds."""
    started = time.perf_counter()
    done = subprocess.run([str(Path(sys.executable).parent / "properdocs"), "build", "--strict", "-f",
                           str(project / "mkdocs.yml")], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return time.perf_counter() - started


@pytest.fixture(scope="module")
def second_builder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    require_browser()
    project = tmp_path_factory.mktemp("export") / "project"
    assert main(["export", "markdown", str(project), "--root", str(REPO)]) == 0
    return project / "site", properdocs_build(project)


@pytest.fixture(scope="module")
def second_site(second_builder: tuple[Path, float]) -> Iterator[str]:
    with serve(second_builder[0]) as url:
        yield url


@pytest.mark.site
def test_the_export_built_by_properdocs_has_no_material_and_the_banner_on_every_page(
        second_builder: tuple[Path, float], measured: Callable[[str], None]) -> None:
    site, seconds = second_builder
    pages = sorted(site.rglob("*.html"))
    measured(f"second builder (ProperDocs 1.6, mkdocs theme) built the export: {len(pages)} pages in {seconds:.1f} s")
    assert len(pages) > 400
    missing = [str(path.relative_to(site)) for path in pages
               if path.name != "404.html" and 'class="lon-banner' not in path.read_text(encoding="utf-8")]
    assert missing == []
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "css/bootstrap.min.css" in home, "the plain mkdocs theme built it"
    assert "assets/javascripts/bundle" not in home and not (site / "assets" / "javascripts").exists(), "no Material"
    assert "https://" not in "".join(line for line in home.splitlines() if "<script" in line or "<link" in line)


@pytest.mark.site
def test_the_export_built_by_properdocs_has_the_colours_the_helper_and_our_search(
        chromium: Any, second_site: str) -> None:
    with chromium_page(chromium, second_site) as (page, watch):
        page.goto(second_site, wait_until="networkidle")
        # Level 4's red, from our stylesheet, under a theme that is not Material.
        badge = page.locator(".lon-ladder__level.lon-tone-4 .lon-badge").first
        assert badge.inner_text().startswith("Level 4")
        assert badge.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(212, 53, 28)"
        page.get_by_label("Search in your own words").fill(QUERY)
        page.keyboard.press("Enter")
        found = results(page)
        assert page.url == f"{second_site}search/#q={QUERY}" and len(found) > 1
        page.goto(f"{second_site}{found[0].removeprefix('../')}", wait_until="networkidle")
        assert page.locator("h1").count() >= 1 and page.locator("a[href^='tel:']").count() > 0
        page.goto(f"{second_site}which-level/", wait_until="networkidle")
        page.locator("#lon-helper fieldset, #lon-helper button").first.wait_for()
        assert page.locator("#lon-helper").is_visible()
        assert watch.blocked == [] and [error for error in watch.errors if error != THEME_ERROR] == []
