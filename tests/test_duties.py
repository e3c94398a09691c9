"""Legal duties and "do not tell the family first" (issue 20, ADR 16), on the every-field example.

Fast: no site build and no browser. The example links one duty from an indicator, its topic,
a safety question, a routing question and a procedure, and marks the indicator and its topic
"do not tell the family first"; the level and its planning response each have a step that
tells the family.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from levelofneed import Guidance
from levelofneed.cli import main
from levelofneed.helper import Answers, suggest
from levelofneed.pipeline import load_guidance
from levelofneed.render import iter_pages
from levelofneed.render import paths as page_paths
from levelofneed.views import Views

from .conftest import EXAMPLES, build_example

DUTY = "notify-the-council"
MARKED = "basic-care-hygiene"


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_example(EXAMPLES / "valid" / "every-field", tmp_path_factory.mktemp("every-field") / "root")


@pytest.fixture(scope="module")
def guidance(root: Path) -> Guidance:
    return load_guidance(root)


@pytest.fixture(scope="module")
def pages(guidance: Guidance) -> dict[str, str]:
    return {page.path: page.markdown for page in iter_pages(guidance)}


def test_a_topics_duty_binds_each_of_its_indicators(guidance: Guidance) -> None:
    views = Views(guidance)
    marked = guidance.indicator_by_id[MARKED]
    assert [d.id for d in views.duties_for_indicator(marked)] == [DUTY]
    assert [i.id for i in views.indicators_with_duty(guidance.duty_by_id[DUTY])] == [MARKED]
    other = next(i for i in guidance.indicators if i.id != MARKED)
    assert views.duties_for_indicator(other) == [] and views.do_not_alert(other) is None


def test_the_indicator_page_says_you_must_before_the_services(pages: dict[str, str], guidance: Guidance) -> None:
    page = pages[f"indicators/{MARKED}.md"]
    duty = guidance.duty_by_id[DUTY]
    assert page.index("## You must") < page.index("## Services")
    for text in (duty.name, duty.who, duty.what, duty.by_when, duty.law):
        assert text in page
    assert "Do not tell the family first." in page
    # The level's step that tells the family is replaced on this page, never shown beside the advice.
    level = guidance.level_by_id[guidance.indicator_by_id[MARKED].level]
    assert level.tell_family and level.tell_family not in page


def test_an_indicator_that_may_tell_the_family_shows_the_levels_step(guidance: Guidance) -> None:
    level = guidance.level_by_id[guidance.indicator_by_id[MARKED].level]
    plain = guidance.replace(indicators=tuple(i.model_copy(update={"do_not_alert_family": None})
                                              for i in guidance.indicators))
    page = next(p.markdown for p in iter_pages(plain) if p.path == f"indicators/{MARKED}.md")
    assert level.tell_family is not None and level.tell_family in page
    assert "Do not tell the family first." not in page


def test_the_duties_page_lists_every_duty_with_what_it_binds(pages: dict[str, str], guidance: Guidance) -> None:
    page = pages[page_paths.DUTIES]
    for duty in guidance.duties:
        assert f"{{#{duty.id}}}" in page and duty.law in page
    assert f"indicators/{MARKED}.md" in page


def test_topic_procedure_and_level_pages_carry_the_duty(pages: dict[str, str], guidance: Guidance) -> None:
    name = guidance.duty_by_id[DUTY].name
    topic = next(t for t in guidance.topics if t.duties)
    assert name in pages[page_paths.topic(topic)] and "Do not tell the family first." in pages[page_paths.topic(topic)]
    procedure = next(p for p in guidance.procedures if p.duties)
    assert name in pages[page_paths.procedure(procedure)]
    level = guidance.level_by_id[guidance.indicator_by_id[MARKED].level]
    assert name in pages[page_paths.level(level)] and str(level.tell_family) in pages[page_paths.level(level)]


def test_the_engine_brings_duties_from_every_link_and_their_contacts(guidance: Guidance) -> None:
    safety = next(q for q in guidance.safety_questions if q.duties)
    routing = next(q for q in guidance.helper.routing_questions if q.duties)
    nothing = {q.id: "no" for q in [*guidance.safety_questions, *guidance.helper.routing_questions]}
    other = next(i.id for i in guidance.indicators if i.id != MARKED)
    assert suggest(guidance, Answers(nothing, None, (other,))).duties == ()
    for answers, chosen in (({**nothing, safety.id: "yes"}, ()), ({**nothing, routing.id: "yes"}, (other,)),
                            (nothing, (MARKED,))):
        result = suggest(guidance, Answers(answers, None, chosen))  # type: ignore[arg-type]
        assert result.duties == (DUTY,) and guidance.duty_by_id[DUTY].contact in result.contacts
    # Unknown is never safe (ADR 14): a routing question left unanswered brings its duty.
    unanswered = {k: v for k, v in nothing.items() if k != routing.id}
    assert suggest(guidance, Answers(unanswered, None, (other,))).duties == (DUTY,)  # type: ignore[arg-type]


def test_which_level_json_and_text_say_what_the_page_says(root: Path, guidance: Guidance,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    base = ["which-level", "--root", str(root), "--indicator", MARKED, "--at", "2026-12-04T16:45"]
    assert main(base) == 0
    found = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in found["duties"]] == [DUTY] and found["duties"][0]["by_when"]
    assert found["family"]["may_be_told_first"] is False and found["family"]["advice_from"]
    level = guidance.level_by_id[guidance.indicator_by_id[MARKED].level]
    assert found["first_actions"] and found["call_now"]["contact"]
    assert all(str(r.tell_family) not in json.dumps(found) for r in guidance.planning_responses if r.tell_family)
    assert str(level.tell_family) not in json.dumps(found)
    assert main([*base, "--format", "text"]) == 0
    text = capsys.readouterr().out
    assert found["call_now"]["text"] in text and "Legal duties:" in text and "Do not tell the family first." in text
    assert found["first_actions"][0] in text


def test_the_record_says_the_family_may_be_told_when_nothing_says_otherwise(
        root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = "health-milestones"
    assert main(["which-level", "--root", str(root), "--indicator", other, "--format", "text",
                 "--answer", "works-with-children=no"]) == 0
    text = capsys.readouterr().out
    assert "Nothing chosen says the family must not be told first." in text and "Legal duties:" not in text
