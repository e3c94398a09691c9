"""Words as search sees them: normalised, split, stemmed, and widened by the guidance's synonyms.

The browser's search worker (``search-worker.js``) applies the same rules to what a
practitioner types, and the Whoosh index is built from :func:`terms`, so a word is the
same word in every search. Normalising and stemming are the core's (``wording.py``),
shared with the near-duplicate check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..wording import STOP_WORDS, normalise, stem, words

__all__ = ["STOP_WORDS", "joined", "ngrams", "normalise", "stem", "synonym_phrases", "terms", "words"]

# Runs of letters, digits and hyphens. A pattern for "words joined by hyphens" backtracked on a
# long word with no hyphen (40 KB took 44 s); this one cannot, and the joining is done in Python.
_HYPHEN_RUN = re.compile(r"[a-z0-9-]+")


def joined(text: str) -> list[str]:
    """Hyphenated words written together too, so 'pre-birth' also matches 'prebirth'."""
    found = []
    for run in _HYPHEN_RUN.findall(normalise(text)):
        parts = [part for part in run.split("-") if part]
        if len(parts) > 1:
            found.append("".join(parts))
    return found


def terms(text: str) -> list[str]:
    """The stems a text is indexed under: its words without stop words, and its hyphenated words joined."""
    return [stem(word) for word in (*words(text), *joined(text)) if word not in STOP_WORDS]


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
