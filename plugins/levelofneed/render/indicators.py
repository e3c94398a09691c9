"""One page per indicator, at a stable address: what it suggests, what to do and who can help."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Indicator, Service
from . import paths
from .page import render_page
from .site import AGE_LABELS, Site


def pages(site: Site) -> Iterator[tuple[str, str]]:
    """Every indicator page. These stay out of the navigation; levels, domains and search lead here."""
    for indicator in site.guidance.indicators:
        yield paths.indicator(indicator), _indicator_page(site, indicator)


def _indicator_page(site: Site, indicator: Indicator) -> str:
    guidance = site.guidance
    level = guidance.level_by_id[indicator.level]
    domain = guidance.domain_by_id[indicator.domain]
    services, services_from_level = _services(site, indicator)
    return render_page(
        site, paths.indicator(indicator), "indicator.md.j2", indicator.text,
        guidance.origin("indicators", indicator.id),
        indicator=indicator, level=level, domain=domain,
        sub=guidance.subdomain_by_id[indicator.subdomain],
        topics=[guidance.topic_by_id[tid] for tid in indicator.topics],
        ages=[(band, AGE_LABELS[band]) for band in indicator.age_bands],
        responses=guidance.planning_responses_for(level.id),
        services=services, services_from_level=services_from_level,
        procedures=site.procedures_for(indicator),
        briefings=site.briefings_for.get(indicator.id, []),
        similar=site.similar_to(indicator),
    )


def _services(site: Site, indicator: Indicator) -> tuple[list[Service], bool]:
    """The indicator's own services or, when it names none, those typical of its level."""
    if indicator.services:
        return [site.guidance.service_by_id[sid] for sid in indicator.services], False
    return site.services_at(site.guidance.level_by_id[indicator.level]), True
