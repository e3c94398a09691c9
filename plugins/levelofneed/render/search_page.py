"""Our own search page (``search/``): a box and a list of results that our scripts fill in the browser.

It depends on no theme: any builder that serves our files serves a working search
(ADR 23). The query travels in the address's fragment (``search/#q=…``), which a browser
never sends, so what a practitioner types stays on the device; ``?q=`` is read too, for
links and for the form without JavaScript. Without JavaScript the page says so and
offers the ways to browse instead.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from . import paths
from .page import Page, render_page
from .site import Site


def pages(site: Site) -> Iterator[Page]:
    """Just the search page."""
    index = posixpath.relpath(paths.SEARCH_INDEX, posixpath.dirname(paths.SEARCH))
    yield render_page(site, paths.SEARCH, "search.md.j2", "Search the guidance", index=index)
