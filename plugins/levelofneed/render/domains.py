"""Domain and sub-domain pages: the indicators of each area of a child's life, level beside level."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Domain, Subdomain
from . import paths
from .page import Page, render_page
from .site import Site


def pages(site: Site) -> Iterator[Page]:
    """The domains overview, one page per domain and one per sub-domain."""
    yield render_page(site, paths.DOMAINS, "domains.md.j2", "Areas of a child's life", counts=_counts(site))
    for domain in site.guidance.domains:
        origin = site.guidance.origin("domains", domain.id)
        yield render_page(site, paths.domain(domain), "domain.md.j2", domain.name, origin, domain=domain)
        for sub in domain.subdomains:
            yield render_page(site, paths.subdomain(domain, sub), "subdomain.md.j2", sub.name, origin,
                              domain=domain, sub=sub)


def _counts(site: Site) -> list[tuple[Domain, Subdomain, list[int]]]:
    """How many indicators each sub-domain has at each level, for the overview table."""
    views = site.views
    return [(domain, sub, [len(items) for _, items in views.at_levels(views.by_subdomain.get(sub.id, []))])
            for domain in site.guidance.domains for sub in domain.subdomains]
