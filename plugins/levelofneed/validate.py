"""Validate loaded documents against the models, collecting every finding.

Each record is validated on its own, so one bad indicator does not hide the problems
in the next, and valid records still reach the cross-reference checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from .findings import Finding, Severity
from .load import Document, node_at, position
from .mentions import Mention
from .messages import did_you_mean, explain
from .model import KINDS, FileKind, Folder, Strict

FieldPath = tuple[str | int, ...]
R = TypeVar("R", bound=Strict)


@dataclass(frozen=True)
class Located(Generic[R]):
    """A valid record, with the document and path it came from, for cross-reference findings."""

    kind: str
    record: R
    document: Document
    path: FieldPath

    @property
    def record_id(self) -> str:
        """The value of the kind's identifying field: ``id`` for most (a model's own field, so the base
        type cannot name it), ``version`` for the changelog."""
        return str(self.record.__dict__.get(id_field(self.kind), ""))

    def finding(self, field_path: FieldPath, message: str, hint: str, severity: Severity = "error",
                at_key: bool = False, fails_strict: bool = True) -> Finding:
        """A finding that points at ``field_path`` inside this record (the record itself, cheaply, for ())."""
        if field_path or at_key:
            line, column = position(node_at(self.document.root, self.path + field_path, key=at_key))
        else:
            line, column = self.document.position_of(self.path)
        return Finding(self.document.path, line, column, severity, message, hint, fails_strict)


@dataclass
class Collected:
    """Every valid record found so far, by kind, and every finding."""

    records: dict[str, list[Located[Any]]] = field(default_factory=lambda: {k: [] for k in KINDS.names()})
    findings: list[Finding] = field(default_factory=list)
    invalid_ids: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in KINDS.names()})
    mentions: list[Mention] = field(default_factory=list)

    def of(self, model: type[R]) -> list[Located[R]]:
        """The valid records of one model, typed, so checks need no casts."""
        return [item for item in self.records[KINDS.of_model(model).key] if isinstance(item.record, model)]


def validate_file(document: Document, folder: Folder, collected: Collected) -> None:
    """Validate one file from ``folder``: in guidance/ its top-level key names the kind; elsewhere the
    folder does, and the file is one record."""
    if folder == "guidance":
        validate_guidance_file(document, collected)
        return
    for kind in KINDS.in_folder(folder):  # one kind per record folder
        _validate_records(document, kind, [((), document.data)], collected)


def validate_guidance_file(document: Document, collected: Collected) -> None:
    """Validate one file from guidance/: one top-level key naming its kind, then its records."""
    data = document.data
    if not isinstance(data, dict) or not data:
        collected.findings.append(_at(document, (), "file should be a mapping with one key naming its kind",
                                      f"start the file with one of: {', '.join(_guidance_keys())}"))
        return
    if len(data) > 1:
        second = list(data)[1]
        collected.findings.append(_at(document, (second,), f"file has more than one top-level key ('{second}')",
                                      "put each kind of record in its own file", at_key=True))
        return
    key, value = next(iter(data.items()))
    kind = KINDS.get(key)
    if kind is None or kind.one_per_file:
        guess = did_you_mean(key, _guidance_keys())
        hint = f"did you mean '{guess}'?" if guess else f"use one of: {', '.join(_guidance_keys())}"
        collected.findings.append(_at(document, (key,), f"unknown kind of file '{key}'", hint, at_key=True))
        return
    items = _items(document, kind, value, collected)
    _validate_records(document, kind, items, collected)


def _guidance_keys() -> list[str]:
    return [kind.key for kind in KINDS.in_folder("guidance")]


def _items(document: Document, kind: FileKind, value: object,
           collected: Collected) -> list[tuple[FieldPath, object]]:
    if not kind.many:
        return [((kind.key,), value)]
    if not isinstance(value, list) or not value:
        collected.findings.append(_at(document, (kind.key,), f"'{kind.key}' should be a list of records",
                                      "write each record as an item starting with '- '"))
        return []
    return [((kind.key, index), item) for index, item in enumerate(value)]


@cache
def _list_adapter(model: type[BaseModel]) -> TypeAdapter[list[BaseModel]]:
    """Built once per model, like the models' own validators: a start-up cost, not a per-file one."""
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def _validate_records(document: Document, kind: FileKind, items: list[tuple[FieldPath, object]],
                      collected: Collected) -> None:
    kind_key = kind.key
    try:  # one call per file is much faster; only a file with errors is validated record by record
        records = _list_adapter(kind.model).validate_python([item for _, item in items])
    except ValidationError:
        pass
    else:
        collected.records[kind_key].extend(
            Located(kind_key, record, document, path) for (path, _), record in zip(items, records, strict=True))
        return
    for path, item in items:
        try:
            record = kind.model.model_validate(item)
        except ValidationError as error:
            collected.findings.extend(_explain_all(document, kind, path, error))
            collected.invalid_ids[kind_key].add(_claimed_id(item, kind_key))
            continue
        collected.records[kind_key].append(Located(kind_key, record, document, path))


def id_field(kind_key: str) -> str:
    """The field that identifies a record of ``kind_key``."""
    registered = KINDS.get(kind_key)
    return registered.id_field if registered is not None else "id"


def _claimed_id(item: object, kind_key: str) -> str:
    """The id an invalid record claims, so references to it are not reported as unknown too."""
    claimed = item.get(id_field(kind_key)) if isinstance(item, dict) else None
    return str(claimed) if claimed is not None else f"<unnamed {kind_key}>"


def _explain_all(document: Document, kind: FileKind, path: FieldPath, error: ValidationError) -> list[Finding]:
    found = []
    details = error.errors(include_url=False)
    explanations = [explain(detail, kind.model) for detail in details]
    suggested = {e.suggestion for e in explanations if e.suggestion}
    for detail, explanation in zip(details, explanations, strict=True):
        if detail["type"] == "missing" and detail["loc"][-1] in suggested:
            continue  # the misspelt key is already reported with "did you mean"
        loc = tuple(detail["loc"])
        if explanation.at_parent:
            loc = loc[:-1] if detail["type"] == "missing" else loc
        found.append(_at(document, path + loc, explanation.message, explanation.hint, at_key=explanation.at_key))
    return found


def _at(document: Document, path: FieldPath, message: str, hint: str, at_key: bool = False) -> Finding:
    line, column = position(node_at(document.root, path, key=at_key))
    return Finding(document.path, line, column, "error", message, hint)
