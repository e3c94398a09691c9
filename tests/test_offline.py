"""What the service worker keeps (ADR 20), decided from a built site's files: the groups, the build
id, the files written into the site, and that nothing in them points away from the site."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from levelofneed.offline import BUILD_META, PLAN_FILE, VERSION_FILE, WORKER_FILE, add_offline, group_of, plan, site_file

from .conftest import BASE

PAGE = b"<html><head><title>%s - Site</title></head><body></body></html>"


@pytest.mark.parametrize(("path", "group"), [
    ("index.html", "core"), ("levels/level-3/index.html", "core"), ("which-level/helper-data.json", "core"),
    ("search/search_index.json", "core"), ("procedures/lado/index.html", "core"),
    ("pdf/levels/level-1-quick-reference.pdf", "core"), ("assets/javascripts/bundle.a5f9d56c.min.js", "core"),
    ("assets/levelofneed/search-worker.js", "core"), ("services/index.html", "core"),
    ("offline/index.html", "core"), ("not-saved/index.html", "core"), ("manifest.webmanifest", "core"),
    ("indicators/bruising/index.html", "pages"), ("topics/neglect/index.html", "pages"),
    ("briefings/hidden-men/index.html", "pages"), ("pdf/briefings/hidden-men.pdf", "pages"),
    ("pdf/sefton-level-of-need-guidance.pdf", "ask"),
    ("assets/javascripts/bundle.a5f9d56c.min.js.map", "never"), ("sitemap.xml.gz", "never"),
    ("assets/javascripts/workers/search.a7633da7.min.js", "never"), ("assets/javascripts/lunr/tinyseg.js", "never"),
    (WORKER_FILE, "never"), (VERSION_FILE, "never"), (PLAN_FILE, "never"), ("404.html", "never"),
])
def test_each_file_has_its_group(path: str, group: str) -> None:
    assert group_of(path) == group


def test_a_page_is_kept_under_its_folder_address_with_its_title() -> None:
    home = site_file("index.html", PAGE % b"Home")
    page = site_file("levels/level-3/index.html", PAGE % b"Level 3: complex needs")
    assert (home.url, page.url, page.title) == ("./", "levels/level-3/", "Level 3: complex needs")
    assert site_file("assets/x.js", b"").title == ""


def _files(indicator: bytes = b"one") -> list:
    return [site_file("index.html", PAGE % b"Home"), site_file("indicators/a/index.html", PAGE % indicator),
            site_file("pdf/whole.pdf", b"%PDF")]


def test_any_change_to_any_file_or_the_version_gives_a_new_build() -> None:
    first = plan(_files(), "2026.6", "").build
    assert plan(_files(), "2026.6", "").build == first
    assert plan(_files(b"two"), "2026.6", "").build != first, "an indicator page changed: browsers must update"
    assert plan(_files(), "2026.7", "").build != first


def test_the_plan_lists_every_group_with_sizes_and_titles() -> None:
    document = plan(_files(), "2026.6", "2027-11-27").as_json()
    assert document["version"] == "2026.6" and document["review_due"] == "2027-11-27"
    assert [row[0] for row in document["core"]] == ["./"]
    assert document["pages"] == [["indicators/a/", len(PAGE % b"one"), "one"]]
    assert [row[0] for row in document["ask"]] == ["pdf/whole.pdf"]


@pytest.fixture
def built(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for path, data in {"index.html": PAGE % b"Home", "levels/index.html": PAGE % b"Levels",
                       "indicators/a/index.html": PAGE % b"A", "assets/site.css": b"body{}",
                       "assets/site.css.map": b"{}"}.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(data)
    return site


def test_the_site_gets_its_worker_plan_and_version_and_every_page_its_build(built: Path) -> None:
    summary = add_offline(built, "2026.6", "2027-11-27")
    build = summary.plan.build
    assert json.loads((built / VERSION_FILE).read_text()) == {"version": "2026.6", "build": build}
    for page in ["index.html", "levels/index.html", "indicators/a/index.html"]:
        assert f'<meta name="{BUILD_META}" content="{build}"></head>' in (built / page).read_text()
    document = json.loads((built / PLAN_FILE).read_text())
    assert document["build"] == build
    assert {row[0]: row[1] for row in document["pages"]} == {
        "indicators/a/": (built / "indicators/a/index.html").stat().st_size}, "sizes are of the pages as sent"
    worker = (built / WORKER_FILE).read_text()
    settings = json.loads(re.search(r"var LEVELOFNEED_OFFLINE = (\{.*?\});\n", worker).group(1))
    assert settings["build"] == build and settings["core"] == ["assets/site.css", "./", "levels/"]
    assert "assets/site.css.map" not in worker


def test_the_worker_names_no_other_site_and_no_fragment(built: Path) -> None:
    """Every address it keeps is relative to it: it works under any sub-path and fetches from nowhere else."""
    add_offline(built, "2026.6", "")
    settings = json.loads(re.search(r"var LEVELOFNEED_OFFLINE = (\{.*?\});\n",
                                    (built / WORKER_FILE).read_text()).group(1))
    for url in [*settings["core"], settings["notSaved"], settings["plan"]]:
        assert not re.match(r"^([a-z]+:|/)", url) and "#" not in url and ".." not in url, url
    source = (built / WORKER_FILE).read_text()
    assert not re.search(r"https?://", source.split("\n", 3)[3]), "the worker's own code names no host"
    assert "localStorage" not in source and "indexedDB" not in source


def _serve_first_page(root: Path) -> tuple[str, int]:
    """``mkdocs serve`` on ``root``: the home page's HTML, and the status of ``sw.js``."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-f", str(root / "mkdocs.yml"),
               "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        assert server.stderr is not None
        deadline = time.monotonic() + 120
        for line in server.stderr:  # ends if the server stops
            if "Serving on" in line or time.monotonic() > deadline:
                break
        assert server.poll() is None, "mkdocs serve stopped"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as response:
            home = response.read().decode("utf-8")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{WORKER_FILE}", timeout=30) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
            error.close()
        return home, status
    finally:
        server.terminate()
        server.communicate(timeout=30)  # reads what is left and closes the pipe


@pytest.mark.site
def test_mkdocs_serve_registers_no_service_worker_and_a_build_does(tmp_path: Path) -> None:
    """A developer's browser must never keep serving yesterday's pages from a worker."""
    from .test_site_build import SMALL_CONFIG, mkdocs_build

    root = tmp_path / "root"
    shutil.copytree(BASE, root)
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(SMALL_CONFIG, encoding="utf-8")
    home, worker = _serve_first_page(root)
    assert 'name="levelofneed-offline"' not in home and "data-lon-offline-notice" not in home
    assert worker == 404
    assert mkdocs_build(root / "mkdocs.yml", tmp_path / "site").returncode == 0
    built = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="levelofneed-offline" content="sw.js">' in built and (tmp_path / "site" / WORKER_FILE).is_file()
