"""What applies to what (levelofneed.views): the answers every output shares, tested on their own."""

from __future__ import annotations

import pytest

from levelofneed import Guidance
from levelofneed.views import Views


@pytest.fixture(scope="module")
def guidance(base_guidance: Guidance) -> Guidance:
    return base_guidance


def _with_services(guidance: Guidance) -> Guidance:
    """Three services: one the level names, two that only say they work at the level, out of name order."""
    base = guidance.services[0]
    shared = {"levels": ["level-2"], "topics": ["neglect"]}
    zebra = base.model_copy(update={"id": "zebra", "name": "Zebra service", **shared})
    apple = base.model_copy(update={"id": "apple", "name": "Apple service", **shared})
    return guidance.replace(services=(zebra, base, apple))


def test_services_at_a_level_are_the_named_ones_then_the_rest_by_name(guidance: Guidance) -> None:
    changed = _with_services(guidance)
    level = changed.level_by_id["level-2"]
    assert level.services == ["health-visiting"]
    assert [s.id for s in Views(changed).services_at(level)] == ["health-visiting", "apple", "zebra"]


def test_services_for_a_topic_follow_the_same_rule(guidance: Guidance) -> None:
    changed = _with_services(guidance)
    topic = changed.topic_by_id["neglect"].model_copy(update={"services": ["zebra"]})
    assert [s.id for s in Views(changed).services_for_topic(topic)] == ["zebra", "apple"]


def test_an_indicator_without_services_borrows_its_levels(guidance: Guidance) -> None:
    views = Views(guidance)
    named = guidance.indicator_by_id["health-milestones"]
    unnamed = guidance.indicator_by_id["basic-care-hygiene"]
    assert views.services_for_indicator(named) == ([guidance.service_by_id["health-visiting"]], False)
    services, from_level = views.services_for_indicator(unnamed)
    assert from_level and services == views.services_at(guidance.level_by_id["level-2"])


def test_procedures_for_an_indicator_include_its_topics_once(guidance: Guidance) -> None:
    topic = guidance.topic_by_id["neglect"].model_copy(update={"procedures": ["escalation"]})
    changed = guidance.replace(topics=(topic,))
    indicator = changed.indicator_by_id["basic-care-hygiene"]
    assert indicator.procedures == ["escalation"]
    assert [p.id for p in Views(changed).procedures_for_indicator(indicator)] == ["escalation"]


def test_briefings_link_both_ways(guidance: Guidance) -> None:
    views = Views(guidance)
    named_by_briefing = guidance.indicator_by_id["basic-care-hygiene"]
    assert [b.id for b in views.briefings_for_indicator(named_by_briefing)] == ["was-not-brought"]
    naming = guidance.indicator_by_id["health-milestones"].model_copy(update={"briefings": ["was-not-brought"]})
    changed = guidance.replace(indicators=(naming, named_by_briefing))
    assert [b.id for b in Views(changed).briefings_for_indicator(naming)] == ["was-not-brought"]


def test_procedure_users_are_the_levels_and_topics_that_name_it(guidance: Guidance) -> None:
    views = Views(guidance)
    levels, topics = views.procedure_users(guidance.procedure_by_id["escalation"])
    assert [level.id for level in levels] == ["level-2"] and topics == []


def test_every_level_gets_a_column_even_when_empty(guidance: Guidance) -> None:
    views = Views(guidance)
    columns = views.at_levels([guidance.indicator_by_id["basic-care-hygiene"]])
    assert [(level.id, [i.id for i in items]) for level, items in columns] == [
        ("level-1", []), ("level-2", ["basic-care-hygiene"])]


def test_planning_responses_at_a_level(guidance: Guidance) -> None:
    views = Views(guidance)
    assert [r.id for r in views.planning_responses_at(guidance.level_by_id["level-2"])] == ["pr-level-2"]


def test_contacts_named_in_texts_are_in_order_of_first_mention(guidance: Guidance) -> None:
    views = Views(guidance)
    texts = ["Call ((out-of-hours)) tonight, or ((front-door)).", "Then ((out-of-hours)) again."]
    assert [c.id for c in views.contacts_named_in(texts)] == ["out-of-hours", "front-door"]


def test_briefings_by_date_are_newest_first(guidance: Guidance) -> None:
    old = guidance.briefings[0]
    new = old.model_copy(update={"id": "newer", "date": old.date.replace(year=old.date.year + 1)})
    assert [b.id for b in Views(guidance.replace(briefings=(old, new))).briefings_by_date()] == ["newer", old.id]
