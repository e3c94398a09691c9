"""The services directory in the Open Referral UK format (the UK profile of HSDS 3.0).

The file has the shape of one page of the HSDS ``/services`` API response, so tools
that read Open Referral feeds can read it, and each service validates against the
profile's compiled ``service_list.json`` and ``service.json`` schemas (tested).
Open Referral wants UUIDs, so ids are UUID 5 values derived from our stable record
ids: the same service keeps the same UUID from one build to the next. A field the
service does not have is left out, as the standard asks, never written as null.

Each service also carries its service area, when it was last changed (``last_modified``,
from its last review or check), and the levels and topics it works with as taxonomy terms
(``attributes``), from two taxonomies of our own. :func:`api_files` lays the same data out
as the standard's read-only API, as static files (``docs/open-data.md``). The profile's
service schema has no place for a phone number, so phones stay in ``guidance.json``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ..guidance import Guidance
from ..hours import hours_lines
from ..labels import level_label, plain_text, squash
from ..model import Contact, Service

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://openreferraluk.org/levelofneed")


def _uuid(kind: str, key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}/{key}"))


def _organization(name: str, services: list[Service]) -> dict[str, Any]:
    """Our records name an organisation but do not describe it, so the description says what it runs."""
    runs = "; ".join(sorted(service.name for service in services))
    return {"id": _uuid("organization", name), "name": name,
            "description": f"{name}. Services in this directory: {runs}."}


TAXONOMIES = {"levels": "Level of Need: levels", "topics": "Level of Need: topics"}


def taxonomy_terms(guidance: Guidance) -> list[dict[str, Any]]:
    """Every level and topic as a term of its taxonomy, in the guidance's order."""
    contacts = guidance.contact_by_id
    terms = [_term("levels", level.id, level_label(level), plain_text(level.summary, contacts))
             for level in guidance.levels]
    terms += [_term("topics", topic.id, squash(topic.name), plain_text(topic.summary, contacts))
              for topic in guidance.topics]
    return terms


def _term(taxonomy: str, key: str, name: str, description: str) -> dict[str, Any]:
    return {"id": _uuid(f"taxonomy_term/{taxonomy}", key), "name": name, "description": description,
            "taxonomy": TAXONOMIES[taxonomy], "taxonomy_id": _uuid("taxonomy", taxonomy), "term": key}


