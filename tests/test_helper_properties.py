"""The helper's safety properties, proven on both engines (issue 20, ADR 14).

- Python: Hypothesis draws cases from each partnership's own ids (the invented example and
  Sefton's content) and shrinks any failure to a smallest case.
- The browser's engine: the same properties over 400 seeded cases per partnership, with every
  variant a property asks about, run under Node in one batch (no browser).
- Mutation: each property is run against a reference engine broken on purpose, and must fail,
  so that none of them passes vacuously.
"""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from levelofneed import Guidance
from levelofneed.helper.data import helper_data

from .helper_properties import (
    PROPERTIES,
    Case,
    Outcome,
    outcome_from_json,
    python_engine,
    random_case,
    random_cases,
    violations,
)
from .helper_properties import mutants as make_mutants
from .test_js import JS_TESTS, node, write

CASES = 400


@pytest.fixture(scope="module", params=["neutral", "sefton"])
def partnership(request: pytest.FixtureRequest) -> Guidance:
    found: Guidance = request.getfixturevalue(request.param)
    return found


@st.composite
def cases(draw: st.DrawFn, guidance: Guidance) -> tuple[Case, str]:
    rng = random.Random(draw(st.integers(min_value=0, max_value=2**32 - 1)))
    return random_case(guidance, rng), rng.choice([indicator.id for indicator in guidance.indicators])


@pytest.mark.parametrize("name", sorted(PROPERTIES))
def test_each_property_holds_on_the_python_engine(partnership: Guidance, name: str) -> None:
    engine = python_engine(partnership)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(cases(partnership))
    def holds(drawn: tuple[Case, str]) -> None:
        assert violations(partnership, engine, [drawn], name) == []

    holds()


def browser_engine(guidance: Guidance, wanted: list[Case], folder: Path) -> dict[Case, Outcome]:
    """Every case through the browser's engine under Node, in one batch."""
    write(folder, "helper-data.json", helper_data(guidance))
    write(folder, "cases.json", [case.as_json() for case in wanted])
    done = subprocess.run([node(), str(JS_TESTS / "engine-batch.js")], capture_output=True, text=True, check=False,
                          env={"LON_FIXTURES": str(folder), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    return {case: outcome_from_json(guidance, result) for case, result in zip(wanted, json.loads(done.stdout),
                                                                              strict=True)}


def asked_for(guidance: Guidance, drawn: list[tuple[Case, str]]) -> list[Case]:
    """Every case the properties will put to an engine, found by running them on the Python engine."""
    seen: dict[Case, None] = {}
    real = python_engine(guidance)

    def recording(case: Case) -> Outcome:
        seen[case] = None
        return real(case)

    for name in PROPERTIES:
        violations(guidance, recording, drawn, name)
    return list(seen)


def test_every_property_holds_on_the_browser_engine(partnership: Guidance, tmp_path: Path) -> None:
    drawn = random_cases(partnership, CASES)
    outcomes = browser_engine(partnership, asked_for(partnership, drawn), tmp_path)
    broken = {name: violations(partnership, outcomes.__getitem__, drawn, name)[:3] for name in PROPERTIES}
    assert {name: found for name, found in broken.items() if found} == {}
    # The batch was real: the JavaScript engine reached every level and stopped for safety answers.
    assert {outcome.rank for outcome in outcomes.values()} >= set(range(1, len(partnership.levels) + 1))
    assert any(outcome.stopped for outcome in outcomes.values())


@pytest.mark.parametrize("name", sorted(PROPERTIES))
def test_each_property_catches_an_engine_broken_on_purpose(sefton: Guidance, name: str) -> None:
    what, mutant = make_mutants(sefton)[name]
    drawn = random_cases(sefton, CASES)
    assert violations(sefton, python_engine(sefton), drawn, name) == []
    assert violations(sefton, mutant, drawn, name), f"'{name}' did not notice an engine that {what}"
