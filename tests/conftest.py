"""Shared fixtures: example roots built from tests/examples, and the repository root."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
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


NEUTRAL = EXAMPLES / "valid" / "neutral-partnership"


@pytest.fixture(scope="session")
def neutral_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented Examplefield partnership: engine tests use it, so moving Sefton's content breaks none."""
    return build_example(NEUTRAL, tmp_path_factory.mktemp("neutral") / "root")


@pytest.fixture(scope="session")
def neutral(neutral_root: Path) -> Any:
    """The invented partnership's guidance, loaded once per session."""
    from levelofneed import load_guidance

    return load_guidance(neutral_root)


@pytest.fixture(scope="session")
def base_guidance() -> Any:
    """The smallest complete guidance, loaded once per session."""
    from levelofneed import load_guidance

    return load_guidance(BASE)


@pytest.fixture(scope="session")
def sefton() -> Any:
    """The repository's own guidance (Sefton's), loaded once per session: for content tests."""
    from levelofneed import load_guidance

    return load_guidance(REPO)


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
# A test records them with the ``measured`` fixture, as a property of its report, so that they
# reach the run's summary from a pytest-xdist worker too.
REPORTS: list[str] = []


@pytest.fixture
def measured(record_property: Callable[[str, object], None]) -> Callable[[str], None]:
    return lambda line: record_property("measured", line)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call":
        REPORTS.extend(str(value) for name, value in report.user_properties if name == "measured")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if REPORTS:
        terminalreporter.section("measured")
        for line in REPORTS:
            terminalreporter.write_line(line)
