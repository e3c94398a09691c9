"""Pydantic models for every record kind, and the registry of file kinds.

A file in ``guidance/`` is a mapping with exactly one top-level key that names its
kind (``indicators:``, ``services:`` …). A file in ``briefings/`` is one briefing.
"""

from __future__ import annotations

from .briefing import Briefing
from .changes import GuidanceVersion
from .common import Record, RefersTo, Strict
from .duty import DoNotAlert, Duty
from .glossary import GlossaryTerm, SynonymGroup
from .helper import Circumstance, Combination, HelperRules, RoutingQuestion, SafetyQuestion
from .indicator import AGE_BAND_LABELS, AGE_BANDS, Indicator
from .levels import Level, PlanningResponse
from .opening import DAYS, BankHolidays, Opening, Window
from .partnership import Contact, CoverageRules, Partnership
from .procedure import Procedure, Step
from .registry import FileKind, Folder, Registry
from .service import Service
from .taxonomy import Domain, Link, Subdomain, Topic
from .verification import Verification

KINDS = Registry((
    FileKind("partnership", Partnership, False, "Partnership settings"),
    FileKind("levels", Level, True, "Levels of need"),
    FileKind("domains", Domain, True, "Assessment Framework domains"),
    FileKind("topics", Topic, True, "Topics"),
    FileKind("indicators", Indicator, True, "Indicators"),
    FileKind("planning_responses", PlanningResponse, True, "Planning responses"),
    FileKind("services", Service, True, "Services"),
    FileKind("procedures", Procedure, True, "Procedures"),
    FileKind("duties", Duty, True, "Legal duties"),
    FileKind("briefings", Briefing, False, "7-minute briefing", folder="briefings", schema_name="briefing"),
    FileKind("glossary", GlossaryTerm, True, "Glossary"),
    FileKind("synonyms", SynonymGroup, True, "Search synonyms"),
    FileKind("safety_questions", SafetyQuestion, True, "Helper safety questions"),
    FileKind("helper", HelperRules, False, "Helper rules"),
    FileKind("changes", GuidanceVersion, True, "Guidance versions", id_field="version"),
))

__all__ = [
    "AGE_BANDS",
    "AGE_BAND_LABELS",
    "DAYS",
    "KINDS",
    "BankHolidays",
    "Briefing",
    "Circumstance",
    "Combination",
    "Contact",
    "CoverageRules",
    "DoNotAlert",
    "Domain",
    "Duty",
    "FileKind",
    "Folder",
    "GlossaryTerm",
    "GuidanceVersion",
    "HelperRules",
    "Indicator",
    "Level",
    "Link",
    "Opening",
    "Partnership",
    "PlanningResponse",
    "Procedure",
    "Record",
    "RefersTo",
    "Registry",
    "RoutingQuestion",
    "SafetyQuestion",
    "Service",
    "Step",
    "Strict",
    "Subdomain",
    "SynonymGroup",
    "Topic",
    "Verification",
    "Window",
]
