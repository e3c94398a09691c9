"""A practitioner's query as clauses: each a set of alternative phrases, every phrase a list of stems.

The same rules as the browser's search worker (``search-worker.js``): a run of words that
is one of the guidance's synonyms stands for its whole group ("DV" → "domestic abuse",
"domestic violence" …); two words written apart that the guidance writes together are
also tried joined ("pre birth" → "prebirth"), and a word the guidance never uses is tried
split ("selfharm" → "self harm"), one or two edits away ("negelct" → "neglect") and, for the
last word of four letters or more, as the start of a longer word. Stop words are dropped
unless the query is nothing else.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field

from ..model import SynonymGroup
from .text import NEGATED, NEGATORS, SKIPPED, flagged_words, marked_terms, stem, words
from .understand import KIND_STEMS, Ages, page_kinds, query_ages

QUALITY = {"exact": 1.0, "canonical": 0.95, "synonym": 0.75, "joined": 0.9, "fuzzy": 0.7, "prefix": 0.6,
           "absent": 0.4}
ADULT_STEMS = ("adult",)
LITERAL = frozenset(("exact", "joined", "fuzzy"))  # alternatives that are what the practitioner wrote


@dataclass(frozen=True)
class Alternative:
    """One way a clause can match: every stem must be in the record."""

    stems: tuple[str, ...]
    quality: str


@dataclass
class Clause:
    """One thing the practitioner asked for, the ways it can be found, and the records it must not count
    on (``excluded``: a record holding all the stems of one of these phrases is about another sense)."""

    alternatives: list[Alternative] = field(default_factory=list)
    width: int = 1
    stop: bool = False
    excluded: list[tuple[str, ...]] = field(default_factory=list)


@dataclass(frozen=True)
class Sense:
    """A word that means a synonym group only beside one of its context words ("cutting" and FGM)."""

    words: frozenset[tuple[str, ...]]
    context: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]


@dataclass
class Parsed:
    """A query as search reads it: its clauses, the ages it names, and the kinds of page it asks for."""

    clauses: list[Clause]
    ages: Ages = field(default_factory=Ages)
    kinds: set[str] = field(default_factory=set)


SynonymTable = dict[tuple[str, ...], list[tuple[str, ...]]]


def senses_of(groups: Iterable[SynonymGroup]) -> list[Sense]:
    """The ambiguous words of the guidance's synonym groups, each with its context and its phrases."""
    return [Sense(frozenset(tuple(stem(word) for word in words(term)) for term in group.ambiguous),
                  frozenset(stem(word) for term in group.context for word in words(term)),
                  tuple(phrase for term in group.terms if (phrase := tuple(marked_terms(term, with_joined=False)))))
            for group in groups if group.ambiguous]


def parse(query: str, vocabulary: Collection[str], synonyms: SynonymTable,
          similar: Callable[[str], list[str]], senses: Sequence[Sense] = ()) -> Parsed:
    """The clauses of ``query``. ``similar`` finds vocabulary words one or two edits away."""
    flagged = flagged_words(query)
    ages = query_ages([word for word, _ in flagged])
    kept = [(stem(word), negated) for at, (word, negated) in enumerate(flagged) if at not in ages.used]
    skipped = [word in SKIPPED or word in NEGATORS for at, (word, _) in enumerate(flagged) if at not in ages.used]
    stems = [term for term, _ in kept]
    found: list[Clause] = []
    at = 0
    while at < len(stems):
        clause = _synonym_at(stems, at, synonyms) or _word_clause(stems, at, vocabulary, similar, skipped[at])
        _apply_senses(clause, tuple(stems[at:at + clause.width]), set(stems), senses)
        if kept[at][1]:
            clause.alternatives = _negated(clause.alternatives)
        found.append(clause)
        at += clause.width
    content = [clause for clause in found if not clause.stop]
    kinds = page_kinds(stems)
    if kinds and len(content) > 1:
        content = [clause for clause in content if _single(clause) not in KIND_STEMS]
    if ages.adult:
        content.append(Clause([Alternative(ADULT_STEMS, "synonym")]))
    return Parsed(content or found, ages, kinds)


def _single(clause: Clause) -> str | None:
    first = clause.alternatives[0].stems if clause.alternatives else ()
    return first[0] if len(first) == 1 and clause.width == 1 else None


def _negated(alternatives: list[Alternative]) -> list[Alternative]:
    """A clause the query negates ("no marks") finds the same absence ("~mark") first, and the
    word itself only weakly."""
    marked = [Alternative(tuple(_mark(term) for term in alternative.stems), alternative.quality)
              for alternative in alternatives]
    return marked + [Alternative(alternative.stems, "absent") for alternative in alternatives
                     if not any(term.startswith(NEGATED) for term in alternative.stems)]


