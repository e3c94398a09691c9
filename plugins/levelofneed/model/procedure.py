"""Procedures such as escalation, pre-birth and SUDiC, as ordered steps."""

from __future__ import annotations

from pydantic import Field

from .common import DutyRef, Record, RecordId, Strict, Text


class Step(Strict):
    """One step of a procedure: who does what, and by when."""

    title: Text = Field(description="A short name for the step, e.g. 'Stage 1: talk to the other practitioner'.")
    who: Text = Field(description="Who acts at this step.")
    what: Text = Field(description="What they do.")
    timescale: Text = Field(description="By when, e.g. 'within 2 working days'.")
    record: Text | None = Field(default=None, description="What must be written down at this step.")


class Procedure(Record):
    """A multi-agency procedure practitioners follow in a particular situation."""

    id: RecordId
    name: Text = Field(description="The procedure's name.")
    summary: Text = Field(description="What the procedure is for.")
    triggers: list[Text] = Field(min_length=1, description="Situations in which to use it.")
    steps: list[Step] = Field(min_length=1, description="The steps, in order.")
    notes: list[Text] = Field(default_factory=list, description="Further points to bear in mind.")
    duties: list[DutyRef] = Field(
        default_factory=list, description="Ids of the legal duties this procedure carries out."
    )
    source: Text = Field(description="Where the procedure comes from.")
