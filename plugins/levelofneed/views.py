"""What applies to what: the services, procedures, briefings and contacts for a level, topic or indicator.

Render-neutral answers that the site, the helper, the PDF, search and the reports all
need. Each rule is written once, here; an output that needs another answer adds it here
rather than working it out itself. Every lookup is built once, in linear time, so a
build that asks for every page stays linear.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from typing import TypeVar

from .guidance import Guidance
from .model import (
    AGE_BANDS,
    Briefing,
    Contact,
    Domain,
    DoNotAlert,
    Duty,
    Indicator,
    Level,
    PlanningResponse,
    Procedure,
    Service,
    Subdomain,
    Topic,
)
from .placeholders import contact_ids

T = TypeVar("T")


class Views:
    """The guidance, indexed for the questions outputs ask."""

    def __init__(self, guidance: Guidance) -> None:
        self.guidance = guidance

    # Indicators, grouped.

    @cached_property
    def by_level(self) -> dict[str, list[Indicator]]:
        return _group(self.guidance.indicators, lambda item: [item.level])

    @cached_property
    def by_subdomain(self) -> dict[str, list[Indicator]]:
        return _group(self.guidance.indicators, lambda item: [item.subdomain])

    @cached_property
    def by_topic(self) -> dict[str, list[Indicator]]:
        return _group(self.guidance.indicators, lambda item: item.topics)

    @cached_property
    def by_age(self) -> dict[str, list[Indicator]]:
        return _group(self.guidance.indicators, lambda item: item.age_bands)

    def at_levels(self, indicators: Sequence[Indicator]) -> list[tuple[Level, list[Indicator]]]:
        """Indicators split into one column per level, every level present even when empty."""
        columns: dict[str, list[Indicator]] = {level.id: [] for level in self.guidance.levels}
        for item in indicators:
            columns[item.level].append(item)
        return [(level, columns[level.id]) for level in self.guidance.levels]

    def by_subdomain_within(self, indicators: Sequence[Indicator]) -> list[tuple[Domain, Subdomain, list[Indicator]]]:
        """Indicators grouped by domain and sub-domain, in the order the domains file gives."""
        groups = _group(indicators, lambda item: [item.subdomain])
        return [(domain, sub, groups[sub.id]) for domain in self.guidance.domains
                for sub in domain.subdomains if groups.get(sub.id)]

    def tone(self, level: Level) -> int:
        """Colour tone 1 (least need) to 4 (most), spread over however many levels there are.

        Every output colours a level with its tone, and always beside its number and name.
        """
        return self._tones[level.id]

    @cached_property
    def _tones(self) -> dict[str, int]:
        levels = self.guidance.levels
        if len(levels) == 1:
            return {levels[0].id: 1}
        return {level.id: 1 + round(index * 3 / (len(levels) - 1)) for index, level in enumerate(levels)}

    @staticmethod
    def age_bands() -> tuple[str, ...]:
        """Every age band, in age order."""
        return AGE_BANDS

    # Services: the ones a record names first, then any other that says it applies, by name.

    def _named_first(self, named: Sequence[str], applies: Callable[[Service], bool]) -> list[Service]:
        by_id = self.guidance.service_by_id
        others = [s for s in self.guidance.services if s.id not in named and applies(s)]
        return [by_id[sid] for sid in named] + sorted(others, key=lambda s: s.name)

    def services_at(self, level: Level) -> list[Service]:
        """Services the level names, then any other service that says it works at the level."""
        return self._named_first(level.services, lambda s: level.id in s.levels)

    def services_in_result(self, level: Level) -> list[Service]:
        """The services the helper's result offers at a level: those the level names, not every service
        that works at it. A phone must show the right few, so the level's page lists them all and the
        result only the level's own choice, after the services each chosen indicator names (issue 21)."""
        return [self.guidance.service_by_id[sid] for sid in level.services]

    def services_for_topic(self, topic: Topic) -> list[Service]:
        """Services the topic names, then others that say they help with it."""
        return self._named_first(topic.services, lambda s: topic.id in s.topics)

    @cached_property
    def _topics_by_service(self) -> dict[str, list[Topic]]:
        found: dict[str, list[Topic]] = defaultdict(list)
        for topic in self.guidance.topics:
            for service in self.services_for_topic(topic):
                found[service.id].append(topic)
        return dict(found)

    def topics_of_service(self, service: Service) -> list[Topic]:
        """The topics whose pages list the service: the same rule as :meth:`services_for_topic`, turned round,
        so the services directory's topic filter agrees with every topic page."""
        return self._topics_by_service.get(service.id, [])

    def services_for_indicator(self, indicator: Indicator) -> tuple[list[Service], bool]:
        """The indicator's own services or, when it names none, those of its level (and True)."""
        if indicator.services:
            return [self.guidance.service_by_id[sid] for sid in indicator.services], False
        return self.services_at(self.guidance.level_by_id[indicator.level]), True

    def services_for_response(self, response: PlanningResponse) -> list[Service]:
        """The services a planning response names."""
        return [self.guidance.service_by_id[sid] for sid in response.services]

    # Procedures and briefings.

    def procedures_at(self, level: Level) -> list[Procedure]:
        return [self.guidance.procedure_by_id[pid] for pid in level.procedures]

    def procedures_for_topic(self, topic: Topic) -> list[Procedure]:
        return [self.guidance.procedure_by_id[pid] for pid in topic.procedures]

    def procedures_for_indicator(self, indicator: Indicator) -> list[Procedure]:
        """Procedures the indicator names, then those its topics name."""
        ids = list(indicator.procedures)
        for topic_id in indicator.topics:
            ids.extend(self.guidance.topic_by_id[topic_id].procedures)
        return [self.guidance.procedure_by_id[pid] for pid in dict.fromkeys(ids)]

    @cached_property
    def _procedure_users(self) -> dict[str, tuple[list[Level], list[Topic]]]:
        users: dict[str, tuple[list[Level], list[Topic]]] = {p.id: ([], []) for p in self.guidance.procedures}
        for level in self.guidance.levels:
            for pid in level.procedures:
                users[pid][0].append(level)
        for topic in self.guidance.topics:
            for pid in topic.procedures:
                users[pid][1].append(topic)
        return users

    def procedure_users(self, procedure: Procedure) -> tuple[list[Level], list[Topic]]:
        """The levels and topics that point at a procedure, for links back."""
        return self._procedure_users[procedure.id]

    @cached_property
    def _briefings_by_indicator(self) -> dict[str, list[Briefing]]:
        found: dict[str, dict[str, Briefing]] = defaultdict(dict)
        for briefing in self.guidance.briefings:
            for indicator_id in briefing.indicators:
                found[indicator_id][briefing.id] = briefing
        for indicator in self.guidance.indicators:
            for briefing_id in indicator.briefings:
                found[indicator.id][briefing_id] = self.guidance.briefing_by_id[briefing_id]
        return {key: sorted(value.values(), key=lambda b: b.title) for key, value in found.items()}

    def briefings_for_indicator(self, indicator: Indicator) -> list[Briefing]:
        """Briefings the indicator names, and those that name it, by title."""
        return self._briefings_by_indicator.get(indicator.id, [])

    def briefings_for_topic(self, topic: Topic) -> list[Briefing]:
        return [b for b in self.guidance.briefings if topic.id in b.topics]

    def briefings_by_date(self) -> list[Briefing]:
        """Newest first, as a team looking for this month's briefing expects."""
        return sorted(self.guidance.briefings, key=lambda b: (b.date, b.title), reverse=True)

    # Legal duties, and when the family must not be told first (ADR 16).

    def _duties(self, ids: Iterable[str]) -> list[Duty]:
        return [self.guidance.duty_by_id[did] for did in dict.fromkeys(ids)]

    def duties_for_indicator(self, indicator: Indicator) -> list[Duty]:
        """The duties the indicator names, then those of its topics: a topic's duty binds each of its indicators."""
        topics = (self.guidance.topic_by_id[tid] for tid in indicator.topics)
        return self._duties([*indicator.duties, *(did for topic in topics for did in topic.duties)])

    def duties_for_topic(self, topic: Topic) -> list[Duty]:
        return self._duties(topic.duties)

    def duties_for_procedure(self, procedure: Procedure) -> list[Duty]:
        return self._duties(procedure.duties)

    def duties_at(self, level: Level) -> list[Duty]:
        """Every duty an indicator at this level brings, for the level's printed card."""
        return self._duties(d.id for i in self.by_level.get(level.id, []) for d in self.duties_for_indicator(i))

    @cached_property
    def _duty_users(self) -> dict[str, list[Indicator]]:
        return _group(self.guidance.indicators, lambda item: [d.id for d in self.duties_for_indicator(item)])

    def indicators_with_duty(self, duty: Duty) -> list[Indicator]:
        """The indicators a duty binds, for the duties page's links back."""
        return self._duty_users.get(duty.id, [])

    @staticmethod
    def do_not_alert(indicator: Indicator) -> DoNotAlert | None:
        """Whether the family must not be told first when this indicator is seen, and whom to ask.

        The indicator says so itself; a topic's field is a prompt to editors (``check`` warns about
        an indicator that lacks it), never inherited, so that a topic's level 1 indicators keep
        their ordinary advice.
        """
        return indicator.do_not_alert_family

    def advice_before_telling_family(self, indicators: Iterable[Indicator]) -> list[str]:
        """The ids of the contacts to speak to before anyone tells the family, in order of first mention."""
        found = (self.do_not_alert(indicator) for indicator in indicators)
        return list(dict.fromkeys(cid for advice in found if advice for cid in advice.advice_from))

    # Contacts.

    def contacts_named_in(self, texts: Iterable[str]) -> list[Contact]:
        """The contacts a set of texts names as ((id)), in order of first mention."""
        ids = dict.fromkeys(cid for text in texts for cid in contact_ids(text))
        return [self.guidance.contact_by_id[cid] for cid in ids]

    # Related records.

    def topics_of(self, indicator: Indicator) -> list[Topic]:
        return [self.guidance.topic_by_id[tid] for tid in indicator.topics]

    @cached_property
    def _responses_by_level(self) -> dict[str, list[PlanningResponse]]:
        return _group(self.guidance.planning_responses, lambda response: [response.level])

    def planning_responses_at(self, level: Level) -> list[PlanningResponse]:
        """The planning responses of one level, in file order."""
        return self._responses_by_level.get(level.id, [])


def _group(items: Sequence[T], keys: Callable[[T], Sequence[str]]) -> dict[str, list[T]]:
    """Items under each key they carry, keeping file order within a key."""
    grouped: dict[str, list[T]] = defaultdict(list)
    for item in items:
        for key in keys(item):
            grouped[key].append(item)
    return dict(grouped)
