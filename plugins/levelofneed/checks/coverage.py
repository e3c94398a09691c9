"""The partnership's coverage rules (``partnership.coverage``), checked where editors see them.

A sub-domain with no indicator at a level, a topic missing a level, a briefing linked to
too few indicators for a team to discuss, a procedure nothing links to: each is a gap a
practitioner falls into. The rules are the partnership's own, so another partnership can
set them differently or leave them out; each shortfall is a warning at the record.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..findings import Finding
from ..labels import counted
from ..model import Briefing, CoverageRules, Domain, Indicator, Level, Partnership, Procedure, Topic
from ..validate import Collected
from .context import Context

HINT = "add indicators there, or change 'coverage' in the partnership settings"


def coverage(context: Context) -> Iterator[Finding]:
    """Warnings where the content falls short of the partnership's coverage rules."""
    collected = context.collected
    settings = collected.of(Partnership)
    rules = settings[0].record.coverage if settings else None
    if rules is None:
        return
    levels = [item.record.id for item in collected.of(Level)]
    indicators = [item.record for item in collected.of(Indicator)]
    yield from _subdomain_cells(collected, rules, levels, indicators)
    yield from _topic_levels(collected, rules, levels, indicators)
    yield from _briefings(collected, rules)
    yield from _procedures(collected, rules)


def _subdomain_cells(collected: Collected, rules: CoverageRules, levels: list[str],
                     indicators: list[Indicator]) -> Iterator[Finding]:
    counts = Counter((indicator.subdomain, indicator.level) for indicator in indicators)
    for item in collected.of(Domain):
        for index, sub in enumerate(item.record.subdomains):
            short = [f"{level} ({counts[sub.id, level]})" for level in levels
                     if counts[sub.id, level] < rules.min_per_subdomain_cell]
            if short:
                yield item.finding(("subdomains", index, "id"),
                                   f"sub-domain '{sub.id}' has fewer than {rules.min_per_subdomain_cell} indicators "
                                   f"at {', '.join(short)}", HINT, severity="warning")


def _topic_levels(collected: Collected, rules: CoverageRules, levels: list[str],
                  indicators: list[Indicator]) -> Iterator[Finding]:
    if not rules.every_topic_at_every_level:
        return
    present = {(topic, indicator.level) for indicator in indicators for topic in indicator.topics}
    for item in collected.of(Topic):
        topic = item.record
        excepted = topic.not_at_levels.levels if topic.not_at_levels else []
        missing = [level for level in levels if (topic.id, level) not in present and level not in excepted]
        if missing:
            yield item.finding(("id",), f"topic '{topic.id}' has no indicator at {', '.join(missing)}",
                               "tag indicators at those levels with the topic, say why it has none in "
                               "'not_at_levels', or change 'coverage' in the partnership settings", severity="warning")
        tagged = [level for level in excepted if (topic.id, level) in present]
        if tagged:
            yield item.finding(("not_at_levels", "levels"), f"topic '{topic.id}' says it has no indicator at "
                               f"{', '.join(tagged)}, but one is tagged there",
                               "take the level out of 'not_at_levels', or the topic off the indicator",
                               severity="warning")


def _briefings(collected: Collected, rules: CoverageRules) -> Iterator[Finding]:
    for item in collected.of(Briefing):
        if len(item.record.indicators) < rules.min_briefing_indicators:
            linked = counted(len(item.record.indicators), "indicator")
            yield item.finding(("indicators",), f"briefing '{item.record.id}' links {linked}, "
                               f"fewer than {rules.min_briefing_indicators}",
                               "link the indicators a team should discuss with it", severity="warning")


def _procedures(collected: Collected, rules: CoverageRules) -> Iterator[Finding]:
    if not rules.procedures_linked:
        return
    used = {procedure for records in collected.records.values() for item in records
            for procedure in getattr(item.record, "procedures", [])}
    for item in collected.of(Procedure):
        if item.record.id not in used:
            yield item.finding(("id",), f"nothing links to procedure '{item.record.id}'",
                               "link it from the levels, topics, indicators or safety questions it applies to",
                               severity="warning")
