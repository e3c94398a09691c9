"""Text that tries to hide what it says, or to slow every output down, is refused or found out.

A copied phone number must be found however it is written (F5), a text may not hide
control characters, reorder what is displayed, or show nothing at all (F13), and no
search over content may take time that grows with the square of a word's length (F8).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from levelofneed import check
from levelofneed.mentions import digits
from levelofneed.search.text import joined

from .conftest import EXAMPLES, build_example

FRONT_DOOR = "0100 000 0000"  # the example partnership's front door


@pytest.mark.parametrize("written", [
    "(0100) 000 0000", "+44 (0)100 000 0000", "+44 100 000 0000", "0100.000.0000", "0100–000–0000",
    "0100\u200b000\u200b0000", "０１００ ０００ ００００", "0100\u00a0000\u00a00000", "0100 - 000 - 0000",
])
def test_a_copied_number_is_found_however_it_is_written(written: str, tmp_path: Path) -> None:
    root = build_example(EXAMPLES / "valid" / "minimal", tmp_path / "root")
    planning = root / "guidance" / "planning.yaml"
    text = planning.read_text(encoding="utf-8")
    planning.write_text(text.replace("An early help assessment.", f'"Call {written} now."', 1), encoding="utf-8")
    found = [f.as_text() for f in check(root).findings if f.severity == "error"]
    assert any("is the number of contact 'front-door', copied into the text" in line for line in found), found


@pytest.mark.parametrize(("written", "expected"), [
    ("+44 (0)151 934 4013", "01519344013"), ("(0151) 934 4013", "01519344013"),
    ("０１５１ ９３４ ４０１３", "01519344013"), ("+44 151 934 4013", "01519344013"),
])
def test_digits_reads_every_way_of_writing_a_uk_number(written: str, expected: str) -> None:
    assert digits(written) == expected


@pytest.mark.parametrize("prose", ["Review it on 01.02.2026.", "Born 07-03-2019.", "Call 999 or 101."])
def test_dates_and_short_numbers_are_not_phone_numbers(prose: str, tmp_path: Path) -> None:
    root = build_example(EXAMPLES / "valid" / "minimal", tmp_path / "root")
    planning = root / "guidance" / "planning.yaml"
    planning.write_text(planning.read_text(encoding="utf-8").replace("An early help assessment.", f'"{prose}"', 1),
                        encoding="utf-8")
    assert [f.as_text() for f in check(root).findings if "phone number" in f.message or "copied" in f.message] == []


@pytest.mark.parametrize(("text", "message"), [
    ("\u200b\u200b\u200b", "only invisible characters"),
    ("Hides \x1b[31mred\x1b[0m text", "control character (U+001B)"),
    ("Nul\x00 in text", "control character (U+0000)"),
    ("Bell\x07", "control character (U+0007)"),
    ("Delete\x7f", "control character (U+007F)"),
    ("Reads \u202ebackwards", "control character (U+202E)"),
    ("Isolate \u2066x\u2069", "control character (U+2066)"),
    ("x" * 600, "more than 500 characters"),
])
def test_text_that_hides_or_disguises_itself_is_refused_where_it_is(text: str, message: str,
                                                                    tmp_path: Path) -> None:
    root = build_example(EXAMPLES / "valid" / "minimal", tmp_path / "root")
    indicators = root / "guidance" / "indicators.yaml"
    escaped = text.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    indicators.write_text(indicators.read_text(encoding="utf-8").replace(
        "Often arrives hungry or in dirty clothes.", f'"{escaped}"'), encoding="utf-8")
    found = [f for f in check(root).findings if f.severity == "error"]
    assert len(found) == 1 and message in found[0].message, [f.as_text() for f in found]
    assert found[0].path == "guidance/indicators.yaml" and found[0].line > 1


def test_hyphenated_words_are_also_indexed_joined() -> None:
    """Found without a backtracking pattern: a long word used to take time growing with its square."""
    assert joined("pre-birth and child-in-need, -odd- a--b") == ["prebirth", "childinneed", "ab"]
    assert joined("a" * 40_000) == []
