"""The repository's own guidance must always pass the strictest check.

``--strict`` only warns about services nobody has verified yet (the site marks them
"We could not confirm these details", with whom to check with); every other warning fails it, and there must be none.
"""

from __future__ import annotations

import pytest

from levelofneed.cli import main

from .conftest import REPO

pytestmark = pytest.mark.content  # Sefton's guidance itself, not the engines


def test_repository_content_passes_strict_check(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(REPO), "--strict"])
    output = capsys.readouterr().out
    assert code == 0, output
    findings = output.splitlines()[:-1]
    assert [line for line in findings if not line.endswith(NOT_VERIFIED) or ": service '" not in line] == []


NOT_VERIFIED = ("has not been verified — check its details against its own public page, "
                "then record 'checked' and 'against'")
