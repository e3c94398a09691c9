"""The "which level?" helper's reference engine, its rules as data, its command and its data file.

The shared vectors (tests/helper/vectors.yaml) are run here through the Python engine;
tests/test_helper_browser.py runs the same vectors through the browser engine.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from levelofneed import Guidance, load_guidance
from levelofneed.cli import main
from levelofneed.helper import Answers, helper_data, suggest
from levelofneed.publish import publish

from .conftest import REPO

VECTORS: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "helper" / "vectors.yaml").read_text())


@pytest.fixture(scope="module")
def guidance() -> Guidance:
    return load_guidance(REPO)


def given(vector: dict[str, Any]) -> Answers:
    spec = vector["given"]
    return Answers(spec.get("answers", {}), spec.get("age"), tuple(spec.get("indicators", [])))


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_the_python_engine_answers_every_vector(guidance: Guidance, vector: dict[str, Any]) -> None:
    result = suggest(guidance, given(vector))
    assert {"level": result.level, "stopped": result.stopped, "reasons": [r.id for r in result.reasons],
            "questions": list(result.questions), "procedures": list(result.procedures)} == vector["expect"]


def _exercised(kind: str) -> set[str]:
    return {reason.split(":", 1)[1] for v in VECTORS for reason in v["expect"]["reasons"] if reason.startswith(kind)}


def test_the_vectors_cover_every_rule_question_and_level(guidance: Guidance) -> None:
    rules = guidance.helper
    answered_yes = {q for v in VECTORS for q, a in v["given"].get("answers", {}).items() if a == "yes"}
    answered = {(q, a) for v in VECTORS for q, a in v["given"].get("answers", {}).items()}
    assert {q.id for q in guidance.safety_questions} <= _exercised("safety:")
    assert {q.id for q in rules.routing_questions} <= answered_yes
    assert {(c.id, a) for c in rules.circumstances for a in ("yes", "no")} <= answered
    assert {c.id for c in rules.circumstances} <= _exercised("circumstance:")
    assert {rule.level for rule in rules.combinations} <= _exercised("combination:")
    assert _exercised("always:") & set(rules.always_highest_level)
    assert _exercised("indicator:")
    assert {level.id for level in guidance.levels} <= {v["expect"]["level"] for v in VECTORS}


def test_every_reason_is_a_sentence_from_the_content(guidance: Guidance) -> None:
    result = suggest(guidance, Answers(indicators=("attendance-below-90", "learning-needs-not-yet-met",
                                                    "routines-inconsistent")))
    (reason,) = result.reasons
    assert reason.text == guidance.level_by_id["level-2"].step_up
    stop = suggest(guidance, Answers({"immediate-danger": "yes"}))
    assert stop.reasons[0].text == guidance.safety_questions[0].action


def test_every_result_offers_escalation_and_the_front_door(guidance: Guidance) -> None:
    for vector in VECTORS:
        result = suggest(guidance, given(vector))
        assert "escalation" in result.procedures
        assert guidance.partnership.front_door in result.contacts


def test_which_level_prints_the_result_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["which-level", "--root", str(REPO), "--indicator", "minor-injuries-explained",
                 "--answer", "independently-mobile=no", "--age", "0-4"])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) >= {"level", "reasons", "planning_response", "contacts", "services", "procedures", "briefings"}
    assert report["level"] == "level-4" and report["label"].startswith("Level 4")
    assert report["reasons"][0]["id"] == "circumstance:independently-mobile"
    assert "((" not in json.dumps(report)  # contacts are written out
    assert any(contact["call"].endswith("0151 934 4013") for contact in report["contacts"])


def test_a_yes_to_a_safety_question_needs_no_indicator(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["which-level", "--root", str(REPO), "--answer", "suicide-plan=yes"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["stopped"] and report["reasons"][0]["id"] == "safety:suicide-plan"


@pytest.mark.parametrize(("args", "message"), [
    (["--indicator", "atendance-below-90"], "indicator 'atendance-below-90'; did you mean 'attendance-below-90'?"),
    (["--indicator", "attendance-below-90", "--age", "0-5"], "unknown age band '0-5'; did you mean '0-4'?"),
    (["--indicator", "attendance-below-90", "--answer", "suicide-plans=yes"], "did you mean 'suicide-plan'?"),
    (["--indicator", "attendance-below-90", "--answer", "suicide-plan=maybe"], "is not QUESTION=yes or QUESTION=no"),
    ([], "choose at least one --indicator"),
])
def test_bad_input_is_a_usage_error(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["which-level", "--root", str(REPO), *args]) == 2
    error = capsys.readouterr().err
    assert message in error and "Traceback" not in error


def test_the_helper_data_is_published_with_the_site(guidance: Guidance) -> None:
    outputs = {output.path: output for output in publish(guidance)}
    data = json.loads(outputs["which-level/helper-data.json"].data())
    assert data == json.loads(json.dumps(helper_data(guidance)))
    assert len(data["indicators"]) == len(guidance.indicators)
    assert outputs["which-level/index.md"].kind == "page" and outputs["which-level/index.md"].in_nav
