"""Levels of need and the planning response that goes with each one."""

from __future__ import annotations

from pydantic import Field

from .common import LevelRef, ProcedureRef, Record, RecordId, ServiceRef, Text


class Level(Record):
    """One step on the continuum of need. Partnerships name their own levels."""

    id: RecordId
    number: int = Field(ge=1, le=9, description="The level's number, 1 for the least need. Shown beside every colour.")
    name: Text = Field(description="The level's name, e.g. 'Universal'.")
    summary: Text = Field(description="One-sentence definition shown on the continuum picture.")
    in_brief: Text | None = Field(
        default=None, max_length=80,
        description="The level in a few words, for the home page's first screen on a phone, e.g. "
                    "'Needs met by everyday services'. Without it the summary is shown.",
    )
    definition: Text = Field(description="What the level means, in a short paragraph.")
    who_leads: Text = Field(description="Who leads the work with the family at this level.")
    practitioner_actions: list[Text] = Field(
        min_length=1, description="What a practitioner does at this level, in order."
    )
    tell_family: Text | None = Field(
        default=None,
        description="The step that tells the family, e.g. 'Tell the parents about the referral unless…'. It is "
                    "shown after the other steps, and where an indicator says the family must not be told "
                    "first (`do_not_alert_family`) that advice is shown instead (ADR 16).",
    )
    timescales: list[Text] = Field(default_factory=list, description="Timescales that apply at this level.")
    step_up: Text = Field(description="When and how to move the child to the next level up.")
    step_down: Text = Field(description="When and how to move the child to the level below.")
    services: list[ServiceRef] = Field(
        default_factory=list,
        description="Ids of the services every helper result at this level offers, after the services the chosen "
                    "indicators name: keep it to the few that apply to any child at the level. The level's page "
                    "lists these first, then every service that says it works at the level.")
    procedures: list[ProcedureRef] = Field(
        default_factory=list, description="Ids of procedures that apply at this level."
    )
    source: Text = Field(description="Where the content comes from.")


class PlanningResponse(Record):
    """What the partnership expects practitioners to do once a level is decided."""

    id: RecordId
    level: LevelRef = Field(description="The id of the level this response belongs to.")
    title: Text = Field(description="A short title, e.g. 'Early help assessment with a lead professional'.")
    summary: Text = Field(description="What the response is for, in a sentence or two.")
    steps: list[Text] = Field(min_length=1, description="What to do, in order.")
    tell_family: Text | None = Field(
        default=None,
        description="The step that tells the family, e.g. 'Tell the parents about the referral unless…'. It is "
                    "shown after the other steps, and where an indicator says the family must not be told "
                    "first (`do_not_alert_family`) that advice is shown instead (ADR 16).",
    )
    who_leads: Text = Field(description="Who leads the response.")
    timescale: Text | None = Field(default=None, description="How quickly the response must happen.")
    services: list[ServiceRef] = Field(default_factory=list, description="Ids of services that deliver this response.")
    source: Text = Field(description="Where the content comes from.")
