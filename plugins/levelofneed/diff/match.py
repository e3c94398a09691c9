"""Pairing indicators whose ids differ but whose wording is alike.

Two partnerships rarely share ids, and an editor may give a reworded indicator a new
id; pairing by wording still shows that the same worry sits at a different level. The
measure is the overlap of the two texts' words (the Dice coefficient over word sets,
common words left out), found through an index of words so that comparing two large
guidances does not compare every indicator with every other.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

SIMILAR = 0.6  # at or above this share of words in common, two texts describe the same thing
_WORD = re.compile(r"[a-z0-9]+")
_COMMON = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in", "is", "it", "its",
    "no", "not", "of", "on", "or", "than", "that", "the", "their", "them", "they", "this", "to", "was", "who", "with"))


def words(text: str) -> frozenset[str]:
    """The words of a text that carry its meaning, lower-cased."""
    return frozenset(word for word in _WORD.findall(text.lower()) if word not in _COMMON)


def pair_by_text(before: Sequence[str], after: Sequence[str],
                 threshold: float = SIMILAR) -> list[tuple[int, int, float]]:
    """Pairs (index in ``before``, index in ``after``, similarity), best first, each side used once."""
    before_words = [words(text) for text in before]
    index: dict[str, list[int]] = defaultdict(list)
    for position, found in enumerate(before_words):
        for word in found:
            index[word].append(position)
    candidates: list[tuple[float, int, int]] = []
    for position, found in enumerate(words(text) for text in after):
        shared = Counter(other for word in found for other in index.get(word, ()))
        for other, count in shared.items():
            score = 2 * count / (len(found) + len(before_words[other]))
            if score >= threshold:
                candidates.append((score, other, position))
    pairs: list[tuple[int, int, float]] = []
    used_before: set[int] = set()
    used_after: set[int] = set()
    for score, other, position in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if other not in used_before and position not in used_after:
            used_before.add(other)
            used_after.add(position)
            pairs.append((other, position, score))
    return pairs
