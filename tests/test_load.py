"""The loader's safety limits, beyond the fixture cases: memory stays bounded on hostile input."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from levelofneed.findings import Finding
from levelofneed.load import load_document


def _laughs(levels: int) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_fails_with_bounded_memory(tmp_path: Path) -> None:
    file = tmp_path / "laughs.yaml"
    file.write_text(_laughs(10))
    tracemalloc.start()
    result = load_document(file, "laughs.yaml")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert isinstance(result, Finding)
    assert "aliases expand" in result.message
    assert peak < 20 * 1024 * 1024


def test_modest_alias_use_is_accepted(tmp_path: Path) -> None:
    file = tmp_path / "ok.yaml"
    file.write_text(_laughs(2))
    result = load_document(file, "ok.yaml")
    assert not isinstance(result, Finding)
    assert len(result.data["a1"]) == 10


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    file = tmp_path / "big.yaml"
    with file.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    result = load_document(file, "big.yaml")
    assert isinstance(result, Finding)
    assert "over the 20 MiB limit" in result.message


def test_unreadable_file_is_a_finding_not_a_traceback(tmp_path: Path) -> None:
    link = tmp_path / "gone.yaml"
    link.symlink_to(tmp_path / "missing-target.yaml")
    result = load_document(link, "guidance/gone.yaml")
    assert isinstance(result, Finding)
    assert result.message.startswith("file cannot be read")
    assert (result.path, result.line, result.column) == ("guidance/gone.yaml", 1, 1)


def test_nesting_near_python_recursion_limit_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "deep.yaml"
    file.write_text("glossary: " + "[" * 998 + "]" * 998 + "\n")
    result = load_document(file, "deep.yaml")
    assert isinstance(result, Finding)
    assert "nested more than" in result.message
