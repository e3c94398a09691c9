"""The package builds as a wheel and as a source distribution, with every warning an error, from the
installed build backend; the source distribution holds what the tests need, and they run from it.

setuptools deprecates the old table form of ``project.license`` (projects must move to
an SPDX string by 2027-02-18). Building with warnings as errors catches that kind of
deprecation before a fresh ``make setup`` breaks. Nothing is downloaded: the backend is
the one ``make setup`` installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from levelofneed.editors.starter import STARTER

from .conftest import REPO

BUILD = "import sys; from setuptools import build_meta; print(build_meta.build_wheel(sys.argv[1]))"


def test_the_wheel_builds_with_warnings_as_errors(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-W", "error", "-c", BUILD, str(tmp_path)], cwd=REPO,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    wheel = tmp_path / result.stdout.strip().splitlines()[-1]
    names = zipfile.ZipFile(wheel).namelist()
    assert "levelofneed/mkdocs/plugin.py" in names
    assert any(name.endswith("render/level.md.j2") for name in names)
    assert any(name.endswith("site_assets/overrides/main.html") for name in names)
    assert any(name.endswith("site_assets/offline/sw.js") for name in names), "the service worker's source"
    starter = {name.removeprefix("levelofneed/editors/starter/") for name in names
               if name.startswith("levelofneed/editors/starter/")}
    repository = {path.relative_to(STARTER).as_posix() for path in STARTER.rglob("*") if path.is_file()}
    assert starter == repository, "levelofneed init writes every file of the starter, from the wheel too"
    metadata = next(name for name in names if name.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "License-Expression: MIT" in text
    assert "levelofneed/py.typed" in names and "Classifier: Typing :: Typed" in text, "typed, for other tools (PEP 561)"
    assert any(name.endswith("licenses/LICENSE") for name in names)


SDIST = "import sys; from setuptools import build_meta; print(build_meta.build_sdist(sys.argv[1]))"
# What the tests read, beside the package: every file under these folders, and these files.
TESTED_FOLDERS = ("plugins", "tests", "guidance", "briefings", "docs", "schemas", "bench", ".github", ".ci")
TESTED_FILES = ("pyproject.toml", "mkdocs.yml", "constraints.txt", "Makefile", "package.json", "eslint.config.mjs",
                "tsconfig.json", "tsconfig.worker.json", "tsconfig.sw.json", "README.md", "CHANGELOG.md", "LICENSE")
NOT_SOURCE = ("__pycache__", ".hypothesis", ".egg-info", "bench/out/")


def source_files(root: Path) -> set[str]:
    """The files of a source tree that a source distribution must hold (caches and build output left out)."""
    found = {path.relative_to(root).as_posix() for folder in TESTED_FOLDERS for path in (root / folder).rglob("*")
             if path.is_file()}
    return {name for name in found if not any(part in name for part in NOT_SOURCE) and not name.endswith(".pyc")} | {
        name for name in TESTED_FILES if (root / name).is_file()}


def test_the_source_distribution_holds_what_the_tests_need_and_they_run_from_it(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-W", "error", "-c", SDIST, str(tmp_path)], cwd=REPO,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    with tarfile.open(tmp_path / result.stdout.strip().splitlines()[-1]) as sdist:
        sdist.extractall(tmp_path / "unpacked", filter="data")
    unpacked = next((tmp_path / "unpacked").iterdir())
    assert source_files(REPO) <= source_files(unpacked) | {"MANIFEST.in"}, "MANIFEST.in leaves out a file"
    # The unpacked package, not the installed one, is imported: PYTHONPATH comes before the editable install.
    env = {**os.environ, "PYTHONPATH": str(unpacked / "plugins")}
    ran = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
                          "tests/test_examples.py", "-m", "not site and not browser"],
                         cwd=unpacked, env=env, capture_output=True, text=True, check=False)
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-2000:]
    assert " passed" in ran.stdout.splitlines()[-1] and "failed" not in ran.stdout.splitlines()[-1]
    imported = subprocess.run([sys.executable, "-c", "import levelofneed; print(levelofneed.__file__)"],
                              cwd=unpacked, env=env, capture_output=True, text=True, check=True).stdout
    assert imported.startswith(str(unpacked / "plugins")), imported
