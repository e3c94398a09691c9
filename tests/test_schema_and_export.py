"""JSON Schema for editors and the open-data JSON export, both generated from the models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import BaseModel

from levelofneed import load_guidance
from levelofneed.cli import main
from levelofneed.editors.reference import render_reference
from levelofneed.editors.schema import all_schemas
from levelofneed.model import KINDS, Strict

from .conftest import REPO

EXPORT_KEYS = KINDS.names()


def _models() -> list[type[BaseModel]]:
    seen: list[type[BaseModel]] = []
    pending: list[type[BaseModel]] = [kind.model for kind in KINDS]
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.append(model)
        for info in model.model_fields.values():
            for arg in (info.annotation, *getattr(info.annotation, "__args__", ())):
                inner = getattr(arg, "__args__", (arg,))
                pending.extend(t for t in inner if isinstance(t, type) and issubclass(t, Strict))
    return seen


@pytest.mark.parametrize("model", _models(), ids=lambda m: m.__name__)
def test_every_field_has_a_description(model: type[BaseModel]) -> None:
    undocumented = [name for name, info in model.model_fields.items() if not info.description]
    assert not undocumented, f"{model.__name__} fields without a description: {undocumented}"


@pytest.mark.parametrize("model", _models(), ids=lambda m: m.__name__)
def test_unknown_keys_are_forbidden(model: type[BaseModel]) -> None:
    assert model.model_config.get("extra") == "forbid"


def test_committed_schemas_are_current() -> None:
    assert main(["schema", "--out", str(REPO / "schemas"), "--check"]) == 0, "run 'levelofneed schema'"


def test_schema_check_command_reports_stale_files(tmp_path: Path) -> None:
    assert main(["schema", "--out", str(tmp_path)]) == 0
    (tmp_path / "indicators.schema.json").write_text("{}")
    assert main(["schema", "--out", str(tmp_path), "--check"]) == 1


def test_indicator_schema_describes_fields_and_forbids_extras() -> None:
    schema = json.loads(all_schemas()["indicators.schema.json"])
    indicator = schema["$defs"]["Indicator"]
    assert indicator["additionalProperties"] is False
    assert "level" in indicator["required"]
    assert indicator["properties"]["age_bands"]["description"].startswith("Age bands")


def test_export_json_shape(base_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "guidance.json"
    assert main(["export", "json", str(out), "--root", str(base_root)]) == 0
    data = json.loads(out.read_text())
    assert list(data) == EXPORT_KEYS
    assert data["partnership"]["id"] == "example"
    assert [level["number"] for level in data["levels"]] == [1, 2]
    for kind in list(KINDS)[1:]:
        assert all(kind.id_field in record for record in data[kind.key]), kind.key
    indicator = next(i for i in data["indicators"] if i["id"] == "basic-care-hygiene")
    assert (indicator["level"], indicator["domain"], indicator["subdomain"]) == (
        "level-2", "parenting-capacity", "basic-care")
    assert data["services"][0]["verification"]["checked"] == "2026-11-01"


def test_export_refuses_invalid_content(base_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (base_root / "guidance" / "topics.yaml").write_text("topics:\n  - id: Bad Id\n")
    assert main(["export", "json", str(tmp_path / "out.json"), "--root", str(base_root)]) == 1
    assert "guidance/topics.yaml:2:9: error" in capsys.readouterr().err
    assert not (tmp_path / "out.json").exists()


def test_guidance_records_know_where_they_were_written(base_root: Path) -> None:
    guidance = load_guidance(base_root)
    origin = guidance.origin("indicators", "basic-care-hygiene")
    assert origin is not None
    assert (origin.path, origin.line) == ("guidance/indicators.yaml", 11)


def test_committed_field_reference_is_current() -> None:
    page = REPO / "docs" / "editors" / "reference.md"
    assert page.read_text(encoding="utf-8") == render_reference(), "run 'levelofneed reference'"


@pytest.mark.parametrize("model", _models(), ids=lambda m: m.__name__)
def test_every_field_appears_in_the_field_reference(model: type[BaseModel]) -> None:
    page = (REPO / "docs" / "editors" / "reference.md").read_text(encoding="utf-8")
    missing = [name for name in model.model_fields if f"| `{name}` |" not in page]
    assert not missing
