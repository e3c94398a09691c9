"""Shared fixtures: example roots built from tests/examples, and the repository root."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = Path(__file__).resolve().parent / "examples"
BASE = EXAMPLES / "base"


def build_example(case: Path, target: Path) -> Path:
    """Copy the base example into ``target`` and lay the case's overlay files over it."""
    shutil.copytree(BASE, target)
    overlay = case / "overlay"
    if overlay.is_dir():
        shutil.copytree(overlay, target, dirs_exist_ok=True)
    return target


@pytest.fixture
def base_root(tmp_path: Path) -> Path:
    """A fresh copy of the smallest complete guidance."""
    return build_example(EXAMPLES / "valid" / "minimal", tmp_path / "root")


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One Chromium for every browser test (skipped locally without it, a failure in CI)."""
    from .browser_support import launch_chromium

    with launch_chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The repository's site, built once per session and served locally, for every browser test."""
    from .browser_support import require_browser, serve
    from .test_site_build import repo_site

    require_browser()
    with serve(repo_site(tmp_path_factory)) as url:
        yield url


# Figures a test measures and the run reports at the end (the search-quality suites' recall and MRR).
REPORTS: list[str] = []


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if REPORTS:
        terminalreporter.section("measured")
        for line in REPORTS:
            terminalreporter.write_line(line)
