"""Checks that span records: duplicate ids, references, levels and their responses, sub-domains,
single settings files, the changelog and review dates.

They run over the records that validated on their own, so a single typo produces one
finding rather than a cascade.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from ..findings import Finding
from ..labels import a_or_an, singular
from ..messages import did_you_mean
from ..model import KINDS, Domain, GuidanceVersion, Indicator, Level, Partnership, PlanningResponse
from ..references import FieldPath, ReferenceField, ids_in, references, values
from ..review_dates import review_overdue
from ..validate import Collected, Located
from .context import Context

GUIDANCE_ROOT = "guidance/"


def _ids(collected: Collected, kind: str) -> set[str]:
    return {str(item.record_id) for item in collected.records[kind]}


def duplicate_ids(context: Context) -> Iterator[Finding]:
    """Two records of a kind with one id (or a settings file given twice), at the second."""
    collected = context.collected
    for kind, items in collected.records.items():
        registered = KINDS.get(kind)
        if registered is None or not (registered.many or registered.one_per_file):
            continue  # a second settings file is reported once, by _single_records
        field = registered.id_field
        seen: dict[str, Located[Any]] = {}
        for item in items:
            record_id = item.record_id
            first = seen.setdefault(record_id, item)
            if first is not item:
                where = first.finding((field,), "", "")
                message = (f"duplicate {singular(kind)} id '{record_id}'" if field == "id"
                           else f"{singular(kind)} '{record_id}' is listed twice")
                hint = f"it is already used at {where.path}:{where.line}; give this one a different {field}"
                yield item.finding((field,), message, hint)


def references_resolve(context: Context) -> Iterator[Finding]:
    """Every id a record names, in a field typed as a reference, is the id of a record of that kind."""
    collected = context.collected
    fields = references()
    known = {ref.target: _ids(collected, ref.target) | collected.invalid_ids[ref.target] for ref in fields}
    for ref in fields:
        ids = known[ref.target]
        for item in collected.records[ref.holder]:
            if _all_known(item.record, ref, ids):  # the usual case, checked in one set operation
                continue
            for path, entry in values(item.record, ref):
                if entry not in ids:
                    guess = did_you_mean(entry, ids)
                    missing = f"add {a_or_an(singular(ref.target))} with id '{entry}', or correct the id"
                    hint = f"did you mean '{guess}'?" if guess else missing
                    yield item.finding(path, f"unknown {singular(ref.target)} '{entry}' in '{ref.field}'", hint)


def _all_known(record: Any, ref: ReferenceField, ids: set[str]) -> bool:
    if len(ref.path) > 1:
        return ids.issuperset(ids_in(record, ref))
    value = getattr(record, ref.path[0])
    return value is None or (value in ids if isinstance(value, str) else ids.issuperset(value))


def repeated_list_items(context: Context) -> Iterator[Finding]:
    """The same id twice in one list of references."""
    collected = context.collected
    for ref in references():
        for item in collected.records[ref.holder]:
            entries = getattr(item.record, ref.path[0]) if len(ref.path) == 1 else ids_in(item.record, ref)
            if not isinstance(entries, list) or len(set(entries)) == len(entries):
                continue
            seen: set[tuple[FieldPath, str]] = set()
            for path, entry in values(item.record, ref):
                key = (path[:-1], entry)  # the same id twice in one list
                if key in seen:
                    yield item.finding(path, f"'{entry}' is listed twice in '{ref.field}'", "remove the repeat")
                seen.add(key)


def subdomains(context: Context) -> Iterator[Finding]:
    """Sub-domain ids are unique, and each indicator's sub-domain belongs to its domain."""
    collected = context.collected
    owner: dict[str, str] = {}
    for item in collected.of(Domain):
        domain = item.record
        for index, sub in enumerate(domain.subdomains):
            if sub.id in owner:
                yield item.finding(("subdomains", index, "id"), f"duplicate sub-domain id '{sub.id}'",
                                   f"it is already used in domain '{owner[sub.id]}'; sub-domain ids must be unique")
            owner.setdefault(sub.id, domain.id)
    for indicator in collected.of(Indicator):
        yield from _indicator_subdomain(indicator, owner)


