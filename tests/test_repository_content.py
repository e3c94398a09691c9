"""The repository's own guidance must always pass the strictest check."""

from __future__ import annotations

import pytest

from levelofneed.cli import main

from .conftest import REPO


def test_repository_content_passes_strict_check(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(REPO), "--strict"])
    output = capsys.readouterr().out
    assert code == 0, output
    assert output.strip() == "no problems found"
