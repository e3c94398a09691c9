"""The Whoosh index behind ``levelofneed search`` and "similar indicators": the only module importing Whoosh.

Records are indexed as the stems :mod:`.text` makes, so the command line and the site's
search worker see the same words. The index is cached on disk under a key made from the
records themselves: new content means a new key, so a cached index is never stale, and
a 100× guidance does not pay for a new index on every call (ADR 11).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import os
import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from whoosh import fields, index
from whoosh.analysis.tokenizers import SpaceSeparatedTokenizer
from whoosh.filedb.filestore import RamStorage
from whoosh.query.compound import And, Or
from whoosh.query.qcore import Query
from whoosh.query.terms import Term

from .documents import SearchRecord
from .text import marked_terms, title_parts

FORMAT = "levelofneed-search-11"  # change when the schema or the analysis changes: old caches are then ignored
WEIGHTS = {"title": 3.0, "keywords": 2.5, "text": 1.0}


def _schema() -> fields.Schema:
    """Each record's stems in one field, for finding candidates; ``features`` keeps what the ranking
    needs (the weights, the title's stems and parts, each keyword's stems, the word pairs), so a
    query never has to read words again. Whoosh finds; the engine ranks (ADR 19)."""
    return fields.Schema(
        id=fields.ID(stored=True, unique=True), kind=fields.ID(stored=True), level=fields.ID(stored=True),
        ages=fields.KEYWORD(stored=True, commas=True),
        words=fields.TEXT(analyzer=SpaceSeparatedTokenizer(), phrase=False),
        record=fields.STORED(), features=fields.STORED())


def stem_weights(record: SearchRecord, average_title: float) -> dict[str, float]:
    """Each stem of a record and its weight (the worker computes the same)."""
    title = marked_terms(record.title)
    weights: dict[str, float] = {}
    for field, found in (("title", title), ("keywords", [t for k in record.keywords for t in marked_terms(k)]),
                         ("text", marked_terms(record.text))):
        weight = WEIGHTS[field] * (title_norm(len(title), average_title) if field == "title" else 1.0)
        for term in set(found):
            weights[term] = weights.get(term, 0.0) + weight
    return weights


def word_pairs(record: SearchRecord) -> set[str]:
    """Each two stems written next to each other in the title, a keyword or the text ("suicid thought"):
    words that sit together in a record outrank the same words scattered in it."""
    sequences = [marked_terms(record.title), *(marked_terms(keyword) for keyword in record.keywords),
                 marked_terms(record.text)]
    return {f"{first} {second}" for found in sequences for first, second in itertools.pairwise(found)}


def average_title(records: list[SearchRecord]) -> float:
    """The average number of stems in a title, which title weights are measured against."""
    return sum(len(marked_terms(record.title)) for record in records) / max(1, len(records))


def title_norm(length: float, average: float) -> float:
    """How much one word of a title counts: less in a long title."""
    return 1.0 / (0.75 + 0.25 * length / average)


def content_key(records: list[SearchRecord]) -> str:
    """A name for the index that changes whenever the records (or the index format) change."""
    text = json.dumps([FORMAT, [asdict(record) for record in records]], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def open_index(records: list[SearchRecord], cache: Path) -> index.Index:
    """The index of ``records`` from ``cache``, built there first if it is not already.

    When the cache cannot be written (a read-only checkout), the index is built in memory:
    slower, but search still works.
    """
    folder = cache / content_key(records)
    if index.exists_in(str(folder)):
        return index.open_dir(str(folder))
    try:
        cache.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=".building-", dir=cache))
    except OSError:
        return _fill(RamStorage().create_index(_schema()), records)  # type: ignore[no-untyped-call]
    try:
        _fill(index.create_in(str(building), _schema()), records)
        os.replace(building, folder)
    except OSError:
        shutil.rmtree(building, ignore_errors=True)
        if not index.exists_in(str(folder)):  # another process may have built it meanwhile
            raise
    return index.open_dir(str(folder))


def _fill(empty: index.Index, records: list[SearchRecord]) -> index.Index:
    average = average_title(records)
    with empty.writer() as writer:
        for record in records:
            writer.add_document(**_document(record, average))
    return empty


def _document(record: SearchRecord, average_title: float) -> dict[str, Any]:
    weights = stem_weights(record, average_title)
    words = " ".join(weights)
    features = {"weights": weights, "title": [sorted(set(part)) for part in title_parts(record.title)],
                "keywords": [sorted(set(marked_terms(keyword))) for keyword in record.keywords],
                "pairs": sorted(word_pairs(record))}
    return {"id": record.id, "kind": record.kind, "level": record.level or "", "ages": ",".join(record.ages) or "all",
            "words": words, "record": asdict(record), "features": features}


def document_frequencies(opened: index.Index) -> dict[str, int]:
    """How many records hold each stem: rare stems say most. Its keys are the index's vocabulary."""
    with opened.reader() as reader:
        return {_text(term): reader.doc_frequency("words", term) for term in reader.lexicon("words")}


def _text(term: bytes | str) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term


def run(opened: index.Index, clauses: list[list[tuple[str, ...]]], level: str | None, age: str | None) -> list[int]:
    """Every candidate's document number, in the records' order: each record holding all the stems of
    some alternative (a tuple of stems) of some clause. The engine ranks them; Whoosh only finds
    them, so it is asked for no scores.
    """
    wanted = Or([Or([_alternative(stems) for stems in clause]) for clause in clauses])
    with opened.searcher() as searcher:
        return sorted(searcher.search(wanted, limit=None, scored=False, filter=_filter(level, age)).docs())


def stored(opened: index.Index, numbers: list[int]) -> dict[int, tuple[dict[str, Any], dict[str, Any]]]:
    """The record and the ranking features stored for each document number."""
    with opened.searcher() as searcher:
        fields = {number: searcher.stored_fields(number) for number in numbers}
    return {number: (found["record"], found["features"]) for number, found in fields.items()}


def _alternative(stems: tuple[str, ...]) -> Query:
    per_stem = [Term("words", term) for term in stems]
    return per_stem[0] if len(per_stem) == 1 else And(per_stem)


def _filter(level: str | None, age: str | None) -> Query | None:
    """Only indicators, at ``level`` or for ``age``, when either is given."""
    parts: list[Query] = []
    if level:
        parts.append(Term("level", level))
    if age:
        parts.append(Or([Term("ages", age), Term("ages", "all")]))
    return And([Term("kind", "indicator"), *parts]) if parts else None


def rarity(frequencies: dict[str, int], records: int) -> dict[str, float]:
    """How much each stem says: log(1 + records / records holding it), as the site's core computes it."""
    return {term: math.log(1 + records / count) for term, count in frequencies.items()}
