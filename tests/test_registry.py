"""The registry of kinds is the only list of kinds: a kind registered for a while flows everywhere.

A made-up kind ("checklists", holding a reference to a level) is registered in a
temporary registry extension and then loaded, validated, cross-checked, built into the
Guidance, exported, given a JSON Schema and documented in the field reference, with no
other edit. The check also resolves its level reference, read from the model's marker.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import Field

from levelofneed import check
from levelofneed.editors.reference import render_reference
from levelofneed.editors.schema import all_schemas
from levelofneed.exports.open_data import export_json
from levelofneed.model import KINDS, FileKind, Record
from levelofneed.model.common import LevelRef, RecordId, Text
from levelofneed.references import references


class Checklist(Record):
    """A made-up kind of record, for the meta-test."""

    id: RecordId
    title: Text = Field(description="The checklist's title.")
    level: LevelRef = Field(description="The id of the level it is for.")


CHECKLISTS = FileKind("checklists", Checklist, True, "Checklists")


@pytest.fixture
def registered() -> Iterator[None]:
    with KINDS.extended(CHECKLISTS):
        yield


def _write(root: Path, level: str) -> None:
    (root / "guidance" / "checklists.yaml").write_text(
        f"checklists:\n  - id: first-visit\n    title: First home visit\n    level: {level}\n", encoding="utf-8")


def test_a_registered_kind_is_loaded_validated_and_built(registered: None, base_root: Path) -> None:
    _write(base_root, "level-2")
    result = check(base_root)
    assert result.guidance is not None, result.findings
    (checklist,) = result.guidance.records["checklists"]
    assert isinstance(checklist, Checklist) and checklist.title == "First home visit"
    origin = result.guidance.origin("checklists", "first-visit")
    assert origin is not None and origin.path == "guidance/checklists.yaml"


def test_its_references_are_checked(registered: None, base_root: Path) -> None:
    assert any(ref.holder == "checklists" and ref.target == "levels" for ref in references())
    _write(base_root, "level-9")
    messages = [finding.message for finding in check(base_root).findings]
    assert "unknown level 'level-9' in 'level'" in messages


def test_its_unknown_fields_are_errors(registered: None, base_root: Path) -> None:
    _write(base_root, "level-2\n    colour: red")
    messages = [finding.message for finding in check(base_root).findings]
    assert "unknown field 'colour'" in messages


def test_it_is_exported_given_a_schema_and_documented(registered: None, base_root: Path) -> None:
    _write(base_root, "level-2")
    guidance = check(base_root).guidance
    assert guidance is not None
    assert export_json(guidance)["checklists"] == [{"id": "first-visit", "title": "First home visit",
                                                   "level": "level-2"}]
    schema = json.loads(all_schemas()["checklists.schema.json"])
    assert "checklists" in schema["properties"]
    assert "## Checklists" in render_reference() and "| `title` |" in render_reference()


def test_outside_the_block_the_kind_is_unknown(base_root: Path) -> None:
    _write(base_root, "level-2")
    messages = [finding.message for finding in check(base_root).findings]
    assert "unknown kind of file 'checklists'" in messages
    assert "checklists" not in KINDS
