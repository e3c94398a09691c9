"""``levelofneed compare DIR_A DIR_B``: how two folders of guidance differ, two partnerships or two drafts.

The same engine and report as ``diff``; indicators are matched by id and, where ids
differ, by similar wording, so the report shows where the same worry sits at different
levels on either side of a boundary.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..diff import outcome
from ..diff.report import Sides
from ..pipeline import check
from .common import EXIT_USAGE
from .diff import report

NAME = "compare"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="describe in plain English how two folders of guidance differ")
    parser.add_argument("first", type=Path, metavar="DIR_A", help="a folder holding guidance/ (and briefings/)")
    parser.add_argument("second", type=Path, metavar="DIR_B", help="the folder to compare it with")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")


def run(args: argparse.Namespace) -> int:
    for folder in (args.first, args.second):
        if not folder.is_dir():
            print(f"levelofneed compare: error: '{folder}' is not a folder", file=sys.stderr)
            return EXIT_USAGE
    sides = Sides(str(args.first), str(args.second), mode="compare")
    return report(outcome(check(args.first), check(args.second)), sides, args.json)
