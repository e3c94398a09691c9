"""Topic pages and age-band pages: the same indicators, cut across the domains."""

from __future__ import annotations

from collections.abc import Iterator

from ..labels import age_label
from ..model import Topic
from . import paths
from .page import Page, render_page
from .site import Site


def pages(site: Site) -> Iterator[Page]:
    """The topics overview, one page per topic, the ages overview and one page per age band."""
    yield render_page(site, paths.TOPICS, "topics.md.j2", "Topics")
    for topic in site.guidance.topics:
        yield _topic_page(site, topic)
    yield render_page(site, paths.AGES, "ages.md.j2", "Indicators by age")
    for band in site.views.age_bands():
        yield render_page(site, paths.age_band(band), "age.md.j2", age_label(band), band=band,
                          label=age_label(band), items=site.views.by_age.get(band, []))


def _topic_page(site: Site, topic: Topic) -> Page:
    views = site.views
    return render_page(
        site, paths.topic(topic), "topic.md.j2", topic.name, site.guidance.origin("topics", topic.id),
        topic=topic, duties=views.duties_for_topic(topic),
        items=views.by_topic.get(topic.id, []),
        procedures=views.procedures_for_topic(topic),
        services=views.services_for_topic(topic),
        briefings=views.briefings_for_topic(topic),
    )
