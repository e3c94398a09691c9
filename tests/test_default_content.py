"""The default Sefton content must stay complete: these are the coverage rules of issue 3.

They run on the repository's own guidance, so a later edit cannot silently leave a
sub-domain without indicators at a level, a procedure unreachable, or a briefing
unlinked.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from levelofneed import Guidance
from levelofneed.cli import main
from levelofneed.hours import hours_lines
from levelofneed.reports.coverage_report import (
    MIN_PER_SUBDOMAIN_CELL,
    subdomain_matrix,
    thin_briefings,
    topic_matrix,
    unreferenced_procedures,
)
from levelofneed.views import Views

from .conftest import REPO

pytestmark = pytest.mark.content  # Sefton's guidance itself, not the engines

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
def guidance(sefton: Guidance) -> Guidance:
    return sefton


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
    views = Views(guidance)
    assert all(views.planning_responses_at(level) for level in guidance.levels)


def test_counts_in_the_export(exported: dict[str, list[dict[str, object]]]) -> None:
    assert len(exported["levels"]) == 4
    assert len(exported["indicators"]) >= 240
    assert len(exported["services"]) >= 30
    assert len(exported["procedures"]) >= 3
    assert len(exported["briefings"]) >= 12
    assert len(exported["glossary"]) >= 40
    assert all(service.get("verification") for service in exported["services"])


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
    """Sefton's front door is CHAT; the retired LSCB-era line must never come back (issue 7)."""
    assert guidance.partnership.name == "Sefton Safeguarding Children Partnership"
    assert guidance.emergency.phone == "999"
    assert guidance.front_door.name == "Children's Help and Advice Team (CHAT)"
    assert (guidance.front_door.phone or "").replace(" ", "") == "01519344013"
    assert hours_lines(guidance.front_door, guidance.contact_by_id)[:3] == [
        "Monday, Tuesday and Thursday, 9am to 5:30pm",
        "Wednesday, 10:30am to 5:30pm (answerphone from 9am to 10:30am)",
        "Friday, 9am to 4pm"]
    assert guidance.front_door.opening is not None and guidance.front_door.opening.otherwise == "out-of-hours"
    assert (guidance.out_of_hours.phone or "").replace(" ", "") == "01519343555"
    assert "0345 140 0845" in guidance.front_door.former_phones


KEY_CONTACTS = ("front-door", "out-of-hours", "lado", "camhs-crisis")


@pytest.mark.parametrize("contact_id", KEY_CONTACTS)
def test_key_contacts_are_verified_with_a_cited_source(guidance: Guidance, contact_id: str) -> None:
    verification = guidance.contact_by_id[contact_id].verification
    assert verification.status == "verified"
    assert verification.checked is not None
    assert (verification.against or "").startswith("https://") or (verification.against or "").startswith("http://")


def test_every_contact_is_verified(guidance: Guidance) -> None:
    """check --strict fails on an unverified contact; the default content publishes none."""
    assert [c.id for c in guidance.partnership.contacts if c.verification.status != "verified"] == []


# Placements a safeguarding lead signed off in the content review (issue 7): each must stay at level 4.
LEVEL_4 = {
    "under-13-sexual-activity": "sexual activity under 13",
    "under-16-adult-partner-or-gifts": "an adult partner, gifts, alcohol or lifts for an under-16",
    "nude-images-coercion-adult-or-under-13": "coerced nude images, an adult involved, or an under-13",
    "sister-has-had-fgm": "a sister who has had FGM",
    "bruising-non-mobile-baby": "bruising in a child who is not independently mobile",
    "homeless-16-17-year-old": "a homeless 16 or 17-year-old",
    "hit-repeatedly-as-punishment": "hitting a child repeatedly",
    "made-to-go-without-food": "making a child go without food",
    "locked-in-room-as-punishment": "locking a child in a room",
    "harsh-or-humiliating-punishment": "humiliating punishment",
}


@pytest.mark.parametrize("indicator_id", sorted(LEVEL_4), ids=lambda i: LEVEL_4[i])
def test_safety_critical_placements_are_level_4(guidance: Guidance, indicator_id: str) -> None:
    assert guidance.indicator_by_id[indicator_id].level == guidance.levels[3].id


def test_non_mobile_bruising_covers_disabled_children_and_acts_the_same_day(guidance: Guidance) -> None:
    indicator = guidance.indicator_by_id["bruising-non-mobile-baby"]
    assert "disabled" in indicator.text.lower()
    assert "non-mobile-bruising" in indicator.procedures
    actions = " ".join(indicator.first_actions).lower()
    assert "same day" in actions or "same-day" in actions
    assert "((front-door))" in " ".join(indicator.first_actions)


def test_safety_critical_indicators_carry_first_actions(guidance: Guidance) -> None:
    fgm = " ".join(guidance.indicator_by_id["fgm-known-or-imminent"].first_actions)
    assert "((police-non-emergency))" in fgm and "one month" in fgm
    allegations = [i for i in guidance.indicators if "allegations-against-staff" in i.topics and i.first_actions]
    assert any("((lado))" in " ".join(i.first_actions) for i in allegations)


def test_no_retired_number_or_name_is_published(guidance: Guidance,
                                                exported: dict[str, list[dict[str, object]]]) -> None:
    text = json.dumps(exported, ensure_ascii=False)
    assert "0345 140 0845" not in text.replace(guidance.front_door.former_phones[0], "", 1)
    assert "8am to 6pm" not in text
    assert "Sefton LSCB business unit" not in text


def test_four_procedures_including_non_mobile_bruising(guidance: Guidance) -> None:
    assert {"escalation", "pre-birth", "sudic", "non-mobile-bruising"} <= set(guidance.procedure_by_id)


def test_every_indicator_has_keywords_and_a_source(guidance: Guidance) -> None:
    assert [i.id for i in guidance.indicators if not i.keywords] == []
    assert all(i.source for i in guidance.indicators)


def test_synonyms_cover_practitioner_jargon(guidance: Guidance) -> None:
    words = {term.lower() for group in guidance.synonyms for term in group.terms}
    for jargon in ("dv", "cse", "cce", "ehat", "taf", "mash", "cin", "s47", "uasc", "wnb", "dna", "smacking"):
        assert jargon in words, jargon
