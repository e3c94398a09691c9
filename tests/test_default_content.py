"""The default Sefton content must stay complete: these are the coverage rules of issue 3.

They run on the repository's own guidance, so a later edit cannot silently leave a
sub-domain without indicators at a level, a procedure unreachable, or a briefing
unlinked.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from levelofneed import Guidance, load_guidance
from levelofneed.cli import main
from levelofneed.coverage import (
    MIN_PER_SUBDOMAIN_CELL,
    subdomain_matrix,
    thin_briefings,
    topic_matrix,
    unreferenced_procedures,
)

from .conftest import REPO

REQUIRED_TOPIC_WORDS = [
    "unborn", "concealed", "non-mobile", "neglect", "domestic abuse", "mental health", "substance",
    "learning disab", "hidden", "not brought", "disguised compliance", "sexual abuse", "harmful sexual",
    "exploitation", "missing", "online", "radicalisation", "fgm", "asylum", "privately fostered",
    "young carers", "send", "self-harm", "care leavers", "homeless", "bullying", "home education",
    "sudden unexpected death",
]
CASE_REVIEWS = {"scr-janet", "scr-matilda", "scr-beatrice", "review-george"}
THEMES = ["hidden m", "not brought", "escalation", "curiosity", "voice of the child", "think family",
          "pre-birth", "information sharing"]


@pytest.fixture(scope="module")
def guidance() -> Guidance:
    return load_guidance(REPO)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, object]]]:
    out: Path = tmp_path_factory.mktemp("export") / "guidance.json"
    assert main(["export", "json", str(out), "--root", str(REPO)]) == 0
    data: dict[str, list[dict[str, object]]] = json.loads(out.read_text())
    return data


def test_every_subdomain_level_cell_has_enough_indicators(guidance: Guidance) -> None:
    assert subdomain_matrix(guidance).cells_below(MIN_PER_SUBDOMAIN_CELL) == []


def test_every_topic_has_indicators_at_every_level(guidance: Guidance) -> None:
    assert topic_matrix(guidance).empty_cells() == []


def test_every_procedure_is_referenced(guidance: Guidance) -> None:
    assert unreferenced_procedures(guidance) == []


def test_every_briefing_links_at_least_three_indicators(guidance: Guidance) -> None:
    assert thin_briefings(guidance) == []


def test_every_level_has_a_planning_response(guidance: Guidance) -> None:
    assert all(guidance.planning_responses_for(level.id) for level in guidance.levels)


def test_counts_in_the_export(exported: dict[str, list[dict[str, object]]]) -> None:
    assert len(exported["levels"]) == 4
    assert len(exported["indicators"]) >= 240
    assert len(exported["services"]) >= 30
    assert len(exported["procedures"]) >= 3
    assert len(exported["briefings"]) >= 12
    assert len(exported["glossary"]) >= 40
    assert all(service.get("last_verified") for service in exported["services"])


def test_required_topics_are_present(guidance: Guidance) -> None:
    names = " | ".join(f"{t.id} {t.name}".lower().replace("-", " ") for t in guidance.topics)
    missing = [word for word in REQUIRED_TOPIC_WORDS if word.replace("-", " ") not in names]
    assert missing == []


def test_case_review_and_thematic_briefings(guidance: Guidance) -> None:
    assert set(guidance.briefing_by_id) >= CASE_REVIEWS
    titles = " | ".join(b.title.lower() for b in guidance.briefings if b.kind == "thematic")
    assert [theme for theme in THEMES if theme not in titles] == []
    assert len([b for b in guidance.briefings if b.kind == "thematic"]) >= 8


def test_procedures_for_escalation_pre_birth_and_sudic(guidance: Guidance) -> None:
    escalation = guidance.procedure_by_id["escalation"]
    assert len(escalation.steps) >= 4
    assert any(step.record for step in escalation.steps)
    assert {"pre-birth", "sudic"} <= set(guidance.procedure_by_id)
    assert any("34" in step.timescale or "34" in step.what for step in guidance.procedure_by_id["pre-birth"].steps)


def test_level_four_asks_for_a_call_then_a_written_referral(guidance: Guidance) -> None:
    level4 = guidance.levels[3]
    text = " ".join([level4.definition, *level4.practitioner_actions, *level4.timescales]).lower()
    assert "one working day" in text
    assert "phone" in text or "telephone" in text or "call" in text


def test_partnership_contacts(guidance: Guidance) -> None:
    partnership = guidance.partnership
    assert partnership.immediate_danger.phone == "999"
    assert partnership.front_door.phone.replace(" ", "") == "03451400845"
    assert partnership.out_of_hours.phone.replace(" ", "") == "01519343555"


def test_every_indicator_has_keywords_and_a_source(guidance: Guidance) -> None:
    assert [i.id for i in guidance.indicators if not i.keywords] == []
    assert all(i.source for i in guidance.indicators)


def test_synonyms_cover_practitioner_jargon(guidance: Guidance) -> None:
    words = {term.lower() for group in guidance.synonyms for term in group.terms}
    for jargon in ("dv", "cse", "cce", "ehat", "taf", "mash", "cin", "s47", "uasc", "wnb", "dna", "smacking"):
        assert jargon in words, jargon
