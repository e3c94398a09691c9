"""The plain-English report of what changed: Markdown for a pull-request comment, or the same as JSON.

Reviewers are safeguarding professionals, not programmers, so the report says what a
change means ("moved from Level 2 to Level 3"), flags moves between levels before
anything else, and quotes the guidance's own words rather than its YAML.

The report is posted as a comment by a workflow, and anyone may open a pull request, so
everything taken from the content is inert Markdown (docs/security.md): Markdown and HTML
characters are escaped, ``@mentions`` are broken so that nobody is notified, and every code
span or fence is longer than any run of backticks inside it. GitHub refuses a comment over
65,536 characters without a word, so :func:`render_markdown` can cap the report: the moves
between levels come first and are kept, and a note says where the rest is.
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
# Every character that can start Markdown, HTML or a character reference in GitHub's flavour, in the
# middle of a line (the report never starts a line with text from the content).
# '&', '<' and '>' become character references, which every Markdown renderer leaves as text.
_MARKDOWN = re.compile(r"([\\`*_\[\]|#~!])")
# '@name' notifies a person or team on GitHub; a zero-width space after '@' keeps it text.
_MENTION = re.compile(r"@(?=\w)")
_BACKTICKS = re.compile(r"`+")
COMMENT_LIMIT = 60_000  # GitHub refuses a comment over 65,536 characters
TRUNCATED = ("_The report is longer than a pull-request comment may be, so it stops here. The whole report "
             "is on the workflow run's summary page (the step 'describe the change in plain English')._")


@dataclass(frozen=True)
class Sides:
    """What is compared with what, as the reader knows them: 'main' and 'the working tree', or two folders."""

    base: str
    head: str | None  # None: the working tree
    mode: Mode = "diff"

    def name(self, side: Literal["base", "head"]) -> str:
        """A side as the report names it: a revision or folder in code style, or 'the working tree'."""
        label = self.base if side == "base" else self.head
        return code(label) if label is not None else "the working tree"


@dataclass(frozen=True)
class Failure:
    """A side whose content does not pass today's ``check``, with its findings."""

    side: Literal["base", "head"]
    findings: tuple[Finding, ...]


def _title(kind: str) -> str:
    registered = KINDS.get(kind)
    return TITLES.get(kind) or (registered.title if registered else kind)


def _md(text: str) -> str:
    """Text from the guidance as inert Markdown on one line: specials escaped, mentions broken."""
    text = squash(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MENTION.sub("@\u200b", _MARKDOWN.sub(r"\\\1", text))


def code(text: str) -> str:
    """An identifier in a code span that nothing inside can close, with mentions broken."""
    text = _MENTION.sub("@\u200b", squash(text))
    ticks = "`" * (1 + max((len(run) for run in _BACKTICKS.findall(text)), default=0))
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def fence(lines: list[str], info: str = "text") -> list[str]:
    """A fenced block no line inside can close: its fence is longer than any run of backticks."""
    longest = max((len(run) for line in lines for run in _BACKTICKS.findall(line)), default=0)
    marker = "`" * max(3, longest + 1)
    return [f"{marker}{info}", *(_MENTION.sub("@\u200b", line) for line in lines), marker]


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
        ids = (f"{code(move.was_id)} in {sides.name('base')}, {code(move.id)} in {sides.name('head')}"
               if move.was_id else code(move.id))
        return (f"- {ids}: “{_md(move.text)}” is at **{_md(move.before)}** in {sides.name('base')} "
                f"and at **{_md(move.after)}** in {sides.name('head')}")
    was = f" (was {code(move.was_id)})" if move.was_id else ""
    return f"- {code(move.id)}{was} “{_md(move.text)}” moved from **{_md(move.before)}** to **{_md(move.after)}**"


def _record(change: RecordChange) -> Iterator[str]:
    name = f" “{_md(change.name)}”" if change.name and change.name != change.id else ""
    level = _md(change.level)
    where = f" at {level}" if change.status == "added" and level else (f" (was at {level})" if level else "")
    status = "Reworded" if change.reworded else change.status.capitalize()
    was = code(change.was_id) if change.was_id else ""
    matched = (f" (matched by wording with {was}, {round((change.similarity or 0) * 100)}% of words "
               "in common)" if change.similarity is not None else f" (was {was})" if was else "")
    yield f"- **{status}** {code(change.id)}{name}{where}{matched}"
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


def render_markdown(changes: Changes, sides: Sides, limit: int | None = None) -> str:
    """The summary for a pull-request comment: moves first, then each kind that changed.

    With ``limit``, lines stop before the report passes that many characters, with a note
    that says where the whole report is; the headline and the moves come first, so they
    are the last to go.
    """
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
    return _within("\n".join(lines).rstrip() + "\n", limit)


def _within(text: str, limit: int | None) -> str:
    """``text`` cut at a line so that, with the note saying so, it stays within ``limit`` characters."""
    if limit is None or len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, max(0, limit - len(TRUNCATED) - 2))
    return text[: cut + 1] + "\n" + TRUNCATED + "\n"


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
                  *fence([*(f.as_text() for f in errors), findings_summary(errors)]), ""]
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
