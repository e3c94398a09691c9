"""``levelofneed coverage``: write (or check) the coverage report, indicators per cell."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..reports.coverage_report import render_coverage
from .common import EXIT_INVALID, add_root, load, write_or_check

NAME = "coverage"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="write the coverage report (indicators per cell)")
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/coverage.md"))
    parser.add_argument("--check", action="store_true", help="exit 1 if the report is stale")
    add_root(parser, option=True)


def run(args: argparse.Namespace) -> int:
    guidance = load(args.root)
    if guidance is None:
        return EXIT_INVALID
    return write_or_check({args.out: render_coverage(guidance)}, args.check, NAME)
