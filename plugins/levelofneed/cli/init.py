"""``levelofneed init DIR --partnership "Name"``: write a starter repository for a new partnership.

Exit codes: 0 written, 2 a folder that is not empty or cannot be written, or a name that
cannot be used. It never writes into a folder that holds anything, so it cannot overwrite
a partnership's guidance.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from .common import EXIT_OK, EXIT_USAGE, iso_date

NAME = "init"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="write a starter repository for a new partnership")
    parser.add_argument("folder", type=Path, metavar="DIR", help="the new repository's folder (absent or empty)")
    parser.add_argument("--partnership", required=True, metavar="NAME",
                        help="the partnership's full name, e.g. 'Wirral Safeguarding Children Partnership'")
    parser.add_argument("--short-name", metavar="NAME", help="the name for headings (default: the full name)")
    parser.add_argument("--area", metavar="AREA", help="the area the guidance covers (default: the full name)")
    parser.add_argument("--id", dest="partnership_id", metavar="ID",
                        help="a short id, e.g. 'wirral' (default: made from the name)")
    parser.add_argument("--today", type=iso_date, default=None, metavar="YYYY-MM-DD",
                        help="the date every record falls due for review (default: today)")


def run(args: argparse.Namespace) -> int:
    from ..editors.starter import NewPartnership, partnership_id, write_starter
    from ..model.common import ID_PATTERN

    problem = _unusable(args.folder) or _bad_text(args)
    chosen_id = args.partnership_id or partnership_id(args.partnership)
    if problem is None and not re.fullmatch(ID_PATTERN, chosen_id):
        problem = f"'{chosen_id}' is not a valid id — use lower-case letters, digits and single hyphens"
    if problem is not None:
        print(f"levelofneed init: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    name = " ".join(args.partnership.split())
    partnership = NewPartnership(name=name, short_name=" ".join((args.short_name or name).split()),
                                 area=" ".join((args.area or name).split()), id=chosen_id,
                                 today=args.today or dt.date.today())
    try:
        written = write_starter(args.folder, partnership)
    except OSError as error:
        print(f"levelofneed init: error: cannot write {args.folder}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {len(written)} files for {name} in {args.folder}")
    print(f"next: cd {args.folder}, read README.md, then run 'levelofneed review' for the list of what to fill in")
    return EXIT_OK


def _unusable(folder: Path) -> str | None:
    if folder.exists() and not folder.is_dir():
        return f"{folder} is a file — choose a new folder"
    if folder.is_dir() and any(folder.iterdir()):
        return f"{folder} is not empty — choose a new or empty folder, so nothing is overwritten"
    return None


def _bad_text(args: argparse.Namespace) -> str | None:
    for option in ("partnership", "short_name", "area"):
        value = getattr(args, option)
        if value is not None and not value.strip():
            return f"--{option.replace('_', '-')} is empty — give the name"
        if value is not None and any(ord(character) < 32 for character in value):
            return f"--{option.replace('_', '-')} holds a control character — type the name again"
    return None
