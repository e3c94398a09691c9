"""The guidance indexed for page writing: every cross-reference worked out once, in linear time.

Page templates ask questions such as "which indicators sit in this sub-domain at level
3?" or "which briefings mention this indicator?". Answering them by scanning all
indicators per page would make the build quadratic, so this module answers them all
up front.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from ..guidance import Guidance
from ..model import AGE_BANDS, Briefing, Domain, Indicator, Level, Procedure, Service, Subdomain, Topic
from .glossary_terms import TermIndex

T = TypeVar("T")

AGE_LABELS: dict[str, str] = {
    "unborn": "Unborn babies",
    "0-4": "Ages 0 to 4",
    "5-11": "Ages 5 to 11",
    "12-17": "Ages 12 to 17",
    "18-25": "Young adults 18 to 25",
}


@dataclass(frozen=True)
class SiteOptions:
    """What the page writers need to know beyond the guidance itself.

    ``editors_page`` is the docs path of a hand-written editors' guide, if the site has
    one. ``similar`` maps an indicator id to ids of similar indicators at other levels;
    the search work fills it, and until then indicator pages show a comparison link.
    """

    editors_page: str | None = None
    open_data_page: str | None = None
    similar: Mapping[str, Sequence[str]] = field(default_factory=dict)


class Site:
    """The guidance plus the lookups every page needs, computed once per build."""

    def __init__(self, guidance: Guidance, options: SiteOptions | None = None) -> None:
        self.guidance = guidance
        self.options = options or SiteOptions()
        self.terms = TermIndex(guidance.glossary)

    @property
    def levels(self) -> tuple[Level, ...]:
        return self.guidance.levels

    def tone(self, level: Level) -> int:
        """Colour tone 1 (least need) to 4 (most), spread over however many levels there are."""
        return self._tones[level.id]

    @cached_property
    def _tones(self) -> dict[str, int]:
        count = len(self.levels)
        if count == 1:
            return {self.levels[0].id: 1}
        return {level.id: 1 + round(index * 3 / (count - 1)) for index, level in enumerate(self.levels)}

    @cached_property
    def parent_domain(self) -> dict[str, Domain]:
        """The domain each sub-domain belongs to."""
        return {sub.id: domain for domain in self.guidance.domains for sub in domain.subdomains}

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
        columns: dict[str, list[Indicator]] = {level.id: [] for level in self.levels}
        for item in indicators:
            columns[item.level].append(item)
        return [(level, columns[level.id]) for level in self.levels]

    def by_subdomain_within(self, indicators: Sequence[Indicator]) -> list[tuple[Domain, Subdomain, list[Indicator]]]:
        """Indicators grouped by domain and sub-domain, in the order the domains file gives."""
        groups = _group(indicators, lambda item: [item.subdomain])
        return [(domain, sub, groups[sub.id]) for domain in self.guidance.domains
                for sub in domain.subdomains if groups.get(sub.id)]

    def age_bands(self) -> list[tuple[str, str]]:
        """Every age band with its label, in age order."""
        return [(band, AGE_LABELS[band]) for band in AGE_BANDS]

    @cached_property
    def briefings_for(self) -> dict[str, list[Briefing]]:
        """Briefings for an indicator: those it names, and those that name it."""
        found: dict[str, dict[str, Briefing]] = defaultdict(dict)
        for briefing in self.guidance.briefings:
            for indicator_id in briefing.indicators:
                found[indicator_id][briefing.id] = briefing
        for indicator in self.guidance.indicators:
            for briefing_id in indicator.briefings:
                found[indicator.id][briefing_id] = self.guidance.briefing_by_id[briefing_id]
        return {key: sorted(value.values(), key=lambda b: b.title) for key, value in found.items()}

    def services_at(self, level: Level) -> list[Service]:
        """Services the level names, then any other service that says it works at the level."""
        named = [self.guidance.service_by_id[sid] for sid in level.services]
        others = [s for s in self.guidance.services if level.id in s.levels and s.id not in level.services]
        return named + sorted(others, key=lambda s: s.name)

    def procedures_for(self, indicator: Indicator) -> list[Procedure]:
        """Procedures the indicator names, then those its topics name."""
        ids = list(indicator.procedures)
        for topic_id in indicator.topics:
            ids.extend(self.guidance.topic_by_id[topic_id].procedures)
        return [self.guidance.procedure_by_id[pid] for pid in dict.fromkeys(ids)]

    @cached_property
    def procedure_users(self) -> dict[str, tuple[list[Level], list[Topic]]]:
        """The levels and topics that point at each procedure, for links back."""
        users: dict[str, tuple[list[Level], list[Topic]]] = {
            p.id: ([], []) for p in self.guidance.procedures}
        for level in self.levels:
            for pid in level.procedures:
                users[pid][0].append(level)
        for topic in self.guidance.topics:
            for pid in topic.procedures:
                users[pid][1].append(topic)
        return users

    def similar_to(self, indicator: Indicator) -> list[Indicator]:
        """Similar indicators at other levels, when the search work has supplied them."""
        ids = self.options.similar.get(indicator.id, ())
        return [self.guidance.indicator_by_id[i] for i in ids if i in self.guidance.indicator_by_id]


def _group(items: Sequence[T], keys: Callable[[T], Sequence[str]]) -> dict[str, list[T]]:
    """Items under each key they carry, keeping file order within a key."""
    grouped: dict[str, list[T]] = defaultdict(list)
    for item in items:
        for key in keys(item):
            grouped[key].append(item)
    return dict(grouped)
