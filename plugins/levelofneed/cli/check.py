"""``levelofneed check``: validate guidance/ and briefings/ and report every problem."""

from __future__ import annotations

import argparse

from .common import EXIT_INVALID, EXIT_OK, add_root, iso_date

NAME = "check"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="validate guidance/ and briefings/ and report every problem")
    add_root(parser)
    parser.add_argument("--format", choices=("text", "github", "json"), default="text",
                        help="text (default), github annotations, or json")
    parser.add_argument("--strict", action="store_true",
                        help="fail on warnings too (overdue reviews, unverified contacts), as before publishing")
    parser.add_argument("--near-duplicates", action="store_true",
                        help="also warn when two indicators at the same level say nearly the same thing")
    parser.add_argument("--today", type=iso_date, default=None, metavar="YYYY-MM-DD",
                        help="the date to judge reviews and checks by (default: today)")


def run(args: argparse.Namespace) -> int:
    from ..findings import format_findings
    from ..pipeline import check

    result = check(args.root, today=args.today, near_duplicates=args.near_duplicates)
    print(format_findings(result.findings, args.format))
    return EXIT_INVALID if result.failed(args.strict) else EXIT_OK
