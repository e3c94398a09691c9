"""Checks that span records and files: references, duplicate ids, and required structure.

These run after every record has been validated on its own, over the valid records
only, so a single typo produces one finding rather than a cascade.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, get_args

from .contact_checks import check_contacts
from .findings import Finding
from .labels import a_or_an, singular
from .messages import did_you_mean
from .model import KINDS, Domain, Indicator, Level, PlanningResponse, RefersTo
from .reviews import review_overdue
from .validate import Collected, Located

GUIDANCE_ROOT = "guidance/"


@dataclass(frozen=True)
class ReferenceField:
    """A field of one kind that holds ids of another kind."""

    holder: str
    field: str
    target: str


def references() -> list[ReferenceField]:
    """Every reference between registered kinds, read from the models' ``RefersTo`` markers.

    References to things that are not kinds of their own (sub-domains, contacts) are
    checked by their own checks.
    """
    found = []
    for kind in KINDS:
        for name, info in kind.model.model_fields.items():
            target = _refers_to([*info.metadata, info.annotation])
            if target is not None and target in KINDS:
                found.append(ReferenceField(kind.key, name, target))
    return found


def _refers_to(parts: list[Any]) -> str | None:
    for part in parts:
        if isinstance(part, RefersTo):
            return part.kind
        inner = _refers_to(list(get_args(part)))
        if inner is not None:
            return inner
    return None


def check_cross_references(collected: Collected, today: dt.date, complete: bool = True) -> list[Finding]:
    """Every finding that needs more than one record to see.

    When a file could not be read (``complete`` is false), checks that need to see every
    record are skipped: they would report records as missing that are merely unreadable.
    """
    checks = [_duplicate_ids, _repeated_list_items, _levels]
    if complete:
        checks += [_references, _subdomains, _partnership, _planning_responses]
    found = [finding for check in checks for finding in check(collected)]
    found.extend(_review_dates(collected, today))
    found.extend(check_contacts(collected, today, complete))
    return found


def _ids(collected: Collected, kind: str) -> set[str]:
    return {str(item.record_id) for item in collected.records[kind]}


def _duplicate_ids(collected: Collected) -> Iterator[Finding]:
    for kind, items in collected.records.items():
        if kind == "partnership":
            continue  # a second partnership file is reported once, by _partnership
        seen: dict[str, Located[Any]] = {}
        for item in items:
            record_id = item.record_id
            first = seen.setdefault(record_id, item)
            if first is not item:
                where = first.finding(("id",), "", "")
                yield item.finding(("id",), f"duplicate {singular(kind)} id '{record_id}'",
                                   f"it is already used at {where.path}:{where.line}; give this one a different id")


def _references(collected: Collected) -> Iterator[Finding]:
    fields = references()
    known = {ref.target: _ids(collected, ref.target) | collected.invalid_ids[ref.target] for ref in fields}
    for ref in fields:
        holder, field, target = ref.holder, ref.field, ref.target
        ids = known[target]
        for item in collected.records[holder]:
            value = getattr(item.record, field)
            values = (value,) if isinstance(value, str) else value
            if ids.issuperset(values):  # the usual case, checked in one set operation
                continue
            for path, entry in _values(item, field):
                if entry not in ids:
                    guess = did_you_mean(entry, ids)
                    missing = f"add {a_or_an(singular(target))} with id '{entry}', or correct the id"
                    hint = f"did you mean '{guess}'?" if guess else missing
                    yield item.finding(path, f"unknown {singular(target)} '{entry}' in '{field}'", hint)


def _values(item: Located[Any], field: str) -> Iterator[tuple[tuple[str | int, ...], str]]:
    value = getattr(item.record, field)
    if isinstance(value, str):
        yield (field,), value
    else:
        for index, entry in enumerate(value):
            yield (field, index), entry


def _repeated_list_items(collected: Collected) -> Iterator[Finding]:
    for ref in references():
        holder, field = ref.holder, ref.field
        for item in collected.records[holder]:
            value = getattr(item.record, field)
            if isinstance(value, str) or len(set(value)) == len(value):
                continue
            seen: set[str] = set()
            for path, entry in _values(item, field):
                if entry in seen:
                    yield item.finding(path, f"'{entry}' is listed twice in '{field}'", "remove the repeat")
                seen.add(entry)


def _subdomains(collected: Collected) -> Iterator[Finding]:
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


def _partnership(collected: Collected) -> Iterator[Finding]:
    items = collected.records["partnership"]
    if not items and not collected.invalid_ids["partnership"]:
        yield Finding(GUIDANCE_ROOT, 1, 1, "error", "no partnership settings found",
                      "add guidance/partnership.yaml with a 'partnership:' mapping")
    for extra in items[1:]:
        yield extra.finding(("partnership",), "partnership settings are defined more than once",
                            "keep a single 'partnership:' file", at_key=True)


def _levels(collected: Collected) -> Iterator[Finding]:
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


def _planning_responses(collected: Collected) -> Iterator[Finding]:
    if collected.invalid_ids["planning_responses"]:
        return  # an invalid response may be the one that covers the level; fix it first
    covered = {item.record.level for item in collected.of(PlanningResponse)}
    for item in collected.records["levels"]:
        level_id = item.record_id
        if level_id not in covered:
            yield item.finding(("id",), f"level '{level_id}' has no planning response",
                               f"add a planning response with 'level: {level_id}'")


def _review_dates(collected: Collected, today: dt.date) -> Iterator[Finding]:
    for items in collected.records.values():
        for item in items:
            due = getattr(item.record, "review_due", None)
            if due is not None and review_overdue(due, today):
                yield item.finding(("review_due",), f"review was due on {due.isoformat()}",
                                   "review the record, then update last_reviewed and review_due", severity="warning")
