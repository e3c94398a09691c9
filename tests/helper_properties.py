"""The helper's safety properties, as checks any engine can be put through (issue 20, ADR 14).

An engine here is a function from a case (answers, an age band, indicators) to an
``Outcome``: the Python reference engine, the browser's engine run under Node, or a
deliberately broken "mutant" of the reference engine, which each property must catch
(so that none of them can pass vacuously). Each check returns what broke, empty when the
property holds. "Riskier" is defined per question: "yes" for a safety question, and the
answer that raises for a question about the child (``raises_when``); unanswered counts as
the riskier answer (ADR 14).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from levelofneed import Guidance
from levelofneed.helper.rules import Answers, suggest
from levelofneed.model.indicator import AGE_BAND_LABELS
from levelofneed.placeholders import contact_ids


@dataclass(frozen=True)
class Case:
    """What a practitioner gave the helper; unanswered questions are simply absent."""

    answers: tuple[tuple[str, str], ...] = ()
    age_band: str | None = None
    indicators: tuple[str, ...] = ()

    def answered(self, question: str, answer: str | None) -> Case:
        kept = tuple((q, a) for q, a in self.answers if q != question)
        return replace(self, answers=tuple(sorted(kept + (((question, answer),) if answer else ()))))

    def given(self) -> Answers:
        return Answers(dict(self.answers), self.age_band, self.indicators)  # type: ignore[arg-type]

    def as_json(self) -> dict[str, Any]:
        return {"answers": dict(self.answers), "age_band": self.age_band, "indicators": list(self.indicators)}


@dataclass(frozen=True)
class Outcome:
    """What the properties look at: the level's rank (0 for none), whether it stopped, contacts in order."""

    rank: int
    stopped: bool
    contacts: tuple[str, ...]
    questions: tuple[str, ...]
    duties: tuple[str, ...] = ()
    do_not_alert: tuple[str, ...] = ()


Engine = Callable[[Case], Outcome]


def rank(guidance: Guidance, level_id: str | None) -> int:
    return 0 if level_id is None else [level.id for level in guidance.levels].index(level_id) + 1


def python_engine(guidance: Guidance) -> Engine:
    def run(case: Case) -> Outcome:
        result = suggest(guidance, case.given())
        return Outcome(rank(guidance, result.level), result.stopped, result.contacts, result.questions,
                       result.duties, result.do_not_alert)
    return run


def outcome_from_json(guidance: Guidance, result: dict[str, Any]) -> Outcome:
    """The browser engine's result (as Node prints it) in the properties' shape."""
    return Outcome(rank(guidance, result["level"]), result["stopped"], tuple(result["contacts"]),
                   tuple(result["questions"]), tuple(result["duties"]), tuple(result["do_not_alert"]))


# Generating cases: seeded, so the browser's engine can be given the very same ones.

def random_case(guidance: Guidance, rng: random.Random) -> Case:
    """A case a practitioner could give: mostly 'no' to the safety questions, some questions about the
    child unanswered, and up to five indicators, often ones a rule treats specially."""
    answers: dict[str, str] = {}
    some_yes = rng.random() < 0.2
    for question in guidance.safety_questions:
        answer = rng.choice(["yes", "no", "no"] if some_yes else ["no", "no", "no", ""])
        if answer:
            answers[question.id] = answer
    for asked in [*guidance.helper.routing_questions, *guidance.helper.circumstances]:
        answer = rng.choice(["yes", "no", ""])
        if answer:
            answers[asked.id] = answer
    special = [*guidance.helper.always_highest_level, *(i for q in guidance.helper.circumstances for i in q.asked_for),
               *(i.id for i in guidance.indicators if i.duties or i.do_not_alert_family)]
    pool = [indicator.id for indicator in guidance.indicators]
    indicators = rng.sample(pool, rng.randint(0, 4))
    if special and rng.random() < 0.4:
        indicators.append(rng.choice(special))
    age = rng.choice([None, None, *AGE_BAND_LABELS])
    return Case(tuple(sorted(answers.items())), age, tuple(dict.fromkeys(indicators)))


def random_cases(guidance: Guidance, count: int, seed: int = 20) -> list[tuple[Case, str]]:
    """``count`` cases, each with one more indicator to add to it."""
    rng = random.Random(seed)
    pool = [indicator.id for indicator in guidance.indicators]
    return [(random_case(guidance, rng), rng.choice(pool)) for _ in range(count)]


