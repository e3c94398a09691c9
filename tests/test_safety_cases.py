"""The public safety suite (tests/helper/safety-cases.yaml), run through both engines (issue 20).

Each case is a scenario a safeguarding lead would try: the level, act now, the legal duties and
whether the family may be told first must come out the same from the Python engine and from the
browser's engine under Node. The outputs built on the result are held to it too: where the family
must not be told first, no step that tells the family appears in the decision record or in
``which-level``'s JSON, from either engine.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from levelofneed import Guidance
from levelofneed.cli.which_level import report
from levelofneed.helper import Answers, helper_data, suggest
from levelofneed.helper.record import decision_record
from levelofneed.labels import plain_text

from .test_js import JS_TESTS, node, write

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "helper" / "safety-cases.yaml").read_text())
pytestmark = pytest.mark.content


def given(guidance: Guidance, case: dict[str, Any]) -> Answers:
    """The case's answers, with every safety and routing question it leaves out answered 'no'."""
    spec = case["given"]
    answers = {q.id: "no" for q in [*guidance.safety_questions, *guidance.helper.routing_questions]}
    answers.update(spec.get("answers", {}))
    for question in spec.get("unanswered", []):
        answers.pop(question)
    return Answers(answers, spec.get("age"), tuple(spec.get("indicators", [])))  # type: ignore[arg-type]


def observed(result: dict[str, Any]) -> dict[str, Any]:
    """What the suite checks, from either engine's result."""
    return {"level": result["level"], "act_now": result["stopped"], "duties": sorted(result["duties"]),
            "family_may_be_told": not result["do_not_alert"]}


def expected(case: dict[str, Any]) -> dict[str, Any]:
    found = case["expect"]
    return {"level": found["level"], "act_now": found["act_now"], "duties": sorted(found["duties"]),
            "family_may_be_told": found["family_may_be_told"]}


def python_result(guidance: Guidance, case: dict[str, Any]) -> dict[str, Any]:
    result = suggest(guidance, given(guidance, case))
    return {"level": result.level, "stopped": result.stopped, "duties": list(result.duties),
            "do_not_alert": list(result.do_not_alert), "contacts": list(result.contacts),
            "procedures": list(result.procedures)}


def _problems(case: dict[str, Any], result: dict[str, Any]) -> list[str]:
    found = []
    if observed(result) != expected(case):
        found.append(f"{observed(result)} != {expected(case)}")
    want = case["expect"]
    if "first_contact" in want and result["contacts"][:1] != [want["first_contact"]]:
        found.append(f"first contact {result['contacts'][:1]}, not {want['first_contact']}")
    for key in ("contacts", "procedures"):
        missing = [item for item in want.get(key, []) if item not in result[key]]
        if missing:
            found.append(f"{key} missing {missing}")
    return found


def test_the_suite_is_the_size_the_issue_asks_for_and_names_real_records(sefton: Guidance) -> None:
    assert len(CASES) >= 40
    questions = {q.id for q in sefton.safety_questions} | {q.id for q in sefton.helper.routing_questions}
    questions |= {q.id for q in sefton.helper.circumstances}
    for case in CASES:
        spec = case["given"]
        assert set(spec.get("answers", {})) | set(spec.get("unanswered", [])) <= questions, case["name"]
        assert set(spec.get("indicators", [])) <= set(sefton.indicator_by_id), case["name"]
        assert set(case["expect"]["duties"]) <= set(sefton.duty_by_id), case["name"]
    # Every duty and every indicator that says "do not tell the family first" is tried somewhere.
    tried = {d for case in CASES for d in case["expect"]["duties"]}
    assert tried == set(sefton.duty_by_id)
    assert any(not case["expect"]["family_may_be_told"] for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_the_python_engine_passes_each_safety_case(sefton: Guidance, case: dict[str, Any]) -> None:
    assert _problems(case, python_result(sefton, case)) == []


def test_the_browser_engine_passes_every_safety_case(sefton: Guidance, tmp_path: Path) -> None:
    write(tmp_path, "helper-data.json", helper_data(sefton))
    cases = [given(sefton, case) for case in CASES]
    write(tmp_path, "cases.json", [{"answers": dict(g.answers), "age_band": g.age_band,
                                    "indicators": list(g.indicators)} for g in cases])
    done = subprocess.run([node(), str(JS_TESTS / "engine-batch.js")], capture_output=True, text=True, check=False,
                          env={"LON_FIXTURES": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    broken = {case["name"]: _problems(case, result) for case, result in zip(CASES, results, strict=True)}
    assert {name: found for name, found in broken.items() if found} == {}


def _family_steps(guidance: Guidance) -> list[str]:
    steps = [level.tell_family for level in guidance.levels] + [r.tell_family for r in guidance.planning_responses]
    return [plain_text(step, guidance.contact_by_id) for step in steps if step]


@pytest.mark.parametrize("case", [c for c in CASES if not c["expect"]["family_may_be_told"]],
                         ids=[c["name"] for c in CASES if not c["expect"]["family_may_be_told"]])
def test_no_step_that_tells_the_family_reaches_the_record_or_the_json(sefton: Guidance, case: dict[str, Any]) -> None:
    answers = given(sefton, case)
    result = suggest(sefton, answers)
    record = decision_record(sefton, answers, result, "", dt.date(2026, 12, 5))
    written = json.dumps(report(sefton, result), ensure_ascii=False)
    assert _family_steps(sefton), "the content has no step that tells the family, so this test proves nothing"
    for step in _family_steps(sefton):
        assert step not in record and step not in written
    assert "Do not tell the family first." in record
