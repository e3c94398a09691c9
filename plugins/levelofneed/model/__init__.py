"""Pydantic models for every record kind, and the registry of file kinds.

A file in ``guidance/`` is a mapping with exactly one top-level key that names its
kind (``indicators:``, ``services:`` …). A file in ``briefings/`` is one briefing.
"""

from __future__ import annotations

from dataclasses import dataclass

from .briefing import Briefing
from .common import Record, Strict
from .glossary import GlossaryTerm, SynonymGroup
from .helper import SafetyQuestion
from .indicator import AGE_BANDS, Indicator
from .levels import Level, PlanningResponse
from .partnership import Contact, Partnership
from .procedure import Procedure, Step
from .service import Service
from .taxonomy import Domain, Link, Subdomain, Topic
from .verification import Verification


@dataclass(frozen=True)
class FileKind:
    """One kind of guidance file: the top-level key, the record model and whether it holds a list."""

    key: str
    model: type[Strict]
    many: bool
    title: str


GUIDANCE_KINDS: dict[str, FileKind] = {
    kind.key: kind
    for kind in (
        FileKind("partnership", Partnership, False, "Partnership settings"),
        FileKind("levels", Level, True, "Levels of need"),
        FileKind("domains", Domain, True, "Assessment Framework domains"),
        FileKind("topics", Topic, True, "Topics"),
        FileKind("indicators", Indicator, True, "Indicators"),
        FileKind("planning_responses", PlanningResponse, True, "Planning responses"),
        FileKind("services", Service, True, "Services"),
        FileKind("procedures", Procedure, True, "Procedures"),
        FileKind("glossary", GlossaryTerm, True, "Glossary"),
        FileKind("synonyms", SynonymGroup, True, "Search synonyms"),
        FileKind("safety_questions", SafetyQuestion, True, "Helper safety questions"),
    )
}

BRIEFING_KIND = FileKind("briefing", Briefing, False, "7-minute briefing")

__all__ = [
    "AGE_BANDS",
    "BRIEFING_KIND",
    "GUIDANCE_KINDS",
    "Briefing",
    "Contact",
    "Domain",
    "FileKind",
    "GlossaryTerm",
    "Indicator",
    "Level",
    "Link",
    "Partnership",
    "PlanningResponse",
    "Procedure",
    "Record",
    "SafetyQuestion",
    "Service",
    "Step",
    "Strict",
    "Subdomain",
    "SynonymGroup",
    "Topic",
    "Verification",
]
