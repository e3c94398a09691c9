"""The reference engine: (guidance, answers) → a suggested level, its reasons and what applies.

Pure: no disk, no clock, no state. The browser engine (``site_assets/.../helper-engine.js``)
implements the same rules over the helper data, and both run the shared test vectors
(tests/helper/vectors.yaml). The rules are data (``guidance/helper.yaml``); the wording of
every reason is a sentence from the content (ADR 8).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from ..guidance import Guidance
from ..model import Indicator, Level, Service
from ..views import Views

Answer = Literal["yes", "no"]


@dataclass(frozen=True)
class Answers:
    """What the practitioner said: yes/no answers by question id, an age band, the indicators they saw."""

    answers: Mapping[str, Answer] = field(default_factory=dict)
    age_band: str | None = None
    indicators: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reason:
    """Why a level is suggested: the rule, the record it came from, and that record's own sentence."""

    id: str
    rule: Literal["safety-question", "indicator", "always-highest-level", "circumstance", "unanswered", "combination"]
    level: str
    source: str
    text: str


@dataclass(frozen=True)
class Suggestion:
    """The engine's answer. Ids only: outputs look records up in the guidance."""

    level: str | None
    stopped: bool
    reasons: tuple[Reason, ...]
    age_band: str | None
    questions: tuple[str, ...]
    planning_responses: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    procedures: tuple[str, ...] = ()
    briefings: tuple[str, ...] = ()
    duties: tuple[str, ...] = ()
    do_not_alert: tuple[str, ...] = ()


def suggest(guidance: Guidance, given: Answers) -> Suggestion:
    """The suggested level for ``given``. A 'yes' to a safety question stops everything else."""
    views = Views(guidance)
    yes = [q for q in guidance.safety_questions if given.answers.get(q.id) == "yes"]
    chosen = [guidance.indicator_by_id[i] for i in dict.fromkeys(given.indicators)]
    if yes:
        # Act now comes first, and what the chosen indicators need still follows it: a 'yes' must never
        # take away a contact (the route for a legal duty, say) that the indicators alone would give.
        reasons = [Reason(f"safety:{q.id}", "safety-question", q.level, q.id, q.action) for q in yes]
        level = _highest(guidance, [q.level for q in yes])
        extra = [p for q in yes for p in q.procedures]
        duties = [*(d for q in yes for d in q.duties), *_routed_duties(guidance, given)]
        brought, _, _ = _circumstances(guidance, given, chosen)  # what a question about the child brings stays
        return _assemble(guidance, views, level, True, reasons, given.age_band, (), [*chosen, *brought], extra,
                         [q.action for q in yes], duties)
    age_band, routed = _routing(guidance, given)
    effective, candidates, questions = _circumstances(guidance, given, chosen)
    candidates += _indicator_reasons(guidance, chosen) + _combinations(guidance, chosen)
    level = _highest(guidance, [reason.level for reason in candidates])
    reasons = [reason for reason in candidates if reason.level == level]
    return _assemble(guidance, views, level, False, reasons, age_band, tuple(questions), [*chosen, *effective],
                     routed, [], _routed_duties(guidance, given))


def _highest(guidance: Guidance, level_ids: Iterable[str]) -> str | None:
    levels = [guidance.level_by_id[level_id] for level_id in level_ids]
    return max(levels, key=lambda level: level.number).id if levels else None


def _routing(guidance: Guidance, given: Answers) -> tuple[str | None, list[str]]:
    """A 'yes' to a routing question sets the age band and brings its procedures."""
    age_band, procedures = given.age_band, []
    for question in guidance.helper.routing_questions:
        if given.answers.get(question.id) == "yes":
            age_band = question.age_band or age_band
            procedures += question.procedures
    return age_band, procedures


def _routed_duties(guidance: Guidance, given: Answers) -> list[str]:
    """The duties of routing questions answered yes, or not answered yet: unknown is never safe (ADR 14)."""
    return [duty for question in guidance.helper.routing_questions if given.answers.get(question.id) != "no"
            for duty in question.duties]


def _indicator_reasons(guidance: Guidance, chosen: list[Indicator]) -> list[Reason]:
    always = set(guidance.helper.always_highest_level)
    top = guidance.levels[-1].id
    return [Reason(f"always:{i.id}", "always-highest-level", top, i.id, i.text) if i.id in always
            else Reason(f"indicator:{i.id}", "indicator", i.level, i.id, i.text) for i in chosen]


