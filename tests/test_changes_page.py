"""The content changelog: its checks beyond the fixture cases, and the "What's changed" page it makes."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from levelofneed import Guidance, check, load_guidance
from levelofneed.render import iter_pages, navigation
from levelofneed.render import paths as page_paths
from levelofneed.render.changes import version_anchor

from .conftest import REPO


@pytest.fixture(scope="module")
def guidance(base_guidance: Guidance) -> Guidance:
    return base_guidance


def _page(guidance: Guidance) -> str:
    page = next(page for page in iter_pages(guidance) if page.path == page_paths.CHANGES)
    assert page.template == "changes" and page.in_nav
    return markdown.markdown(page.markdown.split("---\n", 2)[2], extensions=["toc", "attr_list", "md_in_html"])


def test_the_page_lists_each_version_newest_first(guidance: Guidance) -> None:
    older = guidance.changes[0].model_copy(update={"version": "0.0", "summary": "A draft.", "changes": ["Drafted."]})
    html = _page(guidance.replace(changes=(*guidance.changes, older)))
    assert '<h2 id="version-0-1">Version' in html and '<h2 id="version-0-0">' in html
    assert html.index('id="version-0-1"') < html.index('id="version-0-0"')
    assert "Published 1 November 2026." in html
    assert "<li>Two levels, two indicators, one service and one procedure.</li>" in html


def test_contacts_named_in_a_change_show_their_number(guidance: Guidance) -> None:
    entry = guidance.changes[0].model_copy(update={"changes": ["The front door is now ((front-door))."]})
    html = _page(guidance.replace(changes=(entry,)))
    assert 'href="tel:01000000000"' in html


def test_the_page_is_under_about_and_linked_from_it(guidance: Guidance) -> None:
    about = dict(next(iter(item.items())) for item in navigation(guidance))["About"]
    assert {"What's changed": page_paths.CHANGES} in about
    page = next(page for page in iter_pages(guidance) if page.path == page_paths.ABOUT)
    assert "[what's changed](changes.md)" in page.markdown


@pytest.mark.content
def test_the_repository_changelog_describes_the_current_version() -> None:
    guidance = load_guidance(REPO)
    assert guidance.changes[0].version == guidance.partnership.guidance_version == "2026.6"
    assert [entry.version for entry in guidance.changes] == ["2026.6", "2026.5", "2026.4", "2026.3", "2026.2", "2026.1"]


def test_a_missing_changelog_is_an_error(base_root: Path) -> None:
    (base_root / "guidance" / "changes.yaml").unlink()
    (finding,) = [f for f in check(base_root).findings if f.severity == "error"]
    assert finding.as_text() == ("guidance/:1:1: error: no guidance versions found — add a file in guidance/ with a "
                                 "'changes:' list, starting with version '0.1' and what changed in it")


def test_a_repeated_version_is_an_error(base_root: Path) -> None:
    changes = base_root / "guidance" / "changes.yaml"
    text = changes.read_text(encoding="utf-8")
    changes.write_text(text + text.split("\n", 1)[1], encoding="utf-8")
    messages = [f.as_text() for f in check(base_root).findings]
    assert ("guidance/changes.yaml:7:14: error: guidance version '0.1' is listed twice — it is already used at "
            "guidance/changes.yaml:2; give this one a different version") in messages


@pytest.mark.parametrize(("version", "anchor"), [("2026.2", "version-2026-2"), ("v3 (draft)", "version-v3-draft"),
                                                 ("…", "version-unnamed")])
def test_version_anchors(version: str, anchor: str) -> None:
    assert version_anchor(version) == anchor
