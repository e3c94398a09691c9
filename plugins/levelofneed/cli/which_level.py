"""``levelofneed which-level``: the helper's reference engine on the command line, as JSON or text.

The same engine the tests compare with the browser's, saying all the page says: the level,
the first actions, the legal duties, whether the family may be told first, whom to call now,
and (as text) the decision record the page offers to copy. Unknown ids or bands are usage
errors (exit 2) with a "did you mean".
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any
from zoneinfo import ZoneInfo

from ..guidance import Guidance
from ..helper import Answers, Suggestion, suggest
from ..helper.record import decision_record
from ..helper.wording import WORDING
from ..hours import answering, hours_lines
from ..labels import contact_text, level_label, plain_text
from ..messages import did_you_mean
from ..model import AGE_BANDS
from ..views import Views
from .common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, add_root, load

NAME = "which-level"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(NAME, help="suggest a level for a set of answers and indicators, as JSON")
    parser.add_argument("--age", choices=None, metavar="BAND", help=f"the child's age band: {', '.join(AGE_BANDS)}")
    parser.add_argument("--answer", action="append", default=[], metavar="QUESTION=yes|no",
                        help="an answer to a safety, routing or circumstance question (repeatable)")
    parser.add_argument("--indicator", action="append", default=[], metavar="ID",
                        help="an indicator the practitioner has seen (repeatable)")
    parser.add_argument("--at", metavar="YYYY-MM-DDTHH:MM", type=_local_time, default=None,
                        help="the partnership's local time to say who answers the phone at (default: now, "
                             "Europe/London)")
    parser.add_argument("--format", choices=("json", "text"), default="json",
                        help="json (the default), or text: what to do first and the decision record")
    add_root(parser, option=True)


def _local_time(text: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a time such as 2026-12-04T16:45") from None


def _now() -> dt.datetime:
    """The wall-clock time in England now, whatever the machine's own time zone."""
    return dt.datetime.now(ZoneInfo("Europe/London")).replace(tzinfo=None)


