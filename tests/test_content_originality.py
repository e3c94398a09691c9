"""The default content is written in our own words: no long run of words from the seed report.

Short shared phrases are fine (titles, statutory phrases such as "safeguard and promote
the welfare of children"); a run of ten words or more would be a copied sentence.
"""

from __future__ import annotations

import os
import re
from typing import Any

import pytest
import yaml

from .conftest import REPO

pytestmark = pytest.mark.content  # Sefton's guidance itself, not the engines

SEED = REPO.parent / "shared" / "seed"
RUN = 10
CITATION_FIELDS = {"source", "further_information"}  # these name other documents, titles included


def _prose(value: Any, key: str = "") -> str:
    """Every text in a YAML document except citations."""
    if key in CITATION_FIELDS:
        return ""
    if isinstance(value, dict):
        return " ".join(_prose(v, str(k)) for k, v in value.items())
    if isinstance(value, list):
        return " ".join(_prose(v, key) for v in value)
    return str(value)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def test_no_sentence_is_copied_from_the_seed() -> None:
    seeds = sorted(SEED.glob("*.txt")) if SEED.is_dir() else []
    if not seeds:
        if os.environ.get("CI"):
            pytest.fail(f"the seed report is missing at {SEED}")  # CI lays shared/ beside the clone
        pytest.skip("the seed report (../shared/seed) is not beside this clone")
    seed_runs = set().union(*(_runs(_words(p.read_text(encoding="utf-8"))) for p in seeds))
    copied = [
        (path.relative_to(REPO).as_posix(), " ".join(run))
        for path in sorted([*REPO.glob("guidance/**/*.yaml"), *REPO.glob("briefings/*.yaml")])
        for run in _runs(_words(_prose(yaml.safe_load(path.read_text(encoding="utf-8"))))) & seed_runs
    ]
    assert copied == []


def test_the_check_finds_a_copied_sentence() -> None:
    sentence = "the partnership needs to be robust in identifying early help provision for families"
    assert _runs(_words(sentence)) & _runs(_words(f"Intro. {sentence.capitalize()}. Outro."))
