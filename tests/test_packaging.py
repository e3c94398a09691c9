"""The package builds as a wheel with every warning an error, from the installed build backend.

setuptools deprecates the old table form of ``project.license`` (projects must move to
an SPDX string by 2027-02-18). Building with warnings as errors catches that kind of
deprecation before a fresh ``make setup`` breaks. Nothing is downloaded: the backend is
the one ``make setup`` installed.
"""

from __future__ import annotations

import subprocess
import sys
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
