"""Words as search sees them: normalised, split, stemmed, and widened by the guidance's synonyms.

The browser's search worker (``search-worker.js``) applies the same rules to what a
practitioner types, and the Whoosh index is built from :func:`terms`, so a word is the
same word in every search. Normalising, stemming and :func:`terms` are the core's
(``wording.py``), shared with the near-duplicate check and the synonym check.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..wording import STOP_WORDS, joined, normalise, stem, terms, words

__all__ = ["STOP_WORDS", "joined", "ngrams", "normalise", "stem", "synonym_phrases", "terms", "words"]


def synonym_phrases(groups: Iterable[Iterable[str]]) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """Each synonym, as a tuple of stems, mapped to every phrase of its group (itself included)."""
    table: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for group in groups:
        phrases = [tuple(stem(word) for word in words(term)) for term in group]
        phrases = [phrase for phrase in phrases if phrase]
        for phrase in phrases:
            table.setdefault(phrase, [])
            table[phrase] += [other for other in phrases if other not in table[phrase]]
    return table


def ngrams(stems: list[str], longest: int = 4) -> Iterator[tuple[int, int]]:
    """Every (start, end) run of up to ``longest`` words, longest first at each start."""
    for start in range(len(stems)):
        for end in range(min(len(stems), start + longest), start, -1):
            yield start, end
