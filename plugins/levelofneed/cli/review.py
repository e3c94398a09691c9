"""``levelofneed review``: what is overdue or due soon for review, grouped by owner, with file:line.

A report, not a gate: it exits 0 whatever it lists (``check --strict`` is the gate
before publishing), 1 when the content is invalid, and 2 for an owner nobody has.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from ..messages import did_you_mean
from ..reports.review_report import as_json, render_text, review_items
from .common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, add_root, iso_date, load

NAME = "review"


MOST_DAYS = 36_500  # a hundred years: further ahead is not a review plan


def _days(text: str) -> int:
    """An argparse type for a number of days, 0 to a hundred years."""
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of days; write a whole number such as 30")
    if int(text) > MOST_DAYS:
        raise argparse.ArgumentTypeError(f"{text} days is more than a hundred years; use at most {MOST_DAYS:,}")
    return int(text)


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="list records overdue or due soon for review, grouped by owner")
    parser.add_argument("--within", type=_days, default=30, metavar="DAYS",
                        help="also list what falls due within this many days (default: 30)")
    parser.add_argument("--owner", metavar="NAME", help="only the records of this owner (as written in 'owner')")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--today", type=iso_date, default=None, metavar="YYYY-MM-DD",
                        help="the date to judge reviews and checks by (default: today)")
    add_root(parser, option=True)


def run(args: argparse.Namespace) -> int:
    today = args.today or dt.date.today()
    guidance = load(args.root, today)
    if guidance is None:
        return EXIT_INVALID
    items = review_items(guidance, today, args.within)
    if args.owner is not None:
        known = sorted({item.owner for item in items})
        items = [item for item in items if item.owner.casefold() == args.owner.strip().casefold()]
        if not items and known:
            guess = did_you_mean(args.owner, known)
            hint = f"did you mean '{guess}'?" if guess else f"owners with something to review: {'; '.join(known)}"
            print(f"levelofneed review: error: nothing to review for owner '{args.owner}' — {hint}",
                  file=sys.stderr)
            return EXIT_USAGE
    if args.json:
        print(json.dumps(as_json(items, today, args.within), indent=2, ensure_ascii=False))
    else:
        print(render_text(items, today, args.within))
    return EXIT_OK
