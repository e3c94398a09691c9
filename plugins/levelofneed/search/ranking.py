"""How much a record counts before any query: its kind, and for an indicator its level.

Shared by the Whoosh index (which multiplies each record's word weights by it, so its
candidates come in nearly the final order) and the engine's final ranking. The search
worker (``search-worker.js``) holds the same numbers.
"""

from __future__ import annotations

from .documents import SearchRecord

KIND_WEIGHT = {"indicator": 1.0, "procedure": 0.95, "topic": 0.9, "briefing": 0.85, "level": 0.7, "page": 0.7,
               "service": 0.6, "term": 0.55, "domain": 0.5, "subdomain": 0.5, "age": 0.4}
LEVEL_STEP = 0.08  # an indicator counts 8% more for each level above the first
NAMED_PAGE = 1.6  # a page whose title the query names
NAMED_INDICATOR = 1.3  # an indicator one of whose keywords the query is


def static_boost(record: SearchRecord) -> float:
    """The record's weight before the query: indicators first, higher levels a little higher."""
    boost = KIND_WEIGHT.get(record.kind, 0.5)
    if record.kind == "indicator":
        boost *= 1 + LEVEL_STEP * (record.level_number - 1)
    return boost
COVERAGE_POWER = 1.0  # a result's score × (weighted share of the query's clauses it matched) ** this
SHORT_QUERY = 3  # in a query of up to this many words, a result matching more of them always ranks first
AGE_FIT = {1: 1.3, 0: 1.0, -1: 0.5}  # an indicator stating the child's age; neither; banded for other ages
# Pages a query can name by their title, in the order they come when several are named: a procedure
# says what to do, a briefing why, a topic lists the indicators, a service whom to call, a glossary
# term what a word means.
TITLED_PAGES = ("procedure", "briefing", "topic", "service", "term")
MOST_NAMED = 2  # at most this many named pages come before the indicators
PROXIMITY = 0.3  # up to 30% more for a record that writes all the query's neighbouring words together
