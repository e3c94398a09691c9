"""The wording of the model, in one place: how a level, a date, an age band or a contact reads.

Every output (pages, helper, search, PDF, reports) names things the same way because
it takes the words from here. Labels are plain text; each output escapes them itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .model import AGE_BAND_LABELS, Contact, Level, Partnership
from .placeholders import PLACEHOLDER

_NAME_FIELDS = ("name", "title", "term", "question", "text", "version", "id")
_SINGULAR = {"glossary": "glossary term", "briefings": "briefing", "synonyms": "synonym group",
             "changes": "guidance version"}
# The banner's first line on a phone, where the partnership's whole message does not fit.
DANGER_QUESTION = "Child in immediate danger?"
# How the banner names the two numbers every page gives. Not "Daytime": the front door's hours
# differ by day (Sefton's CHAT opens at 10:30 on Wednesdays and closes at 4pm on Fridays), so
# its hours sit beside the number, and the out-of-hours team covers whenever it is closed.
FRONT_DOOR_LABEL = "Front door"
# What a practitioner is told about details nobody could confirm against a public source.
UNVERIFIED = "We could not confirm these details."
OUT_OF_HOURS_LABEL = "Out of hours"
# While 'check --strict' fails (a new partnership's placeholders, an unverified contact), every page and
# every printed page says so: a practitioner must never mistake a draft for the guidance in force.
DRAFT_NOTICE = "Draft: not for use with children and families"


def draft_detail(not_ready: int) -> str:
    """Why the guidance is a draft, in words a practitioner reading the banner understands."""
    problems = "1 check" if not_ready == 1 else f"{not_ready} checks"
    return (f"This guidance has not been published: {problems} before publishing still fail, such as "
            "contact details nobody has confirmed. Do not rely on it.")


# How a phone's banner labels the one number that answers at this moment (call-now.js).
CALL_NOW_LABEL = "Call now"
# Legal duties and "don't alert the family" (ADR 16): the same words on every page, in the
# helper (through its WORDING), in the decision record and on paper.
YOU_MUST = "You must"
DUTY_WHO = "Who:"
DUTY_WHAT = "What:"
DUTY_BY_WHEN = "By when:"
DUTY_THROUGH = "Through:"
DUTY_LAW = "The law:"
DO_NOT_ALERT = "Do not tell the family first."
DO_NOT_ALERT_ASK = ("Speak to {contacts} before anyone tells the family, and agree with them who tells the family, "
                    "and when.")


def squash(text: str) -> str:
    """One line with single spaces: YAML folded and literal blocks both end up inline."""
    return " ".join(text.split())


def site_title(partnership: Partnership) -> str:
    """The site's name and the home page's heading, e.g. 'Sefton SCP Level of Need guidance'."""
    return f"{squash(partnership.short_name)} Level of Need guidance"


def version_label(partnership: Partnership, published: dt.date | None = None) -> str:
    """'Sefton SCP Level of Need guidance, version 2026.1, 27 November 2026', as printed pages say.

    The date a version was published tells a reader of a printed copy how old it is.
    """
    dated = f", {date_text(published)}" if published else ""
    return f"{site_title(partnership)}, version {squash(partnership.guidance_version)}{dated}"


def printed_copy_notice(partnership: Partnership, copies: str = "Printed copies") -> str:
    """What every printed page says about where the current version lives; a copy saved on a
    device past its review date says the same (``copies="This saved copy"``).

    The guidance's own address (``site_url``) when the partnership has set it; otherwise
    the partnership's website, and failing that its name: never an invented address.
    """
    if partnership.site_url is not None:
        return f"{copies} may be out of date: check {partnership.site_url}"
    where = str(partnership.website) if partnership.website is not None else squash(partnership.name)
    return f"{copies} may be out of date: check the current version with {where}"


def offline_wording(partnership: Partnership) -> dict[str, str]:
    """What the offline and update notices say; ``{slots}`` are filled in by the page (offline.js)."""
    return {
        "saved": "This is version {version} of the guidance, saved on this device on {saved}.",
        "unsaved": "Pages you have not opened before may not be available.",
        "out_of_date": printed_copy_notice(partnership, "This saved copy") + ".",
        "updated": "This guidance has been updated: reload to use version {version}.",
        "updating": "Getting the new version ready…",
        "new_version": "the new version",
        "review_due": partnership.review_due.isoformat() if partnership.review_due else "",
    }


def file_size(size: int) -> str:
    """'85 KB', '1.4 MB': a download's size, as people read it (1 KB = 1,000 bytes)."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB"


def counted(count: int, noun: str) -> str:
    """'1 page', '3 pages': a count with its noun, for nouns that take an s."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def download_text(label: str, pages: int, size: int) -> str:
    """'Download this briefing (PDF, 2 pages, 85 KB)'."""
    return f"{label} (PDF, {counted(pages, 'page')}, {file_size(size)})"


def level_label(level: Level) -> str:
    """'Level 3: Complex needs'. A level's colour never appears without these words."""
    return f"Level {level.number}: {squash(level.name)}"


def date_text(day: dt.date | None) -> str:
    """'1 November 2026', the way GOV.UK writes dates."""
    return f"{day.day} {day:%B %Y}" if day else "not recorded"


def age_label(band: str) -> str:
    """'Ages 0 to 4', 'Unborn babies' …"""
    return AGE_BAND_LABELS[band]


def singular(kind: str) -> str:
    """'indicators' → 'indicator', for messages."""
    return _SINGULAR.get(kind, kind.removesuffix("s").replace("_", " "))


def a_or_an(noun: str) -> str:
    """'an indicator', 'a level'."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def contact_name(contact: Contact) -> str:
    """How running text names a contact: its short name, or its name."""
    return squash(contact.short_name or contact.name)


def contact_text(contact: Contact) -> str:
    """A contact in plain text: 'CHAT (the front door) on 0151 934 4013'."""
    reach = contact.phone or contact.email or (str(contact.url) if contact.url else "")
    joiner = " on " if contact.phone else " at "
    return f"{contact_name(contact)}{joiner}{reach}"


def plain_text(text: str, contacts: dict[str, Contact]) -> str:
    """Text with every ((contact)) written out, for outputs that are not web pages."""
    return PLACEHOLDER.sub(lambda found: contact_text(contacts[found.group(1).strip()]), squash(text))


def named_text(text: str, contacts: dict[str, Contact]) -> str:
    """Text with every ((contact)) named but not numbered, for words that are themselves a link or a title
    ("ask CHAT (the front door) for advice"): a number there could not be tapped, and the page the link
    opens gives it."""
    return PLACEHOLDER.sub(lambda found: contact_name(contacts[found.group(1).strip()]), squash(text))




def record_name(record: Any, limit: int = 0) -> str:
    """What a record is called in a report: its name, title, term, question or text (cut to ``limit``)."""
    for field in _NAME_FIELDS:
        value = getattr(record, field, None)
        if isinstance(value, str) and value.strip():
            return shorten(squash(value), limit) if limit else squash(value)
    return ""


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word to at most ``limit`` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.")
    return f"{cut}…"