def _mark(term: str) -> str:
    return term if term.startswith(NEGATED) else NEGATED + term


def _apply_senses(clause: Clause, written: tuple[str, ...], stems: set[str], senses: Iterable[Sense]) -> None:
    """An ambiguous word takes a sense's phrases beside a context word, and otherwise never counts
    on a record about that sense."""
    for sense in senses:
        if written not in sense.words:
            continue
        if sense.context & stems:
            clause.alternatives += [Alternative(phrase, "synonym") for phrase in sense.phrases]
        else:
            clause.excluded += list(sense.phrases)


def _synonym_at(stems: list[str], start: int, synonyms: SynonymTable) -> Clause | None:
    for end in range(min(len(stems), start + 4), start, -1):
        written = tuple(stems[start:end])
        phrases = synonyms.get(written)
        if phrases:
            alternatives = [Alternative(phrase, _synonym_quality(phrase, written, index))
                            for index, phrase in enumerate(phrases)]
            return Clause(alternatives, end - start)
    return None


def _synonym_quality(phrase: tuple[str, ...], written: tuple[str, ...], index: int) -> str:
    plain = tuple(term.removeprefix(NEGATED) for term in phrase)
    typed = tuple(term for term in written if term not in SKIPPED and term not in NEGATORS)
    if plain == typed or "".join(plain) == "".join(typed):
        return "exact"
    return "canonical" if index == 0 else "synonym"


def _word_clause(stems: list[str], at: int, vocabulary: Collection[str],
                 similar: Callable[[str], list[str]], skipped: bool) -> Clause:
    word = stems[at]
    following = stems[at + 1] if at + 1 < len(stems) else None
    alternatives = [Alternative((word,), "exact")]
    if following and word + following in vocabulary:
        alternatives += [Alternative((word + following,), "joined"), Alternative((word, following), "exact")]
        return Clause(alternatives, 2)
    if word not in vocabulary:
        alternatives += _split(word, vocabulary)
        alternatives += [Alternative((term,), "fuzzy") for term in similar(word)]
        if at == len(stems) - 1 and len(word) >= 4:
            longer = sorted(term for term in vocabulary if term.startswith(word) and term != word)[:20]
            alternatives += [Alternative((term,), "prefix") for term in longer]
    return Clause(alternatives, 1, stop=skipped)


def _split(word: str, vocabulary: Collection[str]) -> list[Alternative]:
    """'selfharm' → 'self harm', when both halves are words the guidance uses."""
    found = []
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], stem(word[cut:])
        if head in vocabulary and tail in vocabulary:
            found.append(Alternative((head, tail), "joined"))
    return found


class Spelling:
    """The words the guidance uses, looked up by their letter pairs, to correct a misspelling.

    A word one edit from another shares all but at most three of its letter pairs with it
    (a swap of two letters breaks three), so only words sharing enough pairs are compared
    letter by letter; short words, where that bound says nothing, are compared with every
    word of a similar length. The result is exactly what comparing with every word gives.
    """

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self.pairs: dict[str, list[tuple[str, int]]] = defaultdict(list)
        self.by_length: dict[int, list[str]] = defaultdict(list)
        for term in vocabulary:
            self.by_length[len(term)].append(term)
            for pair, count in _pairs(term).items():
                self.pairs[pair].append((term, count))

    def near(self, word: str) -> list[str]:
        """Words one edit from ``word`` (two for words of eight letters or more), in order."""
        if len(word) < 4:
            return []
        limit = 2 if len(word) >= 8 else 1
        if len(word) - 1 - 3 * limit <= 0:
            candidates = [term for size in range(len(word) - limit, len(word) + limit + 1)
                          for term in self.by_length[size]]
        else:
            shared: Counter[str] = Counter()
            for pair, count in _pairs(word).items():
                for term, other in self.pairs.get(pair, ()):
                    shared[term] += min(count, other)
            candidates = [term for term, common in shared.items() if abs(len(term) - len(word)) <= limit
                          and common >= max(len(term), len(word)) - 1 - 3 * limit]
        return sorted(term for term in candidates if edit_distance(word, term, limit) <= limit)


def _pairs(word: str) -> Counter[str]:
    return Counter(word[i:i + 2] for i in range(len(word) - 1))


def edit_distance(first: str, second: str, limit: int) -> int:
    """Optimal string alignment distance, or ``limit + 1`` as soon as it must exceed ``limit``."""
    previous2: list[int] = []
    previous = list(range(len(second) + 1))
    for i in range(1, len(first) + 1):
        current = [i]
        for j in range(1, len(second) + 1):
            cost = 0 if first[i - 1] == second[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and first[i - 1] == second[j - 2] and first[i - 2] == second[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
