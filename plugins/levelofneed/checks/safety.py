"""Checks that keep the highest-risk advice complete: what to do first, and whether to tell the family.

An indicator at the highest level is where a practitioner most needs a specific first step,
and where the level's general steps (which include telling the parents) can do harm, so each
must say what to do first (issue 20). A topic that says its families must not be told first
is a prompt to every one of its indicators above the lowest level: each must say so itself,
with whom to ask, because the advice is shown per indicator and is never inherited (ADR 16).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model import Indicator, Level, Topic
from .context import Context


def first_actions(context: Context) -> Iterator[Finding]:
    """Every indicator at the highest level says what to do first."""
    levels = {item.record.id: item.record.number for item in context.collected.of(Level)}
    if not levels:
        return
    highest = max(levels.values())
    if list(levels.values()).count(highest) > 1 or highest == min(levels.values()):
        return  # the levels check reports a number used twice; one level has no "highest" to single out
    for item in context.collected.of(Indicator):
        indicator = item.record
        if levels.get(indicator.level) == highest and not indicator.first_actions:
            yield item.finding(("level",), f"indicator '{indicator.id}' is at the highest level but has no "
                                           "first_actions",
                               "add first_actions: the first one or two things to do for this indicator, "
                               "naming contacts as ((id))")


def do_not_alert_family(context: Context) -> Iterator[Finding]:
    """A warning for each indicator, above the lowest level, of a topic whose families must not be told first."""
    collected = context.collected
    levels = {item.record.id: item.record.number for item in collected.of(Level)}
    marked = {item.record.id for item in collected.of(Topic) if item.record.do_not_alert_family}
    if not levels or not marked:
        return
    lowest = min(levels.values())
    for item in collected.of(Indicator):
        indicator = item.record
        topic = next((t for t in indicator.topics if t in marked), None)
        if topic and levels.get(indicator.level, lowest) > lowest and not indicator.do_not_alert_family:
            yield item.finding(("topics",), f"indicator '{indicator.id}' is in topic '{topic}', whose families "
                                            "must not be told first, but does not say so itself",
                               "add do_not_alert_family with advice_from and why, as the topic has",
                               severity="warning")
