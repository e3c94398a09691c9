"""The decision record a practitioner copies into the child's record: the same text from either engine.

The browser writes it (``helper-record.js``) from the helper data's wording; this writes
it from the guidance, for ``levelofneed which-level --format text`` and for the tests that
hold the two to the same text for every shared vector, without a browser.
"""

from __future__ import annotations

import datetime as dt

from ..guidance import Guidance
from ..labels import age_label, date_text, level_label, plain_text, version_label
from ..model import Circumstance, RoutingQuestion
from ..views import Views
from .rules import Answers, Reason, Suggestion
from .wording import WORDING, fill


def reason_label(guidance: Guidance, reason: Reason) -> str:
    """'You chose (Level 2: Additional needs):' and the like: why this reason counts."""
    level = level_label(guidance.level_by_id[reason.level])
    if reason.rule == "combination":
        return fill(WORDING["reason_combination"], counted=level_label(guidance.level_by_id[reason.source]),
                    level=level)
    key = {"circumstance": "reason_circumstance", "unanswered": "reason_unanswered",
           "always-highest-level": "reason_always"}.get(
        reason.rule, "reason_indicator")
    return fill(WORDING[key], level=level)


def _answer(answer: str | None) -> str:
    return WORDING["yes"] if answer == "yes" else WORDING["no"] if answer == "no" else WORDING["not_answered"]


def _answers(guidance: Guidance, given: Answers) -> list[str]:
    lines = [WORDING["record_safety"]]
    lines += [fill(WORDING["record_answer"], question=plain_text(q.question, guidance.contact_by_id),
                   answer=_answer(given.answers.get(q.id))) for q in guidance.safety_questions]
    rules = guidance.helper
    asked: list[RoutingQuestion | Circumstance] = [*rules.routing_questions, *rules.circumstances]
    lines += [fill(WORDING["record_answer"], question=plain_text(q.question, guidance.contact_by_id),
                   answer=_answer(given.answers[q.id])) for q in asked if q.id in given.answers]
    return lines


def _indicators(guidance: Guidance, given: Answers) -> list[str]:
    lines = ["", WORDING["record_indicators"]]
    for indicator_id in dict.fromkeys(given.indicators):
        indicator = guidance.indicator_by_id[indicator_id]
        lines.append(fill(WORDING["record_indicator"], id=indicator.id,
                          text=plain_text(indicator.text, guidance.contact_by_id),
                          level=level_label(guidance.level_by_id[indicator.level])))
    return lines


def _route(guidance: Guidance, result: Suggestion) -> list[str]:
    contacts = guidance.contact_by_id
    lines = ["", WORDING["record_route"]]
    for response_id in result.planning_responses:
        response = next(r for r in guidance.planning_responses if r.id == response_id)
        timescale = (fill(WORDING["record_timescale"], timescale=plain_text(response.timescale, contacts))
                     if response.timescale else "")
        lines.append(fill(WORDING["record_response"], title=response.title,
                          who_leads=plain_text(response.who_leads, contacts), timescale=timescale))
    named = "; ".join(plain_text(f"(({cid}))", contacts) for cid in result.contacts[:3])
    return [*lines, fill(WORDING["record_contacts"], contacts=named)]


def _duties(guidance: Guidance, result: Suggestion) -> list[str]:
    """Each legal duty with who, what, by when and through whom: a record shows it was known."""
    contacts = guidance.contact_by_id
    lines = ["", WORDING["record_duties"]] if result.duties else []
    for duty_id in result.duties:
        duty = guidance.duty_by_id[duty_id]
        lines.append(fill(WORDING["record_duty"], name=duty.name))
        lines += [fill(WORDING["record_duty_line"], label=WORDING[label], text=plain_text(text, contacts))
                  for label, text in (("duty_who", duty.who), ("duty_what", duty.what),
                                      ("duty_by_when", duty.by_when), ("duty_through", f"(({duty.contact}))"))]
    return lines


def _family(guidance: Guidance, result: Suggestion) -> list[str]:
    """Whether the family may be told: the record always says, so the decision is on file either way."""
    indicators = [guidance.indicator_by_id[i] for i in result.do_not_alert]
    whom = Views(guidance).advice_before_telling_family(indicators)
    said = (fill(WORDING["record_do_not_alert"],
                 contacts="; ".join(plain_text(f"(({cid}))", guidance.contact_by_id) for cid in whom))
            if whom else WORDING["record_may_tell"])
    return ["", WORDING["record_family"], said]


def decision_record(guidance: Guidance, given: Answers, result: Suggestion, notes: str, day: dt.date) -> str:
    """The record as the browser writes it, for the same answers, notes and day."""
    contacts = guidance.contact_by_id
    level = level_label(guidance.level_by_id[result.level]) if result.level else WORDING["record_no_level"]
    age = result.age_band or given.age_band
    lines = [WORDING["record_heading"], fill(WORDING["record_date"], date=date_text(day)),
             fill(WORDING["record_guidance"], guidance=version_label(guidance.partnership, guidance.published)), "",
             *_answers(guidance, given),
             *([fill(WORDING["record_age"], age=age_label(age))] if age else []),
             *([] if result.stopped else _indicators(guidance, given)),
             "", fill(WORDING["record_level"], level=level), WORDING["record_why"],
             *(fill(WORDING["record_reason"], label=reason_label(guidance, reason),
                    text=plain_text(reason.text, contacts)) for reason in result.reasons),
             *_route(guidance, result), *_duties(guidance, result), *_family(guidance, result),
             "", WORDING["record_notes"], notes.strip() or WORDING["record_no_notes"],
             "", plain_text(guidance.helper.caveat, contacts)]
    return "\n".join(lines)
