"""Every folder under tests/examples/{valid,invalid} is a case, discovered automatically.

A valid case must pass ``check`` (warnings listed in expected.txt are allowed); an
invalid case must fail with exactly the findings in its expected.txt, located to the
line and column. A case's args.txt, if any, adds options to ``check``
(``--near-duplicates``). The date is pinned, so checks that age (reviews, verification)
give the same findings on any day.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from levelofneed.cli import main

from .conftest import EXAMPLES, build_example

VALID = sorted((EXAMPLES / "valid").iterdir())
INVALID = sorted((EXAMPLES / "invalid").iterdir())
TODAY = "2026-11-27"


def _expected(case: Path) -> list[str]:
    file = case / "expected.txt"
    return file.read_text(encoding="utf-8").splitlines() if file.is_file() else []


def _arguments(case: Path) -> list[str]:
    file = case / "args.txt"
    return file.read_text(encoding="utf-8").split() if file.is_file() else []


def _findings(output: str) -> list[str]:
    return [line for line in output.splitlines() if ": error: " in line or ": warning: " in line]


def test_there_are_at_least_25_kinds_of_invalid_content() -> None:
    assert len(INVALID) >= 25


@pytest.mark.parametrize("case", VALID, ids=[c.name for c in VALID])
def test_valid_case_passes(case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = build_example(case, tmp_path / "root")
    assert main(["check", str(root), "--today", TODAY, *_arguments(case)]) == 0
    assert _findings(capsys.readouterr().out) == _expected(case)


@pytest.mark.parametrize("case", INVALID, ids=[c.name for c in INVALID])
def test_invalid_case_fails_with_located_findings(case: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    root = build_example(case, tmp_path / "root")
    assert main(["check", str(root), "--today", TODAY, *_arguments(case)]) == 1
    output = capsys.readouterr().out
    expected = _expected(case)
    assert expected, f"{case.name} has no expected.txt"
    assert _findings(output) == expected
    errors = sum(": error: " in line for line in expected)
    assert output.splitlines()[-1].startswith(f"{errors} error")


@pytest.mark.parametrize("case", INVALID, ids=[c.name for c in INVALID])
def test_invalid_case_documents_itself(case: Path) -> None:
    assert (case / "README.md").is_file()
    assert (case / "overlay").is_dir()


def test_every_registered_check_is_triggered_by_an_example(tmp_path: Path) -> None:
    """A check that no example triggers is a check nobody has seen work (issue 19)."""
    import datetime as dt

    from levelofneed import check
    from levelofneed.checks import CHECKS, Check
    from levelofneed.findings import Finding

    triggered: set[str] = set()

    def observe(registered: Check, findings: list[Finding]) -> None:
        if findings:
            triggered.add(registered.name)

    for case in [*VALID, *INVALID]:
        root = build_example(case, tmp_path / case.parent.name / case.name)
        check(root, dt.date.fromisoformat(TODAY), near_duplicates="--near-duplicates" in _arguments(case),
              observe=observe)
    assert {registered.name for registered in CHECKS} - triggered == set()
