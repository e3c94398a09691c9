"""Search as the command line and the quality suite use it: a query in, records out, best first.

Whoosh finds the candidates (every record holding any alternative of any clause: all of
them, so no record the site's search would rank is left out); this module decides what
the query means (:mod:`.query`) and the final order, with exactly the rules of the site's
search core (``search-core.js``): a clause scores by
its best alternative; a result matching more clauses ranks first; then a page the query
names ranks up, and an indicator ranks up a little with its level of need; ties go by title.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from ..guidance import Guidance
from . import index
from .documents import SearchRecord, records
from .query import LITERAL, QUALITY, Alternative, Clause, Parsed, Spelling, parse, senses_of
from .ranking import (
    AGE_FIT,
    COVERAGE_POWER,
    MOST_NAMED,
    NAMED_INDICATOR,
    NAMED_PAGE,
    PROXIMITY,
    SHORT_QUERY,
    TITLED_PAGES,
    static_boost,
)
from .text import NEGATED, synonym_phrases, words
from .understand import age_fit


@dataclass(frozen=True)
class Result:
    """One result: the record, its final score, how many of the query's clauses it matched, and
    whether the query names it (a page of the kind asked for: 2; any other page: 1)."""

    record: SearchRecord
    score: float
    matched: int
    clauses: int
    named: int = 0


class Searcher:
    """The guidance's Whoosh index (cached under ``cache``) and what the queries need beside it."""

    def __init__(self, guidance: Guidance, cache: Path) -> None:
        self.records = records(guidance)
        self.index = index.open_index(self.records, cache)
        self.synonyms = synonym_phrases(group.terms for group in guidance.synonyms)
        self.senses = senses_of(guidance.synonyms)
        self.average_title = index.average_title(self.records)
        self._kept: dict[int, tuple[SearchRecord, dict[str, Any]]] = {}

    @cached_property
    def frequencies(self) -> dict[str, int]:
        return index.document_frequencies(self.index)

    @cached_property
    def vocabulary(self) -> set[str]:
        """The words the guidance uses, negated or not: what spelling and joining compare with."""
        return {term.removeprefix(NEGATED) for term in self.frequencies}

    @cached_property
    def rarity(self) -> dict[str, float]:
        return index.rarity(self.frequencies, len(self.records))

    @cached_property
    def spelling(self) -> Spelling:
        return Spelling(self.vocabulary)

    def similar_words(self, word: str) -> list[str]:
        """Words the guidance uses one edit from ``word`` (two for words of eight letters or more)."""
        return self.spelling.near(word)

    def parsed(self, text: str) -> Parsed:
        return parse(text, self.vocabulary, self.synonyms, self.similar_words, self.senses)

    def clauses(self, text: str) -> list[Clause]:
        return self.parsed(text).clauses

    def search(self, text: str, level: str | None = None, age: str | None = None, limit: int = 10) -> list[Result]:
        """The best ``limit`` results for ``text``, optionally only indicators at ``level`` or for ``age``."""
        query = self.parsed(text)
        if not query.clauses:
            return []
        wanted = [[alternative.stems for alternative in clause.alternatives] for clause in query.clauses]
        kept = [self._kept[number] for number in self._candidates(wanted, level, age)]
        scored = [(record, features, self._clause_scores(features, query.clauses)) for record, features in kept]
        worth = [self._worth(clause) if any(scores[at] > 0 for _, _, scores in scored) else 0.0
                 for at, clause in enumerate(query.clauses)]
        found = [self._rank(record, features, scores, query, worth) for record, features, scores in scored]
        found = [result for result in found if result.matched]
        short = len(words(text)) <= SHORT_QUERY
        return reassure_last(named_first(found, short))[:limit]

    def _candidates(self, wanted: list[list[tuple[str, ...]]], level: str | None, age: str | None) -> list[int]:
        """The candidates' document numbers, their stored fields read once and kept: a hub answering
        many queries reads each record once, not once per query (bench/README.md)."""
        numbers = index.run(self.index, wanted, level, age)
        missing = [number for number in numbers if number not in self._kept]
        for number, (record, features) in index.stored(self.index, missing).items():
            self._kept[number] = (_record(record), {**features, "pairs": set(features["pairs"])})
        return numbers

    def _clause_scores(self, features: dict[str, Any], clauses: list[Clause]) -> list[float]:
        weights: dict[str, float] = features["weights"]
        return [0.0 if _about(clause.excluded, weights) else
                max((self._alternative(alternative, weights) for alternative in clause.alternatives), default=0.0)
                for clause in clauses]

    def _worth(self, clause: Clause) -> float:
        """What a clause says: its rarest word. A result covering the rare words of a sentence
        outranks one covering its common ones ("toddler … scald" over "keeps … changing")."""
        return max((self.rarity.get(term, 0.0) for alternative in clause.alternatives for term in alternative.stems),
                   default=0.0)

    def _rank(self, record: SearchRecord, features: dict[str, Any], scores: list[float], query: Parsed,
              worth: list[float]) -> Result:
        matched = sum(1 for score in scores if score > 0)
        coverage = sum(value for value, score in zip(worth, scores, strict=True) if score > 0) / max(sum(worth), 1e-9)
        boost = static_boost(record) * coverage ** COVERAGE_POWER
        boost *= AGE_FIT[age_fit(record.banded_ages, record.stated_ages, query.ages.child)]
        boost *= 1 + PROXIMITY * together(query.clauses, scores, features["pairs"])
        # A record the query names holds every clause (or the clause is another sense's): skip the rest.
        whole = matched == len(scores) or any(clause.excluded for clause in query.clauses)
        named = names(record.kind, features, query.clauses) if whole else 0
        if named:
            boost *= NAMED_INDICATOR if record.kind == "indicator" else NAMED_PAGE
        tier = 0
        if named > 1 and record.kind in TITLED_PAGES and (record.kind != "term" or "term" in query.kinds):
            tier = (len(TITLED_PAGES) if record.kind in query.kinds else 0) + len(TITLED_PAGES) - \
                TITLED_PAGES.index(record.kind)
        return Result(record, sum(scores) * boost, matched, len(query.clauses), tier)

    def _alternative(self, alternative: Alternative, weights: dict[str, float]) -> float:
        if not all(term in weights for term in alternative.stems):
            return 0.0
        total = sum(weights[term] * self.rarity.get(term, 0.0) for term in alternative.stems)
        return total * QUALITY[alternative.quality]


