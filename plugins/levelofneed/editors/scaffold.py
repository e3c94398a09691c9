"""Scaffolding a new record (``levelofneed new``): a fresh id, the right file, and a placeholder for each gap.

A required field nobody has filled in yet is written empty, with its description as a
comment (``source:    # required: Where the indicator comes from.``), so ``check``
points at every gap until it is filled: a half-written record can never be published
by accident. Optional fields an editor usually wants are written as comments to
uncomment. The record goes in as text (:mod:`.insert`), never by re-dumping the YAML.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass
from typing import Any, Literal, get_args, get_origin

import yaml
from pydantic.fields import FieldInfo

from ..guidance import Guidance
from ..messages import did_you_mean
from ..model import KINDS, Briefing, Contact, Indicator, Procedure, Service, Step, Strict
from ..references import refers_to

How = Literal["ask", "text", "list", "optional", "today", "steps", "verification", "highest-level"]
Placeholder = tuple[int, str]  # (line within the record, what to fill in)


@dataclass(frozen=True)
class Scaffold:
    """One kind of record ``new`` can write: the fields, in order, and how each is written."""

    name: str  # as typed on the command line: 'indicator'
    key: str  # the registry kind, or 'contacts'
    model: type[Strict]
    id_from: str  # the field the id is made from
    entries: tuple[tuple[str, How], ...]

    def asks(self) -> list[str]:
        """The fields asked for in a terminal and taken as options."""
        return [name for name, how in self.entries if how == "ask"]

    def info(self, field: str) -> FieldInfo:
        return self.model.model_fields[field]

    def is_list(self, field: str) -> bool:
        return get_origin(self.info(field).annotation) is list


_REVIEW: tuple[tuple[str, How], ...] = (("owner", "optional"), ("last_reviewed", "optional"),
                                        ("review_due", "optional"))
SCAFFOLDS = {scaffold.name: scaffold for scaffold in (
    Scaffold("indicator", "indicators", Indicator, "text", (
        ("text", "ask"), ("level", "ask"), ("domain", "ask"), ("subdomain", "ask"), ("topics", "optional"),
        ("age_bands", "optional"), ("first_actions", "highest-level"), ("services", "optional"),
        ("procedures", "optional"), ("source", "ask"), *_REVIEW)),
    Scaffold("briefing", "briefings", Briefing, "title", (
        ("title", "ask"), ("kind", "ask"), ("date", "today"), ("topics", "optional"), ("indicators", "optional"),
        ("background", "text"), ("why_it_matters", "text"), ("key_information", "list"), ("learning", "list"),
        ("reflective_questions", "list"), ("what_to_do_now", "list"), ("further_information", "list"),
        ("source", "ask"))),
    Scaffold("service", "services", Service, "name", (
        ("name", "ask"), ("description", "ask"), ("organization", "ask"), ("status", "ask"), ("url", "ask"),
        ("phone", "optional"), ("email", "optional"), ("how_to_access", "ask"), ("eligibility", "optional"),
        ("levels", "ask"), ("topics", "optional"), ("area", "ask"), ("verification", "verification"),
        ("source", "ask"), *_REVIEW)),
    Scaffold("procedure", "procedures", Procedure, "name", (
        ("name", "ask"), ("summary", "ask"), ("triggers", "list"), ("steps", "steps"), ("source", "ask"),
        *_REVIEW)),
    Scaffold("contact", "contacts", Contact, "name", (
        ("name", "ask"), ("short_name", "optional"), ("phone", "ask"), ("email", "ask"), ("url", "ask"),
        ("hours", "optional"), ("notes", "optional"), ("verification", "verification"))),
)}


# Values: what may be given, and whether it is acceptable.

def choices(scaffold: Scaffold, field: str, guidance: Guidance) -> list[str] | None:
    """The values a field accepts when they are few and known: a level's id, a service's status …"""
    info = scaffold.info(field)
    literal = _literal(info.annotation)
    if literal:
        return literal
    target = refers_to(info)
    if target == "subdomains":
        return list(guidance.subdomain_by_id)
    if target is not None and target in KINDS:
        return [str(getattr(record, "id", "")) for record in guidance.records[target]]
    return None


def _literal(annotation: Any) -> list[str]:
    if get_origin(annotation) is Literal:
        return [str(arg) for arg in get_args(annotation)]
    return [found for arg in get_args(annotation) for found in _literal(arg)]


def parse(scaffold: Scaffold, field: str, text: str, guidance: Guidance) -> tuple[Any, str]:
    """The value typed for ``field``, or an error saying what is wrong with it ('' when it is fine)."""
    text = text.strip()
    value: Any = [part.strip() for part in text.split(",") if part.strip()] if scaffold.is_list(field) else text
    allowed = choices(scaffold, field, guidance)
    for item in value if isinstance(value, list) else [value]:
        if allowed is not None and item not in allowed:
            guess = did_you_mean(item, allowed)
            hint = f"did you mean '{guess}'?" if guess else f"choose from: {', '.join(allowed)}"
            return None, f"'{item}' is not a known {field.replace('_', ' ')} — {hint}"
    return value, ""


def derived(scaffold: Scaffold, values: dict[str, Any], guidance: Guidance) -> dict[str, Any]:
    """Values that follow from others: an indicator's domain is its sub-domain's."""
    if scaffold.name == "indicator" and values.get("subdomain") and not values.get("domain"):
        parent = next((d.id for d in guidance.domains for s in d.subdomains if s.id == values["subdomain"]), None)
        return {**values, "domain": parent} if parent else values
    return values


# The new record's id.

def taken_ids(scaffold: Scaffold, guidance: Guidance) -> set[str]:
    """Ids already used by records of the same kind (contacts: by other contacts)."""
    if scaffold.key == "contacts":
        return {contact.id for settings in guidance.records["partnership"] for contact in settings.contacts}
    return {str(getattr(record, "id", "")) for record in guidance.records[scaffold.key]}


def fresh_id(source: str, taken: set[str], fallback: str) -> str:
    """An id made from the first words of ``source`` ('Family hubs in Bootle' → 'family-hubs-in-bootle'),
    with -2, -3 … added if it is taken."""
    words = re.findall(r"[a-z0-9]+", source.lower().replace("'", ""))[:6]
    base = "-".join(words)[:50].strip("-") or fallback
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


# The record's text.

def record_lines(scaffold: Scaffold, record_id: str, values: dict[str, Any], today: dt.date,
                 highest_level: str | None = None) -> tuple[list[str], list[Placeholder]]:
    """The record's lines, unindented, and the placeholders left to fill in (line within the record, field).

    A field marked ``highest-level`` (an indicator's first actions) is a gap to fill when the record is
    at ``highest_level``, where ``check`` requires it, and an optional line otherwise.
    """
    lines = [f"id: {record_id}"]
    gaps: list[Placeholder] = []
    for field, how in scaffold.entries:
        value = values.get(field)
        if how == "highest-level":
            how = "list" if highest_level is not None and values.get("level") == highest_level else "optional"
        if how == "optional" or (how == "ask" and not value and not scaffold.info(field).is_required()):
            lines.append(f"# {field}: {'[]' if scaffold.is_list(field) else ''}".rstrip() + _note(scaffold, field,
                                                                                                   "optional"))
        elif value:
            lines.append(f"{field}: {_yaml(value)}")
        elif how == "today":
            lines.append(f"{field}: {today.isoformat()}")
        else:
            start = len(lines)
            lines += _placeholder(scaffold, field, how)
            gaps += [(start + offset, name) for offset, name in _gaps(field, how)]
    return lines, gaps


def _note(scaffold: Scaffold, field: str, label: str, model: type[Strict] | None = None) -> str:
    description = (model or scaffold.model).model_fields[field].description or ""
    return f"    # {label}: {description}".rstrip()


def _placeholder(scaffold: Scaffold, field: str, how: How) -> list[str]:
    note = _note(scaffold, field, "required")
    if how == "list":
        return [f"{field}:{note}", "  -"]
    if how == "steps":
        first, *rest = (f"{name}:{_note(scaffold, name, 'required', Step)}" for name, info in
                        Step.model_fields.items() if info.is_required())
        return [f"{field}:{note}", f"  - {first}", *(f"    {line}" for line in rest)]
    if how == "verification":
        return [f"{field}:", "  status: unverified",
                "  note:    # required: for editors, why nobody has checked these details yet, and what was looked at.",
                "  ask:     # whom practitioners should check with: a verified contact id (default: the front door)."]
    return [f"{field}:{note}"]


def _gaps(field: str, how: How) -> list[tuple[int, str]]:
    if how == "list":
        return [(1, f"'{field}' (one '- ' line each)")]
    if how == "steps":
        required = [name for name, info in Step.model_fields.items() if info.is_required()]
        return [(1 + index, f"step 1 '{name}'") for index, name in enumerate(required)]
    if how == "verification":
        return [(2, "'verification' (or check the details and record 'checked' and 'against')")]
    return [(0, f"'{field}'")]


def _yaml(value: Any) -> str:
    """A value as YAML writes it on one line: plain where that reads back the same, quoted otherwise."""
    text = yaml.safe_dump(value, allow_unicode=True, width=1_000_000, default_flow_style=True)
    return text.removesuffix("\n").removesuffix("\n...").strip()


# Where the record goes.

@dataclass(frozen=True)
class Target:
    """The file a record is written to, and the keys of the list it joins (() for a file of its own)."""

    path: str
    keys: tuple[str, ...]


def target(scaffold: Scaffold, guidance: Guidance, values: dict[str, Any], record_id: str) -> Target:
    """The file the record belongs in, judged from where records like it already are."""
    if scaffold.key == "briefings":
        return Target(f"briefings/{record_id}.yaml", ())
    if scaffold.key == "contacts":
        settings = guidance.records["partnership"]
        origin = guidance.origin("partnership", settings[0].id) if settings else None
        return Target(origin.path if origin else "guidance/partnership.yaml", ("partnership", "contacts"))
    records = list(guidance.records[scaffold.key])
    paths = [_path(guidance, scaffold.key, record) for record in records]
    if scaffold.key == "procedures" and paths and len(set(paths)) == len(paths) > 1:  # one procedure per file
        return Target(f"{posixpath.dirname(paths[-1])}/{record_id}.yaml", (scaffold.key,))
    for keep in _likeness(scaffold.key, values):
        alike = [path for record, path in zip(records, paths, strict=True) if keep(record)]
        if alike:
            return Target(alike[-1], (scaffold.key,))
    return Target(paths[-1] if paths else f"guidance/{scaffold.key}.yaml", (scaffold.key,))


def _path(guidance: Guidance, kind: str, record: Any) -> str:
    origin = guidance.origin(kind, str(getattr(record, "id", "")))
    return origin.path if origin else f"guidance/{kind}.yaml"


def _likeness(kind: str, values: dict[str, Any]) -> list[Any]:
    """Tests for 'records like this one', closest first: same sub-domain, then same domain; for a service,
    the same area and lowest level."""
    if kind == "indicators":
        return [lambda r: r.subdomain == values.get("subdomain"), lambda r: r.domain == values.get("domain")]
    if kind == "services":
        area, level = str(values.get("area", "")).casefold(), (values.get("levels") or [None])[0]
        return [lambda r: r.area.casefold() == area and r.levels[0] == level, lambda r: r.area.casefold() == area,
                lambda r: r.levels[0] == level]
    return []


def new_file(scaffold: Scaffold, path: str, lines: list[str]) -> tuple[str, int]:
    """A new file holding only the record, naming its schema for editors; returns (text, line of the record)."""
    schema = next(kind.schema_file for kind in KINDS if kind.key == scaffold.key)
    modeline = f"# yaml-language-server: $schema={posixpath.relpath(f'schemas/{schema}', posixpath.dirname(path))}"
    if scaffold.key == "briefings":
        return "\n".join([modeline, *lines]) + "\n", 2
    body = [f"  - {lines[0]}", *(f"    {line}" if line else "" for line in lines[1:])]
    return "\n".join([modeline, f"{scaffold.key}:", *body]) + "\n", 3
