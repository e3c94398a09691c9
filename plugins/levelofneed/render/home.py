"""The home page: the levels at a glance as a continuum, what to do at each, and who to call."""

from __future__ import annotations

from collections.abc import Iterator

from ..guidance import Guidance
from . import paths
from .page import render_page
from .site import Site


def site_title(guidance: Guidance) -> str:
    """The site's name and the home page's heading, e.g. 'Sefton SCP Level of Need guidance'."""
    return f"{guidance.partnership.short_name} Level of Need guidance"


def pages(site: Site) -> Iterator[tuple[str, str]]:
    """Just the home page."""
    yield paths.HOME, render_page(site, paths.HOME, "home.md.j2", site_title(site.guidance))