def together(clauses: list[Clause], scores: list[float], pairs: set[str]) -> float:
    """The share of the query's neighbouring clauses (both matched) whose words the record writes
    next to each other: "suicidal thoughts" together, not "suicide" here and "thoughts" there."""
    if len(clauses) < 2:
        return 0.0
    adjacent = sum(1 for at in range(len(clauses) - 1) if scores[at] > 0 and scores[at + 1] > 0 and any(
        f"{first.stems[-1]} {second.stems[0]}" in pairs
        for first in clauses[at].alternatives for second in clauses[at + 1].alternatives))
    return adjacent / (len(clauses) - 1)


def named_first(found: list[Result], short: bool) -> list[Result]:
    """The results in order: the first pages the query clearly names (at most two), then the rest by
    the plain order: for a short query, results matching more of its words first; then the score."""
    plain = sorted(found, key=lambda result: (-result.matched if short else 0,
                                              -result.score, result.record.title))
    named = sorted((result for result in plain if result.named), key=lambda result: -result.named)[:MOST_NAMED]
    return [*named, *(result for result in plain if result not in named)]


def reassure_last(found: list[Result]) -> list[Result]:
    """A level 1 indicator (needs met: "no signs of …") is never the first indicator shown while an
    indicator at a higher level also matched: the higher one moves up to just before it."""
    indicators = [at for at, result in enumerate(found) if result.record.kind == "indicator"]
    if not indicators or found[indicators[0]].record.level_number != 1:
        return found
    higher = next((at for at in indicators if found[at].record.level_number > 1), None)
    if higher is None:
        return found
    first = indicators[0]
    return [*found[:first], found[higher], *(result for at, result in enumerate(found[first:], first) if at != higher)]


def _about(phrases: list[tuple[str, ...]], weights: dict[str, float]) -> bool:
    return any(all(term in weights for term in phrase) for phrase in phrases)


def _record(stored: dict[str, Any]) -> SearchRecord:
    spans = {name: tuple(stored[name]) if stored.get(name) else None for name in ("banded_ages", "stated_ages")}
    return SearchRecord(**{**stored, "keywords": tuple(stored["keywords"]), "ages": tuple(stored["ages"]), **spans})


def names(kind: str, features: dict[str, Any], clauses: list[Clause]) -> int:
    """How clearly the query names this record, which then ranks up: 0 not, 1 named, 2 clearly.

    A page is named when every clause is in its title and they make up at least half of
    it ("escalation"). It is clearly named when, besides, every clause is there as written
    (not only by a synonym) and they make up more than half of the title, or at least half
    of one part of it: "Was not brought" in "Was not brought - children cannot take
    themselves to appointments", "LADO" in "… (LADO)". An indicator is named when the query
    is exactly one of its keywords: the words its editors said practitioners use for it.
    """
    if kind == "indicator":
        return int(any(_covered(set(stems), clauses) == set(stems) for stems in features["keywords"] if stems))
    whole, *parts = (set(part) for part in features["title"])
    used = _covered(whole, clauses)
    if used is None:
        return 0
    clearly = _literally_in(whole, clauses) and (len(used) * 2 > len(whole) or any(
        (inside := _covered(part, clauses)) is not None and len(inside) * 2 >= len(part) for part in parts))
    return 2 if clearly else 1 if len(used) * 2 >= len(whole) else 0


def _covered(words: set[str], clauses: list[Clause]) -> set[str] | None:
    """The stems of ``words`` the clauses use (every alternative that fits), or None when some clause
    is not among them."""
    used: set[str] = set()
    for clause in clauses:
        inside = [alternative for alternative in clause.alternatives if set(alternative.stems) <= words]
        if not inside:
            return None
        for alternative in inside:
            used.update(alternative.stems)
    return used


def _literally_in(title: set[str], clauses: list[Clause]) -> bool:
    """Whether every clause is in the title as written (or spelled nearly so), not only by a synonym:
    "LADO" is in "Allegations against staff (LADO)", but "hungry" is not in "Neglect"."""
    return all(any(alternative.quality in LITERAL and set(alternative.stems) <= title
                   for alternative in clause.alternatives) for clause in clauses)
