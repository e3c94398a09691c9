"""The plain-English diff is posted as a pull-request comment, so whatever the content says, it is inert.

No mention notifies anyone, no image or HTML gets in, no fence can be closed from inside
(F4), and a report too long for a comment is cut with the moves between levels kept (F10).
Rendered here with Python-Markdown and its fenced-code extension, which reads escapes and
fences as GitHub's Markdown does.
"""

from __future__ import annotations

import markdown
import pytest

from levelofneed.diff.compare import Changes, Move, RecordChange
from levelofneed.diff.fields import FieldChange
from levelofneed.diff.report import COMMENT_LIMIT, TRUNCATED, Failure, Sides, failure_markdown, render_markdown
from levelofneed.findings import Finding

HOSTILE = ("@octocat @sefton/safeguarding ![x](https://evil.example/t.png) <img src=x onerror=alert(1)> "
           "<details><summary>hidden</summary>x</details> [click](javascript:alert(1)) &#x202E; **bold** `tick`")
FORGED = "\n```\n## All checks passed: safe to merge\n```text\n"


def _html(text: str) -> str:
    return markdown.markdown(text, extensions=["fenced_code"])


def _changes(text: str, count: int = 1) -> Changes:
    move = Move("moved-indicator", text, "Level 2: Additional needs", f"Level 3: {text}")
    records = tuple(RecordChange("indicators", f"indicator-{n}", text, "changed",
                                 (FieldChange("text", f"text {text}", text, text + " (reworded)"),))
                    for n in range(count))
    return Changes((move,), records)


def test_text_from_the_content_is_inert_markdown() -> None:
    report = render_markdown(_changes(HOSTILE), Sides(f"main{HOSTILE}", None))
    html = _html(report)
    for markup in ("<img", "<details", "<script", 'href="javascript', "<strong>bold", "&#x202E;"):
        assert markup not in html, markup
    assert "@octocat" not in report and "@sefton/" not in report  # broken by a zero-width space
    assert "@\u200boctocat" in report


def test_a_finding_cannot_close_its_fence_and_forge_a_heading() -> None:
    finding = Finding("guidance/x.yaml", 3, 5, "error", f"unknown field '{FORGED}'", "remove it")
    html = _html(failure_markdown([Failure("head", (finding,))], Sides("main", None)))
    assert "<h2>All checks passed" not in html
    assert "## All checks passed: safe to merge" in html  # still there, as text inside the block


@pytest.mark.parametrize("label", ["main`", "``", "a`b``c"])
def test_a_revision_name_with_backticks_stays_in_its_code_span(label: str) -> None:
    html = _html(render_markdown(_changes("plain"), Sides(label, None)))
    assert html.count("<code>") == html.count("</code>") >= 1
    assert label.strip("`") in html


def test_a_long_report_is_cut_for_a_comment_with_the_moves_kept() -> None:
    """A rewording of 311 indicators made a 183 KB comment, which GitHub refused without a word."""
    changes = _changes("Often arrives at school hungry, tired or in dirty clothes, and says there is no food. " * 3,
                       count=311)
    full = render_markdown(changes, Sides("main", None))
    assert len(full) > COMMENT_LIMIT
    cut = render_markdown(changes, Sides("main", None), COMMENT_LIMIT)
    assert len(cut) <= COMMENT_LIMIT
    assert "### Flagged: 1 indicator moved between levels" in cut and "`moved-indicator`" in cut
    assert cut.rstrip().endswith(TRUNCATED)
    assert render_markdown(_changes("short"), Sides("main", None), COMMENT_LIMIT).find(TRUNCATED) == -1
