"""The glossary, "About this guidance" and the open-data page: the reference pages of the site."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from ..model import GlossaryTerm
from . import paths
from .page import Page, render_page
from .site import Site


def pages(site: Site) -> Iterator[Page]:
    """Glossary, about and (unless the site has its own) open data."""
    yield render_page(site, paths.GLOSSARY, "glossary.md.j2", "Glossary",
                      letters=_by_letter(site.guidance.glossary))
    partnership = site.guidance.partnership
    yield render_page(site, paths.ABOUT, "about.md.j2", "About this guidance",
                      site.guidance.origin("partnership", partnership.id),
                      partnership=partnership,
                      editors_page=site.options.editors_page,
                      open_data_page=site.options.open_data_page or paths.OPEN_DATA)
    if site.options.open_data_page is None:
        yield render_page(site, paths.OPEN_DATA, "open-data.md.j2", "Open data")


def _by_letter(glossary: tuple[GlossaryTerm, ...]) -> list[tuple[str, list[GlossaryTerm]]]:
    """Terms in alphabetical order, under their first letter (digits and symbols under '#')."""
    ordered = sorted(glossary, key=lambda entry: entry.term.casefold())

    def letter(entry: GlossaryTerm) -> str:
        first = entry.term[:1].upper()
        return first if first.isalpha() else "#"

    return [(key, list(group)) for key, group in groupby(ordered, key=letter)]
