"""``levelofneed schema``: write (or check) a JSON Schema for every kind of file."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..editors.schema import all_schemas
from .common import write_or_check

NAME = "schema"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="write a JSON Schema for every kind of file")
    parser.add_argument("--out", type=Path, default=Path("schemas"), help="folder to write (default: schemas)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the schemas in --out are stale")


def run(args: argparse.Namespace) -> int:
    files = {args.out / name: text for name, text in all_schemas().items()}
    return write_or_check(files, args.check, NAME)
