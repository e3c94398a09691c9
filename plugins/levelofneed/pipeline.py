"""The one entry point every output uses: files on disk → findings and, if valid, a Guidance."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .checks import Observer, run_checks
from .findings import Finding, has_errors
from .guidance import Guidance, Origin
from .load import load_document
from .mentions import find_mentions
from .model import KINDS, Folder, Partnership
from .validate import Collected, validate_file

GUIDANCE_DIR: Folder = "guidance"
BRIEFINGS_DIR: Folder = "briefings"
CONTENT_FOLDERS: tuple[Folder, ...] = (GUIDANCE_DIR, BRIEFINGS_DIR)
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Result:
    """What a run found: every finding, and the guidance when there were no errors."""

    findings: tuple[Finding, ...]
    guidance: Guidance | None

    def failed(self, strict: bool = False) -> bool:
        """True when the content must not be published."""
        return has_errors(self.findings, strict)


class GuidanceError(Exception):
    """Raised by :func:`load_guidance` when the content has errors; carries the findings."""

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.findings = tuple(findings)
        super().__init__("\n".join(f.as_text() for f in self.findings))


def content_files(root: Path, folder: str) -> tuple[list[Path], list[Finding]]:
    """The YAML files under ``root/folder``, in a stable order, and a finding for each folder that
    could not be read (its files would otherwise vanish without a word)."""
    base = root / folder
    unreadable: list[Finding] = []
    if base.exists() and not base.is_dir():
        return [], [Finding(f"{folder}", 1, 1, "error", f"'{folder}' is a file, not a folder",
                            f"move it aside and make a folder '{folder}/' for the content")]

    def report(error: OSError) -> None:
        where = Path(error.filename or base).relative_to(root).as_posix()
        unreadable.append(Finding(f"{where}/", 1, 1, "error",
                                  f"folder cannot be read ({error.strerror or error})",
                                  "check that the folder exists and that you may read it"))

    found = [
        Path(directory, name)
        for directory, _, names in os.walk(base, onerror=report)
        for name in names
        if name.endswith(YAML_SUFFIXES)
    ]
    return sorted(found), unreadable


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while node trees are built.

    The composed nodes are kept until validation ends, so every collection rescans an
    ever larger heap: with the collector running, check took 5× a bare compose at
    100× content; paused, about 1.4×. Reference counting still frees what it can.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check(root: Path | str, today: dt.date | None = None, near_duplicates: bool = False,
          observe: Observer | None = None) -> Result:
    """Load, validate and cross-check everything under ``root``; with ``near_duplicates``, look for those too.
    ``observe`` sees each cross-record check's findings as it runs (the tests use it)."""
    with _cyclic_gc_paused():
        return _check(Path(root), today, near_duplicates, observe)


def _check(root: Path, today: dt.date | None, near_duplicates: bool, observe: Observer | None) -> Result:
    if not (root / GUIDANCE_DIR).is_dir():
        missing = Finding(f"{GUIDANCE_DIR}/", 1, 1, "error", f"no '{GUIDANCE_DIR}' folder in {root}",
                          "run the command from the repository root, or pass the folder that holds guidance/")
        return Result((missing,), None)
    findings: list[Finding] = []
    collected = Collected()
    for folder in CONTENT_FOLDERS:
        _load_and_validate(root, folder, collected, findings)
    all_read = not findings
    findings.extend(collected.findings)
    findings.extend(run_checks(collected, today or dt.date.today(), all_read, near_duplicates, observe))
    if has_errors(findings):
        return Result(tuple(findings), None)
    not_ready = sum(1 for finding in findings if finding.fails_strict)
    return Result(tuple(findings), dataclasses.replace(build_guidance(collected), not_ready=not_ready))


def load_guidance(root: Path | str) -> Guidance:
    """The validated guidance, or :class:`GuidanceError` listing every error."""
    result = check(root)
    if result.guidance is None:
        raise GuidanceError(f for f in result.findings if f.severity == "error")
    return result.guidance


def read_for_editing(root: Path | str) -> tuple[Guidance, dict[str, set[str]]]:
    """Every record that is valid on its own, even when the content as a whole is not, and the ids that
    invalid records claim, by kind.

    Enough to scaffold a record beside one whose gaps are still to be filled, which
    ``check`` (rightly) refuses; nothing is published from it.
    """
    collected = Collected()
    findings: list[Finding] = []
    with _cyclic_gc_paused():
        for folder in CONTENT_FOLDERS:
            _load_and_validate(Path(root), folder, collected, findings)
    return build_guidance(collected), collected.invalid_ids


def _load_and_validate(root: Path, folder: Folder, collected: Collected, findings: list[Finding]) -> None:
    """Each file is validated as soon as it is read, and its plain data let go of straight after.

    Holding every file's data until all were read made check grow faster than the
    content (bench/README.md).
    """
    files, unreadable = content_files(root, folder)
    findings.extend(unreadable)
    for file in files:
        loaded = load_document(file, file.relative_to(root).as_posix(), root)
        if isinstance(loaded, Finding):
            findings.append(loaded)
            continue
        validate_file(loaded, folder, collected)
        collected.mentions.extend(find_mentions(loaded))
        loaded.data = None


def build_guidance(collected: Collected) -> Guidance:
    """Assemble the immutable Guidance from records that passed every check, one tuple per kind.

    Levels are sorted by number, the order every output shows them in; other kinds keep
    the order of their files.
    """
    records: dict[str, tuple[Any, ...]] = {}
    origins = {}
    for kind in KINDS:
        items = collected.records[kind.key]
        records[kind.key] = tuple(item.record for item in items)
        for item in items:
            line, column = item.document.position_of(item.path)
            origins[f"{kind.key}/{item.record_id}"] = Origin(item.document.path, line, column)
    origins.update(_contact_origins(collected))
    records["levels"] = tuple(sorted(records["levels"], key=lambda level: level.number))
    return Guidance(records=records, origins=origins)


def _contact_origins(collected: Collected) -> dict[str, Origin]:
    """Where each contact is written (``contacts/<id>``): contacts live inside the partnership record,
    but are checked and reviewed one by one, and the review report points at each."""
    origins = {}
    for item in collected.of(Partnership):
        for index, contact in enumerate(item.record.contacts):
            line, column = item.document.position_of((*item.path, "contacts", index))
            origins[f"contacts/{contact.id}"] = Origin(item.document.path, line, column)
    return origins
