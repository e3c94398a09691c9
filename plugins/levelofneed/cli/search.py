"""``levelofneed search "QUERY"``: the guidance's Whoosh search on the command line.

The text output is for editors: each result's level, id, where it is written (file:line)
and its text, so an editor can see why a practitioner's words find what they find. With
``--json`` it prints the results as data, best first. The index is cached under
``ROOT/.cache/levelofneed/search``, keyed by the content (ADR 11).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..guidance import Guidance
from ..labels import level_label
from ..messages import did_you_mean
from ..model import AGE_BANDS
from ..search.engine import Result, Searcher
from ..search.text import words
from .common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, add_root, load

NAME = "search"
CACHE = Path(".cache") / "levelofneed" / "search"
_ORIGIN_KIND = {"indicator": "indicators", "level": "levels", "topic": "topics", "procedure": "procedures",
                "briefing": "briefings", "service": "services", "term": "glossary", "domain": "domains"}


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="search the guidance as a practitioner would, in their own words")
    parser.add_argument("query", help='what to look for, e.g. "bruise baby" or "DV"')
    parser.add_argument("--level", metavar="ID", help="only indicators at this level (its id or number)")
    parser.add_argument("--age", metavar="BAND", help=f"only indicators for this age band: {', '.join(AGE_BANDS)}")
    parser.add_argument("--limit", type=_positive, default=10, metavar="N", help="how many results (default 10)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON, best first")
    add_root(parser, option=True)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of 1 or more")
    return value


def run(args: argparse.Namespace) -> int:
    if not words(args.query):
        print(f"levelofneed search: error: the query {args.query!r} has no words to search for — "
              "type what you saw, e.g. \"bruise baby\"", file=sys.stderr)
        return EXIT_USAGE
    guidance = load(args.root)
    if guidance is None:
        return EXIT_INVALID
    level, problem = _level(guidance, args.level)
    if not problem and args.age is not None and args.age not in AGE_BANDS:
        problem = _unknown("age band", args.age, list(AGE_BANDS))
    if problem:
        print(f"levelofneed search: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    searcher = Searcher(guidance, args.root / CACHE)
    results = searcher.search(args.query, level=level, age=args.age, limit=args.limit)
    if args.json:
        print(json.dumps([as_json(result) for result in results], indent=2, ensure_ascii=False))
    else:
        print(as_text(guidance, args.query, results))
    return EXIT_OK


def _level(guidance: Guidance, given: str | None) -> tuple[str | None, str]:
    """The level id ``given`` names (by id or number), or a sentence saying it names none."""
    if given is None:
        return None, ""
    for level in guidance.levels:
        if given in (level.id, str(level.number)):
            return level.id, ""
    return None, _unknown("level", given, [level.id for level in guidance.levels])


def _unknown(what: str, value: str, choices: list[str]) -> str:
    guess = did_you_mean(value, choices)
    advice = f"did you mean '{guess}'?" if guess else f"choose from {', '.join(choices)}"
    return f"unknown {what} '{value}'; {advice}"


def as_json(result: Result) -> dict[str, Any]:
    """One result as ``--json`` prints it."""
    record = result.record
    return {"id": record.id, "text": record.title, "level": record.level, "domain": record.domain,
            "subdomain": record.subdomain, "score": round(result.score, 4)}


def as_text(guidance: Guidance, query: str, results: list[Result]) -> str:
    """Results for an editor: rank, level, id and where it is written, then the text."""
    if not results:
        return f"Nothing matches {query!r}. Try other words, or add them to guidance/synonyms.yaml."
    lines = []
    for rank, result in enumerate(results, 1):
        record = result.record
        level = guidance.level_by_id.get(record.level or "")
        label = level_label(level) if level else record.kind.capitalize()
        lines.append(f"{rank:>2}. [{label}] {record.id}  ({_where(guidance, record.id, record.kind)})")
        lines.append(f"    {record.title}")
        if record.subdomain:
            lines.append(f"    {record.domain} › {record.subdomain}")
    return "\n".join(lines)


def _where(guidance: Guidance, record_id: str, kind: str) -> str:
    """file:line:column of the YAML a record comes from, so an editor can open it."""
    origin_kind = _ORIGIN_KIND.get(kind)
    origin = guidance.origin(origin_kind, record_id.partition(":")[2] or record_id) if origin_kind else None
    return f"{origin.path}:{origin.line}:{origin.column}" if origin else "generated page"
