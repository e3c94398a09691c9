"""The plain-English report of what changed: Markdown for a pull-request comment, or the same as JSON.

Reviewers are safeguarding professionals, not programmers, so the report says what a
change means ("moved from Level 2 to Level 3"), flags moves between levels before
anything else, and quotes the guidance's own words rather than its YAML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any, Literal

from ..findings import Finding, sort_findings
from ..findings import summary as findings_summary
from ..labels import squash
from ..model import KINDS
from .compare import Changes, Move, RecordChange, kinds_in_order, summary
from .fields import FieldChange

Mode = Literal["diff", "compare"]
# Kinds are titled as the registry titles them, but for these.
TITLES = {"contacts": "Contacts", "briefings": "7-minute briefings", "changes": "What's changed (versions)"}
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|#~])")


@dataclass(frozen=True)
class Sides:
    """What is compared with what, as the reader knows them: 'main' and 'the working tree', or two folders."""

    base: str
    head: str | None  # None: the working tree
    mode: Mode = "diff"

    def name(self, side: Literal["base", "head"]) -> str:
        """A side as the report names it: a revision or folder in code style, or 'the working tree'."""
        label = self.base if side == "base" else self.head
        return f"`{label}`" if label is not None else "the working tree"


@dataclass(frozen=True)
class Failure:
    """A side whose content does not pass today's ``check``, with its findings."""

    side: Literal["base", "head"]
    findings: tuple[Finding, ...]


def _title(kind: str) -> str:
    registered = KINDS.get(kind)
    return TITLES.get(kind) or (registered.title if registered else kind)


def _md(text: str) -> str:
    """Text from the guidance, with Markdown's special characters escaped, on one line."""
    return _MARKDOWN.sub(r"\\\1", squash(text))


def _value(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_value(item) for item in value) or "nothing"
    if isinstance(value, dict):
        return "; ".join(f"{key.replace('_', ' ')}: {_value(inner)}" for key, inner in value.items())
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"“{_md(str(value))}”" if isinstance(value, str) else _md(str(value))


def _field(change: FieldChange) -> str:
    label = _md(change.label)
    if isinstance(change.before, list) and isinstance(change.after, list):
        added = [item for item in change.after if item not in change.before]
        removed = [item for item in change.before if item not in change.after]
        parts = ([f"added {_value(added)}"] if added else []) + ([f"removed {_value(removed)}"] if removed else [])
        return f"{label}: {'; '.join(parts) or 'reordered'}"
    if change.before is None:
        return f"{label}: added {_value(change.after)}"
    if change.after is None:
        return f"{label}: removed (was {_value(change.before)})"
    return f"{label}: was {_value(change.before)}, now {_value(change.after)}"


def _move(move: Move, sides: Sides) -> str:
    if sides.mode == "compare":
        ids = (f"`{move.was_id}` in {sides.name('base')}, `{move.id}` in {sides.name('head')}" if move.was_id
               else f"`{move.id}`")
        return (f"- {ids}: “{_md(move.text)}” is at **{move.before}** in {sides.name('base')} "
                f"and at **{move.after}** in {sides.name('head')}")
    was = f" (was `{move.was_id}`)" if move.was_id else ""
    return f"- `{move.id}`{was} “{_md(move.text)}” moved from **{move.before}** to **{move.after}**"


def _record(change: RecordChange) -> Iterator[str]:
    name = f" “{_md(change.name)}”" if change.name and change.name != change.id else ""
    where = f" at {change.level}" if change.status == "added" and change.level else (
        f" (was at {change.level})" if change.level else "")
    status = "Reworded" if change.reworded else change.status.capitalize()
    matched = (f" (matched by wording with `{change.was_id}`, {round((change.similarity or 0) * 100)}% of words "
               "in common)" if change.similarity is not None else f" (was `{change.was_id}`)" if change.was_id else "")
    yield f"- **{status}** `{change.id}`{name}{where}{matched}"
    for field_change in change.fields:
        yield f"  - {_field(field_change)}"


def _headline(changes: Changes, sides: Sides) -> list[str]:
    """Who is compared with whom, then one line per kind: '- Indicators: 1 moved between levels, 1 added'."""
    subject = (f"Comparing {sides.name('base')} with {sides.name('head')}." if sides.mode == "compare"
               else f"Comparing {sides.name('base')} (before) with {sides.name('head')} (after).")
    moved = "placed at different levels" if sides.mode == "compare" else "moved between levels"
    lines = [subject, ""]
    for kind, counts in summary(changes).items():
        words = ", ".join(f"{count} {moved if status == 'moved' else status}" for status, count in counts.items())
        lines.append(f"- {_title(kind)}: {words}")
    return lines if len(lines) > 2 else [*lines, "No changes to the guidance's content."]


def render_markdown(changes: Changes, sides: Sides) -> str:
    """The summary for a pull-request comment: moves first, then each kind that changed."""
    title = "How the two guidances differ" if sides.mode == "compare" else "What this change means for the guidance"
    lines = [f"## {title}", "", *_headline(changes, sides), ""]
    if changes.moves:
        heading = "placed at different levels" if sides.mode == "compare" else "moved between levels"
        lines += [f"### Flagged: {len(changes.moves)} indicator{'s' if len(changes.moves) > 1 else ''} {heading}", "",
                  *(_move(move, sides) for move in changes.moves), ""]
    for kind in kinds_in_order(changes):
        lines += [f"### {_title(kind)}", ""]
        lines += [line for change in changes.of(kind) for line in _record(change)]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_json(changes: Changes, sides: Sides) -> dict[str, Any]:
    """The same report as data."""
    return {"base": sides.base, "head": sides.head, "mode": sides.mode, "summary": summary(changes),
            "moved": [asdict(move) for move in changes.moves],
            "records": [{**asdict(change), "reworded": change.reworded} for change in changes.records]}


def failure_markdown(failures: list[Failure], sides: Sides) -> str:
    """Why the two sides could not be compared: which side, and its findings as ``check`` prints them."""
    lines = ["## The guidance could not be compared", ""]
    for failure in failures:
        errors = sort_findings(f for f in failure.findings if f.severity == "error")
        lines += [f"{_side_name(failure, sides)} ({sides.name(failure.side)}) does not pass today's "
                  "`levelofneed check`, so what it means cannot be read. Its findings:", "",
                  "```text", *(f.as_text() for f in errors), findings_summary(errors), "```", ""]
    lines.append("Fix the content, then compare again." if sides.mode == "compare" else
                 "A revision made before a change to the content model fails this way: compare with a later "
                 "revision, or fix the content and compare again.")
    return "\n".join(lines) + "\n"


def _side_name(failure: Failure, sides: Sides) -> str:
    if sides.mode == "compare":
        return "The first folder" if failure.side == "base" else "The second folder"
    return "The base" if failure.side == "base" else "The head"


def failure_json(failures: list[Failure]) -> dict[str, Any]:
    """The failures as data."""
    return {"errors": [{"side": failure.side,
                        "findings": [asdict(f) for f in sort_findings(f for f in failure.findings
                                                                      if f.severity == "error")]}
                       for failure in failures]}