# The properties.

def riskier_variants(guidance: Guidance, case: Case) -> Iterator[tuple[str, Case]]:
    """The case with one answer made riskier: a safety question from no or unanswered to yes; a question
    about the child from its safer answer to unanswered, or from unanswered to the answer that raises."""
    given = dict(case.answers)
    for question in guidance.safety_questions:
        if given.get(question.id) != "yes":
            yield f"{question.id} → yes", case.answered(question.id, "yes")
    for circumstance in guidance.helper.circumstances:
        answer, risky = given.get(circumstance.id), circumstance.raises_when
        if answer is None:
            yield f"{circumstance.id} → {risky}", case.answered(circumstance.id, risky)
        elif answer != risky:
            yield f"{circumstance.id} → unanswered", case.answered(circumstance.id, None)
    for routing in guidance.helper.routing_questions:
        answer = given.get(routing.id)
        if answer is None:
            yield f"{routing.id} → yes", case.answered(routing.id, "yes")
        elif answer == "no":
            yield f"{routing.id} → unanswered", case.answered(routing.id, None)


def _worse(before: Outcome, after: Outcome) -> list[str]:
    found = []
    if after.rank < before.rank:
        found.append(f"level fell from {before.rank} to {after.rank}")
    if before.stopped and not after.stopped:
        found.append("act now was lost")
    lost = [contact for contact in before.contacts if contact not in after.contacts]
    if lost:
        found.append(f"lost contacts {lost}")
    dropped = [duty for duty in before.duties if duty not in after.duties]
    if dropped:
        found.append(f"lost duties {dropped}")
    if before.do_not_alert and not after.do_not_alert:
        found.append("lost 'do not tell the family first'")
    return found


def monotone(guidance: Guidance, engine: Engine, case: Case, extra: str) -> list[str]:
    """Adding an indicator, or making an answer riskier, never lowers the level, loses act now or a contact."""
    before = engine(case)
    changes = [(f"+{extra}", replace(case, indicators=tuple(dict.fromkeys((*case.indicators, extra))))),
               *riskier_variants(guidance, case)]
    return [f"{case}: {what}: {problem}" for what, changed in changes for problem in _worse(before, engine(changed))]


def unknown_is_not_safe(guidance: Guidance, engine: Engine, case: Case, extra: str = "") -> list[str]:
    """A question about the child left unanswered gives the level its riskier answer gives."""
    before = engine(case)
    found = []
    for circumstance in guidance.helper.circumstances:
        if circumstance.id in before.questions:
            answered = engine(case.answered(circumstance.id, circumstance.raises_when))
            if answered.rank != before.rank:
                found.append(f"{case}: {circumstance.id} unanswered gives {before.rank}, "
                             f"{circumstance.raises_when} gives {answered.rank}")
    return found


def always_highest(guidance: Guidance, engine: Engine, case: Case, extra: str = "") -> list[str]:
    """An indicator listed as always-highest gives the highest level, whatever else is true."""
    if not set(case.indicators) & set(guidance.helper.always_highest_level):
        return []
    result = engine(case)
    return [] if result.rank == len(guidance.levels) else [f"{case}: level {result.rank}, not the highest"]


def safety_acts_now(guidance: Guidance, engine: Engine, case: Case, extra: str = "") -> list[str]:
    """A 'yes' to a safety question gives act now, with that question's contact first: never a level alone."""
    given = dict(case.answers)
    first_yes = next((q for q in guidance.safety_questions if given.get(q.id) == "yes"), None)
    if first_yes is None:
        return []
    result = engine(case)
    named = contact_ids(first_yes.action)
    if not result.stopped or not result.contacts:
        return [f"{case}: no act now"]
    if named and result.contacts[0] != named[0]:
        return [f"{case}: first contact {result.contacts[0]}, not {named[0]}"]
    return []


