"""Guidance → site pages, as pure functions: the same input always gives the same pages.

:func:`iter_pages` yields every page (:class:`Page`: its docs path, Markdown, template
and whether it belongs in the navigation). The site's other files (open data, the
manifest and its icons) and the assembly of all outputs live in :mod:`levelofneed.publish`,
which both the MkDocs plugin and the command line call.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from types import ModuleType

from ..guidance import Guidance
from . import (
    briefings,
    changes,
    domains,
    glossary,
    home,
    indicators,
    levels,
    offline,
    procedures,
    search_page,
    services,
    topics,
    which_level,
)
from .banner import banner_html
from .nav import navigation
from .page import Page
from .site import Download, LinkStyle, Site, SiteOptions

SECTIONS = (home, which_level, search_page, levels, domains, topics, indicators, services, procedures, briefings,
            glossary, changes, offline)
# The sections a printed document is made of (the PDFs leave out indicator, topic and age pages).
PRINTED = (levels, domains, services, procedures, briefings, glossary)

__all__ = ["PRINTED", "Download", "LinkStyle", "Page", "Site", "SiteOptions", "banner_html", "iter_pages",
           "navigation"]


def iter_pages(guidance: Guidance, options: SiteOptions | None = None,
               sections: Sequence[ModuleType] = SECTIONS) -> Iterator[Page]:
    """Every page (or those of ``sections``), one at a time, so a large site need not sit in memory twice."""
    site = Site(guidance, options)
    for section in sections:
        yield from section.pages(site)
