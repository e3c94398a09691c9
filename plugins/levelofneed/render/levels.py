"""Level pages: definition, planning response, who leads, services, step up and down, indicators;
and one page setting the levels side by side."""

from __future__ import annotations

from collections.abc import Iterator

from ..labels import level_label
from ..model import Domain, Indicator, Level, Subdomain
from . import paths
from .page import Page, render_page
from .site import Site

# The rows of the comparison page: what every level record holds, in the order a practitioner
# asks. A new row belongs here only when every level has content for it.
COMPARED = (("summary", "In short"), ("who_leads", "Who leads"), ("practitioner_actions", "What practitioners do"),
            ("timescales", "Timescales"), ("step_up", "Step up"), ("step_down", "Step down"))


def pages(site: Site) -> Iterator[Page]:
    """The levels overview and one page per level."""
    yield render_page(site, paths.LEVELS, "levels.md.j2", "Levels of need")
    yield render_page(site, paths.LEVELS_COMPARE, "compare-levels.md.j2", "Compare the levels",
                      rows=COMPARED)
    for level in site.levels:
        yield _level_page(site, level)


def _level_page(site: Site, level: Level) -> Page:
    views = site.views
    items = views.by_level.get(level.id, [])
    return render_page(
        site, paths.level(level), "level.md.j2", level_label(level),
        site.guidance.origin("levels", level.id),
        level=level,
        responses=views.planning_responses_at(level),
        services=views.services_at(level),
        procedures=views.procedures_at(level),
        duties=views.duties_at(level),
        groups=_by_domain(site, items),
        indicator_count=len(items),
    )


def _by_domain(site: Site, items: list[Indicator]) -> list[tuple[Domain, list[tuple[Subdomain, list[Indicator]]]]]:
    """Indicators under their domain, then sub-domain, in the order of the domains file."""
    grouped: dict[str, list[tuple[Subdomain, list[Indicator]]]] = {}
    for domain, sub, found in site.views.by_subdomain_within(items):
        grouped.setdefault(domain.id, []).append((sub, found))
    return [(domain, grouped[domain.id]) for domain in site.guidance.domains if domain.id in grouped]
