"""The real site: ``mkdocs build --strict`` of this repository, read back as a browser would.

The repository's own site is built once per session (see :func:`repo_site`), and the
crawl of its HTML is shared by the tests. Smaller builds of tests/examples/base check
failure paths: bad content and strict warnings must leave the previous site alone.
"""

from __future__ import annotations

import fcntl
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from levelofneed import Guidance, check
from levelofneed.mkdocs.plugin import LevelOfNeedPlugin
from levelofneed.render.text import squash

from .conftest import BASE, REPO

pytestmark = pytest.mark.site

_CACHE: dict[str, Path] = {}

# The small example site, without its PDFs: they are tested on their own (test_pdf*.py), and
# printing them would make each small build several times slower.
SMALL_CONFIG = """\
site_name: Example
docs_dir: docs
theme:
  name: material
  font: false
  features: [content.action.edit]
plugins:
  - levelofneed:
      edit_url: https://example.org/edit/main/
      pdf: false
  - search
markdown_extensions: [toc, attr_list, md_in_html, tables]
validation:
  anchors: warn
"""


# Reading the built HTML back.

LOADING = {"script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"), "iframe": ("src",),
           "video": ("src", "poster"), "audio": ("src",), "embed": ("src",), "object": ("data",)}
LOADING_RELS = {"stylesheet", "icon", "manifest", "preload", "modulepreload", "apple-touch-icon", "prefetch"}
LEAK = re.compile(r"&#\d+;|&amp;|&lt;|&gt;|\{#|\{:|\]\(|\*\*|\\[-.()\[\]#*_]|</?(?:div|span|dl|dd|p)\b")
# A contact placeholder left unexpanded: "((" followed by an id. Only code (the editors' guide
# showing the syntax) may hold one.
PLACEHOLDER = re.compile(r"\(\(\s*[a-z0-9][a-z0-9-]*")
# Attributes a reader meets: read aloud, shown on hover, or shown in place of an image.
READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")


@dataclass(frozen=True)
class Load:
    """Something the page makes the browser fetch."""

    url: str
    local: bool
    path: str


@dataclass
class Page:
    """What a test needs from one HTML file."""

    links: list[tuple[str, str]] = field(default_factory=list)
    nav_links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    loads: list[Load] = field(default_factory=list)
    text: str = ""
    leaks: list[str] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)


Crawl = dict[str, Page]


