"""One page per indicator, at a stable address: what it suggests, what to do and who can help."""

from __future__ import annotations

from collections.abc import Iterator

from ..labels import age_label
from ..model import Indicator
from . import paths
from .page import Page, render_page
from .site import Site


def pages(site: Site) -> Iterator[Page]:
    """Every indicator page. These stay out of the navigation; levels, domains and search lead here."""
    for indicator in site.guidance.indicators:
        yield _indicator_page(site, indicator)


def _indicator_page(site: Site, indicator: Indicator) -> Page:
    guidance, views = site.guidance, site.views
    level = guidance.level_by_id[indicator.level]
    services, services_from_level = views.services_for_indicator(indicator)
    return render_page(
        site, paths.indicator(indicator), "indicator.md.j2", indicator.text,
        guidance.origin("indicators", indicator.id), in_nav=False,
        indicator=indicator, level=level, domain=guidance.domain_by_id[indicator.domain],
        sub=guidance.subdomain_by_id[indicator.subdomain],
        topics=views.topics_of(indicator),
        ages=[(band, age_label(band)) for band in indicator.age_bands],
        responses=views.planning_responses_at(level),
        services=services, services_from_level=services_from_level,
        procedures=views.procedures_for_indicator(indicator),
        briefings=views.briefings_for_indicator(indicator),
        duties=views.duties_for_indicator(indicator), unalerted=views.do_not_alert(indicator),
        similar=site.similar_to(indicator),
    )
