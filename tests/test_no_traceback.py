"""Bad content never produces a traceback: mangled copies of valid files only ever give findings.

Each case takes one file of the base example and damages it in a way editors do
(a deleted line, a stray character, a value turned into a list …), chosen by a seeded
random generator so every run checks the same cases.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from levelofneed import check

from .conftest import BASE

Mutation = Callable[[list[str], random.Random], list[str]]


def _delete_line(lines: list[str], rng: random.Random) -> list[str]:
    del lines[rng.randrange(len(lines))]
    return lines


def _duplicate_line(lines: list[str], rng: random.Random) -> list[str]:
    index = rng.randrange(len(lines))
    lines.insert(index, lines[index])
    return lines


def _stray_character(lines: list[str], rng: random.Random) -> list[str]:
    index = rng.randrange(len(lines))
    column = rng.randrange(len(lines[index]) + 1)
    lines[index] = lines[index][:column] + rng.choice(":-[]{}&*!|>'\"#%@`,?\t") + lines[index][column:]
    return lines


def _shift_indent(lines: list[str], rng: random.Random) -> list[str]:
    index = rng.randrange(len(lines))
    lines[index] = rng.choice(["", " ", "   ", "      "]) + lines[index].lstrip()
    return lines


def _replace_value(lines: list[str], rng: random.Random) -> list[str]:
    candidates = [i for i, line in enumerate(lines) if ": " in line]
    if candidates:
        index = rng.choice(candidates)
        key = lines[index].split(": ", 1)[0]
        lines[index] = key + ": " + rng.choice(["[]", "{}", "~", "12", "true", "2026-02-30", "[a, b]", "''", "{a: 1}"])
    return lines


MUTATIONS: list[Mutation] = [_delete_line, _duplicate_line, _stray_character, _shift_indent, _replace_value]
FILES = sorted(p.relative_to(BASE) for p in BASE.rglob("*.yaml"))
CASES = [(file, seed) for file in FILES for seed in range(8)]


@pytest.mark.parametrize(("file", "seed"), CASES, ids=[f"{f.as_posix()}-{s}" for f, s in CASES])
def test_mangled_file_gives_findings_not_a_traceback(file: Path, seed: int, tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(BASE, root)
    rng = random.Random(f"{file}-{seed}")
    lines = (root / file).read_text(encoding="utf-8").splitlines()
    for _ in range(rng.randint(1, 3)):
        lines = rng.choice(MUTATIONS)(lines, rng) or [""]
    (root / file).write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = check(root)
    for finding in result.findings:
        assert finding.path and finding.line >= 1 and finding.column >= 1
        assert finding.message and finding.hint
    assert (result.guidance is None) == result.failed()
