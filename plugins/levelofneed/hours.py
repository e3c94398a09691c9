"""Who answers the phone right now, and a line's hours in words, from its ``opening`` data.

One source for both: the hours a page prints are written from the same data the "Call now"
line is computed from, so they cannot drift (issue 20). The browser computes "Call now" for
its own clock (``call-now.js``) from :func:`hours_data`, which carries this module's wording
too; a test holds the two to the same sentence for the same moment. Times are the
partnership's local wall-clock time (Europe/London): the browser converts to it, and the
command line is given it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from .guidance import Guidance
from .labels import contact_name
from .model import DAYS, Contact, Window

State = Literal["open", "answerphone", "closed", "bank-holiday"]

WORDING = {
    "open": "Call now: {line} on {phone}, answered until {closes}.",
    "answerphone": "Call now: {other} on {phone}. {line_name} has only an answerphone until {until}; {opens}.",
    "closed": "Call now: {other} on {phone}. {line_name} is closed; {opens}.",
    "bank-holiday": "Call now: {other} on {phone}. {line_name} is closed for the bank holiday; {opens}.",
    "opens_today": "it opens at {time}",
    "opens_tomorrow": "it opens tomorrow at {time}",
    "opens_on": "it opens on {day} at {time}",
    "hours_line": "{days}, {opens} to {closes}",
    "answerphone_same": " (answerphone from {opens} to {closes})",
    "answerphone_line": "Answerphone only: {days}, {opens} to {closes}",
    "bank_holidays_closed": "Closed on bank holidays",
    "otherwise": "At any other time, call {other}",
}


def clock(time: str) -> str:
    """'09:00' → '9am', '17:30' → '5:30pm', '12:00' → '12pm'."""
    hour, minute = (int(part) for part in time.split(":"))
    suffix = "am" if hour < 12 else "pm"
    shown = hour % 12 or 12
    return f"{shown}{suffix}" if minute == 0 else f"{shown}:{minute:02d}{suffix}"


def day_list(days: Sequence[str]) -> str:
    """['monday', 'tuesday', 'thursday'] → 'Monday, Tuesday and Thursday', in the week's order."""
    named = [day.capitalize() for day in DAYS if day in days]
    return named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"


def hours_lines(contact: Contact, contacts: dict[str, Contact]) -> list[str]:
    """The contact's hours in words: its ``hours``, or lines written from its ``opening``."""
    opening = contact.opening
    if opening is None:
        return list(contact.hours)
    lines, placed = [], set()
    for window in opening.open:
        line = WORDING["hours_line"].format(days=day_list(window.days), opens=clock(window.opens),
                                            closes=clock(window.closes))
        same = next((a for a in opening.answerphone if set(a.days) == set(window.days)), None)
        if same is not None:
            placed.add(id(same))
            line += WORDING["answerphone_same"].format(opens=clock(same.opens), closes=clock(same.closes))
        lines.append(line)
    lines += [WORDING["answerphone_line"].format(days=day_list(a.days), opens=clock(a.opens), closes=clock(a.closes))
              for a in opening.answerphone if id(a) not in placed]
    if opening.bank_holidays == "closed":
        lines.append(WORDING["bank_holidays_closed"])
    lines.append(WORDING["otherwise"].format(other=contact_name(contacts[opening.otherwise])))
    return lines


@dataclass(frozen=True)
class Answering:
    """Who answers ``line`` at a moment: the line itself when open, or the contact that covers it."""

    line: Contact
    contact: Contact
    state: State
    text: str


def _window(windows: list[Window], day: str, time: str) -> Window | None:
    return next((w for w in windows if day in w.days and w.opens <= time < w.closes), None)


def _next_opening(line: Contact, holidays: set[dt.date], at: dt.datetime) -> str:
    assert line.opening is not None
    for ahead in range(15):
        day = at.date() + dt.timedelta(days=ahead)
        if line.opening.bank_holidays == "closed" and day in holidays:
            continue
        name = DAYS[day.weekday()]
        opens = [w.opens for w in line.opening.open if name in w.days and (ahead or w.opens > at.strftime("%H:%M"))]
        if opens:
            key = "opens_today" if ahead == 0 else "opens_tomorrow" if ahead == 1 else "opens_on"
            return WORDING[key].format(time=clock(min(opens)), day=name.capitalize())
    return ""


def answering(guidance: Guidance, line: Contact, at: dt.datetime) -> Answering:
    """Who answers ``line`` at the local time ``at``; a line without ``opening`` always answers."""
    contacts = guidance.contact_by_id
    holidays = set(guidance.partnership.bank_holidays.dates) if guidance.partnership.bank_holidays else set()
    opening, time, day = line.opening, at.strftime("%H:%M"), DAYS[at.weekday()]
    if opening is None:
        return Answering(line, line, "open", "")
    state: State
    if opening.bank_holidays == "closed" and at.date() in holidays:
        state = "bank-holiday"
    elif (window := _window(opening.open, day, time)) is not None:
        text = WORDING["open"].format(line=contact_name(line), phone=line.phone, closes=clock(window.closes))
        return Answering(line, line, "open", text)
    else:
        state = "answerphone" if _window(opening.answerphone, day, time) else "closed"
    other = contacts[opening.otherwise]
    covering = answering(guidance, other, at).contact if other.opening and other.id != line.id else other
    answerphone = _window(opening.answerphone, day, time)
    line_name = contact_name(line)
    text = WORDING[state].format(other=contact_name(covering), phone=covering.phone,
                                 line_name=line_name[:1].upper() + line_name[1:],
                                 until=clock(answerphone.closes) if answerphone else "",
                                 opens=_next_opening(line, holidays, at))
    return Answering(line, covering, state, text[0].upper() + text[1:])


def hours_data(guidance: Guidance) -> dict[str, Any]:
    """What the browser needs to say who answers now: the lines with opening hours, the contacts
    that cover them, the bank holidays and the wording. Plain data, for a data attribute or JSON."""
    contacts = guidance.partnership.contacts
    lines = {c.id: c for c in contacts if c.opening is not None}
    covering = {c.opening.otherwise for c in lines.values() if c.opening is not None}
    shown = {c.id: {"name": contact_name(c), "phone": c.phone,
                    "opening": c.opening.model_dump(mode="json") if c.opening else None}
             for c in contacts if c.id in lines or c.id in covering}
    holidays = guidance.partnership.bank_holidays
    return {"contacts": shown, "bank_holidays": [d.isoformat() for d in holidays.dates] if holidays else [],
            "wording": WORDING, "days": list(DAYS)}
