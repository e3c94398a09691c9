"""Indicators: observable descriptions of a child's situation, each placed at one level."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import (
    BriefingRef,
    DomainRef,
    DutyRef,
    LevelRef,
    ProcedureRef,
    Record,
    RecordId,
    ServiceRef,
    SubdomainRef,
    Text,
    TopicRef,
)
from .duty import DoNotAlert

AgeBand = Literal["unborn", "0-4", "5-11", "12-17", "18-25"]
# The bands in age order, with the words every output uses for them (a test keeps them in step with AgeBand).
AGE_BAND_LABELS: dict[str, str] = {
    "unborn": "Unborn babies",
    "0-4": "Ages 0 to 4",
    "5-11": "Ages 5 to 11",
    "12-17": "Ages 12 to 17",
    "18-25": "Young adults 18 to 25",
}
AGE_BANDS: tuple[str, ...] = tuple(AGE_BAND_LABELS)


class Indicator(Record):
    """Something a practitioner may see or hear, and the level of need it suggests."""

    id: RecordId
    text: Text = Field(description="The indicator, written as an observable description.")
    level: LevelRef = Field(description="The id of the level this indicator suggests.")
    domain: DomainRef = Field(description="The id of the Assessment Framework domain.")
    subdomain: SubdomainRef = Field(description="The id of a sub-domain of that domain.")
    topics: list[TopicRef] = Field(default_factory=list, description="Ids of cross-cutting topics.")
    age_bands: list[AgeBand] = Field(
        default_factory=list,
        description="Age bands where the indicator applies: unborn, 0-4, 5-11, 12-17, 18-25. Leave out for all ages.",
    )
    first_actions: list[Text] = Field(
        default_factory=list,
        description="What to do first for this indicator, shown above the level's general steps. Required "
                    "at the highest level (`check` refuses one without); name contacts as `((contact-id))`.",
    )
    keywords: list[Text] = Field(
        default_factory=list, description="Words practitioners might type to find this indicator."
    )
    duties: list[DutyRef] = Field(
        default_factory=list,
        description="Ids of the legal duties that apply when this indicator is seen; its topics' duties apply too.",
    )
    do_not_alert_family: DoNotAlert | None = Field(
        default=None,
        description="Set when telling the family first could put the child at greater risk (FGM, forced "
                    "marriage, honour-based abuse, sexual abuse in the family, fabricated or induced illness): "
                    "whom to ask before anyone tells them, and why. It replaces the level's step that tells "
                    "the family.",
    )
    services: list[ServiceRef] = Field(default_factory=list, description="Ids of services that may help.")
    procedures: list[ProcedureRef] = Field(default_factory=list, description="Ids of procedures that apply.")
    briefings: list[BriefingRef] = Field(default_factory=list, description="Ids of related 7-minute briefings.")
    source: Text = Field(description="Where the indicator comes from.")
