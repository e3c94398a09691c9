"""Checks on the helper's rules that need the levels and indicators to see.

The rules only ever raise a level, and they must say something true of the scale:
level 1 indicators are strengths and never add up to a worry, a combination suggests a
higher level than the one it counts, and an indicator that "always suggests the highest
level" must be placed there. A result is read on a phone in a hurry, so the services it
lists for one indicator (the indicator's own, then its level's choice: ``Views.services_in_result``)
must stay few enough to read.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model import HelperRules, Indicator, Level, Partnership
from ..validate import Located
from .context import Context


def helper_rules(context: Context) -> Iterator[Finding]:
    """Findings on the helper rules; silent when the rules, levels or indicators did not validate."""
    collected = context.collected
    rules = collected.of(HelperRules)
    levels = {item.record.id: item.record.number for item in collected.of(Level)}
    if not rules or not levels:
        return
    indicators = {item.record.id: item.record for item in collected.of(Indicator)}
    yield from _combinations(rules[0], levels)
    yield from _always_highest(rules[0], levels, indicators)


def _combinations(item: Located[HelperRules], levels: dict[str, int]) -> Iterator[Finding]:
    lowest = min(levels.values())
    for index, rule in enumerate(item.record.combinations):
        counted, suggested = levels.get(rule.level), levels.get(rule.suggests)
        if counted == lowest:
            yield item.finding(("combinations", index, "level"),
                               f"a combination counts indicators at '{rule.level}', the lowest level",
                               "lowest-level indicators are strengths and never add up to a worry; "
                               "count a higher level")
        if counted is not None and suggested is not None and suggested <= counted:
            yield item.finding(("combinations", index, "suggests"),
                               f"'{rule.suggests}' is not higher than '{rule.level}'",
                               "a combination suggests the next level up; name a higher level")


def _always_highest(item: Located[HelperRules], levels: dict[str, int],
                    indicators: dict[str, Indicator]) -> Iterator[Finding]:
    highest = max(levels.values())
    for index, indicator_id in enumerate(item.record.always_highest_level):
        indicator = indicators.get(indicator_id)
        if indicator is not None and levels.get(indicator.level) != highest:
            yield item.finding(("always_highest_level", index),
                               f"indicator '{indicator_id}' is at '{indicator.level}', not the highest level",
                               "place the indicator at the highest level, or take it off this list")


def result_size(context: Context) -> Iterator[Finding]:
    """A warning for a level, or an indicator, whose result would list more services than the partnership allows."""
    collected = context.collected
    partnerships = collected.of(Partnership)
    most = partnerships[0].record.max_services_in_result if partnerships else 12
    levels = {item.record.id: item.record for item in collected.of(Level)}
    advice = (f"keep the helper's result to {most} services or fewer: name fewer services on the level, or name "
              "only the services that apply on the indicator")
    for item in collected.of(Level):
        if len(set(item.record.services)) > most:
            yield item.finding(("services",), f"level '{item.record.id}' offers {len(set(item.record.services))} "
                                              f"services in every result, more than {most}", advice,
                               severity="warning")
    for indicator_item in collected.of(Indicator):
        indicator, level = indicator_item.record, levels.get(indicator_item.record.level)
        listed = set(indicator.services) | set(level.services if level else [])
        if len(listed) > most and level is not None and len(set(level.services)) <= most:
            yield indicator_item.finding(("services",), f"the result for indicator '{indicator.id}' would list "
                                                        f"{len(listed)} services, more than {most}", advice,
                                         severity="warning")
