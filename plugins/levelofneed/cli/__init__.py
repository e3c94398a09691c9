"""The ``levelofneed`` command. Thin: each command is a module here that parses its
arguments and calls the pipeline or an output.

Exit codes: 0 valid, 1 invalid content, 2 usage (including a ROOT that does not exist,
and an output that cannot be written).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from . import check, compare, coverage, diff, export, new, pdf, reference, review, schema, search, which_level
from .common import EXIT_USAGE

COMMANDS = (check, schema, reference, coverage, export, pdf, which_level, search, review, diff, compare, new)


def build_parser() -> argparse.ArgumentParser:
    """Every command's parser, in the order ``--help`` lists them."""
    parser = argparse.ArgumentParser(prog="levelofneed",
                                     description="Check, export and publish Level of Need guidance.")
    commands = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    root = getattr(args, "root", None)
    if root is not None and not root.is_dir():
        parser.error(f"ROOT '{root}' is not a folder")
    run: Callable[[argparse.Namespace], int] = {command.NAME: command.run for command in COMMANDS}[args.command]
    try:
        return run(args)
    except OSError as error:  # e.g. an output path that is a folder, or a read-only disk
        print(f"levelofneed: error: {error.strerror or error}: {error.filename or ''}", file=sys.stderr)
        return EXIT_USAGE


def entry_point() -> None:
    """Console-script entry point."""
    sys.exit(main())
