"""7-minute briefings: short learning notes in seven parts, one per file."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .common import IndicatorRef, Record, RecordId, Text, TopicRef

BriefingKind = Literal["case-review", "thematic"]


class Briefing(Record):
    """A 7-minute briefing, read or delivered in a team meeting and ending with discussion."""

    id: RecordId
    title: Text = Field(description="The briefing's title.")
    kind: BriefingKind = Field(description="case-review for learning from a named review, thematic otherwise.")
    review: Text | None = Field(default=None, description="The review it draws on, e.g. 'SCR Janet'.")
    review_published: Text | None = Field(
        default=None, description="When the review was published, as precisely as its source says, e.g. 'April 2019'."
    )
    date: dt.date = Field(description="When the briefing was written, as YYYY-MM-DD.")
    topics: list[TopicRef] = Field(default_factory=list, description="Ids of topics it relates to.")
    indicators: list[IndicatorRef] = Field(default_factory=list, description="Ids of related indicators.")
    background: Text = Field(description="Part 1: the background.")
    why_it_matters: Text = Field(description="Part 2: why it matters.")
    key_information: list[Text] = Field(min_length=1, description="Part 3: key information or findings.")
    learning: list[Text] = Field(min_length=1, description="Part 4: what we learned.")
    reflective_questions: list[Text] = Field(min_length=1, description="Part 5: questions for the team to discuss.")
    what_to_do_now: list[Text] = Field(min_length=1, description="Part 6: what to do now.")
    further_information: list[Text] = Field(min_length=1, description="Part 7: where to find out more.")
    source: Text = Field(description="Where the content comes from.")
