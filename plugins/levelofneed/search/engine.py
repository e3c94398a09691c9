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
from .query import QUALITY, Alternative, Clause, Spelling, parse
from .ranking import NAMED_INDICATOR, NAMED_PAGE, static_boost
from .text import synonym_phrases


@dataclass(frozen=True)
class Result:
    """One result: the record, its final score, and how many of the query's clauses it matched."""

    record: SearchRecord
    score: float
    matched: int
    clauses: int


class Searcher:
    """The guidance's Whoosh index (cached under ``cache``) and what the queries need beside it."""

    def __init__(self, guidance: Guidance, cache: Path) -> None:
        self.records = records(guidance)
        self.index = index.open_index(self.records, cache)
        self.synonyms = synonym_phrases(group.terms for group in guidance.synonyms)
        self.average_title = index.average_title(self.records)

    @cached_property
    def frequencies(self) -> dict[str, int]:
        return index.document_frequencies(self.index)

    @cached_property
    def weighting(self) -> index.Weighting:
        return index.Weighting(self.frequencies, len(self.records))

    @cached_property
    def rarity(self) -> dict[str, float]:
        return self.weighting.rarity

    @cached_property
    def spelling(self) -> Spelling:
        return Spelling(self.frequencies)

    def similar_words(self, word: str) -> list[str]:
        """Words the guidance uses one edit from ``word`` (two for words of eight letters or more)."""
        return self.spelling.near(word)

    def clauses(self, text: str) -> list[Clause]:
        return parse(text, self.frequencies, self.synonyms, self.similar_words)

    def search(self, text: str, level: str | None = None, age: str | None = None, limit: int = 10) -> list[Result]:
        """The best ``limit`` results for ``text``, optionally only indicators at ``level`` or for ``age``."""
        clauses = self.clauses(text)
        if not clauses:
            return []
        weighted = [[(alternative.stems, QUALITY[alternative.quality]) for alternative in clause.alternatives]
                    for clause in clauses]
        found = [self._rank(_record(stored), features, clauses) for stored, features in
                 index.run(self.index, weighted, self.weighting, level, age)]
        found.sort(key=lambda result: (-result.matched, -result.score, result.record.title))
        return found[:limit]

    def _rank(self, record: SearchRecord, features: dict[str, Any], clauses: list[Clause]) -> Result:
        weights: dict[str, float] = features["weights"]
        scores = [max((self._alternative(alternative, weights) for alternative in clause.alternatives), default=0.0)
                  for clause in clauses]
        boost = static_boost(record)
        if names(record.kind, features, clauses):
            boost *= NAMED_INDICATOR if record.kind == "indicator" else NAMED_PAGE
        return Result(record, sum(scores) * boost, sum(1 for score in scores if score > 0), len(clauses))

    def _alternative(self, alternative: Alternative, weights: dict[str, float]) -> float:
        if not all(term in weights for term in alternative.stems):
            return 0.0
        total = sum(weights[term] * self.rarity.get(term, 0.0) for term in alternative.stems)
        return total * QUALITY[alternative.quality]


def _record(stored: dict[str, Any]) -> SearchRecord:
    return SearchRecord(**{**stored, "keywords": tuple(stored["keywords"]), "ages": tuple(stored["ages"])})


def names(kind: str, features: dict[str, Any], clauses: list[Clause]) -> bool:
    """Whether the query names this record, which then ranks up.

    A page is named when every clause is in its title and they make up at least half of
    it ("escalation"); an indicator, when the query is exactly one of its keywords: the
    words its editors said practitioners use for it.
    """
    if kind == "indicator":
        return any(_covered(set(stems), clauses) == set(stems) for stems in features["keywords"] if stems)
    title = set(features["title"])
    used = _covered(title, clauses)
    return used is not None and len(used) * 2 >= len(title)


def _covered(words: set[str], clauses: list[Clause]) -> set[str] | None:
    """The stems of ``words`` the clauses use, or None when some clause is not among them."""
    used: set[str] = set()
    for clause in clauses:
        inside = [alternative for alternative in clause.alternatives if set(alternative.stems) <= words]
        if not inside:
            return None
        used.update(inside[0].stems)
    return used
