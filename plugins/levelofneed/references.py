"""Which fields hold ids of which kinds, read from the models' ``RefersTo`` markers, nested models included.

No table of references is written anywhere: a field typed ``LevelRef`` or
``list[ServiceRef]`` says what it refers to, at any depth (a helper rule's
``circumstances[].asked_for`` as much as an indicator's ``level``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, get_args

from pydantic.fields import FieldInfo

from .model import KINDS, RefersTo, Strict

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class ReferenceField:
    """Field names from a record of ``holder`` down to a field holding ids of ``target``."""

    holder: str
    path: tuple[str, ...]
    target: str

    @property
    def field(self) -> str:
        """The name of the field itself, for messages."""
        return self.path[-1]


def references() -> list[ReferenceField]:
    """Every reference between registered kinds. Sub-domains and contacts, which are not kinds of
    their own, are checked by their own checks."""
    return [ref for kind in KINDS for ref in _of_model(kind.key, kind.model) if ref.target in KINDS]


def contact_references() -> list[ReferenceField]:
    """Every field, in any kind and at any depth, that holds the id of a partnership contact."""
    return [ref for kind in KINDS for ref in _of_model(kind.key, kind.model) if ref.target == "contacts"]


@cache
def _of_model(holder: str, model: type[Strict]) -> tuple[ReferenceField, ...]:
    return tuple(ReferenceField(holder, path, target) for path, target in _paths(model, ()))


def _paths(model: type[Strict], prefix: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str]]:
    for name, info in model.model_fields.items():
        target = refers_to(info)
        if target is not None:
            yield (*prefix, name), target
            continue
        for nested in _nested_models(info.annotation):
            yield from _paths(nested, (*prefix, name))


def refers_to(info: FieldInfo) -> str | None:
    """The kind a field holds ids of (``levels`` for ``LevelRef`` or ``list[LevelRef]``), if any."""
    return _refers_to([*info.metadata, info.annotation])


def _refers_to(parts: list[Any]) -> str | None:
    for part in parts:
        if isinstance(part, RefersTo):
            return part.kind
        inner = _refers_to(list(get_args(part)))
        if inner is not None:
            return inner
    return None


def _nested_models(annotation: Any) -> list[type[Strict]]:
    if isinstance(annotation, type) and issubclass(annotation, Strict):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _nested_models(arg)]


def values(record: Strict, ref: ReferenceField) -> Iterator[tuple[FieldPath, str]]:
    """Every id ``ref`` holds in one record, with its path inside the record (list indexes included)."""
    yield from _walk(record, ref.path, ())


def _walk(value: Any, remaining: tuple[str, ...], at: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if value is None:
        return
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, remaining, (*at, index))
    elif not remaining:
        yield at, value
    else:
        yield from _walk(getattr(value, remaining[0]), remaining[1:], (*at, remaining[0]))


def ids_in(record: Strict, ref: ReferenceField) -> list[str]:
    """The ids only, fast for the usual top-level field."""
    if len(ref.path) == 1:
        value = getattr(record, ref.path[0])
        return [] if value is None else [value] if isinstance(value, str) else value
    return [value for _, value in values(record, ref)]
