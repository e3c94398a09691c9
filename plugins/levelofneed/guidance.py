"""The one validated object every output reads: sites, helper data, search, PDF and diff."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from .model import (
    Briefing,
    Contact,
    Domain,
    GlossaryTerm,
    Indicator,
    Level,
    Partnership,
    PlanningResponse,
    Procedure,
    SafetyQuestion,
    Service,
    Subdomain,
    SynonymGroup,
    Topic,
)


@dataclass(frozen=True)
class Origin:
    """Where a record was written, so outputs can point editors back at the YAML."""

    path: str
    line: int
    column: int


@dataclass(frozen=True)
class Guidance:
    """All the guidance, validated and cross-checked. Levels are sorted by number."""

    partnership: Partnership
    levels: tuple[Level, ...]
    domains: tuple[Domain, ...]
    topics: tuple[Topic, ...]
    indicators: tuple[Indicator, ...]
    planning_responses: tuple[PlanningResponse, ...]
    services: tuple[Service, ...]
    procedures: tuple[Procedure, ...]
    briefings: tuple[Briefing, ...]
    glossary: tuple[GlossaryTerm, ...]
    synonyms: tuple[SynonymGroup, ...]
    safety_questions: tuple[SafetyQuestion, ...]
    origins: Mapping[str, Origin] = field(default_factory=dict, compare=False)

    def origin(self, kind: str, record_id: str) -> Origin | None:
        """The file and line where a record of ``kind`` (e.g. ``indicators``) was written."""
        return self.origins.get(f"{kind}/{record_id}")

    @cached_property
    def contact_by_id(self) -> dict[str, Contact]:
        return {contact.id: contact for contact in self.partnership.contacts}

    @property
    def front_door(self) -> Contact:
        """The contact for daytime worries about a child."""
        return self.contact_by_id[self.partnership.front_door]

    @property
    def out_of_hours(self) -> Contact:
        """The contact when the front door is closed."""
        return self.contact_by_id[self.partnership.out_of_hours]

    @property
    def emergency(self) -> Contact:
        """The contact for a child in immediate danger (the police on 999)."""
        return self.contact_by_id[self.partnership.immediate_danger.contact]

    @cached_property
    def level_by_id(self) -> dict[str, Level]:
        return {level.id: level for level in self.levels}

    @cached_property
    def domain_by_id(self) -> dict[str, Domain]:
        return {domain.id: domain for domain in self.domains}

    @cached_property
    def subdomain_by_id(self) -> dict[str, Subdomain]:
        return {sub.id: sub for domain in self.domains for sub in domain.subdomains}

    @cached_property
    def topic_by_id(self) -> dict[str, Topic]:
        return {topic.id: topic for topic in self.topics}

    @cached_property
    def indicator_by_id(self) -> dict[str, Indicator]:
        return {indicator.id: indicator for indicator in self.indicators}

    @cached_property
    def service_by_id(self) -> dict[str, Service]:
        return {service.id: service for service in self.services}

    @cached_property
    def procedure_by_id(self) -> dict[str, Procedure]:
        return {procedure.id: procedure for procedure in self.procedures}

    @cached_property
    def briefing_by_id(self) -> dict[str, Briefing]:
        return {briefing.id: briefing for briefing in self.briefings}

    def planning_responses_for(self, level_id: str) -> list[PlanningResponse]:
        """The planning responses of one level, in file order."""
        return [response for response in self.planning_responses if response.level == level_id]

    def indicators_at(self, level_id: str) -> list[Indicator]:
        """The indicators placed at one level, in file order."""
        return [indicator for indicator in self.indicators if indicator.level == level_id]
