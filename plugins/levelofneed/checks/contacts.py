"""Checks on contacts: every reference resolves, no number is copied, and checks are current.

A number copied into a sentence does not change when its contact record does; that
is how a retired front-door number stayed on every page. So a phone number may be
written only in its own record, and everything else names the contact (ADR 5).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..findings import Finding
from ..load import node_at, position
from ..mentions import Mention, digits
from ..messages import did_you_mean
from ..model import Contact, Partnership, Service
from ..references import contact_references as contact_fields
from ..references import values
from ..review_dates import verification_due, verification_stale
from ..validate import Collected, Located
from .context import Context


@dataclass(frozen=True)
class NumberOwner:
    """Who a phone number belongs to, for a message that says what to write instead."""

    record: str  # "contact 'front-door'" or "service 'childline'"
    contact_id: str | None
    former: bool = False


def duplicate_contacts(context: Context) -> Iterator[Finding]:
    """Two contacts with one id."""
    partnership = _partnership(context.collected)
    if partnership is not None:
        yield from _duplicate_contacts(*partnership)


def copied_numbers(context: Context) -> Iterator[Finding]:
    """A phone number written into text (or a service's number that is a contact's), not named as ((id))."""
    partnership = _partnership(context.collected)
    if partnership is not None:
        owners = _number_owners(partnership[1], context.collected)
        yield from _copied_numbers(context.collected.mentions, owners)
        yield from _service_numbers(context.collected, owners)


def contact_references(context: Context) -> Iterator[Finding]:
    """Every field typed as a contact's id, and every ((placeholder)), names a contact that exists."""
    partnership = _partnership(context.collected)
    if partnership is not None:
        ids = {contact.id for contact in partnership[1].contacts}
        yield from _contact_references(context.collected, ids)
        yield from _placeholders(context.collected.mentions, ids)


def verification(context: Context) -> Iterator[Finding]:
    """Contacts and services unverified, or checked more than 12 months ago; and whom to ask instead."""
    partnership = _partnership(context.collected)
    if partnership is not None:
        yield from _verification(*partnership, context.collected, context.today)


def _partnership(collected: Collected) -> tuple[Located[Partnership], Partnership] | None:
    items = collected.of(Partnership)
    return (items[0], items[0].record) if items else None


def _duplicate_contacts(item: Located[Partnership], record: Partnership) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, contact in enumerate(record.contacts):
        if contact.id in seen:
            yield item.finding(("contacts", index, "id"), f"duplicate contact id '{contact.id}'",
                               "give each contact its own id, or merge the two records")
        seen.add(contact.id)


def _number_owners(record: Partnership, collected: Collected) -> dict[str, NumberOwner]:
    owners: dict[str, NumberOwner] = {}
    for contact in record.contacts:
        for former in contact.former_phones:
            owners.setdefault(digits(former), NumberOwner(f"contact '{contact.id}'", contact.id, former=True))
        if contact.phone:
            owners[digits(contact.phone)] = NumberOwner(f"contact '{contact.id}'", contact.id)
    for service_item in collected.of(Service):
        service = service_item.record
        if service.phone:
            owners.setdefault(digits(service.phone), NumberOwner(f"service '{service.id}'", service.contact))
    return owners


def _copied_numbers(mentions: list[Mention], owners: dict[str, NumberOwner]) -> Iterator[Finding]:
    for mention in mentions:
        if mention.kind != "number":
            continue
        owner = owners.get(mention.value)
        if owner is None:
            message = f"phone number '{mention.written}' is written in the text"
            hint = "numbers live in contact records: add it to 'contacts' in partnership.yaml and write ((its-id))"
        elif owner.former:
            message = f"'{mention.written}' is a former number of {owner.record}; it is no longer in use"
            hint = f"write (({owner.contact_id})) so the text shows the current number"
        elif owner.contact_id is not None:
            message = f"'{mention.written}' is the number of contact '{owner.contact_id}', copied into the text"
            hint = f"write (({owner.contact_id})) instead, so the number is kept in one place"
        else:
            message = f"'{mention.written}' is the phone number of {owner.record}, copied into the text"
            hint = "remove it: the service's entry shows its number, or make it a contact and write ((its-id))"
        yield _at_mention(mention, message, hint)


