"""Bad input to every command: one clear line, a non-zero exit, no traceback, nothing that hangs.

Every command in ``levelofneed.cli.COMMANDS`` has cases here (a meta-test fails when a new
command has none): unknown ids, bad revisions, unwritable outputs, special files, huge and
deeply nested YAML, alias bombs, duplicate keys, bytes that are not UTF-8 in arguments and
files, and numbers and dates out of range. Cases that once hung or ran out of memory run in
a subprocess with a 30-second limit, so a return of the fault fails the test instead of
stopping the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from levelofneed.cli import COMMANDS, main

Case = Callable[[Path], list[str]]


def _fifo(root: Path) -> list[str]:
    os.mkfifo(root / "guidance" / "pipe.yaml")
    return ["check", str(root)]


def _dev_zero(root: Path) -> list[str]:
    (root / "guidance" / "zero.yaml").symlink_to("/dev/zero")
    return ["check", str(root)]


def _outside(root: Path) -> list[str]:
    secret = root.parent / "secret.yaml"
    secret.write_text("token: do-not-read\n", encoding="utf-8")
    (root / "guidance" / "secret.yaml").symlink_to(secret)
    return ["check", str(root)]


def _write(name: str, text: str | bytes) -> Case:
    def case(root: Path) -> list[str]:
        target = root / "guidance" / name
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
        return ["check", str(root)]
    return case


def _briefings_as_a_file(root: Path) -> list[str]:
    for file in (root / "briefings").iterdir():
        file.unlink()
    (root / "briefings").rmdir()
    (root / "briefings").write_text("not a folder", encoding="utf-8")
    return ["check", str(root)]


LAUGHS = "\n".join(["a0: &a0 [x, x, x, x, x, x, x, x, x, x]",
                    *(f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 10))]) + "\n"

# (name, command, the case, what the one line says). Exit 1 (invalid content) or 2 (usage) are
# both non-zero; which one is in the expectation.
CASES: list[tuple[str, str, Case, int, str]] = [
    ("a pipe in guidance/", "check", _fifo, 1, "not a regular file"),
    ("a link to /dev/zero", "check", _dev_zero, 1, "not a regular file"),
    ("a link out of the repository", "check", _outside, 1, "a link to a file outside the repository"),
    ("nesting", "check", _write("deep.yaml", "glossary: " + "[" * 400 + "]" * 400 + "\n"), 1, "nested more than"),
    ("an alias bomb", "check", _write("laughs.yaml", LAUGHS), 1, "aliases expand"),
    ("a duplicate key", "check", _write("dup.yaml", "glossary:\n  - id: a\n    id: b\n"), 1, "duplicate key"),
    ("bytes that are not UTF-8", "check", _write("latin.yaml", b"glossary:\n  - term: caf\xe9\n"), 1,
     "not valid UTF-8"),
    ("a huge file", "check", _write("huge.yaml", "# " + "x" * (21 * 1024 * 1024) + "\n"), 1, "over the 20 MiB"),
    ("briefings/ as a file", "check", _briefings_as_a_file, 1, "'briefings' is a file, not a folder"),
    ("a date out of range", "check", lambda root: ["check", str(root), "--today", "2026-13-01"], 2, "is not a date"),
    ("an unknown schema option", "schema", lambda root: ["schema", "--out", str(root / "guidance" / "levels.yaml"),
                                                         "--bogus"], 2, "unrecognized arguments"),
    ("an unwritable schema folder", "schema", lambda root: ["schema", "--out", str(root / "guidance" / "levels.yaml")],
     2, "error"),
    ("an unwritable reference", "reference", lambda root: ["reference", str(root / "guidance")], 2, "error"),
    ("an unwritable coverage report", "coverage", lambda root: ["coverage", "--root", str(root),
                                                                 str(root / "guidance")], 2, "error"),
    ("an unwritable export", "export", lambda root: ["export", "json", str(root / "guidance"), "--root", str(root)],
     2, "error"),
    ("an unwritable PDF folder", "pdf", lambda root: ["pdf", "--out", str(root / "guidance" / "levels.yaml"),
                                                      "--root", str(root)], 2, "error"),
    ("an unknown indicator", "which-level", lambda root: ["which-level", "--root", str(root), "--indicator",
                                                          "no-such"], 2, "no-such"),
    ("an answer out of range", "which-level", lambda root: [
        "which-level", "--root", str(root), "--indicator", "basic-care-hygiene", "--answer", "x=perhaps"], 2,
     "unknown question"),
    ("an empty query", "search", lambda root: ["search", "  ", "--root", str(root)], 2, "error"),
    ("a limit out of range", "search", lambda root: ["search", "neglect", "--limit", "-5", "--root", str(root)],
     2, "error"),
    ("a huge number of days", "review", lambda root: ["review", "--root", str(root), "--within", "1000000000"],
     2, "more than a hundred years"),
    ("the last day of the calendar", "review", lambda root: ["review", "--root", str(root), "--today", "9999-12-31"],
     0, ""),
    ("a revision that does not exist", "diff", lambda root: ["diff", "no-such-branch", "--root", str(root)],
     2, "error"),
    ("a folder that does not exist", "compare", lambda root: ["compare", str(root), str(root / "missing")], 2,
     "error"),
    ("an id that is not an id", "new", lambda root: ["new", "indicator", "--root", str(root), "--id", "Bad Id"],
     2, "not a valid id"),
    ("a path out of the root", "new", lambda root: ["new", "indicator", "--root", str(root), "--file",
                                                    "guidance/../../escape.yaml"], 2, "not a YAML file under"),
    ("an absolute path out of the root", "new", lambda root: ["new", "indicator", "--root", str(root), "--file",
                                                              "/tmp/escape.yaml"], 2, "not a YAML file under"),
    ("a folder that is not empty", "init", lambda root: ["init", str(root), "--partnership", "New SCP"], 2,
     "is not empty"),
    ("a name with a line break", "init", lambda root: ["init", str(root / "new"), "--partnership", "New\nSCP"], 2,
     "control character"),
]


def test_every_command_has_bad_input_cases() -> None:
    assert {command.NAME for command in COMMANDS} <= {case[1] for case in CASES}


def _run(argv: list[str]) -> tuple[int, str]:
    """The command in its own process: a hang or a runaway read fails after 30 s."""
    done = subprocess.run([sys.executable, "-m", "levelofneed", *argv], capture_output=True, text=True,
                          timeout=30, check=False, env={**os.environ, "PYTHONWARNINGS": "error"})
    return done.returncode, done.stdout + done.stderr


# The cases that hung, read until memory ran out, or could: each in a process of its own.
ISOLATED = {"a pipe in guidance/", "a link to /dev/zero", "a huge file", "an alias bomb"}


def _in_process(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as stop:  # argparse's usage errors
        code = int(stop.code or 0)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize(("name", "command", "case", "code", "says"), CASES, ids=[case[0] for case in CASES])
def test_bad_input_gives_a_clear_line_and_no_traceback(name: str, command: str, case: Case, code: int, says: str,
                                                       base_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = case(base_root)
    code_seen, output = _run(argv) if name in ISOLATED else _in_process(argv, capsys)
    assert code_seen == code, output[-2000:]
    assert says in output and "Traceback" not in output, output[-2000:]
    if code:
        assert any(says in line and ("error" in line) for line in output.splitlines())


def test_an_unreadable_folder_is_a_finding_and_references_are_not_judged(base_root: Path,
                                                                         monkeypatch: pytest.MonkeyPatch,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Tests run as root, who may read anything, so the refusal is simulated where os.walk lists a folder."""
    hidden = base_root / "guidance" / "private"
    hidden.mkdir()
    (hidden / "more.yaml").write_text("glossary: []\n", encoding="utf-8")
    real = os.scandir

    def refuse(path: object = ".") -> object:
        if Path(str(path)) == hidden:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refuse)
    assert main(["check", str(base_root)]) == 1
    out = capsys.readouterr().out
    assert "guidance/private/:1:1: error: folder cannot be read (Permission denied)" in out
    assert "unknown" not in out


