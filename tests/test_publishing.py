"""Publishing (issue 24, part 2): the guidance's ``site_url`` reaches MkDocs (sitemap, canonical links,
a 404 page that keeps its styles under a sub-path), and the built site works published under a
sub-path, as a council's web server or GitHub Pages would serve it (docs/publishing.md)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .browser_support import require_browser, serve_stoppable
from .conftest import BASE
from .search_support import site_results
from .test_site_build import SMALL_CONFIG, mkdocs_build

SITE_URL = "https://example.org/guidance/"


def _root(folder: Path, site_url: str | None, config: str = SMALL_CONFIG) -> Path:
    root = folder / "root"
    shutil.copytree(BASE, root)
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    if site_url:
        partnership = root / "guidance" / "partnership.yaml"
        partnership.write_text(partnership.read_text(encoding="utf-8").replace(
            "  area: Exampleshire\n", f"  area: Exampleshire\n  site_url: {site_url}\n"), encoding="utf-8")
    return root


def _build(root: Path) -> Path:
    result = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small example with ``site_url`` set in its partnership.yaml, built once."""
    return _build(_root(tmp_path_factory.mktemp("published"), SITE_URL))


@pytest.mark.site
def test_the_guidances_site_url_gives_the_sitemap_canonical_links_and_a_404_page_for_any_depth(
        published: Path) -> None:
    sitemap = (published / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}indicators/health-milestones/</loc>" in sitemap
    home = (published / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}">' in home
    missing = (published / "404.html").read_text(encoding="utf-8")
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', missing)
    assert styles and all(href.startswith("/guidance/assets/") for href in styles), styles


@pytest.mark.site
def test_a_site_url_in_mkdocs_yml_wins_and_without_one_nothing_is_invented(tmp_path: Path) -> None:
    own = _build(_root(tmp_path / "own", SITE_URL, SMALL_CONFIG.replace(
        "site_name: Example\n", "site_name: Example\nsite_url: https://guidance.example.net/\n")))
    assert '<link rel="canonical" href="https://guidance.example.net/">' in (own / "index.html").read_text()
    bare = _build(_root(tmp_path / "bare", None))
    assert "<loc>" not in (bare / "sitemap.xml").read_text() and 'rel="canonical"' not in (
        bare / "index.html").read_text()


@pytest.fixture
def sub_path_page(chromium: Any, published: Path) -> Iterator[tuple[Any, str, list[str]]]:
    """A page on the published site served at /guidance/, and every request that failed or was refused."""
    require_browser()
    failed: list[str] = []
    with serve_stoppable(published, "/guidance/") as server:
        context = chromium.new_context(bypass_csp=True, service_workers="block")
        page = context.new_page()
        page.on("requestfailed", lambda request: failed.append(f"failed {request.url}"))
        page.on("response", lambda response: failed.append(f"{response.status} {response.url}")
                if response.status >= 400 and response.request.resource_type != "document" else None)
        try:
            yield page, server.url, failed
        finally:
            context.close()


@pytest.mark.browser
def test_home_an_indicator_both_searches_the_helper_and_the_404_page_work_under_a_sub_path(
        sub_path_page: tuple[Any, str, list[str]]) -> None:
    page, base, failed = sub_path_page
    page.goto(base, wait_until="networkidle")
    assert "What are you worried about?" in page.locator("article").inner_text()
    page.goto(f"{base}indicators/health-milestones/", wait_until="networkidle")
    assert "Reaching developmental milestones" in page.locator("article h1").inner_text()
    page.locator("input.md-search__input").click()
    assert "health-milestones" in site_results(page, "milestones")
    page.goto(f"{base}search/?q=milestones", wait_until="networkidle")  # our own search page (ADR 23)
    page.locator(".lon-search__result").first.wait_for()
    assert page.url == f"{base}search/#q=milestones"
    assert "../indicators/health-milestones/" in page.locator(".lon-search__result a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))")
    page.goto(f"{base}which-level/#step=result&i=health-milestones", wait_until="networkidle")
    page.locator(".lon-result-level").wait_for()
    response = page.goto(f"{base}no-such-page/deeper/", wait_until="networkidle")
    assert response is not None and response.status == 404
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed"), \
        "the theme's stylesheet loaded"
    assert page.locator("a[href^='tel:']").count() > 0, "the emergency banner, with its numbers"
    assert failed == []
