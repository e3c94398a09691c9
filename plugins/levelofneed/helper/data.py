"""The helper's data file: everything the browser engine and page need, from the one Guidance.

What applies to what is worked out here, once, by :mod:`levelofneed.views` (each
indicator's procedures and briefings, the services at each level), so the browser
engine only follows the rules and never repeats a view.

Text never reaches the browser with a ``((contact))`` placeholder in it: a text that names
a contact is written as parts (``["Call ", {"contact": "front-door"}, " now."]``), which
the page draws with the contact's name and a tap-to-call number, or writes out with the
contact's ``text`` (the wording of :func:`levelofneed.labels.contact_text`), inserting
everything with ``textContent`` only. The contacts a record's texts name are listed with
it (``contacts``), so the browser engine never reads text to find them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..guidance import Guidance
from ..hours import hours_data, hours_lines
from ..labels import age_label, contact_text, level_label, squash, version_label
from ..model import AGE_BANDS, Contact, Duty, Indicator, Level, PlanningResponse, Procedure, SafetyQuestion
from ..placeholders import PLACEHOLDER
from ..render import paths
from ..views import Views
from .wording import WORDING

HELPER_PAGE = paths.WHICH_LEVEL
DATA_FILE = paths.HELPER_DATA


def helper_data(guidance: Guidance) -> dict[str, Any]:
    """The document ``DATA_FILE`` holds. Addresses are relative to the helper page."""
    views = Views(guidance)
    rules = guidance.helper
    return {
        "guidance": version_label(guidance.partnership, guidance.published),
        "wording": WORDING,
        "indicator_url": _href("indicators/ID.md"),
        "search_index": "../" + paths.SEARCH_INDEX,
        "front_door": guidance.partnership.front_door,
        "out_of_hours": guidance.partnership.out_of_hours,
        "levels": [_level(views, level) for level in guidance.levels],
        "domains": [{"id": d.id, "name": d.name} for d in guidance.domains],
        "ages": [{"id": band, "label": age_label(band)} for band in AGE_BANDS],
        "indicators": [_indicator(views, indicator) for indicator in guidance.indicators],
        "safety": [_safety(views, question) for question in guidance.safety_questions],
        "rules": _texts(rules.model_dump(mode="json", exclude_none=True,
                                         exclude={"id", "source", "owner", "last_reviewed", "review_due"})),
        "responses": [_response(views, response) for response in guidance.planning_responses],
        "contacts": {contact.id: _contact(contact, guidance.contact_by_id)
                     for contact in guidance.partnership.contacts},
        "hours": hours_data(guidance),
        "services": {s.id: {"name": s.name, "url": _href(paths.SERVICES, s.id)} for s in guidance.services},
        "procedures": {p.id: _procedure(p) for p in guidance.procedures},
        "duties": {duty.id: _duty(duty) for duty in guidance.duties},
        "briefings": {b.id: {"title": b.title, "url": _href(paths.briefing(b))} for b in guidance.briefings},
        "synonyms": [[squash(term).lower() for term in group.terms] for group in guidance.synonyms],
    }


Text = str | list[str | dict[str, str]]
# Fields of the rules and questions that hold ids or answers, not wording.
_NOT_WORDING = frozenset({"id", "level", "age_band", "procedures", "asked_for", "raises_when", "indicator",
                          "suggests", "always_highest_level", "always_offer", "duties"})


def rich_text(text: str) -> Text:
    """A text as the browser gets it: a plain string, or parts when it names a contact."""
    flat = squash(text)
    if "((" not in flat:
        return flat
    parts: list[str | dict[str, str]] = []
    position = 0
    for found in PLACEHOLDER.finditer(flat):
        parts += [flat[position:found.start()], {"contact": found.group(1).strip()}]
        position = found.end()
    parts.append(flat[position:])
    return [part for part in parts if part != ""]


def _texts(value: Any) -> Any:
    """Every wording field of a dumped record as :func:`rich_text`; ids and answers as they are."""
    if isinstance(value, dict):
        return {key: item if key in _NOT_WORDING else _texts(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_texts(item) for item in value]
    return rich_text(value) if isinstance(value, str) else value


def _named(views: Views, texts: Iterable[str]) -> list[str]:
    """The ids of the contacts the texts name, in order of first mention."""
    return [contact.id for contact in views.contacts_named_in(texts)]


def _safety(views: Views, question: SafetyQuestion) -> dict[str, Any]:
    found = _texts(question.model_dump(mode="json", exclude_none=True,
                                       exclude={"owner", "last_reviewed", "review_due"}))
    found["contacts"] = _named(views, [question.action])
    return dict(found)


def _href(docs_path: str, anchor: str = "") -> str:
    """A link from the helper page (which-level/) to a page MkDocs publishes at its directory URL."""
    stem = docs_path.removesuffix(".md").removesuffix("index")
    address = "../" + (stem if stem.endswith("/") or not stem else stem + "/")
    return f"{address}#{anchor}" if anchor else address


def _level(views: Views, level: Level) -> dict[str, Any]:
    return {"id": level.id, "number": level.number, "name": level.name, "label": level_label(level),
            "tone": views.tone(level), "summary": rich_text(level.summary), "who_leads": rich_text(level.who_leads),
            "actions": [rich_text(a) for a in level.practitioner_actions],
            "timescales": [rich_text(t) for t in level.timescales], "step_up": rich_text(level.step_up),
            "tell_family": rich_text(level.tell_family) if level.tell_family else None,
            "contacts": _named(views, level.practitioner_actions),
            "services": [s.id for s in views.services_in_result(level)], "url": _href(paths.level(level))}


def _indicator(views: Views, indicator: Indicator) -> dict[str, Any]:
    """One indicator, lists left out when empty: a phone downloads the data for every indicator."""
    own_services = [s.id for s in views.services_for_indicator(indicator)[0]] if indicator.services else []
    found = {"id": indicator.id, "text": rich_text(indicator.text), "level": indicator.level,
             "domain": indicator.domain, "ages": indicator.age_bands, "keywords": indicator.keywords,
             "first_actions": [rich_text(action) for action in indicator.first_actions],
             "contacts": _named(views, indicator.first_actions), "services": own_services,
             "procedures": [p.id for p in views.procedures_for_indicator(indicator)],
             "briefings": [b.id for b in views.briefings_for_indicator(indicator)],
             "duties": [d.id for d in views.duties_for_indicator(indicator)],
             "do_not_alert": _do_not_alert(views, indicator)}
    return {key: value for key, value in found.items() if value not in ([], None)}


def _do_not_alert(views: Views, indicator: Indicator) -> dict[str, Any] | None:
    advice = views.do_not_alert(indicator)
    return {"advice_from": advice.advice_from, "why": rich_text(advice.why)} if advice else None


def _procedure(procedure: Procedure) -> dict[str, str]:
    return {"name": procedure.name, "url": _href(paths.procedure(procedure))}


def _duty(duty: Duty) -> dict[str, Any]:
    """A duty as the page shows it: 'You must' with who, what, by when and through whom."""
    return {"name": duty.name, "who": rich_text(duty.who), "what": rich_text(duty.what),
            "by_when": rich_text(duty.by_when), "contact": duty.contact, "law": rich_text(duty.law)}


def _response(views: Views, response: PlanningResponse) -> dict[str, Any]:
    return {"id": response.id, "level": response.level, "title": response.title,
            "summary": rich_text(response.summary), "steps": [rich_text(step) for step in response.steps],
            "who_leads": rich_text(response.who_leads),
            "timescale": rich_text(response.timescale) if response.timescale else None,
            "tell_family": rich_text(response.tell_family) if response.tell_family else None,
            "contacts": _named(views, response.steps)}


def _contact(contact: Contact, contacts: dict[str, Contact]) -> dict[str, Any]:
    found = {"name": contact.name, "short": contact.short_name or contact.name, "text": contact_text(contact),
             "phone": contact.phone,
             "hours": hours_lines(contact, contacts), "email": contact.email,
             "url": str(contact.url) if contact.url else None,
             "verified": contact.verification.status == "verified"}
    return {key: value for key, value in found.items() if value not in (None, [])}
