"""The emergency banner shown at the top of every page, from the partnership's contacts.

A practitioner may open any page in a hurry, so every page says what to do when a child
is in immediate danger, and gives the front door and out-of-hours numbers, each one tap
away. On a phone the banner keeps to three lines (the 999 line, then the two numbers,
since after the front door closes only the out-of-hours team answers); the full
message, the teams' names and their hours sit behind "More". On a wide screen all of it
is shown, and "More" is not needed.
"""

from __future__ import annotations

from markupsafe import Markup

from ..guidance import Guidance
from ..labels import DANGER_QUESTION, FRONT_DOOR_LABEL, OUT_OF_HOURS_LABEL
from ..model import Contact
from .text import attribute, escape, tel_link


def _reach(contact: Contact) -> Markup:
    if contact.phone:
        return tel_link(contact.phone, "lon-banner__tel")
    if contact.url:
        return Markup(f'<a class="lon-banner__tel" href="{attribute(str(contact.url))}">website</a>')
    return escape(contact.email or "")


def _hours(contact: Contact) -> str:
    return "; ".join(contact.hours)


def _contact(label: str, contact: Contact) -> str:
    hours = _hours(contact)
    detail = f' <span class="lon-banner__detail">({escape(hours)})</span>' if hours else ""
    return (f'<span class="lon-banner__contact"><span class="lon-banner__label">{escape(label)}:</span> '
            f'<span class="lon-banner__detail">{escape(contact.name)}</span> {_reach(contact)}{detail}</span>')


def _numbers(guidance: Guidance) -> tuple[tuple[str, Contact], ...]:
    """The front door, then the team that answers whenever it is closed."""
    return (FRONT_DOOR_LABEL, guidance.front_door), (OUT_OF_HOURS_LABEL, guidance.out_of_hours)


def _more(guidance: Guidance) -> str:
    """The disclosure a phone opens for the whole message, the teams' names and their hours."""
    lines = "".join(
        f"<li><strong>{escape(label)}:</strong> {escape(contact.name)} {_reach(contact)}"
        f"{f' ({escape(_hours(contact))})' if _hours(contact) else ''}</li>"
        for label, contact in _numbers(guidance))
    return ('<details class="lon-banner__more"><summary>More</summary><div class="lon-banner__panel">'
            f"<p>{escape(guidance.partnership.immediate_danger.message)}</p><ul>{lines}</ul></div></details>")


def banner_html(guidance: Guidance) -> Markup:
    """HTML for the banner. Every text from the YAML is escaped."""
    danger = guidance.partnership.immediate_danger
    call = f'<span class="lon-banner__call">Call {_reach(guidance.emergency)}</span>'
    return Markup(
        '<div class="lon-banner" role="region" aria-label="Emergency contacts">'
        f'<p class="lon-banner__danger"><strong class="lon-banner__message">{escape(danger.message)}</strong>'
        f'<strong class="lon-banner__question">{escape(DANGER_QUESTION)}</strong> {call}</p>'
        f'<div class="lon-banner__contacts">{" ".join(_contact(*pair) for pair in _numbers(guidance))}'
        f'{_more(guidance)}</div>'
        "</div>"
    )
