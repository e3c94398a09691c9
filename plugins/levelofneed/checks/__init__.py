"""Every check that needs more than one record to see, behind one registry and one signature.

A check is a function ``(Context) -> findings``. :data:`CHECKS` lists them all, as
:mod:`levelofneed.model.registry` lists the kinds, and :func:`run_checks` runs them; a
meta-test proves that every registered check is triggered by an example in
``tests/examples``. A check that needs to see every record does not run when a file
could not be read (``Context.complete``), and one that grows faster than the content
runs only when asked (``check --near-duplicates``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..findings import Finding
from ..validate import Collected
from . import contacts, coverage, duplicates, helper, opening, records, safety, sources, synonyms
from .context import Context

CheckFunction = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    """A check, and when it runs: only when every file was read, only when asked for."""

    name: str
    run: CheckFunction
    needs_every_file: bool = True
    on_request: bool = False


CHECKS: tuple[Check, ...] = (
    Check("duplicate-ids", records.duplicate_ids, needs_every_file=False),
    Check("repeated-list-items", records.repeated_list_items, needs_every_file=False),
    Check("levels", records.levels, needs_every_file=False),
    Check("references", records.references_resolve),
    Check("subdomains", records.subdomains),
    Check("single-records", records.single_records),
    Check("planning-responses", records.planning_responses),
    Check("helper-rules", helper.helper_rules),
    Check("result-size", helper.result_size),
    Check("first-actions", safety.first_actions, needs_every_file=False),
    Check("do-not-alert-family", safety.do_not_alert_family, needs_every_file=False),
    Check("changelog", records.changelog),
    Check("review-dates", records.review_dates, needs_every_file=False),
    Check("duplicate-contacts", contacts.duplicate_contacts, needs_every_file=False),
    Check("copied-numbers", contacts.copied_numbers, needs_every_file=False),
    Check("contact-references", contacts.contact_references),
    Check("verification", contacts.verification, needs_every_file=False),
    Check("primary-sources", sources.primary_sources, needs_every_file=False),
    Check("synonym-stems", synonyms.synonym_stems, needs_every_file=False),
    Check("opening-hours", opening.opening_hours, needs_every_file=False),
    Check("coverage", coverage.coverage),
    Check("near-duplicates", duplicates.near_duplicates, on_request=True),
)

Observer = Callable[[Check, list[Finding]], None]


def run_checks(collected: Collected, today: dt.date, complete: bool = True, near_duplicates: bool = False,
               observe: Observer | None = None) -> list[Finding]:
    """The findings of every check that applies to this run, in registry order."""
    context = Context(collected, today, complete)
    found: list[Finding] = []
    for check in CHECKS:
        if (check.needs_every_file and not complete) or (check.on_request and not near_duplicates):
            continue
        findings = list(check.run(context))
        if observe is not None:
            observe(check, findings)
        found.extend(findings)
    return found
