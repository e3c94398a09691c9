"""The open-data export: the whole validated guidance as one JSON document.

This is a published format (see docs/open-data.md), so its shape changes only with a
note in the CHANGELOG.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .guidance import Guidance

LIST_KEYS = ("levels", "domains", "topics", "indicators", "planning_responses",
             "services", "procedures", "briefings", "glossary")


def _dump(record: BaseModel) -> dict[str, Any]:
    return record.model_dump(mode="json", exclude_none=True)


def export_json(guidance: Guidance) -> dict[str, Any]:
    """A JSON-ready dict: ``partnership`` as one object, then one list per record kind."""
    document: dict[str, Any] = {"partnership": _dump(guidance.partnership)}
    for key in LIST_KEYS:
        document[key] = [_dump(record) for record in getattr(guidance, key)]
    return document
