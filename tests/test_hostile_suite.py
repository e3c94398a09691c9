"""Hostile content in every field, generated from the kinds registry (tests/hostile.py): nothing runs.

Editors are trusted to propose content but not to run script (docs/security.md). So a
partnership whose every text field holds a script, an event handler, a ``javascript:``
address, a broken-out attribute, a Jinja expression, a contact mention, Markdown, a
GitHub mention and a backtick-and-newline run is checked, built and browsed: every page
template, the helper to its result and copied record, both searches, the services filter and
the PDFs. No script may run, the policy may report nothing, nothing may leave the
origin, and the plain-English diff of it must be inert Markdown. Fields that check must
refuse (a bidirectional override in text, a script address in a link) are refused in
every field, one finding each.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from pypdf import PdfReader

from levelofneed import check, load_guidance
from levelofneed.cli import main
from levelofneed.model import KINDS, Strict

from .browser_support import chromium_page, serve
from .conftest import REPO
from .hostile import BIDI, PAYLOAD, SCRIPT_URL, classify, every_text_field, write_variant
from .test_browser import page_url
from .test_site_build import SMALL_CONFIG, mkdocs_build

# The site's own theme features (mkdocs.yml), which print titles in more places (the footer's links).
FEATURES = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]["features"]
RECORD = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def _models(model: type[Strict]) -> Iterator[type[Strict]]:
    yield model
    for info in model.model_fields.values():
        _, nested = classify(info)
        if nested is not None:
            yield from _models(nested)


def test_every_field_of_every_kind_is_known_to_the_suite() -> None:
    """A field the suite cannot classify fails here: teach tests/hostile.py what it holds."""
    for kind in KINDS:
        for model in _models(kind.model):
            for info in model.model_fields.values():
                classify(info)


def test_the_variant_reaches_every_text_field_and_passes_check(tmp_path: Path) -> None:
    filler = write_variant(tmp_path / "root")
    assert filler.filled == every_text_field()
    result = check(tmp_path / "root")
    assert [f.as_text() for f in result.findings if f.severity == "error"] == []


@pytest.mark.parametrize(("value", "kind", "message"), [
    (BIDI, "text", "control character (U+202E)"),
    (SCRIPT_URL, "url", "is not a valid web address"),
])
def test_what_check_must_refuse_is_refused_in_every_field(tmp_path: Path, value: str, kind: Any,
                                                          message: str) -> None:
    filler = write_variant(tmp_path / "root", value, tag=False, kind=kind)
    errors = [f for f in check(tmp_path / "root").findings if f.severity == "error"]
    refused = [f for f in errors if message.lower() in f.as_text().lower()]
    assert filler.count > 0 and len(refused) == filler.count, [f.as_text() for f in errors]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "root"
    write_variant(root)
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text(SMALL_CONFIG.replace("features: [content.action.edit]", f"features: {FEATURES}")
                                     .replace("pdf: false", "pdf: true"),  # the PDFs print the payload too
                                     encoding="utf-8")
    result = mkdocs_build(root / "mkdocs.yml", root / "site")
    assert result.returncode == 0, result.stderr
    return root


@pytest.mark.site
def test_the_pdfs_print_the_payload_as_text_and_hold_no_script(hostile_site: Path) -> None:
    pdfs = sorted((hostile_site / "site" / "pdf").rglob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        data = pdf.read_bytes()
        assert b"/JavaScript" not in data and b"/JS " not in data, pdf.name
        assert "window.__pwned" in "".join(page.extract_text() for page in PdfReader(pdf).pages), pdf.name


class _Decoded(HTMLParser):
    """Every text and attribute value as a browser reads them, entities decoded once."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.values += [value for _, value in attrs if value]

    def handle_data(self, data: str) -> None:
        self.values.append(data)


@pytest.mark.site
def test_every_text_is_escaped_exactly_once(hostile_site: Path) -> None:
    """Escaped twice, a title reads '&lt;script&gt;' aloud (F17); not at all, it is markup (F1)."""
    twice: dict[str, list[str]] = {}
    for page in sorted((hostile_site / "site").rglob("*.html")):
        reader = _Decoded()
        reader.feed(page.read_text(encoding="utf-8"))
        found = [value for value in reader.values if "&lt;" in value or "&amp;" in value or "&quot;" in value]
        if found:
            twice[page.name if page.parent.name == "site" else page.parent.name] = found[:2]
    assert twice == {}
    home = _Decoded()
    home.feed((hostile_site / "site" / "index.html").read_text(encoding="utf-8"))
    assert any(value.startswith('<script>window.__pwned="script"') for value in home.values)  # the name, as text


