"""The PDFs there are, and the print HTML of each: the whole guidance, a card per level, one per briefing.

Each document is the site's own pages (see :mod:`.sitepages`) inside a print template
(``templates/``), which adds only what paper needs: a cover, contents with page
numbers, the indicator tables, a card's contacts, and the footer every page carries.
Text from the YAML reaches the HTML through Jinja's autoescaping or through the site's
own escaping, never raw.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..guidance import Guidance, Origin
from ..hours import hours_lines
from ..labels import (
    DRAFT_NOTICE,
    age_label,
    date_text,
    level_label,
    plain_text,
    printed_copy_notice,
    site_title,
    version_label,
)
from ..model import Briefing, Contact, Indicator, Level
from ..render import paths
from ..views import Views
from .sitepages import SitePages, intro, names_only, part, shift_headings, unlink_missing, without

TEMPLATES = Path(__file__).parent / "templates"
FOLDER = paths.PDF_FOLDER
LANGUAGE = "en-GB"
_TITLE = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)


@dataclass(frozen=True)
class Document:
    """One PDF to print: where it goes under ``pdf/``, its print HTML, and what it is for.

    ``offered_on`` is the site page that offers it for download; ``most_pages`` the
    pages it should fit on (a briefing two, a card one), and ``origin`` the record a
    warning points at when it does not.
    """

    path: str
    title: str
    html: str
    offered_on: str
    label: str
    most_pages: int | None = None
    origin: Origin | None = None


@dataclass(frozen=True)
class Entry:
    """A line of the contents: the anchor it points at and its words (already escaped)."""

    anchor: str
    title: Markup
    entries: tuple[Entry, ...] = ()


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


@cache
def _css() -> Markup:
    # Our own file, not content: no YAML reaches the stylesheet.
    return Markup((TEMPLATES / "print.css").read_text(encoding="utf-8"))


class Printer:
    """What every print template shares: the guidance, its views, the site's pages and the wording."""

    def __init__(self, guidance: Guidance, pages: Mapping[str, str]) -> None:
        self.guidance = guidance
        self.views = Views(guidance)
        self.pages = SitePages(pages)
        self.site_title = site_title(guidance.partnership)

    def page(self, path: str, depth: int = 0, html: str | None = None) -> Markup:
        return self.pages.section(path, html, depth)

    def heading(self, path: str, html: str | None = None) -> Markup:
        """A page's title (or the first ``h1`` of ``html``) as the site shows it, escaped when the page was written."""
        found = _TITLE.search(self.pages.html(path) if html is None else html)
        return Markup(found.group(1).strip() if found else "")

    def plain(self, text: str) -> str:
        """Text with each ((contact)) written out with its number; the template escapes it."""
        return plain_text(text, self.guidance.contact_by_id)

    def tone(self, level: Level) -> str:
        return f"lon-tone-{self.views.tone(level)}"

    def hours(self, contact: Contact) -> str:
        """The contact's hours in words, as the site writes them (from its opening data when it has some)."""
        return "; ".join(hours_lines(contact, self.guidance.contact_by_id))

    @staticmethod
    def ages(indicator: Indicator) -> str:
        return "; ".join(age_label(band) for band in indicator.age_bands)

    def render(self, name: str, title: str, body_class: str, **context: Any) -> str:
        """A print template filled in; links to anything the document does not hold become text."""
        partnership = self.guidance.partnership
        version = version_label(partnership, self.guidance.published)
        footer = version if title == self.site_title else f"{title} · {version}"
        if self.guidance.draft:  # every printed page of a draft says so, as every page of its site does
            footer = f"{DRAFT_NOTICE} · {footer}"
        html = _environment().get_template(name).render(
            g=self.guidance, v=self.views, title=title, body_class=body_class, css=_css(), language=LANGUAGE,
            author=partnership.name, site_title=self.site_title, footer=footer,
            notice=printed_copy_notice(partnership), description=f"{title}: {partnership.name}",
            keywords=", ".join(("level of need", "safeguarding", partnership.area)),
            plain=self.plain, tone=self.tone, hours=self.hours, level_label=level_label, date=date_text, ages=self.ages,
            **context)
        return unlink_missing(html)


def documents(guidance: Guidance, pages: Mapping[str, str]) -> Iterator[Document]:
    """Every PDF: the whole guidance first (it takes longest), then the level cards, then the briefings.

    ``pages`` are the site's pages in the anchor link style, by docs path.
    """
    printer = Printer(guidance, pages)
    yield whole_guidance(printer)
    for level in guidance.levels:
        yield level_card(printer, level)
    for briefing in guidance.briefings:
        yield briefing_document(printer, briefing)


