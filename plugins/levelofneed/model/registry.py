"""The one registry of record kinds: everything that lists kinds reads it.

Loading, validation, the ``Guidance``, cross-references, the open-data export, the
JSON Schemas and the editors' field reference all iterate over :data:`KINDS`, so a
new kind of record is one entry here plus its model (ADR 6). The registry can be
extended for a while (:meth:`Registry.extended`), which is how the meta-test proves it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

from .common import Strict

Folder = Literal["guidance", "briefings"]


@dataclass(frozen=True)
class FileKind:
    """One kind of record: its key, its model, and how its files hold it.

    In ``guidance/`` a file is a mapping with one top-level key, ``key``, holding a list
    of records (``many``) or one record. In ``briefings/`` each file is one record with
    no top-level key. ``key`` also names the kind in the ``Guidance`` and the export.
    ``id_field`` names the field that identifies a record: ``id`` for every kind but the
    changelog, whose versions are identified by their ``version`` (a second field
    repeating it would only be one more thing for an editor to keep in step).
    """

    key: str
    model: type[Strict]
    many: bool
    title: str
    folder: Folder = "guidance"
    schema_name: str = ""
    id_field: str = "id"

    @property
    def schema_file(self) -> str:
        """The JSON Schema's file name under ``schemas/``."""
        return f"{self.schema_name or self.key}.schema.json"

    @property
    def one_per_file(self) -> bool:
        """True for kinds whose every file is one record (briefings)."""
        return self.folder != "guidance"


class Registry:
    """The kinds in the order they are exported and documented."""

    def __init__(self, kinds: tuple[FileKind, ...]) -> None:
        self._kinds = {kind.key: kind for kind in kinds}

    def __iter__(self) -> Iterator[FileKind]:
        return iter(tuple(self._kinds.values()))

    def __contains__(self, key: object) -> bool:
        return key in self._kinds

    def get(self, key: str) -> FileKind | None:
        """The kind named ``key``, if there is one."""
        return self._kinds.get(key)

    def names(self) -> list[str]:
        """Every kind's key, in order."""
        return list(self._kinds)

    def in_folder(self, folder: Folder) -> list[FileKind]:
        """The kinds whose files live in ``folder``."""
        return [kind for kind in self if kind.folder == folder]

    def of_model(self, model: type[Strict]) -> FileKind:
        """The kind whose records are ``model``."""
        return next(kind for kind in self if kind.model is model)

    @contextmanager
    def extended(self, *kinds: FileKind) -> Iterator[Registry]:
        """Register ``kinds`` until the block ends (for tests and for trying a new kind out)."""
        added = [kind for kind in kinds if kind.key not in self._kinds]
        self._kinds.update({kind.key: kind for kind in added})
        try:
            yield self
        finally:
            for kind in added:
                del self._kinds[kind.key]
