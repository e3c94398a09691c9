"""The Assessment Framework triangle (domains and sub-domains) and cross-cutting topics."""

from __future__ import annotations

from pydantic import Field, HttpUrl

from .common import DutyRef, LevelRef, ProcedureRef, Record, RecordId, ServiceRef, Strict, Text
from .duty import DoNotAlert


class Subdomain(Strict):
    """One side of a domain, e.g. 'Health' within 'Child's developmental needs'."""

    id: RecordId
    name: Text = Field(description="The sub-domain's name.")
    description: Text = Field(description="What the sub-domain covers.")


class Domain(Record):
    """One side of the Assessment Framework triangle."""

    id: RecordId
    name: Text = Field(description="The domain's name, e.g. 'Parenting capacity'.")
    description: Text = Field(description="What the domain covers.")
    subdomains: list[Subdomain] = Field(min_length=1, description="The domain's sub-domains.")


class Link(Strict):
    """A page on another website, with the title a reader will recognise."""

    title: Text = Field(description="The page's title, e.g. 'Domestic Abuse' (procedures manual chapter).")
    url: HttpUrl = Field(description="The page's address.")


class NotAtLevels(Strict):
    """Levels a topic, by its nature, has no indicator at, and why: so a coverage rule can hold everywhere else.

    Fabricated or induced illness, for instance, is a child protection concern: there is no honest
    level 2 indicator of it, and inventing one to satisfy a rule would mislead.
    """

    levels: list[LevelRef] = Field(min_length=1, description="The ids of the levels the topic has no indicator at.")
    why: Text = Field(description="Why no indicator belongs at those levels, for editors and reviewers.")


class Topic(Record):
    """A cross-cutting theme such as exploitation or unborn babies."""

    id: RecordId
    name: Text = Field(description="The topic's name.")
    summary: Text = Field(description="What the topic covers and why it matters.")
    procedures: list[ProcedureRef] = Field(default_factory=list, description="Ids of procedures that apply.")
    services: list[ServiceRef] = Field(default_factory=list, description="Ids of services for this topic.")
    duties: list[DutyRef] = Field(
        default_factory=list, description="Ids of the legal duties that apply to every indicator in this topic."
    )
    do_not_alert_family: DoNotAlert | None = Field(
        default=None,
        description="Set when, in this topic, telling the family first could put the child at greater risk. "
                    "`check` then warns about each of the topic's indicators above the lowest level that "
                    "does not say so itself.",
    )
    manual_chapters: list[Link] = Field(
        default_factory=list, description="Chapters of the partnership's online procedures manual on this topic."
    )
    not_at_levels: NotAtLevels | None = Field(
        default=None,
        description="Levels this topic has no indicator at by its nature, and why. The coverage rule "
                    "'every_topic_at_every_level' does not ask for indicators there, and 'check' warns if "
                    "one is tagged there after all.",
    )
    source: Text = Field(description="Where the content comes from.")
