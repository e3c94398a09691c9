"""Atomic site builds without MkDocs: there is always a site/, and killed builds leave nothing for ever.

``site/`` is a link swapped with ``os.replace`` (ADR 4), so at every step of a swap a
server reading ``site/index.html`` finds the old build or the new one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from levelofneed.mkdocs import atomic
from levelofneed.mkdocs.atomic import AtomicSiteDir


def _build(target: Path, marker: str) -> AtomicSiteDir:
    site = AtomicSiteDir(target)
    staging = site.start()
    (staging / "index.html").write_text(marker, encoding="utf-8")
    return site


def _watching(check: Callable[[], None], call: Callable[..., Any]) -> Callable[..., Any]:
    def watched(*args: Any, **kwargs: Any) -> Any:
        check()
        result = call(*args, **kwargs)
        check()
        return result
    return watched


def test_a_swap_never_leaves_a_moment_without_a_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "site"
    _build(target, "old").finish()
    seen: list[str] = []

    def serve() -> None:
        seen.append((target / "index.html").read_text(encoding="utf-8"))

    new = _build(target, "new")
    monkeypatch.setattr(Path, "rename", _watching(serve, Path.rename))
    monkeypatch.setattr(atomic.os, "replace", _watching(serve, os.replace))
    monkeypatch.setattr(atomic.shutil, "rmtree", _watching(serve, atomic.shutil.rmtree))
    new.finish()
    assert seen and set(seen) <= {"old", "new"} and seen[-1] == "new"
    assert target.is_symlink() and (target / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", os.readlink(target)])


def test_a_site_folder_from_before_links_becomes_a_link(tmp_path: Path) -> None:
    """The one swap with a moment between old and new (ADR 4): the first build after an upgrade."""
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("old", encoding="utf-8")
    _build(target, "new").finish()
    assert target.is_symlink() and (target / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", os.readlink(target)])


def test_folders_left_by_killed_builds_are_removed_when_the_next_starts(tmp_path: Path) -> None:
    target = tmp_path / "site"
    _build(target, "good").finish()
    live = os.readlink(target)
    dead = tmp_path / ".site-building-999999999-x"  # no process has this id
    dead.mkdir()
    running = tmp_path / f".site-building-{os.getpid()}-y"  # a build still under way is left alone
    running.mkdir()
    (tmp_path / ".site-old-abc").mkdir()
    (tmp_path / ".site-live-stale").mkdir()
    (tmp_path / ".site-building-oldstyle").mkdir()
    nxt = AtomicSiteDir(target)
    nxt.start()
    left = {p.name for p in tmp_path.iterdir()}
    assert {dead.name, ".site-old-abc", ".site-live-stale", ".site-building-oldstyle"}.isdisjoint(left)
    assert {live, running.name, "site"} <= left
    nxt.abandon()
    assert (target / "index.html").read_text(encoding="utf-8") == "good"
