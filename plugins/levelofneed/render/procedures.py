"""Procedures as step charts: numbered steps with who, what and by when, drawn in HTML and CSS."""

from __future__ import annotations

from collections.abc import Iterator

from . import paths
from .page import Page, render_page
from .site import Site


def pages(site: Site) -> Iterator[Page]:
    """The procedures overview and one page per procedure."""
    yield render_page(site, paths.PROCEDURES, "procedures.md.j2", "Procedures")
    yield render_page(site, paths.DUTIES, "duties.md.j2", "Legal duties")
    for procedure in site.guidance.procedures:
        levels, topics = site.views.procedure_users(procedure)
        yield render_page(site, paths.procedure(procedure), "procedure.md.j2", procedure.name,
                          site.guidance.origin("procedures", procedure.id),
                          procedure=procedure, levels=levels, topics=topics,
                          duties=site.views.duties_for_procedure(procedure))
