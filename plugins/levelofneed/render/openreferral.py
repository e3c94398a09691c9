"""The services directory in the Open Referral UK format (the UK profile of HSDS 3.0).

The file has the shape of one page of the HSDS ``/services`` API response, so tools
that read Open Referral feeds can read it. Open Referral wants UUIDs, so ids are
UUID 5 values derived from our stable record ids: the same service keeps the same
UUID from one build to the next.
"""

from __future__ import annotations

import uuid
from typing import Any

from ..guidance import Guidance
from ..model import Service

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://openreferraluk.org/levelofneed")


def _uuid(kind: str, key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}/{key}"))


def service_object(service: Service) -> dict[str, Any]:
    """One HSDS service with its organisation nested, as Open Referral UK publishes them."""
    organization_id = _uuid("organization", service.organization)
    return {
        "id": _uuid("service", service.id),
        "name": service.name,
        "description": service.description,
        "url": None if service.url is None else str(service.url),
        "email": service.email,
        "status": service.status,
        "minimum_age": service.minimum_age,
        "maximum_age": service.maximum_age,
        "organization_id": organization_id,
        "organization": {"id": organization_id, "name": service.organization},
    }


def export_openreferral(guidance: Guidance) -> dict[str, Any]:
    """All services as a single page of an HSDS 3.0 ``/services`` response."""
    contents = [service_object(service) for service in guidance.services]
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
