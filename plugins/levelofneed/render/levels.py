"""Level pages: definition, planning response, who leads, services, step up and down, indicators."""

from __future__ import annotations

from collections.abc import Iterator

from ..labels import level_label
from ..model import Domain, Indicator, Level, Subdomain
from . import paths
from .page import Page, render_page
from .site import Site


def pages(site: Site) -> Iterator[Page]:
    """The levels overview and one page per level."""
    yield render_page(site, paths.LEVELS, "levels.md.j2", "Levels of need")
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
        groups=_by_domain(site, items),
        indicator_count=len(items),
    )


def _by_domain(site: Site, items: list[Indicator]) -> list[tuple[Domain, list[tuple[Subdomain, list[Indicator]]]]]:
    """Indicators under their domain, then sub-domain, in the order of the domains file."""
    grouped: dict[str, list[tuple[Subdomain, list[Indicator]]]] = {}
    for domain, sub, found in site.views.by_subdomain_within(items):
        grouped.setdefault(domain.id, []).append((sub, found))
    return [(domain, grouped[domain.id]) for domain in site.guidance.domains if domain.id in grouped]
