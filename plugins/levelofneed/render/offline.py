"""The two offline pages (ADR 20): "Use this guidance offline", with the "save everything" control
and how to install the guidance on a phone; and the page the service worker shows, offline, in
place of a page this device never saved (never the browser's own error).
"""

from __future__ import annotations

from collections.abc import Iterator

from . import paths
from .page import Page, render_page
from .site import Site

TITLE = "Use this guidance offline"
NOT_SAVED_TITLE = "This page is not saved on this device"


def pages(site: Site) -> Iterator[Page]:
    """The help page (in the navigation, under About) and the "not saved" page (reached only offline)."""
    yield render_page(site, paths.OFFLINE, "offline.md.j2", TITLE)
    yield render_page(site, paths.NOT_SAVED, "not-saved.md.j2", NOT_SAVED_TITLE, in_nav=False)
