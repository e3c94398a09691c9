"""What a template may call while it writes one page: links, escaped prose and level badges.

Each helper returns :class:`markupsafe.Markup` that it has built from escaped parts,
so templates never concatenate raw YAML text into Markdown or HTML. Plain strings a
template prints are escaped by the environment (see :mod:`.environment`).
"""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from .. import labels
from ..hours import hours_lines
from ..labels import UNVERIFIED, age_label, contact_name, date_text, download_text, level_label, named_text
from ..model import Contact, DoNotAlert, GlossaryTerm, Level, Verification
from ..placeholders import PLACEHOLDER
from . import paths
from .site import Download, LinkStyle, Site
from .text import attribute, encode, escape, squash, tel_link


class PageWriter:
    """Helpers bound to one page, so links are relative to it and each term is linked once."""

    def __init__(self, site: Site, here: str) -> None:
        self.site = site
        self.here = here
        self._linked_terms: set[str] = set()
        self._link_terms = here != paths.GLOSSARY

    def href(self, target: str, anchor: str = "") -> str:
        """The address of another generated page (a docs source path), in the build's link style."""
        if self.site.options.link_style is LinkStyle.ANCHOR:
            return "#" + paths.anchor_id(target, anchor)
        address = paths.relative(self.here, target)
        return f"{address}#{anchor}" if anchor else address

    def url(self, target: str, anchor: str = "") -> str:
        """The published address of another page, for raw HTML (tables, scripts' data); tests crawl them."""
        if self.site.options.link_style is LinkStyle.ANCHOR:
            return "#" + paths.anchor_id(target, anchor)
        address = paths.relative_url(self.here, target)
        return f"{address}#{anchor}" if anchor else address

    def link(self, target: str, text: str, anchor: str = "", css: str = "") -> Markup:
        """A Markdown link, which MkDocs checks and rewrites in a strict build.

        A link's words cannot hold another link, so a ((contact)) in them is named
        ("CHAT (the front door)"), never left as a placeholder; the page it opens gives the number.
        """
        attrs = f"{{: .{' .'.join(css.split())} }}" if css else ""
        return Markup(f"[{escape(self.named(text))}]({attribute(self.href(target, anchor))}){attrs}")

    def named(self, text: str) -> str:
        """Text with each ((contact)) named, for link words and titles, which take no markup."""
        return named_text(text, self.site.guidance.contact_by_id)

    def downloads(self) -> list[Markup]:
        """Links to the files this page offers, each with its pages and size: 'Download this briefing (PDF, …)'."""
        return [self.download(item) for item in self.site.options.downloads.get(self.here, ())]

    def download(self, item: Download) -> Markup:
        text = download_text(item.label, item.pages, item.size)
        return Markup(f"[{escape(text)}]({attribute(paths.relative(self.here, item.path))}){{: .lon-download }}")

    @staticmethod
    def level_label(level: Level) -> str:
        """'Level 3: Complex needs'. Colour never appears without this text."""
        return level_label(level)

    @staticmethod
    def age_label(band: str) -> str:
        """'Ages 0 to 4'."""
        return age_label(band)

    def level_badge(self, level: Level, linked: bool = True) -> Markup:
        """The level's number and name on its colour, linked to the level's page."""
        css = f"lon-badge lon-tone-{self.site.tone(level)}"
        label = self.level_label(level)
        if linked:
            return self.link(paths.level(level), label, css=css)
        return Markup(f'<span class="{css}">{escape(label)}</span>')

    def tone(self, level: Level) -> str:
        """The CSS class that colours a level's card or column."""
        return f"lon-tone-{self.site.tone(level)}"

    def prose(self, text: str, terms: bool = True) -> Markup:
        """Running text, escaped, with each ((contact)) shown with its number and, unless ``terms`` is
        false, the first mention of each glossary term linked."""
        flat = squash(text)
        parts: list[str] = []
        position = 0
        for found in PLACEHOLDER.finditer(flat):
            parts.append(self._words(flat[position:found.start()], position == 0, terms))
            parts.append(self.mention(self.site.guidance.contact_by_id[found.group(1).strip()]))
            position = found.end()
        parts.append(self._words(flat[position:], position == 0, terms))
        return Markup("".join(parts))

    def _words(self, flat: str, line_start: bool, terms: bool) -> str:
        if not terms or not self._link_terms:
            return encode(flat, line_start=line_start)
        parts: list[str] = []
        position = 0
        for found in self.site.terms.find(flat):
            if found.term.id in self._linked_terms:
                continue
            self._linked_terms.add(found.term.id)
            parts.append(encode(flat[position:found.start], line_start=line_start and position == 0))
            parts.append(self._term_link(flat[found.start:found.end], found.term))
            position = found.end
        parts.append(encode(flat[position:], line_start=line_start and position == 0))
        return "".join(parts)

    def mention(self, contact: Contact) -> Markup:
        """A contact named in running text: how text calls it, and its number one tap away."""
        name = escape(contact_name(contact))
        if contact.phone:
            reach = Markup(f"{name} on {self.phone(contact.phone)}")
        elif contact.url:
            reach = self.external(contact.url, contact_name(contact))
        else:
            reach = Markup(f"{name} ({self.email(contact.email or '')})")
        if contact.verification.status == "unverified":
            reach += Markup(' <span class="lon-unverified">(not yet verified: check before use)</span>')
        return Markup(f'<span class="lon-mention">{reach}</span>')

    def do_not_alert_ask(self, advice: DoNotAlert) -> Markup:
        """'Speak to CHAT on … and the police on … before anyone tells the family…' (labels.DO_NOT_ALERT_ASK)."""
        contacts = [self.mention(self.site.guidance.contact_by_id[cid]) for cid in advice.advice_from]
        joined = Markup(" and ").join(contacts) if len(contacts) < 3 else (
            Markup(", ").join(contacts[:-1]) + Markup(" and ") + contacts[-1])
        before, _, after = labels.DO_NOT_ALERT_ASK.partition("{contacts}")
        return encode(before, line_start=False) + joined + encode(after, line_start=False)

    def checked(self, verification: Verification) -> Markup:
        """'Checked 27 November 2026 against …', or, when nobody could confirm the details, whom to check
        with. The editors' note on why stays in the YAML and the review report: it is not for practitioners."""
        if verification.status == "unverified":
            guidance = self.site.guidance
            ask = guidance.contact_by_id[verification.ask] if verification.ask else guidance.front_door
            return Markup(f'<strong class="lon-unverified">{escape(UNVERIFIED)}</strong> '
                          f"Check with {self.mention(ask)} before you rely on them.")
        against = verification.against or ""
        source = self.external(against, against) if against.startswith(("https://", "http://")) else escape(against)
        return Markup(f"Checked {escape(self.date(verification.checked))} against {source}.")

    def _term_link(self, text: str, entry: GlossaryTerm) -> str:
        # No title attribute: phones cannot hover, and the glossary is one tap away.
        return f"[{escape(text)}]({attribute(self.href(paths.GLOSSARY, entry.id))}){{: .lon-term }}"

    def external(self, url: object, text: str) -> Markup:
        """A link to another website; the address was validated as http(s) by the model."""
        return Markup(f'<a class="lon-external" href="{attribute(str(url))}">{escape(text)}</a>')

    def hours(self, contact: Contact) -> list[str]:
        """The contact's hours in words, written from its opening data when it has some."""
        return hours_lines(contact, self.site.guidance.contact_by_id)

    def call_now(self, contact: Contact) -> Markup:
        """Where the page's script writes who answers this line now (hidden without JavaScript, when
        the hours beside it say it all)."""
        if contact.opening is None:
            return Markup("")
        return Markup(f'<p class="lon-call-now" data-lon-call-now="{attribute(contact.id)}" hidden></p>')

    def phone(self, number: str) -> Markup:
        """A number a phone can dial with one tap; it never wraps mid-number."""
        return tel_link(number)

    def email(self, address: str) -> Markup:
        """A mail link."""
        return Markup(f'<a href="mailto:{attribute(address)}">{escape(address)}</a>')

    @staticmethod
    def date(value: dt.date | None) -> str:
        """'1 November 2026', the way GOV.UK writes dates."""
        return date_text(value)
