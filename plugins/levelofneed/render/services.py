"""The services directory: every service on one page, filterable by level, topic and age."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Service
from . import paths
from .page import Page, render_page
from .site import Site


def pages(site: Site) -> Iterator[Page]:
    """The directory page. Each service has an anchor named after its id."""
    ordered = sorted(site.guidance.services, key=lambda s: s.name.casefold())
    views = site.views
    yield render_page(
        site, paths.SERVICES, "services.md.j2", "Services directory",
        services=ordered,
        filter_topics=[t for t in site.guidance.topics if views.services_for_topic(t)],
        data=lambda service: data_attributes(service, [t.id for t in views.topics_of_service(service)]),
        ages=age_range,
    )


def data_attributes(service: Service, topics: list[str]) -> dict[str, str]:
    """What the filter script reads: the topics are those whose pages list the service (views decide).
    Without the script every service stays visible."""
    return {
        "data-levels": " ".join(service.levels),
        "data-topics": " ".join(topics),
        "data-min-age": "" if service.minimum_age is None else str(service.minimum_age),
        "data-max-age": "" if service.maximum_age is None else str(service.maximum_age),
    }


def age_range(service: Service) -> str:
    """The ages a service takes, in words."""
    low, high = service.minimum_age, service.maximum_age
    if low is None and high is None:
        return "All ages"
    if high is None:
        return f"From {low}"
    if low is None:
        return f"Up to {high}"
    return f"{low} to {high}"
