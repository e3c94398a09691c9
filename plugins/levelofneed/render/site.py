"""What every page writer shares for one build: the guidance, its views, the glossary index and options."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

from ..guidance import Guidance
from ..model import Indicator, Level
from ..views import Views
from .glossary_terms import TermIndex


class LinkStyle(Enum):
    """How pages link to each other (ADR 7).

    ``RELATIVE``: MkDocs-flavoured Markdown with relative ``.md`` links, which MkDocs
    checks in a strict build. ``ANCHOR``: every page is part of one document (the PDF),
    so a link is an in-document ``#anchor`` and heading ids are prefixed by their page.
    """

    RELATIVE = "relative"
    ANCHOR = "anchor"


@dataclass(frozen=True)
class Download:
    """A file a page offers, such as its PDF: where it is published (a docs path), what it is, pages, bytes."""

    path: str
    label: str
    pages: int
    size: int


@dataclass(frozen=True)
class SiteOptions:
    """What the page writers need to know beyond the guidance itself.

    ``editors_page`` and ``open_data_page`` are docs paths of hand-written pages, if the
    site has them. ``similar`` maps an indicator id to ids of similar indicators at other
    levels (``publish`` fills it from search); an indicator without any shows a link to
    its sub-domain instead.
    ``downloads`` maps a page's docs path to the files it offers (the PDFs, when the
    build makes them). ``handwritten`` lists the hand-written pages, which the navigation
    puts under "About".
    """

    editors_page: str | None = None
    open_data_page: str | None = None
    similar: Mapping[str, Sequence[str]] = field(default_factory=dict)
    link_style: LinkStyle = LinkStyle.RELATIVE
    downloads: Mapping[str, Sequence[Download]] = field(default_factory=dict)
    handwritten: Sequence[str] = ()


class Site:
    """The guidance plus the lookups every page needs, computed once per build."""

    def __init__(self, guidance: Guidance, options: SiteOptions | None = None) -> None:
        self.guidance = guidance
        self.options = options or SiteOptions()
        self.views = Views(guidance)
        self.terms = TermIndex(guidance.glossary)

    @property
    def levels(self) -> tuple[Level, ...]:
        return self.guidance.levels

    def tone(self, level: Level) -> int:
        """Colour tone 1 (least need) to 4 (most): the views decide, so the PDF colours levels the same."""
        return self.views.tone(level)

    def similar_to(self, indicator: Indicator) -> list[Indicator]:
        """Similar indicators at other levels, as search found them."""
        ids = self.options.similar.get(indicator.id, ())
        return [self.guidance.indicator_by_id[i] for i in ids if i in self.guidance.indicator_by_id]
