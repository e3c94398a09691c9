"""The "which level?" helper's page. The engine and its data live in :mod:`levelofneed.helper`;
this writes the page the browser engine runs in, and what it shows without JavaScript:
the safety questions' actions and the indicators by level."""

from __future__ import annotations

from collections.abc import Iterator

from . import paths
from .page import Page, render_page
from .site import Site


def pages(site: Site) -> Iterator[Page]:
    """Just the helper page."""
    views = site.views
    rows = [(domain, sub, views.at_levels(views.by_subdomain.get(sub.id, [])))
            for domain in site.guidance.domains for sub in domain.subdomains]
    yield render_page(site, paths.WHICH_LEVEL, "which-level.md.j2", "Which level? A helper", rows=rows,
                      rules=site.guidance.helper)