def test_text_that_is_not_utf8_in_an_argument_writes_nothing(base_root: Path) -> None:
    """A byte from a Latin-1 terminal reaches Python as a lone surrogate, which YAML cannot read back."""
    target = base_root / "guidance" / "indicators.yaml"
    before = target.read_bytes()
    code, output = _run(["new", "indicator", "--root", str(base_root), "--text", "caf\udce9 \udcff",
                         "--level", "level-2", "--subdomain", "basic-care"])
    assert code == 2 and "not UTF-8" in output and "Traceback" not in output
    assert target.read_bytes() == before


def test_a_target_file_that_is_not_utf8_is_left_as_it_was(base_root: Path) -> None:
    target = base_root / "guidance" / "latin.yaml"
    target.write_bytes(b"indicators:\n  - id: x\n    text: caf\xe9\n")
    code, output = _run(["new", "indicator", "--root", str(base_root), "--file", "guidance/latin.yaml",
                         "--text", "Often hungry", "--level", "level-2", "--subdomain", "basic-care"])
    assert code == 2 and "is not UTF-8 text" in output and "Traceback" not in output
    assert target.read_bytes() == b"indicators:\n  - id: x\n    text: caf\xe9\n"
    assert not (base_root.parent / "escape.yaml").exists()


def test_a_link_in_a_revision_is_a_finding_not_a_traceback(base_root: Path) -> None:
    """A symbolic link committed to guidance/ made 'diff' fail with tarfile.AbsoluteLinkError."""
    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(base_root), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                       check=True, capture_output=True)

    git("init", "-q")
    (base_root / "guidance" / "zero.yaml").symlink_to("/dev/zero")
    git("add", "-A")
    git("commit", "-qm", "a link")
    (base_root / "guidance" / "zero.yaml").unlink()
    code, output = _run(["diff", "HEAD", "--root", str(base_root)])
    assert code == 1 and "Traceback" not in output
    assert "guidance/zero.yaml:1:1: error: in 'HEAD', this is not a regular file" in output
