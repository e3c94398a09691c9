"""The "which level?" helper's reference engine, its rules as data, its command and its data file.

The engine is tested on the invented Examplefield partnership (tests/helper/neutral-vectors.yaml,
run here through the Python engine and in tests/test_js.py through the browser's, under Node),
so an editor who moves one of Sefton's indicators breaks none of these. Sefton's own vectors
(tests/helper/vectors.yaml) say what Sefton's guidance suggests: content tests.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from levelofneed import Guidance
from levelofneed.cli import main
from levelofneed.helper import Answers, helper_data, suggest
from levelofneed.helper.record import decision_record
from levelofneed.publish import publish

HERE = Path(__file__).parent
VECTORS: list[dict[str, Any]] = yaml.safe_load((HERE / "helper" / "vectors.yaml").read_text())
NEUTRAL_VECTORS: list[dict[str, Any]] = yaml.safe_load((HERE / "helper" / "neutral-vectors.yaml").read_text())


def given(vector: dict[str, Any]) -> Answers:
    spec = vector["given"]
    return Answers(spec.get("answers", {}), spec.get("age"), tuple(spec.get("indicators", [])))


def _answers(guidance: Guidance, vector: dict[str, Any]) -> dict[str, Any]:
    result = suggest(guidance, given(vector))
    return {"level": result.level, "stopped": result.stopped, "reasons": [r.id for r in result.reasons],
            "questions": list(result.questions), "procedures": list(result.procedures)}


@pytest.mark.parametrize("vector", NEUTRAL_VECTORS, ids=[v["name"] for v in NEUTRAL_VECTORS])
def test_the_python_engine_answers_every_vector(neutral: Guidance, vector: dict[str, Any]) -> None:
    assert _answers(neutral, vector) == vector["expect"]


@pytest.mark.content
@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_seftons_guidance_suggests_what_its_vectors_say(sefton: Guidance, vector: dict[str, Any]) -> None:
    assert _answers(sefton, vector) == vector["expect"]


def _exercised(vectors: list[dict[str, Any]], kind: str) -> set[str]:
    return {reason.split(":", 1)[1] for v in vectors for reason in v["expect"]["reasons"] if reason.startswith(kind)}


def _covers_every_rule(guidance: Guidance, vectors: list[dict[str, Any]]) -> None:
    rules = guidance.helper
    answered_yes = {q for v in vectors for q, a in v["given"].get("answers", {}).items() if a == "yes"}
    answered = {(q, a) for v in vectors for q, a in v["given"].get("answers", {}).items()}
    assert {q.id for q in guidance.safety_questions} <= _exercised(vectors, "safety:")
    assert {q.id for q in rules.routing_questions} <= answered_yes
    assert {(c.id, a) for c in rules.circumstances for a in ("yes", "no")} <= answered
    assert {c.id for c in rules.circumstances} <= _exercised(vectors, "circumstance:")
    assert {rule.level for rule in rules.combinations} <= _exercised(vectors, "combination:")
    assert _exercised(vectors, "always:") & set(rules.always_highest_level)
    assert _exercised(vectors, "indicator:")
    assert {level.id for level in guidance.levels} <= {v["expect"]["level"] for v in vectors}


def test_the_vectors_cover_every_rule_question_and_level(neutral: Guidance) -> None:
    _covers_every_rule(neutral, NEUTRAL_VECTORS)


@pytest.mark.content
def test_seftons_vectors_cover_every_rule_question_and_level(sefton: Guidance) -> None:
    _covers_every_rule(sefton, VECTORS)


def test_every_reason_is_a_sentence_from_the_content(neutral: Guidance) -> None:
    result = suggest(neutral, Answers(indicators=("missed-checks", "attendance-falling", "often-hungry")))
    (reason,) = result.reasons
    assert reason.text == neutral.level_by_id["level-2"].step_up
    stop = suggest(neutral, Answers({"immediate-danger": "yes"}))
    assert stop.reasons[0].text == neutral.safety_questions[0].action


def test_every_result_offers_escalation_and_the_front_door(neutral: Guidance) -> None:
    for vector in NEUTRAL_VECTORS:
        result = suggest(neutral, given(vector))
        assert "escalation" in result.procedures
        assert neutral.partnership.front_door in result.contacts


def test_the_decision_record_says_what_was_chosen_and_why(neutral: Guidance) -> None:
    chosen = Answers({"immediate-danger": "no"}, None, ("often-hungry",))
    record = decision_record(neutral, chosen, suggest(neutral, chosen), "  ", dt.date(2026, 12, 5))
    lines = record.splitlines()
    assert lines[:2] == ["Which level? A record of the decision", "Date: 5 December 2026"]
    assert "- Is the child in immediate danger? No" in lines
    assert "- Has the child told you they are being harmed? Not answered" in lines  # never read as a no
    assert "- [often-hungry] Often arrives hungry. (Level 2: Additional needs)" in lines
    assert "Suggested level: Level 2: Additional needs" in lines and "(none)" in lines
    assert "01632 960 001" in record and "((" not in record


def test_which_level_prints_the_result_as_json(neutral_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["which-level", "--root", str(neutral_root), "--indicator", "minor-bruise-explained",
                 "--answer", "independently-mobile=no", "--age", "0-4"])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) >= {"level", "reasons", "planning_response", "contacts", "services", "procedures", "briefings"}
    assert report["level"] == "level-4" and report["label"].startswith("Level 4")
    assert report["reasons"][0]["id"] == "circumstance:independently-mobile"
    assert "((" not in json.dumps(report)  # contacts are written out
    assert any(contact["call"].endswith("01632 960 001") for contact in report["contacts"])


def test_a_yes_to_a_safety_question_needs_no_indicator(neutral_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["which-level", "--root", str(neutral_root), "--answer", "disclosure=yes"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["stopped"] and report["reasons"][0]["id"] == "safety:disclosure"


@pytest.mark.parametrize(("args", "message"), [
    (["--indicator", "oftne-hungry"], "indicator 'oftne-hungry'; did you mean 'often-hungry'?"),
    (["--indicator", "often-hungry", "--age", "0-5"], "unknown age band '0-5'; did you mean '0-4'?"),
    (["--indicator", "often-hungry", "--answer", "disclosures=yes"], "did you mean 'disclosure'?"),
    (["--indicator", "often-hungry", "--answer", "disclosure=maybe"], "is not QUESTION=yes or QUESTION=no"),
    ([], "choose at least one --indicator"),
])
def test_bad_input_is_a_usage_error(neutral_root: Path, args: list[str], message: str,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["which-level", "--root", str(neutral_root), *args]) == 2
    error = capsys.readouterr().err
    assert message in error and "Traceback" not in error


def test_the_helper_data_is_published_with_the_site(neutral: Guidance) -> None:
    outputs = {output.path: output for output in publish(neutral)}
    data = json.loads(outputs["which-level/helper-data.json"].data())
    assert data == json.loads(json.dumps(helper_data(neutral)))
    assert len(data["indicators"]) == len(neutral.indicators)
    assert data["wording"]["step_safety"].startswith("Step 1")
    assert outputs["which-level/index.md"].kind == "page" and outputs["which-level/index.md"].in_nav
