"""Words as search sees them: normalised, split, stemmed, marked when negated, and widened by synonyms.

The browser's search core (``search-core.js``) applies the same rules to what a
practitioner types, and the Whoosh index is built from :func:`marked_terms`, so a word is
the same word in every search. Normalising, stemming and :func:`terms` are the core's
(``wording.py``), shared with the near-duplicate check and the synonym check.

Negation: in "there are no signs of self-harm" or "thoughts of suicide without a plan",
the words after "no" or "without" describe what is absent. They are marked with a
leading ``~`` ("~plan"), so a query about a plan does not find them, while a query that
says the same absence ("no plan") does. The scope ends at punctuation, at a word that
starts a new clause ("and", "but", "with" …) or after four content words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..wording import STOP_WORDS, joined, normalise, stem, terms, words

__all__ = [
    "FILLER",
    "NEGATED",
    "NEGATORS",
    "SCOPE_ENDS",
    "SCOPE_WORDS",
    "SKIPPED",
    "STOP_WORDS",
    "flagged_words",
    "joined",
    "marked_terms",
    "ngrams",
    "normalise",
    "stem",
    "synonym_phrases",
    "terms",
    "title_parts",
    "words",
]

NEGATED = "~"
# Words too common in a practitioner's sentence to say what it is about ("every time", "all the
# time", "keeps having"): left out of queries and records alike, as stop words are.
FILLER = frozenset(("him", "all", "any", "every", "very", "really", "just", "also", "about", "having", "had",
                    "does", "did", "do", "done", "can", "could", "would", "should", "might", "may", "must",
                    "being", "get", "gets", "got", "lot", "lots", "thing", "things", "time", "times", "happen",
                    "happens", "keep", "keeps", "always", "still", "again", "now", "then"))
SKIPPED = STOP_WORDS | FILLER
NEGATORS = frozenset(("no", "without", "nothing", "nobody", "none"))
SCOPE_ENDS = frozenset(("and", "but", "with", "while", "though", "although", "because", "so", "even", "which",
                        "who", "whose", "when", "unless", "until", "then", "however", "yet"))
SCOPE_WORDS = 4
_CLAUSE_BREAK = re.compile(r"[.;:!?,()\[\]\"]")
_RUN = re.compile(r"[a-z0-9'-]+")
_LETTER = re.compile(r"[a-z0-9]")


def flagged_words(text: str) -> list[tuple[str, bool]]:
    """Each word of ``text`` (as :func:`words` gives them, stop words kept) and whether it is negated.

    A negator itself is never negated; it only opens the scope of the words after it.
    """
    found: list[tuple[str, bool]] = []
    for segment in _CLAUSE_BREAK.split(normalise(text)):
        scope = 0
        for word in words(segment):
            if word in NEGATORS:
                found.append((word, False))
                scope = SCOPE_WORDS
                continue
            if word in SCOPE_ENDS:
                scope = 0
            found.append((word, scope > 0))
            if scope > 0 and word not in SKIPPED:
                scope -= 1
    return found


def marked_terms(text: str, with_joined: bool = True) -> list[str]:
    """The stems a text is indexed under, in order: stop words and negators left out, a hyphenated
    word also joined ("pre-birth" → "prebirth") right after its parts, and negated stems marked ``~``."""
    flags = iter(flagged_words(text))
    found: list[str] = []
    for segment in _CLAUSE_BREAK.split(normalise(text)):
        for run in _RUN.findall(segment):
            parts = words(run)
            marks = [next(flags)[1] for _ in parts]
            found += [_mark(stem(word), negated) for word, negated in zip(parts, marks, strict=True)
                      if word not in SKIPPED and word not in NEGATORS]
            pieces = [piece for piece in run.split("-") if _LETTER.search(piece)]
            if with_joined and len(pieces) > 1 and "".join(pieces) not in SKIPPED:
                found.append(_mark(stem("".join(pieces)), bool(marks) and marks[0]))
    return found


_TITLE_PARTS = re.compile(r" [-\u2013\u2014] |: |[()]")


def title_parts(title: str) -> list[list[str]]:
    """The parts of a title a practitioner may name it by, as stems without joined words: the whole
    title, then each part between " - ", ": " and brackets ("Was not brought", "LADO")."""
    parts = [marked_terms(part, with_joined=False) for part in _TITLE_PARTS.split(title)]
    return [marked_terms(title, with_joined=False), *(part for part in parts if part)]


def _mark(term: str, negated: bool) -> str:
    return NEGATED + term if negated else term


def synonym_phrases(groups: Iterable[Iterable[str]]) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """Each synonym, as a tuple of stems, mapped to every phrase of its group (itself included), each
    phrase as the stems it is indexed under (so "no school place" is "~school ~place")."""
    table: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for group in groups:
        pairs = [(key, tuple(marked_terms(term, with_joined=False))) for term in group for key in _keys(term)]
        pairs = [(key, phrase) for key, phrase in pairs if key and phrase]
        for key, _ in pairs:
            phrases = table.setdefault(key, [])
            for _, phrase in pairs:
                if phrase not in phrases:
                    phrases.append(phrase)
    return table


def _keys(term: str) -> list[tuple[str, ...]]:
    """How a synonym may be typed: as its words, and a hyphenated one also joined ("prebirth")."""
    keys = [tuple(stem(word) for word in words(term))]
    if "-" in term:
        keys.append(tuple(stem(word) for word in words(term.replace("-", ""))))
    return keys


def ngrams(stems: list[str], longest: int = 4) -> Iterator[tuple[int, int]]:
    """Every (start, end) run of up to ``longest`` words, longest first at each start."""
    for start in range(len(stems)):
        for end in range(min(len(stems), start + longest), start, -1):
            yield start, end
