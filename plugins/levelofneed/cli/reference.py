"""``levelofneed reference``: write (or check) the editors' field reference page."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..editors.reference import render_reference
from .common import write_or_check

NAME = "reference"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="write the editors' field reference page")
    parser.add_argument("out", type=Path, nargs="?", default=Path("docs/editors/reference.md"))
    parser.add_argument("--check", action="store_true", help="exit 1 if the page is stale")


def run(args: argparse.Namespace) -> int:
    return write_or_check({args.out: render_reference()}, args.check, NAME)
