"""The ``levelofneed`` command. Thin: each command is a module here that parses its
arguments and calls the pipeline or an output.

Exit codes: 0 valid, 1 invalid content, 2 usage (including a ROOT that does not exist,
and an output that cannot be written). A closed pipe (``levelofneed check | head``) ends
the command quietly, as it ends ``cat``: by the pipe signal, with no traceback.

Commands are imported only when they run: ``levelofneed check --help`` must not wait for
WeasyPrint, Whoosh or the models to load (bench/README.md). The table below holds what the
top-level help needs; a command's own module defines its options and is imported only for
that command (or for every command, when a test asks for the whole parser).
"""

from __future__ import annotations

import argparse
import importlib
import signal
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import ModuleType

EXIT_USAGE = 2


@dataclass(frozen=True)
class Command:
    """A command as the top-level help lists it, and the module that implements it."""

    NAME: str
    module: str
    help: str

    def load(self) -> ModuleType:
        return importlib.import_module(f"{__name__}.{self.module}")


COMMANDS = (
    Command("check", "check", "validate guidance/ and briefings/ and report every problem"),
    Command("schema", "schema", "write a JSON Schema for every kind of file"),
    Command("reference", "reference", "write the editors' field reference page"),
    Command("coverage", "coverage", "write the coverage report (indicators per cell)"),
    Command("export", "export", "export the validated guidance"),
    Command("pdf", "pdf", "print the guidance, level cards and briefings as PDFs"),
    Command("which-level", "which_level", "suggest a level for a set of answers and indicators"),
    Command("search", "search", "search the guidance as a practitioner would, in their own words"),
    Command("review", "review", "list records overdue or due soon for review, grouped by owner"),
    Command("diff", "diff", "describe in plain English what changed between two git revisions"),
    Command("compare", "compare", "describe in plain English how two folders of guidance differ"),
    Command("new", "new", "scaffold a new record with a fresh id in the right file"),
    Command("init", "init", "write a starter repository for a new partnership"),
)


def _chosen(argv: Sequence[str] | None) -> str | None:
    """The command named on the command line, if any: the first word that is not an option."""
    words = sys.argv[1:] if argv is None else argv
    return next((word for word in words if not word.startswith("-")), None)


def build_parser(argv: Sequence[str] | None = None, everything: bool = True) -> argparse.ArgumentParser:
    """Every command's parser, in the order ``--help`` lists them. Unless ``everything``, only the
    command ``argv`` names is built in full; the others are listed by name and help alone."""
    parser = argparse.ArgumentParser(prog="levelofneed",
                                     description="Check, export and publish Level of Need guidance.")
    commands = parser.add_subparsers(dest="command", required=True)
    chosen = _chosen(argv)
    for command in COMMANDS:
        if everything or chosen == command.NAME:
            command.load().add_parser(commands)
        else:
            commands.add_parser(command.NAME, help=command.help)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command and return its exit code."""
    parser = build_parser(argv, everything=False)
    args = parser.parse_args(argv)
    root = getattr(args, "root", None)
    if root is not None and not root.is_dir():
        parser.error(f"ROOT '{root}' is not a folder")
    command = next(command for command in COMMANDS if args.command == command.NAME)
    run: Callable[[argparse.Namespace], int] = command.load().run
    try:
        return run(args)
    except OSError as error:  # e.g. an output path that is a folder, or a read-only disk
        print(f"levelofneed: error: {error.strerror or error}: {error.filename or ''}", file=sys.stderr)
        return EXIT_USAGE


def entry_point() -> None:
    """Console-script entry point. A reader that stops reading (``| head``) ends the command by the
    pipe signal, as it would end ``cat``, rather than with a traceback; a shell with ``pipefail``
    still sees that the command did not finish."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