def _attributes(service: Service, terms: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The levels and topics the service works with, each linking it to a term."""
    service_id = _uuid("service", service.id)
    keys = [*(f"levels/{level}" for level in service.levels), *(f"topics/{topic}" for topic in service.topics)]
    return [{"id": _uuid("attribute", f"{service.id}/{key}"), "link_id": service_id,
             "taxonomy_term_id": terms[key]["id"], "taxonomy_term": terms[key]} for key in keys if key in terms]


def _last_modified(service: Service) -> str | None:
    """The latest of the service's last review and its last check, as a date-time (midnight, UTC)."""
    dates = [day for day in (service.last_reviewed, service.verification.checked) if day is not None]
    return dt.datetime.combine(max(dates), dt.time(), dt.UTC).isoformat(timespec="milliseconds").replace(
        "+00:00", "Z") if dates else None


# RFC 5545's two-letter day codes, which the standard's ``byday`` takes.
DAY_CODES = {"monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH", "friday": "FR",
             "saturday": "SA", "sunday": "SU"}


def _schedules(service: Service, contact: Contact | None, guidance: Guidance) -> list[dict[str, Any]] | None:
    """When the service's line is answered, from its contact's structured hours: one weekly schedule
    per window. Times are UK local time; no offset is written, since London's changes with the
    season and a fixed one would be wrong for half the year. Hours kept only as words are not
    guessed at: the service then has no schedule."""
    if contact is None or contact.opening is None:
        return None
    service_id = _uuid("service", service.id)
    otherwise = guidance.contact_by_id.get(contact.opening.otherwise)
    notes = ("UK local time (Europe/London). "
             + ("Closed on bank holidays. " if contact.opening.bank_holidays == "closed" else "")
             + (f"At other times: {otherwise.name}." if otherwise else "")).strip()
    # hours_lines writes one line per open window first, in order (then the answerphone and the rest).
    lines = hours_lines(contact, guidance.contact_by_id)
    return [{"id": _uuid("schedule", f"{service.id}/{index}"), "service_id": service_id, "freq": "WEEKLY",
             "byday": ",".join(DAY_CODES[day] for day in window.days), "opens_at": window.opens,
             "closes_at": window.closes, "description": line, "notes": notes}
            for index, (window, line) in enumerate(zip(contact.opening.open, lines, strict=False))]


def service_object(service: Service, guidance: Guidance, organization: dict[str, Any],
                   terms: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """One HSDS service with its organisation nested, as Open Referral UK publishes them."""
    contact = guidance.contact_by_id.get(service.contact or "")
    service_id = _uuid("service", service.id)
    document: dict[str, Any] = {
        "id": service_id,
        "name": service.name,
        "description": service.description,
        "url": str(service.url),
        "email": service.email or (contact.email if contact else None),
        "status": service.status,
        "minimum_age": service.minimum_age,
        "maximum_age": service.maximum_age,
        "assured_date": service.verification.checked.isoformat() if service.verification.checked else None,
        "last_modified": _last_modified(service),
        "organization_id": organization["id"],
        "organization": organization,
        "service_areas": [{"id": _uuid("service_area", service.id), "service_id": service_id,
                           "name": service.area, "service_area": service.area}],
        "schedules": _schedules(service, contact, guidance),
        "attributes": _attributes(service, terms if terms is not None else _terms_by_key(taxonomy_terms(guidance))),
    }
    return {key: value for key, value in document.items() if value is not None}


def export_openreferral(guidance: Guidance) -> dict[str, Any]:
    """All services as a single page of an HSDS 3.0 ``/services`` response."""
    by_organization: dict[str, list[Service]] = defaultdict(list)
    for service in guidance.services:
        by_organization[service.organization].append(service)
    organizations = {name: _organization(name, items) for name, items in by_organization.items()}
    terms = _terms_by_key(taxonomy_terms(guidance))
    contents = [service_object(s, guidance, organizations[s.organization], terms) for s in guidance.services]
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def _terms_by_key(terms: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {f"{'levels' if term['taxonomy'] == TAXONOMIES['levels'] else 'topics'}/{term['term']}": term
            for term in terms}


API_FOLDER = "data/openreferral"


def api_files(guidance: Guidance) -> Iterator[tuple[str, Any]]:
    """The standard's read-only API as static files under ``data/openreferral/``: ``index.json`` (what is
    here), ``services.json`` (``GET /services``), ``services/{id}.json`` (``GET /services/{id}``),
    ``taxonomies.json`` and ``taxonomy_terms.json``. A static host cannot answer ``/services/{id}``
    without the ``.json``; an aggregator maps the paths (docs/open-data.md)."""
    listing = export_openreferral(guidance)
    terms = taxonomy_terms(guidance)
    yield f"{API_FOLDER}/index.json", {
        "version": "3.0", "profile": "Open Referral UK",
        "endpoints": {"/services": "services.json", "/services/{id}": "services/{id}.json",
                      "/taxonomies": "taxonomies.json", "/taxonomy_terms": "taxonomy_terms.json"}}
    yield f"{API_FOLDER}/services.json", listing
    for service in listing["contents"]:
        yield f"{API_FOLDER}/services/{service['id']}.json", service
    taxonomies = [{"id": _uuid("taxonomy", key), "name": name,
                   "description": f"The {key} of {guidance.partnership.short_name}'s Level of Need guidance."}
                  for key, name in TAXONOMIES.items()]
    yield f"{API_FOLDER}/taxonomies.json", _page(taxonomies)
    yield f"{API_FOLDER}/taxonomy_terms.json", _page(terms)


def _page(contents: list[dict[str, Any]]) -> dict[str, Any]:
    return {"total_items": len(contents), "total_pages": 1, "page_number": 1, "size": len(contents),
            "first_page": True, "last_page": True, "empty": not contents, "contents": contents}