def linked(guidance: Guidance, case: Case) -> tuple[set[str], set[str]]:
    """The duties, and the indicators saying "do not tell the family first", that a case brings, read
    straight from the records: chosen indicators (with their topics' duties) and those a question about
    the child brings in (unanswered or answered the riskier way), safety questions answered yes, and
    routing questions answered yes or not yet (ADR 14)."""
    given = dict(case.answers)
    chosen = set(case.indicators)
    brought = {q.indicator for q in guidance.helper.circumstances
               if chosen & set(q.asked_for) and given.get(q.id) in (None, q.raises_when)}
    indicators = [guidance.indicator_by_id[i] for i in chosen | brought]
    duties = {d for i in indicators for d in i.duties}
    duties |= {d for i in indicators for t in i.topics for d in guidance.topic_by_id[t].duties}
    duties |= {d for q in guidance.safety_questions if given.get(q.id) == "yes" for d in q.duties}
    duties |= {d for q in guidance.helper.routing_questions if given.get(q.id) != "no" for d in q.duties}
    return duties, {i.id for i in indicators if i.do_not_alert_family}


def duties_shown(guidance: Guidance, engine: Engine, case: Case, extra: str = "") -> list[str]:
    """Every duty linked to a ticked indicator, its topics or an answer is in the result, with its contact."""
    duties, _ = linked(guidance, case)
    result = engine(case)
    missing = sorted(duties - set(result.duties))
    unreachable = sorted({guidance.duty_by_id[d].contact for d in duties} - set(result.contacts))
    return ([f"{case}: duties missing {missing}"] if missing else []) + (
        [f"{case}: duty contacts missing {unreachable}"] if unreachable else [])


def family_not_told_first(guidance: Guidance, engine: Engine, case: Case, extra: str = "") -> list[str]:
    """An indicator saying "do not tell the family first" is always named so in the result, with whom to ask."""
    _, unalerted = linked(guidance, case)
    result = engine(case)
    missing = sorted(unalerted - set(result.do_not_alert))
    advice = {c for i in unalerted for found in [guidance.indicator_by_id[i].do_not_alert_family] if found
              for c in found.advice_from}
    unasked = sorted(advice - set(result.contacts))
    return ([f"{case}: not flagged {missing}"] if missing else []) + (
        [f"{case}: whom to ask first missing {unasked}"] if unasked else [])


PROPERTIES = {"monotone": monotone, "duties shown": duties_shown, "family not told first": family_not_told_first,
              "unknown is not safe": unknown_is_not_safe,
              "always highest": always_highest, "safety acts now": safety_acts_now}


def violations(guidance: Guidance, engine: Engine, cases: list[tuple[Case, str]], name: str) -> list[str]:
    check = PROPERTIES[name]
    return [problem for case, extra in cases for problem in check(guidance, engine, case, extra)]


# Mutants: the reference engine, deliberately broken one way each. Each must break its property.

def mutants(guidance: Guidance) -> dict[str, tuple[str, Engine]]:
    """Property name → (what the mutant does, the mutant)."""
    real = python_engine(guidance)
    safer = {c.id: ("yes" if c.raises_when == "no" else "no") for c in guidance.helper.circumstances}
    always = set(guidance.helper.always_highest_level)

    def lower_with_more(case: Case) -> Outcome:
        result = real(case)
        return replace(result, rank=max(result.rank - 1, 1)) if len(case.indicators) >= 3 else result

    def unknown_safe(case: Case) -> Outcome:
        result = real(case)
        filled = case
        for question in result.questions:
            filled = filled.answered(question, safer[question])
        return replace(real(filled), questions=result.questions)

    def ignore_always(case: Case) -> Outcome:
        return real(replace(case, indicators=tuple(i for i in case.indicators if i not in always)))

    def topic_duties_dropped(case: Case) -> Outcome:
        result = real(case)
        own = {d for i in guidance.indicators for d in i.duties}
        own |= {d for q in guidance.safety_questions for d in q.duties}
        return replace(result, duties=tuple(d for d in result.duties if d in own and len(case.indicators) < 4))

    def family_told(case: Case) -> Outcome:
        return replace(real(case), do_not_alert=())

    def contact_last(case: Case) -> Outcome:
        result = real(case)
        return replace(result, contacts=result.contacts[::-1]) if result.stopped else result

    return {"monotone": ("lowers the level when a third indicator is added", lower_with_more),
            "unknown is not safe": ("treats an unanswered question as its safer answer", unknown_safe),
            "always highest": ("ignores the always-highest list", ignore_always),
            "safety acts now": ("puts the safety question's contact last", contact_last),
            "duties shown": ("drops topics' and routing questions' duties, and all with four indicators",
                             topic_duties_dropped),
            "family not told first": ("forgets 'do not tell the family first'", family_told)}
