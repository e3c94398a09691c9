"""The emergency banner shown at the top of every page, from the partnership settings.

A practitioner may open any page in a hurry, so every page says what to do when a child
is in immediate danger, and gives the front door and out-of-hours numbers, each one
tap away on a phone.
"""

from __future__ import annotations

from markupsafe import Markup

from ..model import Contact, Partnership
from .text import attribute, escape, phone_href


def _tel(number: str) -> str:
    return f'<a class="lon-banner__tel" href="{attribute(phone_href(number))}">{escape(number)}</a>'


def _contact(label: str, contact: Contact) -> str:
    hours = f' <span class="lon-banner__detail">({escape(contact.hours)})</span>' if contact.hours else ""
    return (f'<span class="lon-banner__contact"><span class="lon-banner__label">{escape(label)}:</span> '
            f'<span class="lon-banner__detail">{escape(contact.name)}</span> {_tel(contact.phone)}{hours}</span>')


def banner_html(partnership: Partnership) -> Markup:
    """HTML for the banner. Every text from the YAML is escaped."""
    danger = partnership.immediate_danger
    return Markup(
        '<div class="lon-banner" role="region" aria-label="Emergency contacts">'
        f'<p class="lon-banner__danger"><strong>{escape(danger.message)}</strong> '
        f'<span class="lon-banner__call">Call {_tel(danger.phone)}</span></p>'
        f'<p class="lon-banner__contacts">{_contact("Daytime", partnership.front_door)} '
        f'{_contact("Out of hours", partnership.out_of_hours)}</p>'
        "</div>"
    )
