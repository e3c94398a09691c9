"""The review report: which records are overdue or due soon for review, and whose they are.

``check`` warns about each overdue record one by one, wherever it is; the business unit
that keeps the guidance needs the same facts the other way round: per owner, what to
review or re-check, and by when. Both use the one rule in :mod:`levelofneed.review_dates`, so
the report never calls a record overdue that ``check`` does not, or the other way round.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from itertools import groupby
from typing import Any, Literal

from ..guidance import Guidance
from ..labels import counted, date_text, record_name, singular
from ..model import KINDS, Contact, Service
from ..review_dates import due_state, verification_due

State = Literal["overdue", "due soon", "not verified"]
NO_OWNER = "No owner recorded"
_ORDER = {"overdue": 0, "not verified": 1, "due soon": 2}


@dataclass(frozen=True)
class ReviewItem:
    """One record to review or re-check, with where it is written."""

    owner: str
    state: State
    kind: str  # 'indicator', 'contact' …
    id: str
    name: str
    task: Literal["review", "verification"]
    due: dt.date | None
    path: str
    line: int
    column: int

    def as_text(self) -> str:
        """``path:line:column: overdue: indicator 'x' ("…") — what to do``, the shape editors know from check."""
        what = f"{self.kind} '{self.id}'" + (f' ("{self.name}")' if self.name and self.name != self.id else "")
        return f"{self.path}:{self.line}:{self.column}: {self.state}: {what} {_todo(self)}"


def _todo(item: ReviewItem) -> str:
    due = date_text(item.due)
    if item.task == "review":
        verb = "was due for review on" if item.state == "overdue" else "is due for review on"
        return f"{verb} {due} — review it, then update last_reviewed and review_due"
    if item.state == "not verified":
        return "has never been verified — check its details against its own public page, then record 'verification'"
    verb = "was due to be checked again by" if item.state == "overdue" else "is due to be checked again by"
    return f"{verb} {due} — check its details against its own page, then update 'checked'"


def review_items(guidance: Guidance, today: dt.date, within_days: int) -> list[ReviewItem]:
    """Every record overdue or due within ``within_days``, and every contact or service never verified.

    Sorted by owner, then overdue before unverified before due soon, then by date and place.
    """
    found = [*_reviews(guidance, today, within_days), *_verifications(guidance, today, within_days)]
    return sorted(found, key=lambda i: (i.owner == NO_OWNER, i.owner.casefold(), _ORDER[i.state],
                                        i.due or dt.date.min, i.path, i.line))


def _reviews(guidance: Guidance, today: dt.date, within_days: int) -> Iterator[ReviewItem]:
    for kind in KINDS:
        for record in guidance.records[kind.key]:
            state = due_state(getattr(record, "review_due", None), today, within_days)
            if state is not None:
                yield _item(guidance, kind.key, record, str(getattr(record, kind.id_field)), state, "review",
                            record.review_due, getattr(record, "owner", None))


def _verifications(guidance: Guidance, today: dt.date, within_days: int) -> Iterator[ReviewItem]:
    """Contacts belong to the partnership record, so its owner keeps them."""
    owner = guidance.partnership.owner
    checked: list[tuple[str, Contact | Service, str | None]] = [
        ("contacts", contact, owner) for contact in guidance.partnership.contacts]
    checked += [("services", service, service.owner) for service in guidance.services]
    for kind, record, record_owner in checked:
        verification = record.verification
        due = verification_due(verification)
        state: State | None = ("not verified" if verification.status == "unverified"
                               else due_state(due, today, within_days))
        if state is not None:
            yield _item(guidance, kind, record, record.id, state, "verification", due, record_owner)


def _item(guidance: Guidance, kind: str, record: Any, record_id: str, state: State,
          task: Literal["review", "verification"], due: dt.date | None, owner: str | None) -> ReviewItem:
    origin = guidance.origin(kind, record_id)
    path, line, column = (origin.path, origin.line, origin.column) if origin else ("guidance/", 1, 1)
    return ReviewItem(owner or NO_OWNER, state, singular(kind), record_id, record_name(record, 60), task, due,
                      path, line, column)


def owners(items: list[ReviewItem]) -> list[tuple[str, list[ReviewItem]]]:
    """Items grouped by owner, in the order :func:`review_items` sorted them."""
    return [(owner, list(group)) for owner, group in groupby(items, key=lambda item: item.owner)]


def _counts(items: list[ReviewItem]) -> str:
    counts = {state: sum(1 for item in items if item.state == state) for state in _ORDER}
    return ", ".join(f"{count} {state}" for state, count in counts.items() if count)


def _days_after(today: dt.date, days: int) -> dt.date:
    """``days`` after ``today``, or the calendar's last day when that is later."""
    try:
        return today + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max


def render_text(items: list[ReviewItem], today: dt.date, within_days: int) -> str:
    """The report as plain text: a heading per owner, then one located line per record."""
    horizon = date_text(_days_after(today, within_days))
    lines = [f"Reviews and checks as of {date_text(today)}: overdue, never verified, and due by {horizon} "
             f"(within {within_days} days).", ""]
    for owner, group in owners(items):
        lines += [f"{owner}: {_counts(group)}", *(f"  {item.as_text()}" for item in group), ""]
    if not items:
        return "\n".join([*lines, f"Nothing is overdue, unverified or due within {within_days} days."])
    return "\n".join([*lines, f"{counted(len(items), 'record')} ({_counts(items)}) for "
                              f"{counted(len(owners(items)), 'owner')}"])


def as_json(items: list[ReviewItem], today: dt.date, within_days: int) -> dict[str, Any]:
    """The same report as data: dates as YYYY-MM-DD, records grouped by owner."""
    def record(item: ReviewItem) -> dict[str, Any]:
        data = asdict(item)
        data["due"] = item.due.isoformat() if item.due else None
        del data["owner"]
        return data

    return {"today": today.isoformat(), "within_days": within_days,
            "owners": [{"owner": owner, "records": [record(item) for item in group]}
                       for owner, group in owners(items)]}
