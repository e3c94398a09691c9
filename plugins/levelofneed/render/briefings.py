"""7-minute briefings: an index, newest first, and one page per briefing in its seven parts."""

from __future__ import annotations

from collections.abc import Iterator

from . import paths
from .page import Page, render_page
from .site import Site

KIND_LABELS = {"case-review": "Learning from a case review", "thematic": "Thematic briefing"}


def pages(site: Site) -> Iterator[Page]:
    """The index and every briefing."""
    guidance = site.guidance
    yield render_page(site, paths.BRIEFINGS, "briefings.md.j2", "7-minute briefings",
                      briefings=site.views.briefings_by_date(), kinds=KIND_LABELS)
    for briefing in guidance.briefings:
        yield render_page(site, paths.briefing(briefing), "briefing.md.j2", briefing.title,
                          guidance.origin("briefings", briefing.id), briefing=briefing, kinds=KIND_LABELS,
                          topics=[guidance.topic_by_id[tid] for tid in briefing.topics],
                          indicators=[guidance.indicator_by_id[iid] for iid in briefing.indicators])
