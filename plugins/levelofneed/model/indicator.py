"""Indicators: observable descriptions of a child's situation, each placed at one level."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Record, RecordId, Reference, Text

AgeBand = Literal["unborn", "0-4", "5-11", "12-17", "18-25"]
AGE_BANDS: tuple[str, ...] = ("unborn", "0-4", "5-11", "12-17", "18-25")


class Indicator(Record):
    """Something a practitioner may see or hear, and the level of need it suggests."""

    id: RecordId
    text: Text = Field(description="The indicator, written as an observable description.")
    level: Reference = Field(description="The id of the level this indicator suggests.")
    domain: Reference = Field(description="The id of the Assessment Framework domain.")
    subdomain: Reference = Field(description="The id of a sub-domain of that domain.")
    topics: list[Reference] = Field(default_factory=list, description="Ids of cross-cutting topics.")
    age_bands: list[AgeBand] = Field(
        default_factory=list,
        description="Age bands where the indicator applies: unborn, 0-4, 5-11, 12-17, 18-25. Leave out for all ages.",
    )
    first_actions: list[Text] = Field(
        default_factory=list,
        description="What to do first for this indicator, shown above the level's general steps. For "
                    "safety-critical indicators; name contacts as ((contact-id)).",
    )
    keywords: list[Text] = Field(
        default_factory=list, description="Words practitioners might type to find this indicator."
    )
    services: list[Reference] = Field(default_factory=list, description="Ids of services that may help.")
    procedures: list[Reference] = Field(default_factory=list, description="Ids of procedures that apply.")
    briefings: list[Reference] = Field(default_factory=list, description="Ids of related 7-minute briefings.")
    source: Text = Field(description="Where the indicator comes from.")
