"""The PDFs' plumbing: cutting the site's pages for print, the command, the plugin option, progress, warnings.

These use the small base example (or none), so each runs in a second or two; the
repository's own PDFs are read back in ``test_pdf.py``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from levelofneed import Guidance, load_guidance
from levelofneed.cli import main
from levelofneed.labels import printed_copy_notice
from levelofneed.pdf import print_all
from levelofneed.pdf.documents import documents
from levelofneed.pdf.progress import terminal_progress
from levelofneed.pdf.sitepages import intro, names_only, part, shift_headings, unlink_missing, without
from levelofneed.publish import print_pdfs
from levelofneed.render import PRINTED, LinkStyle, SiteOptions, iter_pages

from .conftest import BASE, REPO, build_example

pytestmark = pytest.mark.site  # each of these prints PDFs, the slowest thing the project does

PACKAGE = REPO / "plugins" / "levelofneed"


@pytest.fixture(scope="module")
def guidance(sefton: Guidance) -> Guidance:
    return sefton


PAGE = """<h1>Level 2</h1>
<p>Lead.</p>
<h2 id="p-l--who">Who leads</h2>
<p>A lead professional.</p>
<h3 id="p-l--when">Timescales</h3>
<ul>
<li><a href="#p-services--hv">Health visiting</a>: visits every family, <a href="#p-glossary--x">term</a>.</li>
<li><a href="https://example.org/">Elsewhere</a>: kept whole.</li>
</ul>
<h2 id="p-l--indicators">Indicators</h2>
<p>Many.</p>
<div class="lon-meta">Source: test.</div>
"""


def test_pages_are_cut_by_heading_id_for_print() -> None:
    assert part(PAGE, "p-l--who").startswith('<h2 id="p-l--who">') and "Indicators" not in part(PAGE, "p-l--who")
    assert "Timescales" in part(PAGE, "p-l--who") and "Lead." not in part(PAGE, "p-l--who")
    cut = without(PAGE, "p-l--indicators")
    assert "Many." not in cut and "Source: test." in cut and "Timescales" in cut
    assert intro(PAGE) == "<h1>Level 2</h1>\n<p>Lead.</p>\n"
    assert "<h3 id=\"p-l--who\">" in shift_headings(PAGE, 1) and "</h4>" in shift_headings(PAGE, 1)
    assert shift_headings("<h1>x</h1>", -1) == "<h1>x</h1>"
    short = names_only(PAGE, "p-services--")
    assert '<li><a href="#p-services--hv">Health visiting</a></li>' in short and "visits every family" not in short
    assert "kept whole" in short
    assert "<span>term</span>" in unlink_missing(PAGE) and "<span>Health visiting</span>" in unlink_missing(PAGE)
    linked = unlink_missing(PAGE + '<a href="#p-l--who">back</a>')
    assert '<a href="#p-l--who">back</a>' in linked


# The small example: warnings, the command line, progress.


def test_the_base_example_prints_without_complaint_on_one_core_or_two() -> None:
    base = load_guidance(BASE)
    run = print_pdfs(base)
    assert run.complaints == [] and run.findings == []
    assert {item.path for item in run.files} >= {"example-level-of-need-guidance.pdf", "briefings/was-not-brought.pdf"}
    pages = {p.path: p.markdown for p in iter_pages(base, SiteOptions(link_style=LinkStyle.ANCHOR), PRINTED)}
    assert print_all(base, pages, workers=1).files == print_all(base, pages, workers=2).files == run.files


def test_a_briefing_too_long_for_two_pages_is_a_located_warning(tmp_path: Path) -> None:
    root = build_example(REPO / "tests" / "examples" / "valid" / "minimal", tmp_path / "root")  # the base example
    briefing = root / "briefings" / "was-not-brought.yaml"
    points = ", ".join(f"'Point {n}: {'a long sentence that goes on and on ' * 6}'" for n in range(60))
    text = briefing.read_text(encoding="utf-8")
    briefing.write_text(re.sub(r"^key_information: .*$", f"key_information: [{points}]", text, flags=re.M),
                        encoding="utf-8")
    run = print_pdfs(load_guidance(root))
    assert [(f.path, f.severity) for f in run.findings] == [("briefings/was-not-brought.yaml", "warning")]
    assert "takes" in run.findings[0].message and "briefings/was-not-brought.pdf" in run.findings[0].message
    assert run.findings[0].hint.startswith("shorten the text so it fits on 2 pages;")


def test_the_command_writes_every_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["pdf", "--out", str(out), "--root", str(BASE)]) == 0
    assert (out / "example-level-of-need-guidance.pdf").is_file()
    assert (out / "briefings" / "was-not-brought.pdf").is_file()
    written = capsys.readouterr().out
    assert re.search(r"^wrote .*was-not-brought\.pdf \((1 page|[2-9] pages), \d+ KB\)$", written, re.M)


def test_an_unwritable_output_folder_exits_2_with_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "levelofneed", "pdf", "--out", str(blocker / "pdf"),
                             "--root", str(BASE)], capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert f"cannot write PDFs to '{blocker / 'pdf'}'" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_content_stops_with_the_findings_of_check(tmp_path: Path) -> None:
    root = build_example(REPO / "tests" / "examples" / "invalid" / "unknown-level", tmp_path / "root")
    result = subprocess.run([sys.executable, "-m", "levelofneed", "pdf", "--out", str(tmp_path / "out"),
                             "--root", str(root)], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "guidance/indicators.yaml:13:12: error: unknown level 'level-3'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list((tmp_path / "out").rglob("*.pdf"))


class _Terminal:
    def __init__(self, tty: bool) -> None:
        self.tty, self.written = tty, ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        self.written += text
        return len(text)

    def flush(self) -> None:
        pass


def test_progress_shows_on_a_terminal_and_stays_quiet_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    terminal = _Terminal(tty=True)
    show = terminal_progress(terminal)  # type: ignore[arg-type]
    assert show is not None
    show(1, 3, "briefings/x.pdf")
    assert "1 of 3 done (briefings/x.pdf)" in terminal.written
    assert terminal_progress(_Terminal(tty=False)) is None  # type: ignore[arg-type]
    monkeypatch.setenv("CI", "true")
    assert terminal_progress(_Terminal(tty=True)) is None  # type: ignore[arg-type]


PLUGIN_CONFIG = """site_name: Example
docs_dir: docs
theme:
  name: material
