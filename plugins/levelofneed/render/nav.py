"""The site navigation: levels, domains, topics, ages, services, procedures, briefings, reference.

Indicator pages are left out on purpose. MkDocs with Material renders the whole
navigation into every page, so 2,500 pages in the nav cost minutes (the cost grows
with the square of the page count); out of it, seconds. Indicators are reached from
the level, domain, topic and age pages, and through search.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from typing import Any

from ..guidance import Guidance
from ..labels import age_label, level_label
from ..model import AGE_BANDS, Domain
from ..views import Views
from . import paths
from .text import title

NavItem = str | dict[str, Any]

SECTION_TITLES = {"editors": "For editors", "adr": "Design decisions"}


def navigation(guidance: Guidance, handwritten: Sequence[str] = (), open_data: str = paths.OPEN_DATA) -> list[NavItem]:
    """The ``nav`` setting for mkdocs.yml, with hand-written pages under "About"."""
    return [
        {"Home": paths.HOME},
        {"Which level?": paths.WHICH_LEVEL},
        {"Search": paths.SEARCH},
        {"Levels": [paths.LEVELS, *({title(level_label(lv)): paths.level(lv)} for lv in guidance.levels),
                    {"Compare the levels": paths.LEVELS_COMPARE}]},
        {"Areas of a child's life": [paths.DOMAINS, *(_domain(d) for d in guidance.domains)]},
        {"Topics": [paths.TOPICS, *({title(t.name): paths.topic(t)} for t in guidance.topics)]},
        {"By age": [paths.AGES, *({age_label(band): paths.age_band(band)} for band in AGE_BANDS)]},
        {"Services": paths.SERVICES},
        {"Procedures": [paths.PROCEDURES, *({title(p.name): paths.procedure(p)} for p in guidance.procedures)]},
        {"Legal duties": paths.DUTIES},
        {"Briefings": [paths.BRIEFINGS, *({title(b.title): paths.briefing(b)}
                                          for b in Views(guidance).briefings_by_date())]},
        {"Glossary": paths.GLOSSARY},
        {"About": [paths.ABOUT, {"Use offline": paths.OFFLINE}, {"What's changed": paths.CHANGES},
                   {"Open data": open_data}, *_handwritten(handwritten, exclude={open_data})]},
    ]


def _domain(domain: Domain) -> NavItem:
    subs = [{title(sub.name): paths.subdomain(domain, sub)} for sub in domain.subdomains]
    return {title(domain.name): [paths.domain(domain), *subs]}


def _handwritten(pages: Sequence[str], exclude: set[str]) -> list[NavItem]:
    """Hand-written pages: top-level ones as they are, folders as sections, index pages first."""
    items: list[NavItem] = []
    sections: dict[str, list[str]] = {}
    for page in sorted(pages, key=lambda p: (posixpath.basename(p) != "index.md", p)):
        if page in exclude or page == paths.HOME:
            continue
        folder, _, rest = page.partition("/")
        if rest:
            sections.setdefault(folder, []).append(page)
        else:
            items.append(page)
    for folder in sorted(sections):
        name = SECTION_TITLES.get(folder, folder.replace("-", " ").capitalize())
        items.append({name: sections[folder]})
    return items
