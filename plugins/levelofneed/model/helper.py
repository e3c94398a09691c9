"""Rules for the 'which level?' helper. They start small and grow with the helper."""

from __future__ import annotations

from pydantic import Field

from .common import LevelRef, ProcedureRef, Record, RecordId, Text


class SafetyQuestion(Record):
    """A question asked before anything else: a 'yes' means act now."""

    id: RecordId
    question: Text = Field(description="The question, answerable yes or no.")
    help: Text | None = Field(default=None, description="A hint that explains the question.")
    level: LevelRef = Field(description="The id of the level a 'yes' means.")
    action: Text = Field(description="What to do straight away if the answer is yes.")
    procedures: list[ProcedureRef] = Field(default_factory=list, description="Ids of procedures that apply.")
