"""What a sentence says beyond its words: the child's age, an adult partner, the kind of page asked for.

A practitioner writes "13 year old girl with 19 year old boyfriend". Read as words, "year"
and "old" find every indicator written for a "16 or 17 year old"; read as ages, the query
is about a child of 13 and an adult. So ages are taken out of the words and steer the
ranking instead: indicators written for that age rank up, and those written only for
other ages rank down. An age of 18 or more beside a child's is an adult partner, and the
query then also asks for "adult". A query that names a kind of page ("… procedure",
"… briefing") ranks pages of that kind first.

The browser's search core (``search-core.js``) reads queries by the same rules; each
indicator's ages are worked out here, once, and written into the site's index.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Indicator
from .text import flagged_words

ADULT = 18
SCHOOL_YEARS = range(1, 14)
_AGE_UNITS = ("year", "years", "yr", "yrs")
_ADULT_WORDS = frozenset(("twenties", "thirties", "forties", "fifties"))
# The stems of words that name a kind of page, and the record kind each names.
KIND_STEMS = {"procedur": "procedure", "brief": "briefing", "servic": "service", "topic": "topic",
              "glossary": "term", "mean": "term", "definition": "term", "defin": "term"}
_BANDS = {"unborn": (-1, -1), "0-4": (0, 4), "5-11": (5, 11), "12-17": (12, 17), "18-25": (18, 25)}
_UNDER = re.compile(r"\bunder (1[0-7]|[1-9])\b(?! (?:weeks?|months?|days?|hours?))")
_SPAN = re.compile(r"\b(?:aged?|a|an) (\d{1,2}) (?:to|or|and) (\d{1,2})\b|\b(\d{1,2}) ?(?:to|or|-) ?(\d{1,2}) years?\b")
_SINGLE = re.compile(r"\b(?:a|an) (\d{1,2}) years? old\b|\baged (\d{1,2})\b")


@dataclass
class Ages:
    """The ages a query names: the children's (under 18), and whether an adult is named."""

    child: tuple[int, int] | None = None
    adult: bool = False
    used: set[int] = field(default_factory=set)  # positions of the words that said so


def query_ages(words: list[str]) -> Ages:
    """The ages in a query's words ("13 year old", "13yo", "aged 13", "year 8" at school)."""
    found: list[tuple[int, int]] = []
    ages = Ages()
    at = 0
    while at < len(words):
        span, width = _age_at(words, at)
        if span is None:
            ages.adult = ages.adult or words[at] in _ADULT_WORDS
            at += 1
            continue
        ages.used.update(range(at, at + width))
        if span[0] >= ADULT:
            ages.adult = True
        else:
            found.append(span)
        at += width
    if found:
        ages.child = (min(low for low, _ in found), max(high for _, high in found))
    return ages


def _age_at(words: list[str], at: int) -> tuple[tuple[int, int] | None, int]:
    """The age the words at ``at`` state, and how many words state it."""
    word = words[at]
    following = words[at + 1:at + 3]
    plain = re.fullmatch(r"(\d{1,2})(yo|yrs?)?", word)
    if plain and plain.group(2):
        return _one(int(plain.group(1))), 1
    if plain and following[:1] == ["yo"]:
        return _one(int(word)), 2
    if plain and following[:1] and following[0] in _AGE_UNITS:
        # "13 years old" or "13 years of age"; "5 years ago" is a time, not a child of 5.
        if following[1:2] == ["old"]:
            return _one(int(word)), 3
        if words[at + 2:at + 4] == ["of", "age"]:
            return _one(int(word)), 4
        return None, 1
    if word == "aged" and following[:1] and following[0].isdigit():
        return _one(int(following[0])), 2
    if word == "year" and following[:1] and following[0].isdigit() and int(following[0]) in SCHOOL_YEARS:
        year = int(following[0])
        return (year + 4, year + 5), 2
    return None, 1


def _one(age: int) -> tuple[int, int]:
    return age, age


def indicator_ages(indicator: Indicator) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The ages an indicator is written for: (its age bands, the ages its text states).

    Bands are what editors declared, so a query about a child outside them ranks the
    indicator down. Stated ages ("under 13", "aged 13 to 15", "a 16 or 17 year old") can sit
    in a list of alternatives ("an adult is involved, or the child is under 13"), so they only
    ever rank an indicator up. Ages in a negated clause ("no one under 13") are not stated.
    Either is None when not given.
    """
    bands = [_BANDS[band] for band in indicator.age_bands if band in _BANDS]
    banded = (min(b[0] for b in bands), max(b[1] for b in bands)) if bands else None
    said = " ".join(word for word, negated in flagged_words(indicator.text) if not negated)
    stated = list(_stated_ages(said))
    return banded, (min(low for low, _ in stated), max(high for _, high in stated)) if stated else None


def _stated_ages(text: str) -> Iterable[tuple[int, int]]:
    for match in _UNDER.finditer(text):
        yield 0, int(match.group(1)) - 1
    for match in _SPAN.finditer(text):
        first, second = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        if int(first) <= int(second):
            yield int(first), int(second)
    for match in _SINGLE.finditer(text):
        age = int(match.group(1) or match.group(2))
        yield age, age


def age_fit(banded: tuple[int, int] | None, stated: tuple[int, int] | None, child: tuple[int, int] | None) -> int:
    """+1 when an indicator states the query's child's age, -1 when its bands leave that age out, else 0."""
    if child is None:
        return 0
    if banded is not None and not _overlap(banded, child):
        return -1
    return 1 if stated is not None and _overlap(stated, child) else 0


def _overlap(first: tuple[int, int], second: tuple[int, int]) -> bool:
    return first[0] <= second[1] and second[0] <= first[1]


def page_kinds(stems: list[str]) -> set[str]:
    """The kinds of page a query's stems name ("missing from home procedure" names procedures)."""
    return {KIND_STEMS[term] for term in stems if term in KIND_STEMS}
