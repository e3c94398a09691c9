"""One publishing path: the MkDocs plugin and ``levelofneed export markdown`` publish the same bytes.

The plugin's generated files are taken from its ``on_files`` hook, exactly as MkDocs
would receive them (with the search index, which it writes after Material's search
plugin), for the repository's own mkdocs.yml and content; the CLI writes its export for
the same root. Every path and every byte must match.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel

from levelofneed import load_guidance
from levelofneed.cli import main
from levelofneed.mkdocs.plugin import LevelOfNeedPlugin
from levelofneed.publish import handwritten_outputs, publish, site_options, with_banner
from levelofneed.render import paths
from levelofneed.search.site_index import INDEX_FILE

from .conftest import REPO


def _configured(site: Path) -> MkDocsConfig:
    """The repository's mkdocs.yml, through every plugin's start-up and config events, as MkDocs runs them."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)  # serve builds in place: no folder swap
    return config.plugins.on_config(config)


@pytest.fixture(scope="module")
def plugin_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bytes, InclusionLevel]]:
    config = _configured(tmp_path_factory.mktemp("unused") / "site")
    files = config.plugins.on_files(Files([]), config=config)
    published = {file.src_uri: (file.content_bytes, file.inclusion) for file in files}
    plugin = config.plugins["levelofneed"]
    assert isinstance(plugin, LevelOfNeedPlugin) and plugin.search_index is not None
    # Material's search plugin writes this file after the build, so ours writes it over Material's then.
    published[INDEX_FILE] = (plugin.search_index, InclusionLevel.INCLUDED)
    return published


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("export")
    assert main(["export", "markdown", str(out), "--root", str(REPO)]) == 0
    return {path.relative_to(out).as_posix(): path.read_bytes() for path in out.rglob("*") if path.is_file()}


def test_the_plugin_and_the_cli_publish_the_same_files(plugin_files: dict[str, tuple[bytes, InclusionLevel]],
                                                        exported: dict[str, bytes]) -> None:
    """The same pages and files; the export adds the banner to each page (another builder has no theme of
    ours to put it in), our assets, the hand-written pages (which MkDocs reads from docs/ itself, and
    the export's navigation names), and an mkdocs.yml."""
    bundle = publish(load_guidance(REPO), site_options(REPO / "docs"))
    docs = {path.removeprefix("docs/"): data for path, data in exported.items() if path.startswith("docs/")}
    assets = {output.path for output in bundle.assets}
    handwritten = {output.path: output.data() for output in handwritten_outputs(REPO / "docs", bundle.banner)}
    assert handwritten and all(docs[path] == data for path, data in handwritten.items())
    assert all(bundle.banner in data.decode() for path, data in handwritten.items() if path.endswith(".md"))
    assert "adr/0023-our-own-search-page.md" in handwritten and any(path.startswith("images/") for path in handwritten)
    assert sorted(plugin_files) == sorted(set(docs) - assets - set(handwritten))
    pages = {output.path for output in bundle if output.kind == "page"}
    different = [path for path, (content, _) in plugin_files.items()
                 if (with_banner(content.decode(), bundle.banner).encode() if path in pages else content) != docs[path]]
    assert different == []
    assert "mkdocs.yml" in exported


def test_indicator_pages_stay_out_of_the_navigation(plugin_files: dict[str, tuple[bytes, InclusionLevel]]) -> None:
    hidden = {path for path, (_, inclusion) in plugin_files.items() if inclusion is InclusionLevel.NOT_IN_NAV}
    # Beside the indicators, only the page the service worker shows offline for a page never saved.
    assert hidden and all(path.startswith("indicators/") or path == paths.NOT_SAVED for path in hidden)
    assert all(inclusion is InclusionLevel.NOT_IN_NAV for path, (_, inclusion) in plugin_files.items()
               if path.startswith("indicators/"))


def test_the_site_is_named_by_the_guidance(tmp_path: Path) -> None:
    config = _configured(tmp_path / "site")
    plugin = config.plugins["levelofneed"]
    assert isinstance(plugin, LevelOfNeedPlugin) and plugin.guidance is not None
    assert config.site_name == f"{plugin.guidance.partnership.short_name} Level of Need guidance"


@pytest.mark.site
def test_the_export_builds_with_another_builder_and_keeps_the_banner_and_levels(neutral_root: Path,
                                                                              tmp_path: Path) -> None:
    """Plain MkDocs, with its own theme and without our plugin, builds the exported project: every page has
    the emergency banner, the levels keep their colours (our stylesheet) and the helper its scripts."""
    out = tmp_path / "project"
    assert main(["export", "markdown", str(out), "--root", str(neutral_root)]) == 0
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(out / "mkdocs.yml"),
                             "-d", str(tmp_path / "site")], capture_output=True, text=True, check=False,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    pages = sorted((tmp_path / "site").rglob("index.html"))
    assert len(pages) > 20
    assert all('class="lon-banner"' in page.read_text(encoding="utf-8") for page in pages if "404" not in page.name)
    level = (tmp_path / "site" / "levels" / "level-4" / "index.html").read_text(encoding="utf-8")
    assert "lon-tone-4" in level and "assets/levelofneed/levelofneed.css" in level
    helper = (tmp_path / "site" / "which-level" / "index.html").read_text(encoding="utf-8")
    assert "assets/levelofneed/helper-ui.js" in helper
    assert (tmp_path / "site" / "which-level" / "helper-data.json").is_file()