def run(args: argparse.Namespace) -> int:
    guidance = load(args.root)
    if guidance is None:
        return EXIT_INVALID
    problem, given = _answers(guidance, args)
    if problem:
        print(f"levelofneed which-level: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    result = suggest(guidance, given)
    at = args.at or _now()
    if args.format == "text":
        print(as_text(guidance, given, result, at))
        return EXIT_OK
    found = report(guidance, result)
    found["first_actions"] = first_actions(guidance, given, result)
    found["call_now"] = call_now(guidance, at)
    print(json.dumps(found, indent=2, ensure_ascii=False))
    return EXIT_OK


def as_text(guidance: Guidance, given: Answers, result: Suggestion, at: dt.datetime) -> str:
    """Whom to call now and what to do first, then the decision record as the page writes it."""
    actions = first_actions(guidance, given, result)
    now = call_now(guidance, at)["text"]
    lines = [now, ""] if now else []
    if actions:
        lines += [WORDING["first"] + ":", *(f"- {action}" for action in actions), ""]
    return "\n".join([*lines, decision_record(guidance, given, result, "", at.date())])


def _answers(guidance: Guidance, args: argparse.Namespace) -> tuple[str, Answers]:
    """The answers, or a sentence saying what is wrong with them."""
    questions = [q.id for q in guidance.safety_questions] + [q.id for q in guidance.helper.routing_questions]
    questions += [q.id for q in guidance.helper.circumstances]
    answers: dict[str, Any] = {}
    for given in args.answer:
        question, _, value = given.partition("=")
        if question not in questions:
            return _unknown("question", question, questions), Answers()
        if value not in ("yes", "no"):
            return f"answer '{given}' is not QUESTION=yes or QUESTION=no", Answers()
        answers[question] = value
    for indicator in args.indicator:
        if indicator not in guidance.indicator_by_id:
            return _unknown("indicator", indicator, list(guidance.indicator_by_id)), Answers()
    if args.age is not None and args.age not in AGE_BANDS:
        return _unknown("age band", args.age, list(AGE_BANDS)), Answers()
    stopped = any(answers.get(q.id) == "yes" for q in guidance.safety_questions)
    if not args.indicator and not stopped:
        return "choose at least one --indicator, or answer a safety question yes", Answers()
    return "", Answers(answers, args.age, tuple(args.indicator))


def _unknown(what: str, value: str, choices: list[str]) -> str:
    guess = did_you_mean(value, choices)
    return f"unknown {what} '{value}'" + (f"; did you mean '{guess}'?" if guess else "")


def report(guidance: Guidance, result: Suggestion) -> dict[str, Any]:
    """The suggestion with every record written out, as the issue's JSON shape names them."""
    contacts = guidance.contact_by_id
    level = guidance.level_by_id[result.level] if result.level else None
    return {
        "level": result.level,
        "label": level_label(level) if level else None,
        "stopped": result.stopped,
        "reasons": [{"id": r.id, "rule": r.rule, "level": r.level, "source": r.source,
                     "text": plain_text(r.text, contacts)} for r in result.reasons],
        "questions": list(result.questions),
        "age_band": result.age_band,
        "planning_response": [_response(guidance, rid, bool(result.do_not_alert))
                              for rid in result.planning_responses],
        "contacts": [{"id": cid, "name": contacts[cid].name, "call": contact_text(contacts[cid]),
                      "hours": hours_lines(contacts[cid], contacts),
                      "verified": contacts[cid].verification.status == "verified"}
                     for cid in result.contacts],
        "services": [{"id": sid, "name": guidance.service_by_id[sid].name} for sid in result.services],
        "procedures": [{"id": pid, "name": guidance.procedure_by_id[pid].name} for pid in result.procedures],
        "briefings": [{"id": bid, "title": guidance.briefing_by_id[bid].title} for bid in result.briefings],
        "duties": [_duty(guidance, did) for did in result.duties],
        "family": _family(guidance, result),
    }


def _duty(guidance: Guidance, duty_id: str) -> dict[str, Any]:
    duty, contacts = guidance.duty_by_id[duty_id], guidance.contact_by_id
    return {"id": duty.id, "name": duty.name, "who": plain_text(duty.who, contacts),
            "what": plain_text(duty.what, contacts), "by_when": plain_text(duty.by_when, contacts),
            "contact": duty.contact, "law": plain_text(duty.law, contacts)}


def _family(guidance: Guidance, result: Suggestion) -> dict[str, Any]:
    """Whether the family may be told first; if not, whom to ask first and why, from each indicator."""
    indicators = [guidance.indicator_by_id[i] for i in result.do_not_alert]
    return {"may_be_told_first": not indicators,
            "advice_from": Views(guidance).advice_before_telling_family(indicators),
            "why": [plain_text(i.do_not_alert_family.why, guidance.contact_by_id)
                    for i in indicators if i.do_not_alert_family],
            "indicators": list(result.do_not_alert)}


def _response(guidance: Guidance, response_id: str, unalerted: bool) -> dict[str, Any]:
    """A planning response; its step that tells the family only when nothing says not to (ADR 16)."""
    response = next(r for r in guidance.planning_responses if r.id == response_id)
    contacts = guidance.contact_by_id
    family = [response.tell_family] if response.tell_family and not unalerted else []
    return {"id": response.id, "title": response.title, "who_leads": plain_text(response.who_leads, contacts),
            "timescale": plain_text(response.timescale, contacts) if response.timescale else None,
            "steps": [plain_text(step, contacts) for step in [*response.steps, *family]]}


def first_actions(guidance: Guidance, given: Answers, result: Suggestion) -> list[str]:
    """What to do first for each chosen indicator, and for one a question about the child brought in
    (as the helper's result lists them), with contacts written out."""
    circumstances = {question.id: question for question in guidance.helper.circumstances}
    raised = [circumstances[r.source].indicator for r in result.reasons if r.rule in ("circumstance", "unanswered")]
    ids = dict.fromkeys([*given.indicators, *raised])
    return [plain_text(action, guidance.contact_by_id)
            for indicator in ids for action in guidance.indicator_by_id[indicator].first_actions]


def call_now(guidance: Guidance, at: dt.datetime) -> dict[str, Any]:
    """Who answers the front door's line at ``at``, as the banner says it."""
    found = answering(guidance, guidance.front_door, at)
    return {"at": at.strftime("%Y-%m-%dT%H:%M"), "contact": found.contact.id, "phone": found.contact.phone,
            "state": found.state, "text": found.text}
