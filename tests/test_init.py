"""``levelofneed init`` (issue 24, part 1): a starter repository for a new partnership, a draft until
``check --strict`` passes, and only then not a draft.

Numbers written into contacts here are in Ofcom's range for drama (01632 960000 to 960999), so
none can reach a real person.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from levelofneed.cli import main
from levelofneed.editors.starter import partnership_id
from levelofneed.labels import DRAFT_NOTICE
from levelofneed.pipeline import check, load_guidance
from levelofneed.render.banner import banner_html

from .test_site_build import mkdocs_build

TODAY = dt.date(2026, 12, 6)
NAME = "Wirral Safeguarding Children Partnership"
PLACEHOLDERS = {"front-door", "out-of-hours", "lado", "mental-health-crisis"}
# What a new partnership's starter must never hold: another partnership's places, bodies and hosts.
LOCAL = re.compile(r"(?i:sefton|merseyside|bootle|liverpool|alder hey)|\bCHAT\b")


def init(folder: Path, *options: str) -> int:
    return main(["init", str(folder), "--partnership", NAME, "--today", TODAY.isoformat(), *options])


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    folder = tmp_path / "wirral"
    assert init(folder, "--short-name", "Wirral SCP", "--area", "Wirral") == 0
    return folder


def partnership_file(root: Path) -> Path:
    return root / "guidance" / "partnership.yaml"


def verify_every_contact(root: Path) -> None:
    """What the new partnership does before publishing: give each placeholder its details and record
    each check. (Test data: the numbers are Ofcom's drama numbers.)"""
    document = yaml.safe_load(partnership_file(root).read_text(encoding="utf-8"))
    for number, contact in enumerate(document["partnership"]["contacts"], start=1):
        if contact["id"] in PLACEHOLDERS:
            contact["name"] = contact["name"].removeprefix("To fill in: ")
            contact["phone"] = f"01632 960 {number:03d}"
        contact["verification"] = {"status": "verified", "checked": TODAY, "against": "Test data"}
    partnership_file(root).write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")


def test_init_writes_a_starter_that_checks_with_every_local_contact_a_placeholder(starter: Path) -> None:
    result = check(starter, today=TODAY)
    assert result.guidance is not None, [f.as_text() for f in result.findings if f.severity == "error"]
    guidance = result.guidance
    assert guidance.partnership.name == NAME and guidance.partnership.id == "wirral"
    assert [level.number for level in guidance.levels] == [1, 2, 3, 4]
    assert {domain.id for domain in guidance.domains} == {"developmental-needs", "parenting-capacity",
                                                          "family-environment"}
    assert guidance.duties and guidance.safety_questions and guidance.services
    placeholders = [contact for contact in guidance.partnership.contacts if contact.id in PLACEHOLDERS]
    assert len(placeholders) == len(PLACEHOLDERS)
    for contact in placeholders:
        assert contact.name.startswith("To fill in:")
        assert (contact.phone, contact.email, contact.url) == (None, None, None)
        assert contact.verification.status == "unverified"


def test_the_starter_holds_nothing_of_another_partnership(starter: Path) -> None:
    """Nor do its schemas, whose examples editors see as they type: no place, body or number of ours."""
    for path in sorted(starter.rglob("*")):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "0151" not in text, f"{path.relative_to(starter)}: a Merseyside number"
            assert not LOCAL.search(text), f"{path.relative_to(starter)}: {LOCAL.search(text)}"


def test_the_starter_keeps_every_dont_alert_the_family_advice_of_the_records_it_shares(
        starter: Path, sefton: Any) -> None:
    """FGM and sexual abuse in the family: where the repository's guidance says the
    family must not be told first, the same topic or indicator in a new partnership's starter says so too."""
    fresh = load_guidance(starter)
    for kind in ("topics", "indicators"):
        ours = {record.id: record for record in getattr(fresh, kind)}
        shared = [record for record in getattr(sefton, kind) if record.id in ours and record.do_not_alert_family]
        assert shared, kind
        missing = [record.id for record in shared if ours[record.id].do_not_alert_family is None]
        assert missing == [], f"{kind} without 'do_not_alert_family' in the starter"


def test_every_record_is_due_for_review_on_the_day_so_review_lists_the_whole_job(
        starter: Path, capsys: pytest.CaptureFixture[str]) -> None:
    guidance = load_guidance(starter)
    reviewed = [record for kind in guidance.records.values() for record in kind if hasattr(record, "review_due")]
    assert reviewed and all(record.review_due == TODAY for record in reviewed)
    capsys.readouterr()
    assert main(["review", "--root", str(starter), "--today", TODAY.isoformat(), "--json"]) == 0
    listed = capsys.readouterr().out
    for record in reviewed:
        assert f'"{record.id}"' in listed, record.id


def test_a_starter_is_a_draft_until_every_contact_is_verified(starter: Path) -> None:
    before = check(starter, today=TODAY)
    assert before.failed(strict=True) and not before.failed()
    assert before.guidance is not None and before.guidance.draft
    failing = [f for f in before.findings if f.fails_strict]
    assert failing and all("contact '" in f.message and "not been verified" in f.message for f in failing)
    assert DRAFT_NOTICE in banner_html(before.guidance)

    verify_every_contact(starter)
    after = check(starter, today=TODAY)
    assert after.guidance is not None and not after.failed(strict=True), [f.as_text() for f in after.findings]
    assert not after.guidance.draft and DRAFT_NOTICE not in banner_html(after.guidance)


@pytest.mark.parametrize("name", ['Foo: "Bar" # not a comment', "O'Brien & Co\u00a0<b>SCP</b>", "- [list]"])
def test_any_printable_name_is_written_as_text_and_read_back_the_same(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "new"
    assert main(["init", str(folder), "--partnership", name, "--id", "new-partnership"]) == 0
    assert load_guidance(folder).partnership.name == " ".join(name.split())


def test_init_refuses_a_folder_with_anything_in_it_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert init(tmp_path) == 2
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt"]
    assert "is not empty" in capsys.readouterr().err
    assert init(tmp_path / "notes.txt") == 2


@pytest.mark.parametrize("options", [["--short-name", "  "], ["--area", "A\nB"], ["--id", "Not An Id"]])
def test_init_refuses_unusable_names(tmp_path: Path, options: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert init(tmp_path / "new", *options) == 2
    assert not (tmp_path / "new").exists()
    assert "levelofneed init: error:" in capsys.readouterr().err


@pytest.mark.parametrize(("name", "expected"), [
    (NAME, "wirral"), ("St Helens SCP", "st-helens"),
    ("Safeguarding Children Partnership", "safeguarding-children-partnership")])  # nothing distinctive: all kept
def test_the_id_is_made_from_the_names_distinctive_words(name: str, expected: str) -> None:
    assert partnership_id(name) == expected


def _fill_in_a_few_records(root: Path) -> None:
    """What a new partnership does first: its own indicators, with the scaffolding command."""
    for level, text in (("level-2", "Often arrives at school hungry."), ("level-3", "Has missed most health checks.")):
        completed = subprocess.run(
            [sys.executable, "-m", "levelofneed", "new", "indicator", "--root", str(root), "--text", text,
             "--level", level, "--domain", "developmental-needs", "--subdomain", "health",
             "--source", "Test"], capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL)
        assert completed.returncode == 0, completed.stderr


def _pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() or "" for page in PdfReader(path).pages)


@pytest.mark.site
def test_the_draft_site_and_pdfs_build_end_to_end_and_say_draft_everywhere(starter: Path) -> None:
    _fill_in_a_few_records(starter)
    result = check(starter)
    assert result.guidance is not None and result.guidance.draft, [f.as_text() for f in result.findings]
    built = mkdocs_build(starter / "mkdocs.yml", starter / "site")
    assert built.returncode == 0, built.stderr
    pages = sorted((starter / "site").rglob("*.html"))
    assert len(pages) > 50
    missing = [page for page in pages if DRAFT_NOTICE not in page.read_text(encoding="utf-8")]
    assert missing == []
    assert "Often arrives at school hungry." in (starter / "site" / "indicators").joinpath(
        "often-arrives-at-school-hungry", "index.html").read_text(encoding="utf-8")
    pdfs = sorted((starter / "site" / "pdf").rglob("*.pdf"))
    assert len(pdfs) >= 5  # the whole guidance and a card for each level
    for pdf in pdfs:
        assert DRAFT_NOTICE in " ".join(_pdf_text(pdf).split()), pdf.name
