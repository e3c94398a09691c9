"""Level pages: definition, planning response, who leads, services, step up and down, indicators."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Domain, Indicator, Level, PlanningResponse, Service, Subdomain
from . import paths
from .page import render_page
from .site import Site


def pages(site: Site) -> Iterator[tuple[str, str]]:
    """The levels overview and one page per level."""
    yield paths.LEVELS, render_page(site, paths.LEVELS, "levels.md.j2", "Levels of need")
    for level in site.levels:
        yield paths.level(level), _level_page(site, level)


def _level_page(site: Site, level: Level) -> str:
    guidance = site.guidance
    items = site.by_level.get(level.id, [])

    def response_services(response: PlanningResponse) -> list[Service]:
        return [guidance.service_by_id[sid] for sid in response.services]

    return render_page(
        site, paths.level(level), "level.md.j2", f"Level {level.number}: {level.name}",
        guidance.origin("levels", level.id),
        level=level,
        responses=guidance.planning_responses_for(level.id),
        response_services=response_services,
        services=site.services_at(level),
        procedures=[guidance.procedure_by_id[pid] for pid in level.procedures],
        groups=_by_domain(site, items),
        indicator_count=len(items),
    )


def _by_domain(site: Site, items: list[Indicator]) -> list[tuple[Domain, list[tuple[Subdomain, list[Indicator]]]]]:
    """Indicators under their domain, then sub-domain, in the order of the domains file."""
    grouped: dict[str, list[tuple[Subdomain, list[Indicator]]]] = {}
    for domain, sub, found in site.by_subdomain_within(items):
        grouped.setdefault(domain.id, []).append((sub, found))
    return [(domain, grouped[domain.id]) for domain in site.guidance.domains if domain.id in grouped]
