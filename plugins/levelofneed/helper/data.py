"""The helper's data file: everything the browser engine and page need, from the one Guidance.

What applies to what is worked out here, once, by :mod:`levelofneed.views` (each
indicator's procedures and briefings, the services at each level), so the browser
engine only follows the rules and never repeats a view. Text keeps its ``((contact))``
placeholders; the page resolves them from ``contacts``, inserting text with
``textContent`` only.
"""

from __future__ import annotations

from typing import Any

from ..guidance import Guidance
from ..labels import age_label, level_label, squash
from ..model import AGE_BANDS, Contact, Indicator, Level, PlanningResponse
from ..render import paths
from ..views import Views

HELPER_PAGE = paths.WHICH_LEVEL
DATA_FILE = paths.HELPER_DATA


def helper_data(guidance: Guidance) -> dict[str, Any]:
    """The document ``DATA_FILE`` holds. Addresses are relative to the helper page."""
    views = Views(guidance)
    rules = guidance.helper
    return {
        "version": guidance.partnership.guidance_version,
        "partnership": guidance.partnership.short_name,
        "indicator_url": _href("indicators/ID.md"),
        "front_door": guidance.partnership.front_door,
        "out_of_hours": guidance.partnership.out_of_hours,
        "levels": [_level(views, level) for level in guidance.levels],
        "domains": [{"id": d.id, "name": d.name} for d in guidance.domains],
        "ages": [{"id": band, "label": age_label(band)} for band in AGE_BANDS],
        "indicators": [_indicator(views, indicator) for indicator in guidance.indicators],
        "safety": [q.model_dump(mode="json", exclude_none=True, exclude={"owner", "last_reviewed", "review_due"})
                   for q in guidance.safety_questions],
        "rules": rules.model_dump(mode="json", exclude_none=True,
                                  exclude={"id", "source", "owner", "last_reviewed", "review_due"}),
        "responses": [_response(response) for response in guidance.planning_responses],
        "contacts": {contact.id: _contact(contact) for contact in guidance.partnership.contacts},
        "services": {s.id: {"name": s.name, "url": _href(paths.SERVICES, s.id)} for s in guidance.services},
        "procedures": {p.id: {"name": p.name, "url": _href(paths.procedure(p))} for p in guidance.procedures},
        "briefings": {b.id: {"title": b.title, "url": _href(paths.briefing(b))} for b in guidance.briefings},
        "synonyms": [[squash(term).lower() for term in group.terms] for group in guidance.synonyms],
    }


def _href(docs_path: str, anchor: str = "") -> str:
    """A link from the helper page (which-level/) to a page MkDocs publishes at its directory URL."""
    stem = docs_path.removesuffix(".md").removesuffix("index")
    address = "../" + (stem if stem.endswith("/") or not stem else stem + "/")
    return f"{address}#{anchor}" if anchor else address


def _level(views: Views, level: Level) -> dict[str, Any]:
    return {"id": level.id, "number": level.number, "name": level.name, "label": level_label(level),
            "summary": level.summary, "who_leads": level.who_leads, "actions": level.practitioner_actions,
            "timescales": level.timescales, "step_up": level.step_up,
            "services": [s.id for s in views.services_at(level)], "url": _href(paths.level(level))}


def _indicator(views: Views, indicator: Indicator) -> dict[str, Any]:
    """One indicator, lists left out when empty: a phone downloads the data for every indicator."""
    own_services = [s.id for s in views.services_for_indicator(indicator)[0]] if indicator.services else []
    found = {"id": indicator.id, "text": squash(indicator.text), "level": indicator.level,
             "domain": indicator.domain, "ages": indicator.age_bands, "keywords": indicator.keywords,
             "first_actions": indicator.first_actions, "services": own_services,
             "procedures": [p.id for p in views.procedures_for_indicator(indicator)],
             "briefings": [b.id for b in views.briefings_for_indicator(indicator)]}
    return {key: value for key, value in found.items() if value != []}


def _response(response: PlanningResponse) -> dict[str, Any]:
    return {"id": response.id, "level": response.level, "title": response.title, "summary": response.summary,
            "steps": response.steps, "who_leads": response.who_leads, "timescale": response.timescale}


def _contact(contact: Contact) -> dict[str, Any]:
    found = {"name": contact.name, "short": contact.short_name or contact.name, "phone": contact.phone,
             "hours": contact.hours, "email": contact.email, "url": str(contact.url) if contact.url else None,
             "verified": contact.verification.status == "verified"}
    return {key: value for key, value in found.items() if value not in (None, [])}