def _circumstances(guidance: Guidance, given: Answers,
                   chosen: list[Indicator]) -> tuple[list[Indicator], list[Reason], list[str]]:
    """Circumstance questions asked because of what was chosen: unanswered ones, and those that raise.

    Unknown is never safe (ADR 14): a question left unanswered counts as its riskier answer, the
    one that raises, until the practitioner answers it; it stays in the pending questions.
    """
    ids = {indicator.id for indicator in chosen}
    effective, reasons, pending = [], [], []
    for question in guidance.helper.circumstances:
        if not ids.intersection(question.asked_for):
            continue
        answer = given.answers.get(question.id)
        if answer is None:
            pending.append(question.id)
        if answer is None or answer == question.raises_when:
            indicator = guidance.indicator_by_id[question.indicator]
            rule: Literal["circumstance", "unanswered"] = "unanswered" if answer is None else "circumstance"
            effective.append(indicator)
            reasons.append(Reason(f"{rule}:{question.id}", rule, indicator.level, question.id, indicator.text))
    return effective, reasons, pending


def _combinations(guidance: Guidance, chosen: list[Indicator]) -> list[Reason]:
    """Several indicators at one level, across enough domains, suggest the level the rule names."""
    reasons = []
    for rule in guidance.helper.combinations:
        at_level = [indicator for indicator in chosen if indicator.level == rule.level]
        if len(at_level) >= rule.at_least and len({i.domain for i in at_level}) >= rule.across_domains:
            counted = guidance.level_by_id[rule.level]
            reasons.append(Reason(f"combination:{rule.level}", "combination", rule.suggests, rule.level,
                                  counted.step_up))
    return reasons


def _assemble(guidance: Guidance, views: Views, level_id: str | None, stopped: bool, reasons: list[Reason],
              age_band: str | None, questions: tuple[str, ...], indicators: list[Indicator],
              procedures: list[str], texts: list[str], duties: list[str]) -> Suggestion:
    """What applies at the suggested level: responses, contacts, services, procedures, briefings, duties."""
    level = guidance.level_by_id[level_id] if level_id else None
    responses = views.planning_responses_at(level) if level else []
    texts = [*texts, *(a for i in indicators for a in i.first_actions)]
    if level:
        texts += [*level.practitioner_actions, *(step for r in responses for step in r.steps)]
    procedure_ids = _ids([*procedures, *(p.id for i in indicators for p in views.procedures_for_indicator(i)),
                          *guidance.helper.always_offer])
    # A procedure's own duties show on its page; the result carries those of what was chosen and answered.
    duty_ids = _ids([*duties, *(d.id for i in indicators for d in views.duties_for_indicator(i))])
    unalerted = [i for i in indicators if views.do_not_alert(i)]
    return Suggestion(
        level_id, stopped, tuple(reasons), age_band, questions,
        planning_responses=tuple(r.id for r in responses),
        contacts=_contacts(guidance, views, texts, duty_ids, unalerted),
        services=_ids(s.id for s in _services(views, indicators, level)),
        procedures=procedure_ids,
        briefings=_ids(b.id for i in indicators for b in views.briefings_for_indicator(i)),
        duties=duty_ids, do_not_alert=_ids(i.id for i in unalerted),
    )


def _contacts(guidance: Guidance, views: Views, texts: list[str], duties: Iterable[str],
              unalerted: Iterable[Indicator]) -> tuple[str, ...]:
    """The contacts the texts name (act now's first), the duties' and the don't-alert advice's, then
    the front door and out-of-hours team, whom every result offers."""
    named = [contact.id for contact in views.contacts_named_in(texts)]
    advice = views.advice_before_telling_family(unalerted)
    return _ids([*named, *(guidance.duty_by_id[d].contact for d in duties), *advice,
                 guidance.partnership.front_door, guidance.partnership.out_of_hours])


def _services(views: Views, indicators: list[Indicator], level: Level | None) -> list[Service]:
    named = [s for indicator in indicators for s in views.services_for_indicator(indicator)[0]
             if indicator.services]
    return [*named, *(views.services_in_result(level) if level else [])]


def _ids(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))
