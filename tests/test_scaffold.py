"""``levelofneed new``: every kind of record scaffolds into the right file, fails ``check`` at each gap,
and passes once the gaps are filled, with the file's comments and layout untouched."""

from __future__ import annotations

import argparse
import difflib
import re
import shutil
from pathlib import Path

import pytest

from levelofneed import check
from levelofneed.cli import build_parser, main
from levelofneed.cli import new as new_command
from levelofneed.editors.insert import InsertError, append_item
from levelofneed.editors.scaffold import SCAFFOLDS, fresh_id

from .conftest import REPO

TODAY = "2026-11-27"
OPTIONS = {
    "indicator": ["--text", "Often misses breakfast", "--level", "level-2", "--subdomain", "basic-care"],
    "briefing": ["--title", "Neglect: seeing the whole child", "--kind", "thematic"],
    "service": ["--name", "Family hub", "--levels", "level-1,level-2", "--status", "active"],
    "procedure": ["--name", "Children missing from home"],
    "contact": ["--name", "Early help team", "--phone", "0100 000 0002"],
}
FILLS = {"url": "https://example.org/new", "status": "active", "kind": "thematic"}
REQUIRED = re.compile(r"^(?P<lead>\s*(?:- )?)(?P<field>\w+):\s+# required:.*$", re.MULTILINE)
EMPTY_ITEM = re.compile(r"^(?P<lead>\s*)-\s*$", re.MULTILINE)


