"""The one validated object every output reads: sites, helper data, search, PDF and diff."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, cast

from .model import (
    Briefing,
    Contact,
    Domain,
    Duty,
    GlossaryTerm,
    GuidanceVersion,
    HelperRules,
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
    """All the guidance, validated and cross-checked: one tuple of records per registered kind.

    ``records`` is keyed by the kinds in :data:`levelofneed.model.KINDS`, so a new kind
    reaches every output without a change here; the properties below give the kinds
    every output uses their types. Levels are sorted by number.
    """

    records: Mapping[str, tuple[Any, ...]]
    origins: Mapping[str, Origin] = field(default_factory=dict, compare=False)
    # How many problems still stop 'check --strict' (unverified contacts, overdue reviews): while any
    # remain, every output says the guidance is a draft, not for use with children and families. A new
    # partnership's starter (levelofneed init) begins with every contact a placeholder.
    not_ready: int = field(default=0, compare=False)

    @property
    def draft(self) -> bool:
        """True while ``check --strict`` would fail: the site and PDFs then carry the draft notice."""
        return self.not_ready > 0

    @property
    def partnership(self) -> Partnership:
        """The one partnership record (``check`` refuses none or two)."""
        return cast(Partnership, self.records["partnership"][0])

    @property
    def helper(self) -> HelperRules:
        """The one set of helper rules (``check`` refuses none or two)."""
        return cast(HelperRules, self.records["helper"][0])

    @property
    def levels(self) -> tuple[Level, ...]:
        return self.records["levels"]

    @property
    def domains(self) -> tuple[Domain, ...]:
        return self.records["domains"]

    @property
    def topics(self) -> tuple[Topic, ...]:
        return self.records["topics"]

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return self.records["indicators"]

    @property
    def planning_responses(self) -> tuple[PlanningResponse, ...]:
        return self.records["planning_responses"]

    @property
    def services(self) -> tuple[Service, ...]:
        return self.records["services"]

    @property
    def procedures(self) -> tuple[Procedure, ...]:
        return self.records["procedures"]

    @property
    def duties(self) -> tuple[Duty, ...]:
        return self.records.get("duties", ())

    @property
    def briefings(self) -> tuple[Briefing, ...]:
        return self.records["briefings"]

    @property
    def glossary(self) -> tuple[GlossaryTerm, ...]:
        return self.records["glossary"]

    @property
    def synonyms(self) -> tuple[SynonymGroup, ...]:
        return self.records["synonyms"]

    @property
    def safety_questions(self) -> tuple[SafetyQuestion, ...]:
        return self.records["safety_questions"]

    @property
    def changes(self) -> tuple[GuidanceVersion, ...]:
        """The content changelog, newest version first (``check`` makes the first the current one)."""
        return self.records["changes"]

    @property
    def published(self) -> dt.date | None:
        """When the current version was published: the newest entry of the content changelog, if any."""
        return self.changes[0].date if self.changes else None

    def replace(self, **records: tuple[Any, ...]) -> Guidance:
        """A copy with some kinds' records replaced, e.g. ``guidance.replace(levels=(...))``."""
        return Guidance(records={**self.records, **records}, origins=self.origins, not_ready=self.not_ready)

    def origin(self, kind: str, record_id: str) -> Origin | None:
        """The file and line where a record of ``kind`` (e.g. ``indicators``) was written."""
        return self.origins.get(f"{kind}/{record_id}")

    @cached_property
    def contact_by_id(self) -> dict[str, Contact]:
        return {contact.id: contact for contact in self.partnership.contacts}

    @property
    def front_door(self) -> Contact:
        """The contact for worries about a child while it is open (the front door)."""
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
    def duty_by_id(self) -> dict[str, Duty]:
        return {duty.id: duty for duty in self.duties}

    @cached_property
    def briefing_by_id(self) -> dict[str, Briefing]:
        return {briefing.id: briefing for briefing in self.briefings}
