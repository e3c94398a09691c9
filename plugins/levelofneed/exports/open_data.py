"""The open-data export: the whole validated guidance as one JSON document.

This is a published format (see docs/open-data.md), so its shape changes only with a
note in the CHANGELOG.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..guidance import Guidance
from ..model import KINDS


def _dump(record: BaseModel) -> dict[str, Any]:
    return record.model_dump(mode="json", exclude_none=True)


def export_json(guidance: Guidance) -> dict[str, Any]:
    """A JSON-ready dict: ``partnership`` as one object, then one list per registered kind.

    Text keeps its ``((contact-id))`` placeholders: the contacts themselves are in
    ``partnership.contacts``, so a reader resolves them from the one record.
    """
    document: dict[str, Any] = {"partnership": _dump(guidance.partnership)}
    for kind in KINDS:
        if kind.key != "partnership":
            document[kind.key] = [_dump(record) for record in guidance.records[kind.key]]
    return document
