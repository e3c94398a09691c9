"""What changed between two versions of one record, field by field, in words a reviewer reads.

A record is compared as its plain data (``model_dump``), flattened to leaves: nested
mappings by field name, lists of records by their ``id`` when they have one (so an
inserted routing question does not make every later one look changed) and by position
otherwise (a procedure's steps, which are ordered), and lists of words or sentences as
one value. Text is compared with its spaces squashed, so re-wrapping a YAML paragraph
is not a change.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..labels import shorten, singular, squash

Path = tuple[str | int, ...]
Leaves = dict[Path, Any]


@dataclass(frozen=True)
class FieldChange:
    """One leaf that differs. ``path`` is machine-readable ('steps.1.timescale'); ``label`` is
    for people ('step 1 "Stage 1": timescale'). A value is None where the side has no such field."""

    path: str
    label: str
    before: Any
    after: Any


def field_changes(before: dict[str, Any], after: dict[str, Any],
                  skip: frozenset[str] = frozenset()) -> list[FieldChange]:
    """Every leaf that differs, in the order the fields are declared (the after side's first).

    A listed record (a step, a question) on one side only is one change, not one per field.
    """
    old, new = _flatten(before, skip), _flatten(after, skip)
    old_items, new_items = _names(before), _names(after)
    names = {**old_items, **new_items}
    found: dict[Path, FieldChange] = {}
    for path in [*new, *(path for path in old if path not in new)]:
        whole = _whole_item(path, old_items, new_items)
        if whole is not None:
            found.setdefault(whole, FieldChange(_dotted(whole), _label(whole, names), _item(old, whole),
                                                _item(new, whole)))
        elif _normal(old.get(path)) != _normal(new.get(path)):
            found[path] = FieldChange(_dotted(path), _label(path, names), old.get(path), new.get(path))
    return list(found.values())


def _whole_item(path: Path, old_items: dict[Path, str], new_items: dict[Path, str]) -> Path | None:
    """The listed record holding ``path`` that only one side has, if any."""
    for end in range(1, len(path)):
        prefix = path[:end]
        if (prefix in old_items) != (prefix in new_items):
            return prefix
    return None


def _item(leaves: Leaves, item: Path) -> dict[str, Any] | None:
    """A listed record's own fields, from one side's leaves (None when that side lacks it)."""
    found = {".".join(str(p) for p in path[len(item):]): value for path, value in leaves.items()
             if path[: len(item)] == item}
    return found or None


def _dotted(path: Path) -> str:
    return ".".join(str(part) for part in path)


def _flatten(data: dict[str, Any], skip: frozenset[str]) -> Leaves:
    leaves: Leaves = {}
    for key, value in data.items():
        if key not in skip:
            leaves.update(_leaves((key,), value))
    return leaves


def _leaves(path: Path, value: Any) -> Iterator[tuple[Path, Any]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _leaves((*path, key), inner)
    elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        for index, item in enumerate(value, start=1):
            yield from _leaves((*path, _item_key(item, index)), item)
    elif value is not None and value != []:
        yield path, value


def _item_key(item: dict[str, Any], index: int) -> str | int:
    """A record in a list is known by its id; a step has none, so by its number."""
    return str(item["id"]) if isinstance(item.get("id"), str) else index


def _names(data: dict[str, Any]) -> dict[Path, str]:
    """Every listed record's path, with what it is called ('Stage 1: talk to …', or '' if nothing)."""
    names: dict[Path, str] = {}

    def walk(path: Path, value: Any) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk((*path, key), inner)
        elif isinstance(value, list) and all(isinstance(item, dict) for item in value):
            for index, item in enumerate(value, start=1):
                key = (*path, _item_key(item, index))
                title = item.get("title") or item.get("question") or item.get("name")
                names[key] = shorten(squash(title), 50) if isinstance(title, str) else ""
                walk(key, item)

    walk((), data)
    return names


def _label(path: Path, names: dict[Path, str]) -> str:
    """('steps', 2, 'timescale') → 'step 2 "Stage 2: managers": timescale'."""
    parts: list[str] = []
    for depth, part in enumerate(path):
        key = path[: depth + 1]
        if not (depth and key in names):
            parts.append(str(part).replace("_", " "))
            continue
        noun = singular(str(path[depth - 1])).replace("_", " ")
        item = f"{noun} {part}" if isinstance(part, int) else f"{noun} '{part}'"
        parts[-1] = f'{item} "{names[key]}"' if names[key] and isinstance(part, int) else item
    return ": ".join(parts)


def _normal(value: Any) -> Any:
    """Text compared with its spaces squashed; lists of text likewise."""
    if isinstance(value, str):
        return squash(value)
    if isinstance(value, list):
        return [_normal(item) for item in value]
    return value
