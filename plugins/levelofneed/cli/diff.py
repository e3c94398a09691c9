"""``levelofneed diff BASE [HEAD]``: what a change means for the guidance, between two git revisions.

HEAD defaults to the working tree, so ``levelofneed diff main`` describes everything a
branch changes. Markdown by default, ready for a pull-request comment; ``--json`` gives
the same as data. Exit codes: 0 compared, 1 a side does not pass today's check (its
findings are printed), 2 a revision or folder that cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..diff import Changes, Failure, outcome
from ..diff.git import RevisionError, check_revision
from ..diff.report import COMMENT_LIMIT, Sides, failure_json, failure_markdown, render_json, render_markdown
from ..pipeline import check
from .common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, add_root

NAME = "diff"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="describe in plain English what changed between two git revisions")
    parser.add_argument("base", metavar="BASE", help="the revision to compare from: a branch, tag or commit")
    parser.add_argument("head", metavar="HEAD", nargs="?", default=None,
                        help="the revision to compare to (default: the working tree, uncommitted changes included)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument("--max-chars", type=_positive, default=None, metavar="N",
                        help="stop the Markdown before N characters, moves between levels first, with a note "
                             f"that it was cut (a pull-request comment takes at most {COMMENT_LIMIT:,})")
    add_root(parser, option=True)


def run(args: argparse.Namespace) -> int:
    try:
        base = check_revision(args.root, args.base)
        head = check_revision(args.root, args.head) if args.head else check(args.root)
    except RevisionError as error:
        print(f"levelofneed diff: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    return report(outcome(base, head), Sides(args.base, args.head), args.json, args.max_chars)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1000:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of characters of 1000 or more")
    return int(text)


def report(result: Changes | list[Failure], sides: Sides, as_json: bool, limit: int | None = None) -> int:
    """Print the changes, or why a side could not be read; the exit code for either."""
    if isinstance(result, Changes):
        text = json.dumps(render_json(result, sides), indent=2, ensure_ascii=False) if as_json else (
            render_markdown(result, sides, limit))
        print(text, end="" if not as_json else "\n")
        return EXIT_OK
    text = json.dumps(failure_json(result), indent=2, ensure_ascii=False) if as_json else (
        failure_markdown(result, sides))
    print(text, end="" if not as_json else "\n")
    return EXIT_INVALID
