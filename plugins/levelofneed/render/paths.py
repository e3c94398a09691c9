"""Where each generated page lives. Record ids become addresses, so these never change.

Paths are Markdown source paths relative to the docs folder. MkDocs turns
``indicators/x.md`` into ``indicators/x/``; links between pages use these source
paths so that MkDocs checks every one of them in a strict build.
"""

from __future__ import annotations

import posixpath
import re

from ..model import Briefing, Domain, Indicator, Level, Procedure, Subdomain, Topic

HOME = "index.md"
LEVELS = "levels/index.md"
LEVELS_COMPARE = "levels/compare.md"
DOMAINS = "domains/index.md"
TOPICS = "topics/index.md"
AGES = "ages/index.md"
SERVICES = "services/index.md"
PROCEDURES = "procedures/index.md"
DUTIES = "duties.md"
BRIEFINGS = "briefings/index.md"
GLOSSARY = "glossary.md"
ABOUT = "about.md"
CHANGES = "changes.md"
OFFLINE = "offline.md"
NOT_SAVED = "not-saved.md"
WHICH_LEVEL = "which-level/index.md"
HELPER_DATA = "which-level/helper-data.json"
SEARCH = "search/index.md"  # our own search page, theme-free: search/#q=… (ADR 23)
SEARCH_INDEX = "search/search_index.json"  # where Material's search box, and our search page, find the index
OPEN_DATA = "open-data.md"
DATA_JSON = "data/guidance.json"
DATA_OPENREFERRAL = "data/services-openreferral.json"
MANIFEST = "manifest.webmanifest"
PDF_FOLDER = "pdf"  # where the PDFs are published (levelofneed.pdf)

_HEADING_ID = re.compile(r"\{#([A-Za-z0-9_-]+)\}")
_HTML_ID = re.compile(r'(\sid=")([^"]+)"')


def level(record: Level) -> str:
    return f"levels/{record.id}.md"


def domain(record: Domain) -> str:
    return f"domains/{record.id}/index.md"


def subdomain(parent: Domain, record: Subdomain) -> str:
    return f"domains/{parent.id}/{record.id}.md"


def topic(record: Topic) -> str:
    return f"topics/{record.id}.md"


def age_band(band: str) -> str:
    return f"ages/{band}.md"


def indicator(record: Indicator) -> str:
    return f"indicators/{record.id}.md"


def procedure(record: Procedure) -> str:
    return f"procedures/{record.id}.md"


def briefing(record: Briefing) -> str:
    return f"briefings/{record.id}.md"


def anchor_id(target: str, anchor: str = "") -> str:
    """A page's id when every page is one document: 'levels/level-3.md' → 'p-levels-level-3'.

    An anchor inside the page gets the page's id as a prefix, so ids stay unique.
    """
    page = "p-" + re.sub(r"[^a-z0-9]+", "-", target.removesuffix(".md").removesuffix("/index").lower()).strip("-")
    return f"{page}--{anchor}" if anchor else page


def prefix_ids(markdown: str, target: str) -> str:
    """Every heading id (``{#id}``) and HTML ``id`` in a page, prefixed with the page's id."""
    page = anchor_id(target)
    markdown = _HEADING_ID.sub(lambda found: f"{{#{page}--{found.group(1)}}}", markdown)
    return _HTML_ID.sub(lambda found: f'{found.group(1)}{page}--{found.group(2)}"', markdown)


def url_of(docs_path: str) -> str:
    """Where MkDocs publishes a page (directory URLs): 'levels/level-3.md' → 'levels/level-3/'."""
    stem = docs_path.removesuffix(".md").removesuffix("index")
    return stem if not stem or stem.endswith("/") else stem + "/"


def relative_url(here: str, target: str) -> str:
    """A link from page ``here`` to page ``target`` as published, for raw HTML that MkDocs does not rewrite."""
    base = url_of(here) or "."
    address = posixpath.relpath(url_of(target) or ".", base)
    return "./" if address == "." else address + "/"


def relative(here: str, target: str) -> str:
    """The link from page ``here`` to ``target``, both docs-relative source paths."""
    if target == here:
        return posixpath.basename(here)
    return posixpath.relpath(target, posixpath.dirname(here) or ".")