def _pages(root: Path) -> list[str]:
    from levelofneed.publish import publish, site_options

    templates: dict[str, str] = {}
    for output in publish(load_guidance(root), site_options(root / "docs")):
        if output.kind == "page" and output.template is not None:
            templates.setdefault(output.template, page_url(output.path))
    return sorted(templates.values())


def _visit(page: Any, url: str) -> None:
    page.goto(url, wait_until="networkidle")


@pytest.mark.browser
def test_nothing_in_the_hostile_site_runs_or_leaves_the_origin(chromium: Any, hostile_site: Path) -> None:
    with serve(hostile_site / "site") as base, chromium_page(
            chromium, base, permissions=["clipboard-read", "clipboard-write"]) as (page, watch):
        page.add_init_script(RECORD)
        seen = []
        for path in [*_pages(hostile_site), "404.html"]:
            _visit(page, base + path)
            seen.append((path, page.evaluate("[window.__pwned, window.__csp]")))
        _helper(page, base, seen)
        _search_and_filter(page, base, seen)
        assert [item for item in seen if item[1] != [None, []]] == []
        assert watch.blocked == [] and watch.errors == []


def _helper(page: Any, base: str, seen: list[Any]) -> None:
    """Every hostile indicator ticked, the result, and the record copied; the payload shows as text."""
    for fragment in ("#step=safety", "#step=seen&i=health-milestones,basic-care-hygiene",
                     "#step=result&i=health-milestones,basic-care-hygiene&a=independently-mobile.no",
                     "#step=stop&a=immediate-danger.yes"):
        _visit(page, f"{base}which-level/{fragment}")
        page.wait_for_function("window.LevelOfNeedHelper !== undefined")
        assert "window.__pwned" in page.locator("#lon-helper").inner_text(), fragment
        seen.append((fragment, page.evaluate("[window.__pwned, window.__csp]")))
    page.get_by_role("button", name="Copy the rationale").click()
    page.wait_for_function("document.querySelector('.lon-record [role=status]').textContent.startsWith('Copied')")
    assert "<script>window.__pwned" in page.evaluate("navigator.clipboard.readText()")


def _search_and_filter(page: Any, base: str, seen: list[Any]) -> None:
    _visit(page, base)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type("pwned script")
    page.wait_for_selector(".md-search-result__item")
    seen.append(("search", page.evaluate("[window.__pwned, window.__csp]")))
    _visit(page, base + "search/#q=pwned%20script")  # our own search page (ADR 23), under the site's policy
    page.wait_for_selector(".lon-search__result")
    assert "window.__pwned" in page.locator(".lon-search__results").inner_text(), "the payload shows as text"
    seen.append(("search page", page.evaluate("[window.__pwned, window.__csp]")))
    _visit(page, base + "services/")
    page.select_option("#lon-filter-level", index=1)
    page.fill("#lon-filter-age", "4")
    assert "services shown" in page.locator("#lon-filter-status").inner_text()
    seen.append(("services filter", page.evaluate("[window.__pwned, window.__csp]")))


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   check=True, capture_output=True)


@pytest.mark.parametrize("value", [PAYLOAD, BIDI])
def test_the_diff_of_a_hostile_branch_is_inert_markdown(tmp_path: Path, value: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """The head changes every text field (with a bidi override, it fails check: the failure report too)."""
    from .conftest import build_example
    from .hostile import EVERY_FIELD

    repo = build_example(EVERY_FIELD, tmp_path / "repo")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    hostile = tmp_path / "hostile"
    write_variant(hostile, value, tag=value == PAYLOAD)
    for folder in ("guidance", "briefings"):
        subprocess.run(["cp", "-r", f"{hostile / folder}/.", str(repo / folder)], check=True)
    code = main(["diff", "HEAD", "--root", str(repo)])
    report = capsys.readouterr().out
    assert code == (0 if value == PAYLOAD else 1)
    html = markdown.markdown(report, extensions=["fenced_code"])
    for markup in ("<img", "<script", "<svg", "<details", 'href="javascript', "<h2>forged"):
        assert markup not in html, markup
    assert "@octocat" not in report