def _resolve(site: Path, here: str, url: str) -> tuple[str, str] | None:
    """A local address as (site file, fragment); None for other hosts and schemes."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return here, parts.fragment
    # Root-relative addresses appear only on 404.html, which MkDocs writes for any depth.
    base = "/" if parts.path.startswith("/") else posixpath.dirname(here)
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path))).lstrip("/")
    if parts.path.endswith("/") or (site / target).is_dir():
        target = posixpath.normpath(posixpath.join(target, "index.html"))
    return target, parts.fragment


class _Reader(HTMLParser):
    def __init__(self, site: Path, here: str) -> None:
        super().__init__(convert_charrefs=True)
        self.site, self.here, self.page = site, here, Page()
        self.skip = self.code = self.nav = 0
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        self._count(tag, values, +1)
        if "id" in values:
            self.page.ids.add(values["id"])
        if tag == "a" and "href" in values:
            self._link(values["href"])
        for name in LOADING.get(tag, ()):
            if name in values:
                self._load(values[name])
        if tag == "link" and LOADING_RELS & set(values.get("rel", "").split()):
            self._load(values.get("href", ""))
        if "style" in values and "url(" in values["style"]:
            self.page.loads.append(Load(values["style"], "http" not in values["style"], ""))
        for name in READ_ATTRIBUTES:
            self.page.placeholders.extend(PLACEHOLDER.findall(values.get(name, "")))

    def handle_endtag(self, tag: str) -> None:
        self._count(tag, {}, -1)

    def _count(self, tag: str, values: dict[str, str], step: int) -> None:
        if tag in ("script", "style", "svg"):
            self.skip += step
        elif tag in ("code", "pre"):
            self.code += step
        elif tag == "nav" and (self.nav or "md-nav--primary" in values.get("class", "") or step < 0):
            self.nav = max(0, self.nav + step)

    def _link(self, href: str) -> None:
        resolved = _resolve(self.site, self.here, href)
        if resolved:
            self.page.links.append(resolved)
            if self.nav:
                self.page.nav_links.append(resolved[0])

    def _load(self, url: str) -> None:
        for candidate in (part.strip().split(" ")[0] for part in url.split(",")):
            if candidate.startswith("data:"):
                continue
            resolved = _resolve(self.site, self.here, candidate)
            self.page.loads.append(Load(candidate, resolved is not None, resolved[0] if resolved else ""))

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self.chunks.append(data)
        if not self.code:
            self.page.leaks.extend(match.group(0) for match in LEAK.finditer(data))
            self.page.placeholders.extend(PLACEHOLDER.findall(data))

    def close(self) -> None:
        super().close()
        self.page.text = squash(" ".join(self.chunks))


def crawl(site: Path) -> Crawl:
    """Every HTML file of the site, keyed by its path under the site folder."""
    pages: Crawl = {}
    for file in sorted(site.rglob("*.html")):
        name = file.relative_to(site).as_posix()
        reader = _Reader(site, name)
        reader.feed(file.read_text(encoding="utf-8"))
        reader.close()
        pages[name] = reader.page
    return pages


# Building.


def mkdocs_build(config: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict``, exactly as ``make site`` runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
                          capture_output=True, text=True, env=env, check=False)


def repo_site(factory: pytest.TempPathFactory) -> Path:
    """This repository's site, built once per test run and shared with the browser tests.

    With pytest-xdist the workers share one build: the first to ask builds it in the run's
    common temporary folder under a lock, and the others wait for it and read it. Nothing
    writes into it afterwards.
    """
    if "repo" not in _CACHE:
        _CACHE["repo"] = _shared_build(factory)
    return _CACHE["repo"]


def _shared_build(factory: pytest.TempPathFactory) -> Path:
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    folder = (factory.getbasetemp().parent if worker else factory.getbasetemp()) / "repo-site-shared"
    folder.mkdir(exist_ok=True)
    site, done = folder / "site", folder / "built"
    with (folder / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            result = mkdocs_build(REPO / "mkdocs.yml", site)
            assert result.returncode == 0, result.stderr
            done.touch()
    return site


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return repo_site(tmp_path_factory)


@pytest.fixture(scope="session")
def pages(site: Path) -> Crawl:
    return crawl(site)


@pytest.fixture(scope="module")
def guidance(sefton: Guidance) -> Guidance:
    return sefton


def _reachable(pages: Crawl) -> tuple[set[str], set[tuple[str, str]]]:
    """Pages and (page, anchor) pairs reachable by following links from the home page."""
    seen, anchors, queue = {"index.html"}, set(), deque(["index.html"])
    while queue:
        for target, fragment in pages[queue.popleft()].links:
            if fragment:
                anchors.add((target, fragment))
            if target in pages and target not in seen:
                seen.add(target)
                queue.append(target)
    return seen, anchors


def test_every_record_is_reachable_from_the_home_page(pages: Crawl, guidance: Guidance) -> None:
    seen, anchors = _reachable(pages)
    expected = {f"levels/{x.id}/index.html" for x in guidance.levels}
    expected |= {f"domains/{d.id}/index.html" for d in guidance.domains}
    expected |= {f"domains/{d.id}/{s.id}/index.html" for d in guidance.domains for s in d.subdomains}
    expected |= {f"topics/{x.id}/index.html" for x in guidance.topics}
    expected |= {f"indicators/{x.id}/index.html" for x in guidance.indicators}
    expected |= {f"procedures/{x.id}/index.html" for x in guidance.procedures}
    expected |= {f"briefings/{x.id}/index.html" for x in guidance.briefings}
    expected |= {"services/index.html", "glossary/index.html", "about/index.html", "open-data/index.html"}
    assert sorted(expected - seen) == []
    services = {("services/index.html", s.id) for s in guidance.services}
    assert sorted(services - anchors) == []
    assert all(s.id in pages["services/index.html"].ids for s in guidance.services)


def test_every_internal_link_and_anchor_resolves(pages: Crawl, site: Path) -> None:
    """A fragment holding ``=`` is the helper's state (``#i=indicator-id``), not an anchor."""
    broken = []
    for name, page in pages.items():
        for target, fragment in page.links:
            if not (site / target).is_file():
                broken.append(f"{name} → {target}")
            elif fragment and "=" not in fragment and target in pages and fragment not in pages[target].ids:
                broken.append(f"{name} → {target}#{fragment}")
    assert broken[:20] == []


def test_nothing_is_loaded_from_another_host(pages: Crawl, site: Path) -> None:
    remote = [f"{name}: {url}" for name, page in pages.items() for url in page.loads if not url.local]
    assert remote == []
    missing = [f"{name}: {url.path}" for name, page in pages.items() for url in page.loads
               if url.local and not (site / url.path).is_file()]
    assert missing == []


def test_stylesheets_fetch_nothing_remote(site: Path) -> None:
    for sheet in site.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        for marker in ("url(http", "url(//", "url('http", 'url("http', "@import url(http", "@import 'http"):
            assert marker not in text, f"{sheet} has {marker}"


def test_every_page_carries_the_emergency_message(pages: Crawl, guidance: Guidance) -> None:
    """The 999 message, and the front door and out-of-hours numbers with the front door's hours."""
    needed = [squash(guidance.partnership.immediate_danger.message), guidance.front_door.phone or "",
              guidance.out_of_hours.phone or "", *guidance.front_door.hours]
    lacking = [name for name, page in pages.items() if not all(text in page.text for text in needed)]
    assert lacking == []


def test_indicator_pages_stay_out_of_the_navigation(pages: Crawl, guidance: Guidance) -> None:
    home = pages["index.html"]
    assert not [target for target in home.nav_links if target.startswith("indicators/")]
    assert {f"levels/{level.id}/index.html" for level in guidance.levels} <= set(home.nav_links)


