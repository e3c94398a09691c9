"""The emergency banner shown at the top of every page, from the partnership's contacts.

A practitioner may open any page in a hurry, so every page says what to do when a child
is in immediate danger, and gives the front door and out-of-hours numbers, each one tap
away. On a phone the banner keeps to three lines (the 999 line, then the two numbers,
since after the front door closes only the out-of-hours team answers); the full
message, the teams' names and their hours sit behind "More". On a wide screen all of it
is shown, and "More" is not needed.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from ..guidance import Guidance
from ..hours import hours_data, hours_lines
from ..labels import (
    CALL_NOW_LABEL,
    DANGER_QUESTION,
    DRAFT_NOTICE,
    FRONT_DOOR_LABEL,
    OUT_OF_HOURS_LABEL,
    draft_detail,
)
from ..model import Contact
from .text import attribute, escape, tel_link


def _reach(contact: Contact) -> Markup:
    if contact.phone:
        return tel_link(contact.phone, "lon-banner__tel")
    if contact.url:
        return Markup(f'<a class="lon-banner__tel" href="{attribute(str(contact.url))}">website</a>')
    return escape(contact.email or "")


def _hours(contact: Contact, guidance: Guidance) -> str:
    return "; ".join(hours_lines(contact, guidance.contact_by_id))


def _contact(label: str, contact: Contact, guidance: Guidance) -> str:
    hours = _hours(contact, guidance)
    detail = f' <span class="lon-banner__detail">({escape(hours)})</span>' if hours else ""
    return (f'<span class="lon-banner__contact" data-lon-contact="{attribute(contact.id)}">'
            f'<span class="lon-banner__now-label">{escape(CALL_NOW_LABEL)}:</span>'
            f'<span class="lon-banner__label">{escape(label)}:</span> '
            f'<span class="lon-banner__detail">{escape(contact.name)}</span> {_reach(contact)}{detail}</span>')


def _numbers(guidance: Guidance) -> tuple[tuple[str, Contact], ...]:
    """The front door, then the team that answers whenever it is closed."""
    return (FRONT_DOOR_LABEL, guidance.front_door), (OUT_OF_HOURS_LABEL, guidance.out_of_hours)


def _more(guidance: Guidance) -> str:
    """The disclosure a phone opens for the whole message, the teams' names and their hours."""
    lines = "".join(
        f"<li><strong>{escape(label)}:</strong> {escape(contact.name)} {_reach(contact)}"
        f"{f' ({escape(_hours(contact, guidance))})' if _hours(contact, guidance) else ''}</li>"
        for label, contact in _numbers(guidance))
    now = (f'<p class="lon-banner__now" data-lon-call-now="{attribute(guidance.front_door.id)}" hidden></p>'
           if guidance.front_door.opening else "")
    return ('<details class="lon-banner__more"><summary>More</summary><div class="lon-banner__panel">'
            f"<p>{escape(guidance.partnership.immediate_danger.message)}</p>{now}<ul>{lines}</ul></div></details>")


def _call_now(guidance: Guidance) -> str:
    """Where the page's script says who answers the front door's line now, for the browser's own clock;
    it carries the hours as data. Hidden without JavaScript: the hours above then say it all. On a
    phone the sentence is behind "More", and the second line shows only the number that answers now,
    labelled "Call now" (call-now.js marks it), so the banner keeps to three lines."""
    if guidance.front_door.opening is None:
        return ""
    data = json.dumps(hours_data(guidance), separators=(",", ":"), ensure_ascii=False)
    return (f'<p class="lon-banner__now lon-banner__now--full" data-lon-call-now="{attribute(guidance.front_door.id)}" '
            f'data-lon-hours="{attribute(data)}" hidden></p>')


def _draft(guidance: Guidance) -> str:
    """The draft notice, first in the banner so that it is on every page and read first; in words,
    never colour alone. Empty once ``check --strict`` passes."""
    if not guidance.draft:
        return ""
    return (f'<p class="lon-banner__draft"><strong>{escape(DRAFT_NOTICE)}.</strong> '
            f'<span class="lon-banner__draft-detail">{escape(draft_detail(guidance.not_ready))}</span></p>')


def banner_html(guidance: Guidance) -> Markup:
    """HTML for the banner. Every text from the YAML is escaped."""
    danger = guidance.partnership.immediate_danger
    call = f'<span class="lon-banner__call">Call {_reach(guidance.emergency)}</span>'
    return Markup(
        '<div class="lon-banner" role="region" aria-label="Emergency contacts">'
        f'{_draft(guidance)}<p class="lon-banner__danger">'
        f'<strong class="lon-banner__message">{escape(danger.message)}</strong>'
        f'<strong class="lon-banner__question">{escape(DANGER_QUESTION)}</strong> {call}</p>'
        f'<div class="lon-banner__contacts">{" ".join(_contact(*pair, guidance) for pair in _numbers(guidance))}'
        f'{_more(guidance)}</div>{_call_now(guidance)}'
        "</div>"
    )
