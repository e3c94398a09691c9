"""Topic pages and age-band pages: the same indicators, cut across the domains."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Service, Topic
from . import paths
from .page import render_page
from .site import Site


def pages(site: Site) -> Iterator[tuple[str, str]]:
    """The topics overview, one page per topic, the ages overview and one page per age band."""
    yield paths.TOPICS, render_page(site, paths.TOPICS, "topics.md.j2", "Topics")
    for topic in site.guidance.topics:
        yield paths.topic(topic), _topic_page(site, topic)
    yield paths.AGES, render_page(site, paths.AGES, "ages.md.j2", "Indicators by age")
    for band, label in site.age_bands():
        yield paths.age_band(band), render_page(
            site, paths.age_band(band), "age.md.j2", label, band=band, label=label,
            items=site.by_age.get(band, []))


def _topic_page(site: Site, topic: Topic) -> str:
    guidance = site.guidance
    return render_page(
        site, paths.topic(topic), "topic.md.j2", topic.name, guidance.origin("topics", topic.id),
        topic=topic,
        items=site.by_topic.get(topic.id, []),
        procedures=[guidance.procedure_by_id[pid] for pid in topic.procedures],
        services=_services(site, topic),
        briefings=[b for b in guidance.briefings if topic.id in b.topics],
    )


def _services(site: Site, topic: Topic) -> list[Service]:
    """Services the topic names, then others that say they help with it."""
    named = [site.guidance.service_by_id[sid] for sid in topic.services]
    others = [s for s in site.guidance.services if topic.id in s.topics and s.id not in topic.services]
    return [*named, *sorted(others, key=lambda s: s.name)]
