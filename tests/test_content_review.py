"""The December content review's dangerous defects, D1 to D11, pinned in Sefton's guidance (issue 21).

Each test names its finding in ../shared/reviews/content-review-2026-12.md. Fast: the helper's
Python engine on the repository's own guidance; the browser engine runs the same cases in
tests/helper/safety-cases.yaml. D12 (a possible new duty to report child sexual abuse) is a check
on the law, recorded in the disclosure question's help, not a rule to pin.
"""

from __future__ import annotations

import datetime as dt

import pytest

from levelofneed import Guidance
from levelofneed.helper import Answers, suggest
from levelofneed.hours import answering
from levelofneed.views import Views

pytestmark = pytest.mark.content

TEEN = "12-17"


def test_d1_a_position_of_trust_relationship_at_16_or_17_is_level_4_with_the_lado(sefton: Guidance) -> None:
    found = suggest(sefton, Answers(age_band=TEEN, indicators=("position-of-trust-relationship-16-17",)))
    assert found.level == "level-4"
    assert "tell-lado-within-one-working-day" in found.duties and "lado" in found.contacts
    assert sefton.indicator_by_id["relationship-with-adult-16-17"].level == "level-3"
    assert "position of trust" not in sefton.indicator_by_id["relationship-with-adult-16-17"].keywords


def test_d2_an_allegation_is_never_routed_to_the_business_units_mailbox(sefton: Guidance) -> None:
    question = "about-someone-who-works-with-children"
    found = suggest(sefton, Answers(answers={question: "yes"}, age_band=TEEN,
                                    indicators=("persistent-bullying-affecting-school",)))
    assert {"lado", "front-door"} <= set(found.contacts)
    assert "sscp-business-unit" not in found.contacts
    lado = sefton.contact_by_id["lado"]
    assert lado.verification.ask != "sscp-business-unit"
    assert "((front-door))" in (lado.notes or "")


def test_d3_a_disclosure_names_the_lado_for_someone_who_works_with_children(sefton: Guidance) -> None:
    disclosure = next(q for q in sefton.safety_questions if q.id == "disclosure-of-abuse")
    assert "((lado))" in disclosure.action and "one working day" in disclosure.action


def test_d4_an_under_16_with_an_adult_partner_is_found_and_acted_on(sefton: Guidance) -> None:
    indicator = sefton.indicator_by_id["under-16-adult-partner-or-gifts"]
    assert indicator.level == "level-4" and indicator.first_actions
    assert {"19 year old", "sex with an adult"} <= set(indicator.keywords)
    unanswered = suggest(sefton, Answers(age_band=TEEN, indicators=("sexual-activity-13-to-15",)))
    assert unanswered.level == "level-4"


def test_d5_the_fgm_question_carries_the_duty_to_report_to_the_police(sefton: Guidance) -> None:
    found = suggest(sefton, Answers(answers={"fgm-or-forced-marriage-imminent": "yes"}, age_band=TEEN))
    assert "report-known-fgm" in found.duties
    assert sefton.duty_by_id["report-known-fgm"].contact in found.contacts


def test_d6_a_bruise_with_mobility_unanswered_is_not_level_1(sefton: Guidance) -> None:
    found = suggest(sefton, Answers(age_band="0-4", indicators=("minor-injuries-explained",)))
    assert found.level == "level-4" and "independently-mobile" in found.questions


@pytest.mark.parametrize("indicator", ["family-breakdown-risk", "rejected-by-family-for-identity",
                                       "young-person-at-risk-of-homelessness"])
def test_d7_a_young_person_who_may_be_homeless_tonight_is_level_4_until_answered(sefton: Guidance,
                                                                               indicator: str) -> None:
    found = suggest(sefton, Answers(age_band=TEEN, indicators=(indicator,)))
    assert found.level == "level-4" and "assess-homeless-16-17" in found.duties
    assert not {"asked to leave", "kicked out"} & set(sefton.indicator_by_id[indicator].keywords)


@pytest.mark.parametrize("indicator", ["relative-caring-needs-support", "disconnected-from-culture",
                                       "short-stays-with-non-relatives", "several-informal-carers"])
def test_d8_an_arrangement_that_may_be_private_fostering_carries_the_duty_to_notify(sefton: Guidance,
                                                                                  indicator: str) -> None:
    record = sefton.indicator_by_id[indicator]
    duties = [d.id for d in Views(sefton).duties_for_indicator(record)]
    assert "notify-private-fostering" in duties or "private fostering" in " ".join(
        [record.text, *record.first_actions]).lower()


@pytest.mark.parametrize("indicator", ["honour-based-abuse-risk", "family-arranging-fgm-or-marriage",
                                       "relative-poses-sexual-risk", "sexual-knowledge-beyond-age"])
def test_d9_where_telling_the_family_is_dangerous_the_result_says_not_to(sefton: Guidance, indicator: str) -> None:
    found = suggest(sefton, Answers(age_band=TEEN, indicators=(indicator,)))
    assert indicator in found.do_not_alert and sefton.indicator_by_id[indicator].first_actions


def test_d10_unassessed_risk_from_an_offender_at_home_is_not_left_to_early_help(sefton: Guidance) -> None:
    for indicator in ("adult-with-offending-history", "relatives-pose-risk"):
        record = sefton.indicator_by_id[indicator]
        assert record.level == "level-4" or "((front-door))" in " ".join([record.text, *record.first_actions]), \
            indicator


def test_d11_on_a_wednesday_morning_the_out_of_hours_team_answers(sefton: Guidance) -> None:
    wednesday = dt.datetime(2026, 12, 9, 9, 15)
    assert answering(sefton, sefton.front_door, wednesday).contact.id == sefton.partnership.out_of_hours
