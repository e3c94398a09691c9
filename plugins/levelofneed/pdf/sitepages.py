"""The site's own pages, rendered in the anchor link style (ADR 7), as HTML for print.

The PDFs say what the site says because they are made of the same pages: ``publish``
renders them with ``LinkStyle.ANCHOR`` and hands them over as Markdown, and this
module converts them with Python-Markdown and the extensions the site uses. A page
becomes one ``<section>`` whose id is the page's anchor, so the links between pages
become links inside the document.

Print needs a little less than a page: a level's indicator list (the tables show
them), or only the contacts of the "About" page. Those are cut by the id of a
heading, from the heading to the next one of the same or a higher rank, so the
templates stay untouched.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cached_property

import markdown
from markupsafe import Markup

from ..render import paths

# The site's Markdown extensions (mkdocs.yml) that the page templates rely on. ``toc`` is
# left out: every heading the templates write carries its own id.
EXTENSIONS = ("attr_list", "md_in_html", "tables")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")
_HEADING = re.compile(r'<h([1-6])\b[^>]*\bid="([^"]+)"')
_LINK = re.compile(r'<a\b([^>]*?)\shref="#([^"]+)"([^>]*)>(.*?)</a>', re.DOTALL)
_ID = re.compile(r'\sid="([^"]+)"')
# Where a page's own content ends and its record details ("Source: …") begin.
_META = '<div class="lon-meta">'


class SitePages:
    """The pages the PDFs use, by docs path, converted once each."""

    def __init__(self, pages: Mapping[str, str]) -> None:
        self._pages = pages
        self._converted: dict[str, str] = {}

    @cached_property
    def _markdown(self) -> markdown.Markdown:
        return markdown.Markdown(extensions=list(EXTENSIONS))

    def html(self, path: str) -> str:
        """The page's body as HTML, headings at the site's ranks (its title is ``h1``)."""
        if path not in self._converted:
            body = _FRONT_MATTER.sub("", self._pages[path], count=1)
            self._converted[path] = self._markdown.reset().convert(body)
        return self._converted[path]

    def section(self, path: str, html: str | None = None, depth: int = 0) -> Markup:
        """The page (or a part of it) as a section with the page's anchor, headings ``depth`` ranks lower."""
        body = shift_headings(self.html(path) if html is None else html, depth)
        return Markup(f'<section class="lon-page" id="{paths.anchor_id(path)}">\n{body}\n</section>\n')


def shift_headings(html: str, depth: int) -> str:
    """Every heading ``depth`` ranks lower (or higher, when negative), kept within h1 to h6."""
    if depth == 0:
        return html
    return _HEADING_TAG.sub(lambda found: f"<{found.group(1)}h{min(6, max(1, int(found.group(2)) + depth))}", html)


def _bounds(html: str, heading_id: str) -> tuple[int, int]:
    """Where the heading with ``heading_id`` starts, and where its section ends."""
    found = next((h for h in _HEADING.finditer(html) if h.group(2) == heading_id), None)
    if found is None:
        raise KeyError(f"no heading with id '{heading_id}'")
    rank = int(found.group(1))
    following = re.compile(rf"<h[1-{rank}]\b").search(html, found.end())
    meta = html.find(_META, found.end())
    ends = [len(html), following.start() if following else len(html), meta if meta >= 0 else len(html)]
    return found.start(), min(ends)

def part(html: str, heading_id: str) -> str:
    """Only the section under the heading with ``heading_id``."""
    start, end = _bounds(html, heading_id)
    return html[start:end]


def without(html: str, heading_id: str) -> str:
    """The page without the section under the heading with ``heading_id``."""
    start, end = _bounds(html, heading_id)
    return html[:start] + html[end:]


def before(html: str, heading_id: str) -> str:
    """The page up to the heading with ``heading_id``."""
    return html[:_bounds(html, heading_id)[0]]


def intro(html: str) -> str:
    """A page up to its first section: its title and opening words (an index page without its list)."""
    found = re.search(r"<h2\b", html)
    return html[:found.start()] if found else html


def names_only(html: str, anchor_prefix: str) -> str:
    """List items that link to an anchor starting with ``anchor_prefix`` keep the link and lose the rest.

    On paper a level lists its services by name (the directory, in order of name, has
    each one in full) instead of repeating every description.
    """
    item = re.compile(rf'(<li>\s*<a\b[^>]*\shref="#{re.escape(anchor_prefix)}[^"]*"[^>]*>.*?</a>).*?</li>', re.DOTALL)
    return item.sub(lambda found: found.group(1) + "</li>", html)


def unlink_missing(html: str) -> str:
    """Links to anchors the document does not hold become plain text.

    A briefing printed on its own names indicators and topics that are pages on the
    site but not in that PDF; their words stay, the dead link goes.
    """
    ids = set(_ID.findall(html))

    def keep(found: re.Match[str]) -> str:
        if found.group(2) in ids:
            return found.group(0)
        return f"<span{found.group(1)}{found.group(3)}>{found.group(4)}</span>"

    return _LINK.sub(keep, html)