def test_open_data_and_manifest_are_published(site: Path, guidance: Guidance) -> None:
    assert (site / "data" / "guidance.json").is_file()
    assert (site / "data" / "services-openreferral.json").is_file()
    assert (site / "manifest.webmanifest").is_file()
    assert (site / "assets" / "levelofneed" / "icon-512.png").is_file()


def test_search_index_includes_indicator_pages(site: Path, guidance: Guidance) -> None:
    """Our compact index (ADR 11), not Material's page-by-page one, is what the site ships."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {row[1] for row in index["config"]["levelofneed"]["records"]}
    assert {f"indicators/{indicator.id}/" for indicator in guidance.indicators} <= locations
    assert index["docs"] == []


def test_no_markdown_or_escapes_leak_into_the_text(pages: Crawl) -> None:
    leaks = {name: page.leaks for name, page in pages.items() if page.leaks}
    assert leaks == {}


def test_no_contact_placeholder_reaches_a_reader(site: Path, pages: Crawl) -> None:
    """Every page's visible text and read-aloud attributes, the search index and the helper data
    write each contact out: '((front-door))' on screen sends a practitioner nowhere."""
    # The editors' guide and the design decisions teach the syntax itself, as editors write it.
    teaching = ("editors/", "adr/")
    shown = {name: page.placeholders for name, page in pages.items()
             if page.placeholders and not name.startswith(teaching)}
    assert shown == {}
    for data in ("search/search_index.json", "which-level/helper-data.json"):
        text = (site / data).read_text(encoding="utf-8")
        assert PLACEHOLDER.findall(text) == [], data


# Failure paths, on the small example so that each build takes a second or two.


@pytest.fixture
def small_root(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    shutil.copytree(BASE, root)
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(SMALL_CONFIG, encoding="utf-8")
    return root


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def _leftovers(root: Path) -> list[str]:
    """Folders beside site/ other than the build it points at."""
    site = root / "site"
    live = os.readlink(site) if site.is_symlink() else None
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site-") and p.name != live)


def test_a_successful_build_replaces_the_previous_site(small_root: Path) -> None:
    site = small_root / "site"
    assert mkdocs_build(small_root / "mkdocs.yml", site).returncode == 0
    (site / "stale.txt").write_text("from an old build", encoding="utf-8")
    assert mkdocs_build(small_root / "mkdocs.yml", site).returncode == 0
    assert not (site / "stale.txt").exists()
    assert (site / "indicators" / "basic-care-hygiene" / "index.html").is_file()
    assert _leftovers(small_root) == []


def test_bad_content_fails_with_located_messages_and_keeps_the_old_site(small_root: Path) -> None:
    site = small_root / "site"
    assert mkdocs_build(small_root / "mkdocs.yml", site).returncode == 0
    before = _snapshot(site)
    levels = small_root / "guidance" / "levels.yaml"
    levels.write_text(levels.read_text(encoding="utf-8").replace("level: level-2", "level: level-9")
                      .replace("name: Universal", "name: Universal\n    colour: green"), encoding="utf-8")
    result = mkdocs_build(small_root / "mkdocs.yml", site)
    assert result.returncode != 0
    expected = [f.as_text() for f in check(small_root).findings if f.severity == "error"]
    assert expected
    assert all(line in result.stderr for line in expected)
    assert _snapshot(site) == before
    assert _leftovers(small_root) == []


def test_a_theme_feature_that_loses_the_helpers_answers_stops_the_build(small_root: Path) -> None:
    """navigation.tracking rewrites the #fragment as the page scrolls, where the helper keeps its answers."""
    config = small_root / "mkdocs.yml"
    config.write_text(SMALL_CONFIG.replace("features: [content.action.edit]",
                                           "features: [content.action.edit, navigation.tracking]"), encoding="utf-8")
    result = mkdocs_build(config, small_root / "site")
    assert result.returncode != 0
    assert "theme feature 'navigation.tracking' cannot be used" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_strict_warning_fails_the_build_and_keeps_the_old_site(small_root: Path) -> None:
    site = small_root / "site"
    assert mkdocs_build(small_root / "mkdocs.yml", site).returncode == 0
    before = _snapshot(site)
    (small_root / "docs" / "notes.md").write_text("# Notes\n\n[gone](missing.md)\n", encoding="utf-8")
    result = mkdocs_build(small_root / "mkdocs.yml", site)
    assert result.returncode != 0
    assert "missing.md" in result.stderr
    assert _snapshot(site) == before
    assert _leftovers(small_root) == []


def test_edit_links_point_at_the_yaml_source(small_root: Path) -> None:
    site = small_root / "site"
    assert mkdocs_build(small_root / "mkdocs.yml", site).returncode == 0
    html = (site / "indicators" / "basic-care-hygiene" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/edit/main/guidance/indicators.yaml"' in html


def test_serve_watches_the_content_folders(small_root: Path) -> None:
    class Server:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    plugin = LevelOfNeedPlugin()
    plugin.load_config({"root": str(small_root)})
    server = Server()
    plugin.on_serve(server, config=None, builder=None)  # type: ignore[arg-type]
    assert server.watched == [str(small_root / "guidance"), str(small_root / "briefings")]