def _indicator_subdomain(item: Located[Indicator], owner: dict[str, str]) -> Iterator[Finding]:
    indicator = item.record
    home = owner.get(indicator.subdomain)
    if home is None:
        guess = did_you_mean(indicator.subdomain, owner)
        hint = f"did you mean '{guess}'?" if guess else "use the id of a sub-domain listed in the domains file"
        yield item.finding(("subdomain",), f"unknown sub-domain '{indicator.subdomain}'", hint)
    elif home != indicator.domain and indicator.domain in owner.values():
        yield item.finding(("subdomain",), f"sub-domain '{indicator.subdomain}' is not part of domain "
                           f"'{indicator.domain}'", f"it belongs to '{home}'; change 'domain' or 'subdomain'")


def single_records(context: Context) -> Iterator[Finding]:
    """Kinds written as one mapping (partnership settings, helper rules) need exactly one file."""
    collected = context.collected
    for kind in KINDS.in_folder("guidance"):
        if kind.many:
            continue
        items = collected.records[kind.key]
        title = kind.title.lower()
        if not items and not collected.invalid_ids[kind.key]:
            yield Finding(GUIDANCE_ROOT, 1, 1, "error", f"no {title} found",
                          f"add a file in guidance/ with a '{kind.key}:' mapping")
        for extra in items[1:]:
            yield extra.finding((kind.key,), f"{title} are defined more than once",
                                f"keep a single '{kind.key}:' file", at_key=True)


def levels(context: Context) -> Iterator[Finding]:
    """Levels exist, and are numbered 1 upwards without a gap or a repeat."""
    collected = context.collected
    levels = collected.of(Level)
    if not levels:
        yield Finding(GUIDANCE_ROOT, 1, 1, "error", "no levels found",
                      "add a 'levels:' file listing the levels of need")
        return
    by_number: dict[int, Located[Level]] = {}
    for item in levels:
        level = item.record
        if by_number.setdefault(level.number, item) is not item:
            yield item.finding(("number",), f"level number {level.number} is used twice",
                               "give each level its own number, 1 for the least need")
    expected = set(range(1, len(by_number) + 1))
    for number in sorted(set(by_number) - expected):
        yield by_number[number].finding(("number",), f"levels are not numbered 1 to {len(by_number)} without gaps",
                                        f"renumber the levels; {number} leaves a gap")


def planning_responses(context: Context) -> Iterator[Finding]:
    """Every level has a planning response."""
    collected = context.collected
    if collected.invalid_ids["planning_responses"]:
        return  # an invalid response may be the one that covers the level; fix it first
    covered = {item.record.level for item in collected.of(PlanningResponse)}
    for item in collected.records["levels"]:
        level_id = item.record_id
        if level_id not in covered:
            yield item.finding(("id",), f"level '{level_id}' has no planning response",
                               f"add a planning response with 'level: {level_id}'")


def changelog(context: Context) -> Iterator[Finding]:
    """The changelog's newest entry is the version being published, and entries run newest first.

    A version bumped without an entry (or an entry written without the bump) is how a
    "What's changed" page comes to describe a different version from the one on show.
    """
    collected = context.collected
    partnership = collected.of(Partnership)
    if collected.invalid_ids["changes"] or collected.invalid_ids["partnership"] or not partnership:
        return  # an invalid entry may be the newest one; fix it first
    current = partnership[0].record.guidance_version
    versions = collected.of(GuidanceVersion)
    if not versions:
        yield Finding(GUIDANCE_ROOT, 1, 1, "error", "no guidance versions found",
                      f"add a file in guidance/ with a 'changes:' list, starting with version '{current}' "
                      "and what changed in it")
        return
    latest = versions[0]
    newest = latest.record.version
    if newest != current:
        listed = any(item.record.version == current for item in versions)
        hint = (f"when version '{newest}' is published, set guidance_version to \"{newest}\" in the partnership "
                "settings" if listed else f"add an entry for version '{current}' at the top of this list, "
                "saying what changed, or correct guidance_version in the partnership settings")
        yield latest.finding(("version",), f"the newest guidance version is '{newest}', but the partnership's "
                             f"guidance_version is '{current}'", hint)
    for before, item in itertools.pairwise(versions):
        if item.record.date > before.record.date:
            yield item.finding(("date",), f"version '{item.record.version}' is dated after the version above it",
                               "list versions newest first, or correct the date")


def review_dates(context: Context) -> Iterator[Finding]:
    """A record whose review date has passed (a warning)."""
    today = context.today
    for items in context.collected.records.values():
        for item in items:
            due = getattr(item.record, "review_due", None)
            if due is not None and review_overdue(due, today):
                yield item.finding(("review_due",), f"review was due on {due.isoformat()}",
                                   "review the record, then update last_reviewed and review_due", severity="warning")
