"""``levelofneed new indicator|briefing|service|procedure|contact``: scaffold a record in the right file.

In a terminal it asks for the required fields (Enter leaves one to fill in later);
otherwise it takes them as options. Whatever is not given is written as an empty field
with a comment, so ``check`` points at each gap until it is filled. Exit codes: 0
written, 2 a value or file that cannot be used. It works while other records still have gaps,
so several can be scaffolded before any is filled in.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from ..editors.insert import InsertError, append_item
from ..editors.scaffold import (
    SCAFFOLDS,
    Scaffold,
    Target,
    choices,
    derived,
    fresh_id,
    new_file,
    parse,
    record_lines,
    taken_ids,
    target,
)
from ..guidance import Guidance
from ..model.common import ID_PATTERN
from ..pipeline import read_for_editing
from .common import EXIT_OK, EXIT_USAGE, add_root

try:  # the C loader is faster; both read the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

NAME = "new"
Ask = Callable[[str], str]


class UsageError(Exception):
    """A value or file the command cannot use; the message says why."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="scaffold a new record with a fresh id in the right file")
    kinds = parser.add_subparsers(dest="record_kind", required=True, metavar="KIND")
    for scaffold in SCAFFOLDS.values():
        sub = kinds.add_parser(scaffold.name, help=f"a new {scaffold.name}")
        for field in scaffold.asks():
            many = " (comma-separated)" if scaffold.is_list(field) else ""
            sub.add_argument(f"--{field.replace('_', '-')}", dest=field, metavar="VALUE",
                             help=(scaffold.info(field).description or field) + many)
        sub.add_argument("--id", dest="record_id", help="the id to use (default: made from the first words)")
        sub.add_argument("--file", help="the file to add it to, relative to the root (default: chosen for you)")
        add_root(sub, option=True)


def run(args: argparse.Namespace, ask: Ask | None = None) -> int:
    scaffold = SCAFFOLDS[args.record_kind]
    if not (args.root / "guidance").is_dir():
        print(f"levelofneed new: error: no 'guidance' folder in {args.root}", file=sys.stderr)
        return EXIT_USAGE
    guidance, claimed = read_for_editing(args.root)
    interactive = ask is not None or sys.stdin.isatty()
    try:
        _refuse_unwritable_text(args)
        values = gather(scaffold, args, guidance, (ask or input) if interactive else None)
        record_id = _record_id(scaffold, args.record_id, values, taken_ids(scaffold, guidance) | claimed.get(
            scaffold.key, set()))
        place = _place(scaffold, args, guidance, values, record_id)
        top = max(guidance.levels, key=lambda level: level.number).id if guidance.levels else None
        lines, gaps = record_lines(scaffold, record_id, values, dt.date.today(), top)
        line = _write(scaffold, args.root, place, lines)
    except (UsageError, InsertError) as error:
        print(f"levelofneed new: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"{place.path}:{line}:1: added {scaffold.name} '{record_id}'")
    for offset, what in gaps:
        print(f"{place.path}:{line + offset}:1: fill in {what}")
    print("then run 'levelofneed check'" if gaps else "run 'levelofneed check' to make sure")
    return EXIT_OK


def _refuse_unwritable_text(args: argparse.Namespace) -> None:
    """A byte that is not UTF-8 in an argument reaches Python as a lone surrogate, which YAML cannot read
    back: written, it would stop every record in the file from loading."""
    for name, value in vars(args).items():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise UsageError(f"--{name.replace('_', '-')} holds bytes that are not UTF-8 text — "
                                 "retype it, or set your terminal to UTF-8") from None


def gather(scaffold: Scaffold, args: argparse.Namespace, guidance: Guidance, ask: Ask | None) -> dict[str, Any]:
    """Values given as options, then (in a terminal) the rest asked for one by one."""
    values: dict[str, Any] = {}
    for field in scaffold.asks():
        given = getattr(args, field, None)
        if given is not None:
            value, problem = parse(scaffold, field, given, guidance)
            if problem:
                raise UsageError(problem)
            values[field] = value
        elif ask is not None and not (field == "domain" and scaffold.name == "indicator"):
            values[field] = _ask(scaffold, field, guidance, ask)
    return derived(scaffold, values, guidance)


def _ask(scaffold: Scaffold, field: str, guidance: Guidance, ask: Ask) -> Any:
    """Ask until the answer is acceptable; an empty answer leaves the field to fill in later."""
    allowed = choices(scaffold, field, guidance)
    description = scaffold.info(field).description or ""
    print(f"\n{field.replace('_', ' ')}: {description}" + (f"\n  choose from: {', '.join(allowed)}" if allowed
                                                            else ""))
    while True:
        answer = ask(f"{field}{' (comma-separated)' if scaffold.is_list(field) else ''}: ")
        if not answer.strip():
            return None
        value, problem = parse(scaffold, field, answer, guidance)
        if not problem:
            return value
        print(f"  {problem}")


def _record_id(scaffold: Scaffold, given: str | None, values: dict[str, Any], taken: set[str]) -> str:
    if given is None:
        return fresh_id(str(values.get(scaffold.id_from) or ""), taken, f"new-{scaffold.name}")
    if not re.match(ID_PATTERN, given):
        raise UsageError(f"'{given}' is not a valid id — use lower-case letters, digits and single hyphens")
    if given in taken:
        raise UsageError(f"the id '{given}' is already used by another {scaffold.name}; choose another")
    return given


def _place(scaffold: Scaffold, args: argparse.Namespace, guidance: Guidance, values: dict[str, Any],
           record_id: str) -> Target:
    chosen = target(scaffold, guidance, values, record_id)
    if args.file is None:
        return chosen
    return Target(confined(args.root, args.file), chosen.keys)


def confined(root: Path, given: str) -> str:
    """``given`` as a path under the root's guidance/ or briefings/, with '..' and links resolved: a
    command told to write elsewhere writes nothing."""
    base = root.resolve()
    resolved = (base / given).resolve()  # an absolute ``given`` stays absolute
    folders = [(base / folder).resolve() for folder in ("guidance", "briefings")]
    if resolved.suffix not in (".yaml", ".yml") or not any(resolved.is_relative_to(f) for f in folders):
        raise UsageError(f"'{given}' is not a YAML file under guidance/ or briefings/ in {root}")
    return resolved.relative_to(base).as_posix()


def _write(scaffold: Scaffold, root: Path, place: Target, lines: list[str]) -> int:
    """Add the record's text to its file (or create the file); returns the record's first line."""
    file = root / place.path
    if not file.exists():
        if scaffold.key == "contacts":
            raise UsageError(f"'{place.path}' does not exist; contacts are added to the partnership settings")
        text, line = new_file(scaffold, place.path, lines)
        file.parent.mkdir(parents=True, exist_ok=True)
    elif not place.keys:
        raise UsageError(f"'{place.path}' already exists; a {scaffold.name} has a file of its own")
    else:
        inserted = append_item(_read(file, place.path), place.keys, lines)
        text, line = inserted.text, inserted.line
    _replace(file, text, place.path)
    return line


def _read(file: Path, path: str) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"'{path}' is not UTF-8 text; save it as UTF-8, then try again") from None


def _replace(file: Path, text: str, path: str) -> None:
    """Write ``text`` only once YAML reads it back, and in one step: a failure leaves the file as it was."""
    try:
        yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        raise UsageError(f"the record would make '{path}' unreadable ({str(error).splitlines()[0]}); "
                         "nothing was written — check the values given") from None
    staging = file.with_name(f".{file.name}.new")
    staging.write_text(text, encoding="utf-8")
    os.replace(staging, file)
