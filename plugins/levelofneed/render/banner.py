"""The emergency banner shown at the top of every page, from the partnership's contacts.

A practitioner may open any page in a hurry, so every page says what to do when a child
is in immediate danger, and gives the front door and out-of-hours numbers with their
hours, each one tap away on a phone.
"""

from __future__ import annotations

from markupsafe import Markup

from ..guidance import Guidance
from ..model import Contact
from .text import attribute, escape, phone_href


def _tel(number: str) -> str:
    return f'<a class="lon-banner__tel lon-tel" href="{attribute(phone_href(number))}">{escape(number)}</a>'


def _reach(contact: Contact) -> str:
    if contact.phone:
        return _tel(contact.phone)
    if contact.url:
        return f'<a class="lon-banner__tel" href="{attribute(str(contact.url))}">website</a>'
    return escape(contact.email or "")


def _contact(label: str, contact: Contact) -> str:
    hours = "; ".join(contact.hours)
    detail = f' <span class="lon-banner__detail">({escape(hours)})</span>' if hours else ""
    return (f'<span class="lon-banner__contact"><span class="lon-banner__label">{escape(label)}:</span> '
            f'<span class="lon-banner__detail">{escape(contact.name)}</span> {_reach(contact)}{detail}</span>')


def banner_html(guidance: Guidance) -> Markup:
    """HTML for the banner. Every text from the YAML is escaped."""
    danger = guidance.partnership.immediate_danger
    emergency = guidance.emergency
    call = f'<span class="lon-banner__call">Call {_reach(emergency)}</span>'
    return Markup(
        '<div class="lon-banner" role="region" aria-label="Emergency contacts">'
        f'<p class="lon-banner__danger"><strong>{escape(danger.message)}</strong> {call}</p>'
        f'<p class="lon-banner__contacts">{_contact("Daytime", guidance.front_door)} '
        f'{_contact("Out of hours", guidance.out_of_hours)}</p>'
        "</div>"
    )
