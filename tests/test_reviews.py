"""``levelofneed review``: overdue and due-soon records by owner, with file:line, on fixed dates.

The base example's contacts and service were checked on 2026-11-01, so their checks
fall due on 2027-11-01; one indicator is due for review on 2099-01-01. Owners are added
here so the grouping can be seen.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

from levelofneed import check, load_guidance
from levelofneed.cli import main
from levelofneed.reports.review_report import review_items


def _own(root: Path) -> Path:
    """Give the indicator and the service owners, and the partnership (so its contacts) another."""
    indicators = root / "guidance" / "indicators.yaml"
    indicators.write_text(indicators.read_text(encoding="utf-8").replace(
        "    review_due: 2099-01-01", "    review_due: 2027-11-20\n    owner: Health lead"), encoding="utf-8")
    services = root / "guidance" / "services.yaml"
    services.write_text(services.read_text(encoding="utf-8").replace(
        "    source: Test", "    source: Test\n    owner: Health lead"), encoding="utf-8")
    partnership = root / "guidance" / "partnership.yaml"
    partnership.write_text(partnership.read_text(encoding="utf-8") + "  owner: Business unit\n", encoding="utf-8")
    return root


@pytest.fixture
def owned(base_root: Path) -> Path:
    return _own(base_root)


def _report(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str]:
    code = main(["review", "--root", str(root), *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_nothing_is_due_long_before(owned: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _report(capsys, owned, "--today", "2027-01-01")
    assert code == 0
    assert out.splitlines()[-1] == "Nothing is overdue, unverified or due within 30 days."


def test_due_soon_grouped_by_owner_with_file_and_line(owned: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _report(capsys, owned, "--today", "2027-10-15")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == ("Reviews and checks as of 15 October 2027: overdue, never verified, and due by "
                        "14 November 2027 (within 30 days).")
    assert lines[2] == "Business unit: 3 due soon"
    assert lines[3] == ("  guidance/partnership.yaml:13:7: due soon: contact 'police' (\"Police (emergency)\") is due "
                        "to be checked again by 1 November 2027 — check its details against its own page, then "
                        "update 'checked'")
    assert "Health lead: 1 due soon" in lines
    assert any(line.startswith("  guidance/services.yaml:2:5: due soon: service 'health-visiting'") for line in lines)
    assert "basic-care-hygiene" not in out  # due on 20 November, outside 30 days
    assert lines[-1] == "4 records (4 due soon) for 2 owners"


def test_within_widens_the_window(owned: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _report(capsys, owned, "--today", "2027-10-15", "--within", "40")
    assert ("  guidance/indicators.yaml:11:5: due soon: indicator 'basic-care-hygiene' (\"Often arrives hungry or "
            "in dirty clothes.\") is due for review on 20 November 2027 — review it, then update last_reviewed and "
            "review_due") in out.splitlines()


def test_overdue_comes_first_and_owner_filters(owned: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _report(capsys, owned, "--today", "2027-11-10", "--owner", "health LEAD")
    assert code == 0
    lines = out.splitlines()
    assert lines[2] == "Health lead: 1 overdue, 1 due soon"
    assert "overdue: service 'health-visiting'" in lines[3] and "was due to be checked again by" in lines[3]
    assert "due soon: indicator 'basic-care-hygiene'" in lines[4]
    assert "Business unit" not in out


def test_an_unknown_owner_is_a_usage_error(owned: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _report(capsys, owned, "--today", "2027-11-10", "--owner", "Helth lead")
    assert code == 2 and "did you mean 'Health lead'?" in out


def test_json_report(owned: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _report(capsys, owned, "--today", "2027-11-10", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["today"] == "2027-11-10" and report["within_days"] == 30
    assert [group["owner"] for group in report["owners"]] == ["Business unit", "Health lead"]
    first = report["owners"][0]["records"][0]
    assert first == {"state": "overdue", "kind": "contact", "id": "police", "name": "Police (emergency)",
                     "task": "verification", "due": "2027-11-01", "path": "guidance/partnership.yaml",
                     "line": 13, "column": 7}


def test_unverified_records_are_listed_without_a_date(owned: Path, capsys: pytest.CaptureFixture[str]) -> None:
    services = owned / "guidance" / "services.yaml"
    services.write_text(services.read_text(encoding="utf-8").replace(
        "verification: {status: verified, checked: 2026-11-01, against: Test data}",
        "verification: {status: unverified, note: Ask the trust}"), encoding="utf-8")
    _, out = _report(capsys, owned, "--today", "2027-01-01")
    assert "not verified: service 'health-visiting' (\"Health visiting\") has never been verified" in out


@pytest.mark.parametrize("today", ["2027-10-31", "2027-11-01", "2027-11-02", "2027-11-21", "2100-01-01"])
def test_review_and_check_share_one_overdue_rule(owned: Path, today: str) -> None:
    """What the report calls overdue is exactly what check warns about, on every date (check points at the
    field, the report at the record, so they are compared file by file)."""
    day = dt.date.fromisoformat(today)
    warned = Counter(f.path for f in check(owned, day).findings if f.severity == "warning")
    overdue = Counter(i.path for i in review_items(load_guidance(owned), day, 0) if i.state == "overdue")
    assert overdue == warned
