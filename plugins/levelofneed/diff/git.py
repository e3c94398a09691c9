"""A git revision → its guidance, through the normal pipeline: the only place the diff touches git.

The revision's ``guidance/`` and ``briefings/`` are written into a temporary folder with
``git archive`` (local: it never fetches), then checked by today's ``check`` like any
other folder. A revision from before a change to the content model therefore fails as
that content would fail today, with its findings, rather than being half-understood.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import tarfile
import tempfile
from pathlib import Path

from ..findings import Finding
from ..pipeline import CONTENT_FOLDERS, Result, check


class RevisionError(Exception):
    """The revision cannot be read: not a repository, an unknown revision, or no git. A usage problem."""


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False,
                              env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"})
    except FileNotFoundError:
        raise RevisionError("git is not installed; install it, or compare two folders with 'levelofneed compare'") \
            from None
    if done.returncode != 0:
        raise RevisionError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return done.stdout


def _locate(root: Path) -> tuple[Path, str]:
    """The repository's top folder, and where ``root`` is inside it ('' at the top)."""
    try:
        top = Path(_git(root, "rev-parse", "--show-toplevel").decode().strip())
    except RevisionError:
        raise RevisionError(f"'{root}' is not inside a git repository; use 'levelofneed compare' for two folders") \
            from None
    prefix = root.resolve().relative_to(top.resolve()).as_posix()
    return top, "" if prefix == "." else prefix + "/"


def _commit(top: Path, revision: str) -> str:
    try:
        if revision.startswith("-"):
            raise RevisionError(revision)
        return _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").decode().strip()
    except RevisionError:
        raise RevisionError(f"'{revision}' is not a commit, branch or tag in this repository — "
                            "check the spelling, or fetch it first (e.g. 'git fetch origin main')") from None


def write_revision(root: Path, revision: str, target: Path) -> tuple[str, list[Finding]]:
    """Write the content folders of ``revision`` (as seen from ``root``) into ``target``; returns the
    commit, and a finding for each entry that was not written (a link, a device, a path outside)."""
    top, prefix = _locate(root)
    commit = _commit(top, revision)
    tree = f"{commit}:{prefix}"
    names = _git(top, "ls-tree", "--name-only", tree).decode("utf-8", "replace").splitlines()
    folders = [folder for folder in CONTENT_FOLDERS if folder in names]
    refused: list[Finding] = []
    if folders:
        archive = _git(top, "archive", "--format=tar", tree, *folders)
        try:
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                refused = _extract(tar, target, revision)
        except tarfile.TarError as error:
            raise RevisionError(f"the content of '{revision}' could not be unpacked ({error})") from None
    return commit, refused


def _extract(tar: tarfile.TarFile, target: Path, revision: str) -> list[Finding]:
    """Only plain files and folders, only inside ``target``: content from history is not trusted to be tidy.

    Each member goes through Python's "data" filter; one it refuses (a symbolic link,
    above all one to an absolute path) is reported as a finding rather than stopping
    the whole comparison with a traceback.
    """
    refused = []
    for member in tar.getmembers():
        try:
            _extract_one(tar, member, target)
        except (tarfile.FilterError, OSError) as error:
            refused.append(Finding(member.name, 1, 1, "error",
                                   f"in '{revision}', this is not a regular file ({error})",
                                   "content must be ordinary YAML files: replace the link or special file"))
    return refused


def _extract_one(tar: tarfile.TarFile, member: tarfile.TarInfo, target: Path) -> None:
    if hasattr(tarfile, "data_filter"):
        tar.extract(member, target, filter="data")
        return
    inside = (target / member.name).resolve().is_relative_to(target.resolve())  # pragma: no cover - 3.11.0–3.11.3
    if not (inside and (member.isfile() or member.isdir())):  # pragma: no cover
        raise tarfile.FilterError(member.name)  # pragma: no cover
    tar.extract(member, target)  # pragma: no cover


def check_revision(root: Path, revision: str, today: dt.date | None = None) -> Result:
    """Today's check of the guidance as it was at ``revision``; entries that could not be unpacked fail it."""
    with tempfile.TemporaryDirectory(prefix="levelofneed-diff-") as folder:
        _, refused = write_revision(root, revision, Path(folder))
        result = check(Path(folder), today)
        if not refused:
            return result
        return Result((*refused, *result.findings), None)
