"""Similar indicators at other levels: what the same worry looks like one level down or up.

Computed at build time from the search records, with the weights and rarities the Whoosh
index scores with (:func:`.index.stem_weights`, ``ln(1 + N / df)``), so "similar" means
what search means. It does not open Whoosh: one query per indicator took about 7 ms,
which would add minutes to a large build. Instead each indicator is compared only with
the indicators at other levels that share its sub-domain or one of its topics, where
the same worry is written at each level, as cosine similarity of weighted stems: small
dot products (bench/README.md gives the cost). For each other level the most similar indicator is kept
when it shares enough, and the single closest when none does; ties go to the smaller id,
so every build publishes the same links.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from ..guidance import Guidance
from .documents import SearchRecord, records
from .index import average_title, stem_weights

MIN_SIMILARITY = 0.1  # below this, two indicators share little more than their sub-domain's name

Vector = dict[str, float]


def similar_indicators(guidance: Guidance) -> dict[str, tuple[str, ...]]:
    """Each indicator's id → the most similar indicator at each other level, in level order."""
    every = records(guidance)
    vectors = _vectors(every)
    by_id = {record.id: record for record in every if record.kind == "indicator"}
    groups: dict[str, list[str]] = defaultdict(list)
    for indicator in guidance.indicators:
        for key in (f"subdomain:{indicator.subdomain}", *(f"topic:{topic}" for topic in indicator.topics)):
            groups[key].append(indicator.id)
    similar: dict[str, tuple[str, ...]] = {}
    for indicator in guidance.indicators:
        keys = (f"subdomain:{indicator.subdomain}", *(f"topic:{topic}" for topic in indicator.topics))
        candidates = {other for key in keys for other in groups[key]}
        similar[indicator.id] = _best_per_level(by_id[indicator.id], [by_id[other] for other in candidates], vectors)
    return similar


def _best_per_level(record: SearchRecord, group: list[SearchRecord], vectors: dict[str, Vector]) -> tuple[str, ...]:
    """The best match at each other level that shares enough; failing any, the one best match."""
    best: dict[int, tuple[float, str]] = {}
    for other in group:
        if other.level_number == record.level_number:
            continue
        score = cosine(vectors[record.id], vectors[other.id])
        current = best.get(other.level_number)
        if score > 0 and (current is None or (-score, other.id) < (-current[0], current[1])):
            best[other.level_number] = (score, other.id)
    close = [number for number in sorted(best) if best[number][0] >= MIN_SIMILARITY]
    if not close and best:
        close = [min(best, key=lambda number: (-best[number][0], best[number][1]))]
    return tuple(best[number][1] for number in close)


def _vectors(every: list[SearchRecord]) -> dict[str, Vector]:
    """Each indicator's stems, weighted as the index weighs them and by their rarity, of length 1."""
    average = average_title(every)
    weights = {record.id: stem_weights(record, average) for record in every}
    frequency = Counter(term for record_weights in weights.values() for term in record_weights)
    rarity = {term: math.log(1 + len(every) / count) for term, count in frequency.items()}
    vectors = {}
    for record in every:
        if record.kind != "indicator":
            continue
        vector = {term: weight * rarity[term] for term, weight in weights[record.id].items()}
        length = math.sqrt(sum(value * value for value in vector.values())) or 1.0
        vectors[record.id] = {term: value / length for term, value in vector.items()}
    return vectors


def cosine(first: Vector, second: Vector) -> float:
    """The cosine of two unit vectors: the sum over the stems they share."""
    if len(second) < len(first):
        first, second = second, first
    return sum(value * second[term] for term, value in first.items() if term in second)

