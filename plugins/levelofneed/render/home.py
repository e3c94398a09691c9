"""The home page: the levels at a glance as a continuum, what to do at each, and who to call."""

from __future__ import annotations

from collections.abc import Iterator

from ..labels import site_title
from . import paths
from .page import Page, render_page
from .site import Site


def pages(site: Site) -> Iterator[Page]:
    """Just the home page."""
    yield render_page(site, paths.HOME, "home.md.j2", site_title(site.guidance.partnership))
