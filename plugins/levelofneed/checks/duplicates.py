"""Near-duplicate indicators: two at the same level that say nearly the same thing.

A practitioner cannot tell which of two such indicators applies, and a change made to
one is easily missed in the other. Two indicators are near-duplicates when their
words (stemmed, stop words left out) have a Jaccard similarity of at least
:data:`THRESHOLD`. The pairs are found with prefix filtering, so the pass stays cheap at
100× content: only indicators that share one of their rarest words are ever compared
(bench/README.md gives the cost).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from ..findings import Finding
from ..model import Indicator
from ..validate import Located
from ..wording import content_stems
from .context import Context

THRESHOLD = 0.5
MIN_WORDS = 4  # shorter texts share half their words too easily to mean anything


def near_duplicates(context: Context) -> Iterator[Finding]:
    """One warning per pair of near-duplicate indicators, at the first, naming the second."""
    collected = context.collected
    by_level: dict[str, list[tuple[Located[Indicator], frozenset[str]]]] = defaultdict(list)
    for item in collected.records["indicators"]:
        stems = frozenset(content_stems(item.record.text))
        if len(stems) >= MIN_WORDS:
            by_level[item.record.level].append((item, stems))
    for items in by_level.values():
        for first, second, similarity in similar_pairs([stems for _, stems in items], THRESHOLD):
            yield _finding(items[first][0], items[second][0], similarity)


def _finding(first: Located[Indicator], second: Located[Indicator], similarity: float) -> Finding:
    line, column = first.document.position_of(first.path)
    other_line, other_column = second.document.position_of(second.path)
    return Finding(
        first.document.path, line, column, "warning",
        f"indicator '{first.record_id}' says nearly the same as '{second.record_id}' at the same level "
        f"({second.document.path}:{other_line}:{other_column}; {similarity:.0%} of their words are shared)",
        "make clear in the text how the two differ, or merge them into one indicator")


def similar_pairs(sets: Sequence[frozenset[str]], threshold: float) -> list[tuple[int, int, float]]:
    """Every pair (i, j, similarity), i < j, whose Jaccard similarity is at least ``threshold``.

    Sets are read smallest first, each in one global order, rarest word first. Two sets
    that are ``threshold`` alike share at least ``threshold × len`` words of the larger, so
    they must share a word among its first ``len - ceil(threshold × len) + 1`` (the probe)
    and, since the smaller set was indexed by its first
    ``len - ceil(2 × threshold / (1 + threshold) × len) + 1`` words, one of those too.
    Only sets meeting that way are compared (the AllPairs algorithm).
    """
    frequency = Counter(word for words in sets for word in words)
    indexed: dict[str, list[int]] = defaultdict(list)
    pairs: list[tuple[int, int, float]] = []
    for position in sorted(range(len(sets)), key=lambda i: (len(sets[i]), i)):
        words, size = sets[position], len(sets[position])
        ordered = sorted(words, key=lambda word: (frequency[word], word))
        shortest = threshold * size
        candidates = {other for word in ordered[: size - math.ceil(threshold * size) + 1]
                      for other in indexed.get(word, ()) if len(sets[other]) >= shortest}
        for other in candidates:
            shared = len(words & sets[other])
            similarity = shared / (size + len(sets[other]) - shared)
            if similarity >= threshold:
                pairs.append((min(position, other), max(position, other), similarity))
        for word in ordered[: size - math.ceil(2 * threshold / (1 + threshold) * size) + 1]:
            indexed[word].append(position)
    return sorted(pairs)
