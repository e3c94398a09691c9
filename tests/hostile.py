"""A hostile variant of the example partnership, generated from the kinds registry.

Every text field of every kind (the partnership's ``short_name`` and the other settings
included), at any depth, is filled with :data:`PAYLOAD`: a script, an event handler, a
``javascript:`` address, an attribute broken out of, a Jinja expression, a contact
mention, Markdown, a mention of a GitHub user and a backtick-and-newline run. Each copy
ends with where it was put, so a test can say which field leaked. Fields are found by
reading the models, not a list, so a field added tomorrow is attacked the day it is
added; :func:`classify` names what every other field is, and a field it cannot name makes
the meta-test fail (tests/test_hostile_suite.py).

The generator works on the example's YAML data, guided by the models: text fields are
overwritten (or added, when optional), nested records are walked into, and ids,
references, dates, numbers, choices and web addresses keep their valid values.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import yaml
from pydantic import AfterValidator, HttpUrl
from pydantic.fields import FieldInfo

from levelofneed.model import KINDS, Strict
from levelofneed.references import refers_to

from .conftest import EXAMPLES, build_example

# The example with every optional part present once, so every text field has a place to be.
EVERY_FIELD = EXAMPLES / "valid" / "every-field"

PAYLOAD = ('<script>window.__pwned="script"</script><img src=x onerror="window.__pwned=\'img\'"> '
           "javascript:window.__pwned='link' \"><svg onload=\"window.__pwned='attr'\"> "
           "{{ 7 * 7 }}{% if true %}jinja{% endif %} ((front-door)) **bold** [link](javascript:alert(1)) "
           "@octocat ``` \n## forged heading\n```")
# For a field that allows only a few characters: still a script and an event handler.
SHORT = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
# Other ways in, refused by check itself: a bidirectional override, and a script address.
BIDI = "Reads \u202ebackwards"
SCRIPT_URL = "javascript:alert(1)"

Kind = Literal["text", "id", "reference", "nested", "date", "number", "flag", "choice", "url"]


def classify(info: FieldInfo) -> tuple[Kind, type[Strict] | None]:
    """What a field holds (a list of X counts as X), and its model when it holds records."""
    if refers_to(info) is not None:
        return "reference", None
    annotation, metadata = _unwrap(info.annotation, list(info.metadata))
    if isinstance(annotation, type) and issubclass(annotation, Strict):
        return "nested", annotation
    if annotation is str:
        readable = any(isinstance(item, AfterValidator) for item in metadata)
        return ("text" if readable else "id"), None
    simple: dict[Any, Kind] = {dt.date: "date", int: "number", bool: "flag", HttpUrl: "url"}
    if annotation in simple:
        return simple[annotation], None
    if get_origin(annotation) is Literal:
        return "choice", None
    raise TypeError(f"the hostile suite does not know what {info.annotation!r} holds: teach tests/hostile.py")


def _unwrap(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any]]:
    """Strip Optional, list and Annotated, gathering Annotated's metadata."""
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *extra = get_args(annotation)
            metadata += extra
        elif origin in (typing.Union, types.UnionType):
            annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
        elif origin is list:
            annotation = get_args(annotation)[0]
        else:
            return annotation, metadata


def text_fields(model: type[Strict], prefix: str = "") -> Iterator[str]:
    """Every text field under ``model``, as dotted paths ('contacts.verification.note')."""
    for name, info in model.model_fields.items():
        kind, nested = classify(info)
        if kind == "text":
            yield prefix + name
        elif nested is not None:
            yield from text_fields(nested, f"{prefix}{name}.")


def _is_list(info: FieldInfo) -> bool:
    annotation = info.annotation
    while get_origin(annotation) in (typing.Union, types.UnionType, typing.Annotated):
        annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
    return get_origin(annotation) is list


def _max_length(info: FieldInfo) -> int | None:
    """A field's own length limit, where it has one shorter than any text's."""
    limits = [item.max_length for item in info.metadata if getattr(item, "max_length", None) is not None]
    return min(limits) if limits else None


# A text field that a record may not hold alongside the data it is written from: field → that data.
WRITTEN_FROM_DATA = {"hours": "opening"}


class Filler:
    """Fills records with a value per text field, recording every path it filled."""

    def __init__(self, value: str, tag: bool = True, kind: Kind = "text") -> None:
        self.value, self.tag, self.kind = value, tag, kind
        self.filled: set[str] = set()
        self.count = 0

    def _text(self, path: str, limit: int | None) -> str:
        self.filled.add(path)
        self.count += 1
        text = f"{self.value} <{path}#{self.count}>" if self.tag else self.value
        return text if limit is None or len(text) <= limit else SHORT[:limit]

    def record(self, model: type[Strict], data: dict[str, Any], kind: str, prefix: str = "") -> None:
        for name, info in model.model_fields.items():
            field_kind, nested = classify(info)
            path = f"{kind}.{prefix}{name}"
            if field_kind == "url" and self.kind == "url":
                self.filled.add(path)
                self.count += 1
                data[name] = [self.value] if _is_list(info) else self.value
            elif field_kind == "text" and self.kind == "text":
                if name in WRITTEN_FROM_DATA and WRITTEN_FROM_DATA[name] in data:
                    continue  # the contact's hours are written from its opening data; both may not be given
                limit = _max_length(info)
                data[name] = ([self._text(path, limit), self._text(path, limit)] if _is_list(info)
                              else self._text(path, limit))
            elif nested is not None and isinstance(data.get(name), dict):
                self.record(nested, data[name], kind, f"{prefix}{name}.")
            elif nested is not None and isinstance(data.get(name), list):
                for item in data[name]:
                    if isinstance(item, dict):
                        self.record(nested, item, kind, f"{prefix}{name}.")


def write_variant(target: Path, value: str = PAYLOAD, tag: bool = True, kind: Kind = "text") -> Filler:
    """The example partnership with every field of ``kind`` (text, or web addresses) filled with ``value``."""
    build_example(EVERY_FIELD, target)
    filler = Filler(value, tag, kind)
    for path in sorted([*target.glob("guidance/*.yaml"), *target.glob("briefings/*.yaml")]):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for registered in (kind for kind in KINDS if kind.folder == path.parent.name):
            if registered.one_per_file:
                filler.record(registered.model, data, registered.key)
            elif registered.key in data:
                records = data[registered.key] if registered.many else [data[registered.key]]
                for record in records:
                    filler.record(registered.model, record, registered.key)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if kind == "text":
        _keep_the_version_in_step(target)
    return filler


def _keep_the_version_in_step(root: Path) -> None:
    """``check`` holds the changelog's newest version to the partnership's: both get the same text."""
    partnership_file = root / "guidance" / "partnership.yaml"
    changes_file = root / "guidance" / "changes.yaml"
    version = yaml.safe_load(partnership_file.read_text(encoding="utf-8"))["partnership"]["guidance_version"]
    changes = yaml.safe_load(changes_file.read_text(encoding="utf-8"))
    changes["changes"][0]["version"] = version
    changes_file.write_text(yaml.safe_dump(changes, allow_unicode=True, sort_keys=False), encoding="utf-8")


def every_text_field() -> set[str]:
    """What the variant must reach: every text field of every registered kind."""
    return {f"{kind.key}.{path}" for kind in KINDS for path in text_fields(kind.model)}
