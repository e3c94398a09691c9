"""The 'which level?' helper's questions and rules: data a partnership can tune, never code.

Safety questions come first; a "yes" stops the flow and shows what to do now. Routing
questions change what is asked next (an unborn baby). Circumstances raise a level when
an answer about the child changes what an indicator means (a bruise on a child who is
not independently mobile). Combinations say when several indicators at one level,
across several areas of the child's life, suggest the next level up. Every reason the
helper gives is a sentence from the content: an indicator's text, a level's step-up
text, a question's action (ADR 8).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .common import DutyRef, IndicatorRef, LevelRef, ProcedureRef, Record, RecordId, Strict, Text
from .indicator import AgeBand


class SafetyQuestion(Record):
    """A question asked before anything else: a 'yes' means act now."""

    id: RecordId
    question: Text = Field(description="The question, answerable yes or no.")
    help: Text | None = Field(default=None, description="A hint that explains the question.")
    level: LevelRef = Field(description="The id of the level a 'yes' means.")
    action: Text = Field(description="What to do straight away if the answer is yes. Name contacts as `((id))`.")
    procedures: list[ProcedureRef] = Field(default_factory=list, description="Ids of procedures that apply.")
    duties: list[DutyRef] = Field(default_factory=list, description="Ids of the legal duties a 'yes' brings.")


class RoutingQuestion(Strict):
    """A question that changes what the helper asks next, without stopping it."""

    id: RecordId
    question: Text = Field(description="The question, answerable yes or no.")
    help: Text | None = Field(default=None, description="A hint that explains the question.")
    age_band: AgeBand | None = Field(
        default=None, description="On 'yes', show only indicators for this age band (e.g. unborn)."
    )
    procedures: list[ProcedureRef] = Field(
        default_factory=list, description="On 'yes', procedures always offered, whatever level results."
    )
    duties: list[DutyRef] = Field(
        default_factory=list,
        description="Ids of the legal duties a 'yes' brings, e.g. telling the LADO. Until the question is "
                    "answered they apply too: unknown is never safe (ADR 14).",
    )


class Circumstance(Strict):
    """A question about the child, asked when certain indicators are chosen, whose answer can raise the level."""

    id: RecordId
    question: Text = Field(description="The question, answerable yes or no.")
    help: Text | None = Field(default=None, description="A hint that explains the question.")
    asked_for: list[IndicatorRef] = Field(
        min_length=1, description="Ids of the indicators that, when chosen, make the helper ask this question."
    )
    raises_when: Literal["yes", "no"] = Field(description="The answer that raises the level. Until the question "
                                                          "is answered, the helper assumes this answer.")
    indicator: IndicatorRef = Field(
        description="The id of the indicator that describes the child's situation given that answer; "
                    "its level, text and first actions then apply."
    )


class Combination(Strict):
    """Several indicators at one level, across several areas of the child's life, suggest the next level up."""

    level: LevelRef = Field(description="The id of the level whose indicators are counted (never the lowest).")
    at_least: int = Field(ge=2, le=50, description="How many indicators at that level it takes.")
    across_domains: int = Field(
        ge=1, le=10, description="In how many different domains (areas of the child's life) they must be."
    )
    suggests: LevelRef = Field(description="The id of the level they then suggest (a higher level).")


class HelperRules(Record):
    """How the helper suggests a level. The partnership tunes these; the engine only follows them."""

    id: RecordId
    routing_questions: list[RoutingQuestion] = Field(
        default_factory=list, description="Questions that change what is asked next (asked after the safety questions)."
    )
    circumstances: list[Circumstance] = Field(
        default_factory=list, description="Questions about the child that can raise the level."
    )
    combinations: list[Combination] = Field(
        default_factory=list, description="When several indicators at one level suggest the next level up."
    )
    always_highest_level: list[IndicatorRef] = Field(
        default_factory=list,
        description="Ids of indicators that always suggest the highest level (level 4 on a four-level scale).",
    )
    always_offer: list[ProcedureRef] = Field(
        default_factory=list, description="Ids of procedures offered with every result, e.g. escalation."
    )
    always_offer_note: Text = Field(description="Why they are offered, e.g. 'If you disagree with a decision'.")
    caveat: Text = Field(description="Shown with every result: the helper supports professional judgement.")
    privacy_note: Text = Field(description="Shown beside the notes box: what must not be typed in.")
    source: Text = Field(description="Where the rules come from.")

    @model_validator(mode="after")
    def _unique_question_ids(self) -> HelperRules:
        ids = [q.id for q in self.routing_questions] + [c.id for c in self.circumstances]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"question id '{repeated[0]}' is used twice — give each question its own id")
        return self
