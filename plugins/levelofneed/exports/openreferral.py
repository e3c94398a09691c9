"""The services directory in the Open Referral UK format (the UK profile of HSDS 3.0).

The file has the shape of one page of the HSDS ``/services`` API response, so tools
that read Open Referral feeds can read it, and each service validates against the
profile's compiled ``service_list.json`` and ``service.json`` schemas (tested).
Open Referral wants UUIDs, so ids are UUID 5 values derived from our stable record
ids: the same service keeps the same UUID from one build to the next. A field the
service does not have is left out, as the standard asks, never written as null.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from ..guidance import Guidance
from ..model import Service

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://openreferraluk.org/levelofneed")


def _uuid(kind: str, key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}/{key}"))


def _organization(name: str, services: list[Service]) -> dict[str, Any]:
    """Our records name an organisation but do not describe it, so the description says what it runs."""
    runs = "; ".join(sorted(service.name for service in services))
    return {"id": _uuid("organization", name), "name": name,
            "description": f"{name}. Services in this directory: {runs}."}


def service_object(service: Service, guidance: Guidance, organization: dict[str, Any]) -> dict[str, Any]:
    """One HSDS service with its organisation nested, as Open Referral UK publishes them."""
    contact = guidance.contact_by_id.get(service.contact or "")
    document: dict[str, Any] = {
        "id": _uuid("service", service.id),
        "name": service.name,
        "description": service.description,
        "url": str(service.url),
        "email": service.email or (contact.email if contact else None),
        "status": service.status,
        "minimum_age": service.minimum_age,
        "maximum_age": service.maximum_age,
        "assured_date": service.verification.checked.isoformat() if service.verification.checked else None,
        "organization_id": organization["id"],
        "organization": organization,
    }
    return {key: value for key, value in document.items() if value is not None}


def export_openreferral(guidance: Guidance) -> dict[str, Any]:
    """All services as a single page of an HSDS 3.0 ``/services`` response."""
    by_organization: dict[str, list[Service]] = defaultdict(list)
    for service in guidance.services:
        by_organization[service.organization].append(service)
    organizations = {name: _organization(name, items) for name, items in by_organization.items()}
    contents = [service_object(s, guidance, organizations[s.organization]) for s in guidance.services]
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
