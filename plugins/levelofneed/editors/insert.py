"""Adding a record to a YAML file as text, so the editors' comments, blank lines and wrapping survive.

Loading the file and dumping it again would lose every comment (the notes at the top
of ``partnership.yaml`` say why numbers live there) and re-wrap every paragraph, and a
reviewer would see a diff of the whole file. Instead the composed YAML tells us where
the list ends and how it is indented, and the new record's lines go in just there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import yaml

try:  # the C loader is faster; positions are the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class InsertError(Exception):
    """The file's shape does not allow a record to be added as text; says what to do instead."""


@dataclass(frozen=True)
class Inserted:
    """The file's new text, and the 1-based line where the new record starts."""

    text: str
    line: int


def append_item(text: str, keys: Sequence[str], item: Sequence[str]) -> Inserted:
    """Add ``item`` (a record's lines, unindented) as the last entry of the block list at ``keys``.

    ``keys`` is ``("indicators",)`` for a kind's file, ``("partnership", "contacts")`` for
    the contacts. The entry is indented like the entries already there, and separated by a
    blank line if they are.
    """
    sequence, stop = _find(text, keys)
    if sequence.flow_style or not sequence.value:
        raise InsertError(f"'{keys[-1]}' is not written as a list of '- ' entries; add the record by hand")
    lines = text.splitlines(keepends=True)
    dash = sequence.start_mark.column
    first = sequence.value[0]
    indent = first.start_mark.column if isinstance(first, yaml.MappingNode) else dash + 2
    end = _end_line(lines, stop, dash)
    last_start = sequence.value[-1].start_mark.line
    spaced = last_start > 0 and not lines[last_start - 1].strip()
    block = [("\n" if spaced else ""), *_indented(item, dash, indent)]
    before = lines[:end]
    if before and not before[-1].endswith("\n"):
        before[-1] += "\n"
    new_text = "".join([*before, *block, *lines[end:]])
    return Inserted(new_text, len(before) + (2 if spaced else 1))


def _find(text: str, keys: Sequence[str]) -> tuple[yaml.SequenceNode, int | None]:
    """The sequence at ``keys``, and the line of the first key that follows it at any depth (None: the end)."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        raise InsertError(f"the file is not valid YAML ({str(error).splitlines()[0]}); fix it first") from None
    stop: int | None = None
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            raise InsertError(f"no '{key}:' mapping found; add the record by hand")
        pairs = [(k.value, v) for k, v in node.value]
        index = next((i for i, (name, _) in enumerate(pairs) if name == key), None)
        if index is None:
            raise InsertError(f"no '{key}:' found in the file; add the record by hand")
        if index + 1 < len(node.value):
            stop = node.value[index + 1][0].start_mark.line
        node = pairs[index][1]
    if not isinstance(node, yaml.SequenceNode):
        raise InsertError(f"'{keys[-1]}' is not a list; add the record by hand")
    return node, stop


def _end_line(lines: list[str], stop: int | None, dash: int) -> int:
    """Where the list's text ends: before the next key and the blank or comment lines that lead up to it."""
    if stop is None:
        end = len(lines)
        while end and not lines[end - 1].strip():
            end -= 1
        return end
    end = stop
    while end and (not lines[end - 1].strip() or _comment_before(lines[end - 1], dash)):
        end -= 1
    return end


def _comment_before(line: str, dash: int) -> bool:
    """A comment indented less than the list's entries introduces the next key, not the last entry."""
    stripped = line.lstrip(" ")
    return stripped.startswith("#") and len(line) - len(stripped) <= dash


def _indented(item: Sequence[str], dash: int, indent: int) -> list[str]:
    head, *rest = item
    return [" " * dash + "- " + " " * (indent - dash - 2) + head + "\n",
            *((" " * indent + line if line else "") + "\n" for line in rest)]
