"""Checks on opening hours as data (issue 20): who answers now must always have an answer.

A line that closes on bank holidays needs the partnership's list of them, and that list
must run past today, or "Call now" would send a practitioner to a closed line on the next
bank holiday nobody listed. The contact that covers a closed line must be one a practitioner
can call, and must not itself send them back to the closed line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..findings import Finding
from ..model import Contact, Partnership
from .context import Context

# Warn this long before the listed bank holidays run out, so an editor has time to add the next year's.
BANK_HOLIDAYS_NOTICE = dt.timedelta(days=180)


def opening_hours(context: Context) -> Iterator[Finding]:
    """Opening hours that cannot always say who answers now."""
    items = context.collected.of(Partnership)
    if not items:
        return
    item, record = items[0], items[0].record
    contacts = {contact.id: contact for contact in record.contacts}
    for index, contact in enumerate(record.contacts):
        opening = contact.opening
        if opening is None:
            continue
        path = ("contacts", index, "opening")
        covering = contacts.get(opening.otherwise)
        if covering is not None and covering.phone is None:
            yield item.finding((*path, "otherwise"), f"'{opening.otherwise}' has no phone number to call now",
                               "name a contact with a 'phone' that answers whenever this line is closed")
        loop = _loop(contact.id, contacts)
        if loop:
            yield item.finding((*path, "otherwise"), f"when closed, '{contact.id}' sends callers round a loop that "
                               f"comes back to it ({' → '.join(loop)})", "end the chain at a contact that is "
                               "always answered, such as the out-of-hours team")
        if opening.bank_holidays == "closed" and record.bank_holidays is None:
            yield item.finding((*path, "bank_holidays"), f"contact '{contact.id}' closes on bank holidays, but the "
                               "partnership lists none", "add 'bank_holidays' to the partnership, with its source")
    if record.bank_holidays is not None and max(record.bank_holidays.dates) < context.today + BANK_HOLIDAYS_NOTICE:
        yield item.finding(("bank_holidays", "dates"), f"the bank holidays listed end on "
                           f"{max(record.bank_holidays.dates)}", "add the next year's from the source",
                           severity="warning")


def _loop(start: str, contacts: dict[str, Contact]) -> list[str]:
    """The chain of 'otherwise' contacts from ``start`` when it comes back to ``start``, else []."""
    chain, current = [start], contacts.get(start)
    while current is not None and current.opening is not None and len(chain) <= len(contacts):
        chain.append(current.opening.otherwise)
        if chain[-1] == start:
            return chain
        current = contacts.get(chain[-1])
    return []
