"""What every command shares: exit codes, the ROOT argument, loading with findings, writing generated files."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..guidance import Guidance

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def add_root(parser: argparse.ArgumentParser, option: bool = False) -> None:
    """The folder holding guidance/ and briefings/: a positional for check, ``--root`` elsewhere."""
    help_text = "folder holding guidance/ and briefings/ (default: current folder)"
    if option:
        parser.add_argument("--root", type=Path, default=Path("."), help=help_text)
    else:
        parser.add_argument("root", type=Path, nargs="?", default=Path("."), help=help_text)


def iso_date(text: str) -> dt.date:
    """An argparse type for YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write it as YYYY-MM-DD") from None


def load(root: Path, today: dt.date | None = None) -> Guidance | None:
    """The checked guidance, or None after printing its errors (the caller exits 1)."""
    from ..findings import format_findings
    from ..pipeline import check

    result = check(root, today)
    if result.guidance is None:
        errors = [finding for finding in result.findings if finding.severity == "error"]
        print(format_findings(errors, "text"), file=sys.stderr)
    return result.guidance


def write_or_check(files: Mapping[Path, str], check_only: bool, command: str) -> int:
    """Write generated files or, with ``check_only``, report each committed one that is stale.

    The one way every generated file (schemas, field reference, coverage report) is
    written and checked, so ``make test`` catches any that a change left behind.
    """
    if check_only:
        stale = [path for path, text in files.items()
                 if not path.is_file() or path.read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"{path}:1:1: error: generated file is out of date — run 'levelofneed {command}'")
        return EXIT_INVALID if stale else EXIT_OK
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    return EXIT_OK
