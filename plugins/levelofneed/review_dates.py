"""When a record is overdue: the one rule that ``check`` and the review report share.

A record is overdue for review the day after its ``review_due``. Contact details go
stale faster than guidance, so a contact or service whose check is more than
twelve months old counts as overdue too.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from .model import Verification

VERIFICATION_MAX_MONTHS = 12
DueState = Literal["overdue", "due soon"]


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day when it has fewer days (31 Jan → 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has at least 28 days")  # pragma: no cover


def review_overdue(review_due: dt.date | None, today: dt.date) -> bool:
    """True once the review date has passed."""
    return review_due is not None and review_due < today


def due_state(due: dt.date | None, today: dt.date, within_days: int) -> DueState | None:
    """'overdue' by the same rule ``check`` warns by, 'due soon' within ``within_days``, else None."""
    if due is None:
        return None
    if review_overdue(due, today):
        return "overdue"
    return "due soon" if (due - today).days <= within_days else None  # no date arithmetic past year 9999


def verification_due(verification: Verification) -> dt.date | None:
    """When a verified record's check goes stale; None for a record never checked."""
    if verification.checked is None:
        return None
    return months_after(verification.checked, VERIFICATION_MAX_MONTHS)


def verification_stale(verification: Verification, today: dt.date) -> bool:
    """True when the check is more than twelve months old."""
    return review_overdue(verification_due(verification), today)