def fill(text: str) -> str:
    """What an editor does next: write something in every gap the scaffold left (a list's items, not the list)."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        found = REQUIRED.match(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if found and not following.lstrip().startswith("-"):
            value = FILLS.get(found["field"], "Filled in by the editor.")
            lines[index] = f"{found['lead']}{found['field']}: {value}"
    return EMPTY_ITEM.sub(lambda m: f"{m['lead']}- Filled in by the editor.", "\n".join(lines) + "\n")


def findings(root: Path) -> list[str]:
    import datetime as dt

    return [f.as_text() for f in check(root, dt.date.fromisoformat(TODAY)).findings if f.severity == "error"]


def only_added(before: str, after: str) -> bool:
    """True when ``after`` is ``before`` with lines added and none changed or removed."""
    return not any(line.startswith("- ") for line in difflib.ndiff(before.splitlines(), after.splitlines()))


def test_every_kind_is_scaffolded() -> None:
    assert set(SCAFFOLDS) == set(OPTIONS) == {"indicator", "briefing", "service", "procedure", "contact"}


@pytest.mark.parametrize("kind", sorted(OPTIONS))
def test_a_scaffolded_record_passes_check_once_filled(kind: str, base_root: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    before = {path: path.read_text(encoding="utf-8") for path in base_root.rglob("*.yaml")}
    assert main(["new", kind, "--root", str(base_root), *OPTIONS[kind]]) == 0
    out = capsys.readouterr().out
    written = base_root / out.split(":", 1)[0]
    gaps = [line.split(": fill in ")[0] for line in out.splitlines() if ": fill in " in line]
    errors = findings(base_root)
    assert errors and gaps
    assert {e.split(":")[0] for e in errors} == {written.relative_to(base_root).as_posix()}
    error_lines = {int(e.split(":")[1]) for e in errors}
    assert error_lines <= {int(g.split(":")[1]) for g in gaps} | {line - 1 for line in
                                                                  (int(g.split(":")[1]) for g in gaps)}
    if written in before:
        assert only_added(before[written], written.read_text(encoding="utf-8"))
    written.write_text(fill(written.read_text(encoding="utf-8")), encoding="utf-8")
    assert findings(base_root) == []


def test_records_go_where_records_like_them_are(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """In the repository's own content: an indicator beside its sub-domain's, a procedure in a file of its
    own, a contact at the end of the contacts, with every comment kept."""
    root = tmp_path / "root"
    for folder in ("guidance", "briefings"):
        shutil.copytree(REPO / folder, root / folder)
    partnership = (root / "guidance" / "partnership.yaml").read_text(encoding="utf-8")
    for kind in ("indicator", "procedure", "contact"):
        assert main(["new", kind, "--root", str(root), *OPTIONS[kind]]) == 0
    out = capsys.readouterr().out
    assert "guidance/indicators/parenting-capacity/basic-care.yaml:" in out
    assert "guidance/procedures/children-missing-from-home.yaml:3:1: added procedure" in out
    after = (root / "guidance" / "partnership.yaml").read_text(encoding="utf-8")
    assert only_added(partnership, after)
    assert after.index("- id: early-help-team") < after.index("\n  owner: Sefton SCP business unit")
    assert after.startswith("# yaml-language-server: $schema=../schemas/partnership.schema.json\n# Every contact")
    procedure = (root / "guidance" / "procedures" / "children-missing-from-home.yaml").read_text(encoding="utf-8")
    assert procedure.startswith("# yaml-language-server: $schema=../../schemas/procedures.schema.json\nprocedures:\n")


def test_ids_are_fresh(base_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for _ in range(2):
        assert main(["new", "indicator", "--root", str(base_root), *OPTIONS["indicator"]]) == 0
    out = capsys.readouterr().out
    assert "added indicator 'often-misses-breakfast'" in out
    assert "added indicator 'often-misses-breakfast-2'" in out
    assert fresh_id("", set(), "new-service") == "new-service"
    assert fresh_id("Children's Help & Advice Team (CHAT) in Sefton today", {"childrens-help-advice-team-chat-in"},
                    "x") == "childrens-help-advice-team-chat-in-2"


def test_bad_values_are_usage_errors(base_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "indicator", "--root", str(base_root), "--level", "level-3"]) == 2
    assert "'level-3' is not a known level — did you mean 'level-2'?" in capsys.readouterr().err
    assert main(["new", "indicator", "--root", str(base_root), "--id", "basic-care-hygiene"]) == 2
    assert "already used by another indicator" in capsys.readouterr().err
    assert main(["new", "briefing", "--root", str(base_root), "--kind", "lecture"]) == 2
    assert "choose from: case-review, thematic" in capsys.readouterr().err
    assert main(["new", "service", "--root", str(base_root), "--file", "notes.txt"]) == 2


def test_in_a_terminal_it_asks_for_each_required_field(base_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = iter(["Often misses breakfast", "level-9", "level-2", "basic-care", ""])
    args = build_parser().parse_args(["new", "indicator", "--root", str(base_root)])
    assert isinstance(args, argparse.Namespace)
    assert new_command.run(args, ask=lambda prompt: next(answers)) == 0
    out = capsys.readouterr().out
    assert "did you mean 'level-2'?" in out
    assert "fill in 'source'" in out
    text = (base_root / "guidance" / "indicators.yaml").read_text(encoding="utf-8")
    assert "  - id: often-misses-breakfast\n    text: Often misses breakfast\n    level: level-2\n" in text
    assert "    domain: parenting-capacity\n    subdomain: basic-care\n" in text  # the domain follows


def test_a_new_file_names_its_schema(base_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "service", "--root", str(base_root), "--file", "guidance/services/hubs.yaml",
                 *OPTIONS["service"]]) == 0
    created = base_root / "guidance" / "services" / "hubs.yaml"
    assert created.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../schemas/services.schema.json\nservices:\n  - id: family-hub\n")
    created.write_text(fill(created.read_text(encoding="utf-8")), encoding="utf-8")
    assert findings(base_root) == []


def test_append_keeps_comments_and_spacing() -> None:
    text = "# a note\nitems:\n  - id: a   # first\n    name: A\n\n  - id: b\n    name: B\n# trailing note\n"
    inserted = append_item(text, ["items"], ["id: c", "name: C"])
    assert inserted.text == ("# a note\nitems:\n  - id: a   # first\n    name: A\n\n  - id: b\n    name: B\n"
                             "# trailing note\n\n  - id: c\n    name: C\n")
    nested = "top:\n  list:\n  - id: a\n  # about next\n  next: 1\n"
    assert append_item(nested, ["top", "list"], ["id: b"]).text == (
        "top:\n  list:\n  - id: a\n  - id: b\n  # about next\n  next: 1\n")
    with pytest.raises(InsertError, match="not written as a list"):
        append_item("items: [a, b]\n", ["items"], ["id: c"])