plugins:
  - levelofneed:
      atomic: false
{option}
"""


def _published(root: Path, command: str, option: str = "") -> dict[str, bytes]:
    """What the plugin adds to the site for ``mkdocs build`` or ``mkdocs serve``, path by path."""
    (root / "docs").mkdir(exist_ok=True)
    (root / "mkdocs.yml").write_text(PLUGIN_CONFIG.format(option=option), encoding="utf-8")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    config.plugins.on_startup(command=command, dirty=False)
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(Files([]), config=config)
    return {file.src_uri: file.content_bytes for file in files}


def test_build_publishes_the_pdfs_and_serve_skips_them_unless_asked(tmp_path: Path) -> None:
    root = build_example(REPO / "tests" / "examples" / "valid" / "minimal", tmp_path / "root")
    built = _published(root, "build")
    assert "pdf/example-level-of-need-guidance.pdf" in built
    assert built["pdf/briefings/was-not-brought.pdf"].startswith(b"%PDF-")
    assert b"Download the whole guidance (PDF, " in built["index.md"]
    served = _published(root, "serve")
    assert not [path for path in served if path.startswith("pdf/")]
    assert b"Download" not in served["index.md"]
    assert "pdf/example-level-of-need-guidance.pdf" in _published(root, "serve", "      pdf: true")
    assert not [path for path in _published(root, "build", "      pdf: false") if path.startswith("pdf/")]


# Where the notice points, and where WeasyPrint may be imported.


def test_the_notice_points_at_the_site_then_the_website_and_never_invents_one(guidance: Guidance) -> None:
    partnership = guidance.partnership
    assert partnership.site_url is None  # Sefton's address for this guidance is not known yet
    assert printed_copy_notice(partnership) == (
        f"Printed copies may be out of date: check the current version with {partnership.website}")
    published = partnership.model_copy(update={"site_url": "https://guidance.example.org/"})
    assert printed_copy_notice(published) == "Printed copies may be out of date: check https://guidance.example.org/"
    bare = partnership.model_copy(update={"website": None})
    assert printed_copy_notice(bare).endswith(f"check the current version with {partnership.name}")


def test_only_the_printing_module_imports_weasyprint() -> None:
    importing = sorted(path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")
                       if re.search(r"^\s*(import|from)\s+(weasyprint|pydyf)\b", path.read_text(encoding="utf-8"),
                                    re.M))
    assert importing == ["pdf/printing.py"]


def test_keeping_page_references_changes_no_byte_and_printing_is_repeatable() -> None:
    from levelofneed.pdf.printing import print_pdf  # WeasyPrint: imported only when this test runs

    base = load_guidance(BASE)
    pages = {p.path: p.markdown for p in iter_pages(base, SiteOptions(link_style=LinkStyle.ANCHOR), PRINTED)}
    html = next(documents(base, pages)).html
    first = print_pdf(html)
    assert print_pdf(html, keep_page_references=False).data == first.data == print_pdf(html).data
