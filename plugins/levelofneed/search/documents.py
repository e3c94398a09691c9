"""What search finds: one record per indicator and per page a practitioner looks things up on.

Both searches are built from these records: the site's own (``site_index.py``) and the
Whoosh index behind ``levelofneed search`` and "similar indicators" (``index.py``). Pages
meant for editors (ADRs, the editors' guide, the field reference, the coverage report)
are not guidance, so they have no record and stay out of practitioners' results.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..guidance import Guidance
from ..labels import age_label, level_label, named_text, plain_text, squash
from ..model import AGE_BANDS, Indicator
from ..render import paths
from ..views import Views
from .understand import indicator_ages


@dataclass(frozen=True)
class SearchRecord:
    """One search result: where it is, what it says, and the words that find it.

    ``keywords`` are the words practitioners type for it (an indicator's own keywords);
    ``text`` is what else it is about (a page's summary, an indicator's topics), which
    counts for less.
    """

    id: str
    kind: str
    location: str
    title: str
    text: str = ""
    keywords: tuple[str, ...] = ()
    level: str | None = None
    level_number: int = 0
    domain: str | None = None
    subdomain: str | None = None
    ages: tuple[str, ...] = ()
    banded_ages: tuple[int, int] | None = None  # the ages of its age bands (search/understand.py)
    stated_ages: tuple[int, int] | None = None  # the ages its text states


def records(guidance: Guidance) -> list[SearchRecord]:
    """Every record, indicators first, in a stable order."""
    return [*_indicators(guidance), *_pages(guidance)]


def _indicators(guidance: Guidance) -> Iterator[SearchRecord]:
    views = Views(guidance)
    contacts = guidance.contact_by_id
    for indicator in guidance.indicators:
        level = guidance.level_by_id[indicator.level]
        banded, stated = indicator_ages(indicator)
        yield SearchRecord(
            indicator.id, "indicator", paths.url_of(paths.indicator(indicator)), named_text(indicator.text, contacts),
            _about(guidance, indicator, views), tuple(indicator.keywords),
            level=level.id, level_number=level.number, domain=guidance.domain_by_id[indicator.domain].name,
            subdomain=guidance.subdomain_by_id[indicator.subdomain].name, ages=tuple(indicator.age_bands),
            banded_ages=banded, stated_ages=stated)


def _about(guidance: Guidance, indicator: Indicator, views: Views) -> str:
    """What else an indicator is about: its sub-domain and its topics."""
    names = [guidance.subdomain_by_id[indicator.subdomain].name, *(topic.name for topic in views.topics_of(indicator))]
    return " ".join(squash(name) for name in names)


def _pages(guidance: Guidance) -> Iterator[SearchRecord]:
    contacts = guidance.contact_by_id
    yield SearchRecord("page:which-level", "page", paths.url_of(paths.WHICH_LEVEL), "Which level? A helper",
                       "Suggests a level of need from what you have seen, with reasons, whom to call and what to do.")
    for level in guidance.levels:
        yield SearchRecord(f"level:{level.id}", "level", paths.url_of(paths.level(level)), level_label(level),
                           plain_text(level.summary, contacts), level=level.id, level_number=level.number)
    for topic in guidance.topics:
        yield SearchRecord(f"topic:{topic.id}", "topic", paths.url_of(paths.topic(topic)), squash(topic.name),
                           plain_text(topic.summary, contacts))
    for procedure in guidance.procedures:
        text = " ".join([procedure.summary, *procedure.triggers])
        yield SearchRecord(f"procedure:{procedure.id}", "procedure", paths.url_of(paths.procedure(procedure)),
                           squash(procedure.name), plain_text(text, contacts))
    for briefing in guidance.briefings:
        yield SearchRecord(f"briefing:{briefing.id}", "briefing", paths.url_of(paths.briefing(briefing)),
                           squash(briefing.title), plain_text(briefing.why_it_matters, contacts),
                           keywords=(briefing.review,) if briefing.review else ())
    yield from _directory(guidance)


def _directory(guidance: Guidance) -> Iterator[SearchRecord]:
    """Services and glossary terms, at their anchors; domains, sub-domains and age bands by name."""
    contacts = guidance.contact_by_id
    for service in guidance.services:
        yield SearchRecord(f"service:{service.id}", "service", f"{paths.url_of(paths.SERVICES)}#{service.id}",
                           squash(service.name), plain_text(service.description, contacts),
                           keywords=(service.organization,))
    for term in guidance.glossary:
        title = f"{term.term} ({term.expansion})" if term.expansion else term.term
        yield SearchRecord(f"term:{term.id}", "term", f"{paths.url_of(paths.GLOSSARY)}#{term.id}", squash(title),
                           plain_text(term.definition, contacts), keywords=tuple(term.aliases))
    for domain in guidance.domains:
        yield SearchRecord(f"domain:{domain.id}", "domain", paths.url_of(paths.domain(domain)), squash(domain.name),
                           squash(domain.description))
        for sub in domain.subdomains:
            yield SearchRecord(f"subdomain:{sub.id}", "subdomain", paths.url_of(paths.subdomain(domain, sub)),
                               squash(sub.name), squash(sub.description), domain=domain.name)
    for band in AGE_BANDS:
        yield SearchRecord(f"age:{band}", "age", paths.url_of(paths.age_band(band)), age_label(band))