def _service_numbers(collected: Collected, owners: dict[str, NumberOwner]) -> Iterator[Finding]:
    for item in collected.of(Service):
        service = item.record
        if not service.phone:
            continue
        owner = owners.get(digits(service.phone))
        if owner is not None and owner.record.startswith("contact"):
            yield item.finding(("phone",), f"'{service.phone}' is the number of {owner.record}",
                               f"remove 'phone' and write 'contact: {owner.contact_id}'")


def _contact_references(collected: Collected, ids: set[str]) -> Iterator[Finding]:
    """Every field typed as a contact's id, in any record at any depth, names a contact that exists."""
    for ref in contact_fields():
        for item in collected.records[ref.holder]:
            for path, value in values(item.record, ref):
                if value not in ids:
                    yield item.finding(path, f"unknown contact '{value}' in '{ref.field}'", _hint(value, ids))


def _placeholders(mentions: list[Mention], ids: set[str]) -> Iterator[Finding]:
    for mention in mentions:
        if mention.kind == "contact" and mention.value not in ids:
            yield _at_mention(mention, f"unknown contact '{mention.written}' in the text", _hint(mention.value, ids))


def _hint(value: str, ids: set[str]) -> str:
    guess = did_you_mean(value, ids)
    if guess:
        return f"did you mean '{guess}'?"
    return f"use the id of a contact in partnership.yaml: {', '.join(sorted(ids))}"


def _at_mention(mention: Mention, message: str, hint: str) -> Finding:
    line, column = position(node_at(mention.document.root, mention.path))
    return Finding(mention.document.path, line, column, "error", message, hint)


def _verification(item: Located[Partnership], record: Partnership, collected: Collected,
                  today: dt.date) -> Iterator[Finding]:
    contacts = {contact.id: contact for contact in record.contacts}
    for index, contact in enumerate(record.contacts):
        path = ("contacts", index, "verification")
        yield from _checked(item, path, contact, f"contact '{contact.id}'", today, unverified_fails_strict=True)
        yield from _ask(item, path, contact, contacts)
    for service_item in collected.of(Service):
        service = service_item.record
        yield from _checked(service_item, (), service, f"service '{service.id}'", today,
                            unverified_fails_strict=False)
        yield from _ask(service_item, ("verification",), service, contacts)


def _ask(item: Located[Any], path: tuple[str | int, ...], record: Contact | Service,
         contacts: dict[str, Contact]) -> Iterator[Finding]:
    """The contact a practitioner is told to check an unverified record with must itself be verified:
    sending someone from one unconfirmed number to another helps nobody."""
    ask = contacts.get(record.verification.ask or "")
    if ask is not None and ask.verification.status != "verified":
        yield item.finding((*path, "ask"), f"'ask' names contact '{ask.id}', which is not verified itself",
                           "name a verified contact, such as the front door, for practitioners to check with")


def _checked(item: Located[Any], path: tuple[str | int, ...], record: Contact | Service, name: str, today: dt.date,
             unverified_fails_strict: bool) -> Iterator[Finding]:
    """Key contacts must be verified to publish; a service may be published marked unverified.

    A service's finding points at the service itself, whose position is known without
    reading its file again: a partnership may have many unverified services, and
    ``check`` must stay close to the cost of reading the YAML (bench/README.md).
    """
    verification = record.verification
    if verification.status == "unverified":
        yield item.finding(path, f"{name} has not been verified",
                           "check its details against its own public page, then record 'checked' and 'against'",
                           severity="warning", fails_strict=unverified_fails_strict)
    elif verification_stale(verification, today):
        yield item.finding(path, f"{name} was last checked on {verification.checked}, more than 12 months ago",
                           f"check it again (it was due by {verification_due(verification)}) and update 'checked'",
                           severity="warning")