def whole_guidance(printer: Printer) -> Document:
    """Cover, contents, levels, indicator tables, procedures, legal duties, services, contacts, glossary,
    briefings."""
    guidance, pages = printer.guidance, printer.pages
    about = pages.html(paths.ABOUT)
    contacts = shift_headings(part(about, paths.anchor_id(paths.ABOUT, "contacts")), -1)
    briefings = printer.views.briefings_by_date()
    html = printer.render(
        "guidance.html.j2", printer.site_title, "lon-guidance",
        contents=_contents(printer, briefings, printer.heading(paths.ABOUT, contacts)),
        levels_overview=printer.page(paths.LEVELS),
        level_pages=[printer.page(paths.level(level), 1, _level_in_full(printer, level)) for level in guidance.levels],
        indicators_title=printer.heading(paths.DOMAINS),
        procedures_overview=printer.page(paths.PROCEDURES, html=intro(pages.html(paths.PROCEDURES))),
        procedure_pages=[printer.page(paths.procedure(p), 1) for p in guidance.procedures],
        duties=printer.page(paths.DUTIES),
        services=printer.page(paths.SERVICES),
        contacts=printer.page(paths.ABOUT, html=contacts),
        glossary=printer.page(paths.GLOSSARY),
        briefings_overview=printer.page(paths.BRIEFINGS, html=intro(pages.html(paths.BRIEFINGS))),
        briefing_pages=[printer.page(paths.briefing(b), 1, _briefing(printer, b)) for b in briefings])
    slug = re.sub(r"[^a-z0-9]+", "-", guidance.partnership.id.lower()).strip("-")
    return Document(f"{slug}-level-of-need-guidance.pdf" if slug else "level-of-need-guidance.pdf",
                    printer.site_title, html, paths.HOME, "Download the whole guidance")


def _level_in_full(printer: Printer, level: Level) -> str:
    """A level's page without its indicator list (the tables hold them), naming its services and
    procedures, each in full further on, rather than repeating their descriptions."""
    path = paths.level(level)
    html = without(printer.pages.html(path), paths.anchor_id(path, "indicators"))
    return names_only(names_only(html, paths.anchor_id(paths.SERVICES) + "--"), paths.anchor_id(paths.PROCEDURES) + "-")


def _contents(printer: Printer, briefings: list[Briefing], contacts: Markup) -> list[Entry]:
    """Chapters, with an entry for every level, area of a child's life, procedure and briefing."""
    guidance = printer.guidance
    return [
        Entry(paths.anchor_id(paths.LEVELS), printer.heading(paths.LEVELS),
              tuple(Entry(paths.anchor_id(paths.level(x)), Markup.escape(level_label(x))) for x in guidance.levels)),
        Entry("indicators", printer.heading(paths.DOMAINS),
              tuple(Entry(f"domain-{x.id}", Markup.escape(x.name)) for x in guidance.domains)),
        Entry(paths.anchor_id(paths.PROCEDURES), printer.heading(paths.PROCEDURES),
              tuple(Entry(paths.anchor_id(paths.procedure(x)), Markup.escape(x.name)) for x in guidance.procedures)),
        Entry(paths.anchor_id(paths.DUTIES), printer.heading(paths.DUTIES)),
        Entry(paths.anchor_id(paths.SERVICES), printer.heading(paths.SERVICES)),
        Entry(paths.anchor_id(paths.ABOUT, "contacts"), contacts),
        Entry(paths.anchor_id(paths.GLOSSARY), printer.heading(paths.GLOSSARY)),
        Entry(paths.anchor_id(paths.BRIEFINGS), printer.heading(paths.BRIEFINGS),
              tuple(Entry(paths.anchor_id(paths.briefing(x)), Markup.escape(x.title)) for x in briefings)),
    ]


def level_card(printer: Printer, level: Level) -> Document:
    """One page: what the level means (its summary), who leads, what to do and by when, and whom to call.

    The level's longer definition stays in the whole guidance, so the card fits one page
    at the same type size.
    """
    path = paths.level(level)
    html = printer.pages.html(path)
    lead = html.index("</div>", html.index('<div class="lon-lead')) + len("</div>")
    html = html[:lead] + "".join(part(html, paths.anchor_id(path, name)) for name in ("who-leads", "what-to-do"))
    title = f"{level_label(level)}: quick-reference card"
    body = printer.render("card.html.j2", title, "lon-card-page", page=printer.page(path, html=html),
                          contacts=_card_contacts(printer, level))
    return Document(f"levels/{level.id}-quick-reference.pdf", title, body, path,
                    "Download the quick-reference card for this level", 1,
                    printer.guidance.origin("levels", level.id))


def _card_contacts(printer: Printer, level: Level) -> list[Contact]:
    """The front-door and out-of-hours contacts, then any other the level's own text names."""
    guidance = printer.guidance
    named = printer.views.contacts_named_in([level.definition, level.who_leads, level.summary,
                                            *level.practitioner_actions, *level.timescales])
    listed = {c.id: c for c in [guidance.front_door, guidance.out_of_hours, *named]}
    listed.pop(guidance.emergency.id, None)  # the card gives it beside the emergency message
    return list(listed.values())


def _briefing(printer: Printer, briefing: Briefing) -> str:
    """The seven parts and the briefing's details; its links to related pages are the site's to give."""
    path = paths.briefing(briefing)
    html = printer.pages.html(path)
    related = paths.anchor_id(path, "related")
    return without(html, related) if f'id="{related}"' in html else html


def briefing_document(printer: Printer, briefing: Briefing) -> Document:
    """The briefing's seven parts, as the site shows them, on one or two pages."""
    path = paths.briefing(briefing)
    title = f"7-minute briefing: {briefing.title}"
    page = printer.page(path, html=_briefing(printer, briefing))
    body = printer.render("briefing.html.j2", title, "lon-briefing-page", page=page)
    return Document(f"briefings/{briefing.id}.pdf", title, body, path, "Download this briefing", 2,
                    printer.guidance.origin("briefings", briefing.id))
