"""The ``levelofneed`` command as editors and CI use it: formats, exit codes, strictness."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from levelofneed.cli import main

from .conftest import EXAMPLES, REPO, build_example


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "levelofneed", *args], capture_output=True, text=True, check=False)


def test_missing_root_is_a_usage_error() -> None:
    result = _run("check", "/no/such/folder")
    assert result.returncode == 2
    assert "is not a folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_command_is_a_usage_error() -> None:
    assert _run("frobnicate").returncode == 2


def test_root_without_guidance_is_invalid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path)]) == 1
    assert "no 'guidance' folder" in capsys.readouterr().out


def test_broken_content_in_a_subprocess_has_no_traceback(tmp_path: Path) -> None:
    root = build_example(EXAMPLES / "invalid" / "billion-laughs", tmp_path / "root")
    result = _run("check", str(root))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "guidance/laughs.yaml:1:" in result.stdout


def test_github_format_prints_annotations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = build_example(EXAMPLES / "invalid" / "unknown-level", tmp_path / "root")
    assert main(["check", str(root), "--format", "github"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("::error file=guidance/indicators.yaml,line=13,col=12::unknown level 'level-3'")


def test_json_format_lists_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = build_example(EXAMPLES / "invalid" / "unknown-level", tmp_path / "root")
    assert main(["check", str(root), "--format", "json"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["findings"][0]["line"] == 13
    assert payload["findings"][0]["severity"] == "error"
    assert payload["summary"] == "1 error in 1 file"


def test_warnings_fail_only_when_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = build_example(EXAMPLES / "valid" / "review-overdue", tmp_path / "root")
    assert main(["check", str(root)]) == 0
    assert main(["check", str(root), "--strict"]) == 1
    assert "1 warning in 1 file" in capsys.readouterr().out


def test_every_problem_is_reported_in_one_run(base_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    indicators = base_root / "guidance" / "indicators.yaml"
    text = indicators.read_text().replace("level: level-1", "level: level-9")
    indicators.write_text(text.replace("topics: [neglect]", "topics: [x]"))
    services = base_root / "guidance" / "services.yaml"
    services.write_text(services.read_text().replace("status: active", "status: open"))
    assert main(["check", str(base_root)]) == 1
    output = capsys.readouterr().out
    assert "3 errors in 2 files" in output


def test_unwritable_output_is_a_usage_error(base_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "json", str(base_root), "--root", str(base_root)]) == 2
    assert "levelofneed: error:" in capsys.readouterr().err


def _set_verification(root: Path, file: str, old: str, new: str) -> None:
    path = root / "guidance" / file
    path.write_text(path.read_text().replace(old, new, 1))


VERIFIED = "verification: {status: verified, checked: 2026-11-01, against: Test data}"


def test_strict_passes_an_unverified_service_with_a_warning(base_root: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    _set_verification(base_root, "services.yaml", VERIFIED, "verification: {status: unverified, note: Ask}")
    assert main(["check", str(base_root), "--strict", "--today", "2026-11-27"]) == 0
    assert "warning: service 'health-visiting' has not been verified" in capsys.readouterr().out


def test_strict_fails_an_unverified_contact(base_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _set_verification(base_root, "partnership.yaml", VERIFIED, "verification: {status: unverified, note: Ask}")
    assert main(["check", str(base_root), "--today", "2026-11-27"]) == 0
    assert main(["check", str(base_root), "--strict", "--today", "2026-11-27"]) == 1
    assert "warning: contact 'police' has not been verified" in capsys.readouterr().out


def test_today_pins_when_a_check_goes_stale(base_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(base_root), "--strict", "--today", "2027-11-01"]) == 0
    assert main(["check", str(base_root), "--strict", "--today", "2027-11-02"]) == 1
    assert "more than 12 months ago" in capsys.readouterr().out


def test_a_bad_today_is_a_usage_error() -> None:
    result = _run("check", "--today", "27/11/2026")
    assert result.returncode == 2
    assert "is not a date; write it as YYYY-MM-DD" in result.stderr


def test_a_reader_that_stops_early_ends_the_command_quietly() -> None:
    """``levelofneed review | head -1``: the pipe signal ends it, as it ends ``cat``, with no traceback
    and no "Broken pipe" error (which once exited 2); a shell with pipefail still sees it did not finish."""
    # Every record is due by 2099: about 150 KB of lines, more than a pipe holds, so the writer meets the closed pipe.
    command = [str(Path(sys.executable).parent / "levelofneed"), "review", "--today", "2099-12-31", "--root", str(REPO)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().startswith(b"Reviews and checks as of 31 December 2099")
    process.stdout.close()  # the reader goes away, as head does after its line
    errors = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=60) in (0, -signal.SIGPIPE)
    assert errors == ""
