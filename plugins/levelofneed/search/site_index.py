"""The site's search index: compact records for our search worker, written as search/search_index.json.

Material's search box loads ``search/search_index.json`` on every page and hands it to
the search worker named in the page's configuration. We keep Material's box and result
list, write our own compact index in that file, and name our own worker
(``search-worker.js``) in the page configuration (ADR 11). Each record is a short row:
kind, address, title, text, keywords, level and area, so a phone downloads far less than
Material's page-by-page index. ``config`` stays as Material's own highlighter reads it.
"""

from __future__ import annotations

from typing import Any

from ..guidance import Guidance
from ..labels import level_label
from .documents import SearchRecord, records
from .text import terms

INDEX_FILE = "search/search_index.json"
KIND_CODES = {"indicator": "i", "procedure": "p", "topic": "t", "briefing": "b", "level": "l", "page": "h",
              "service": "s", "term": "g", "domain": "d", "subdomain": "u", "age": "a"}
MATERIAL_CONFIG = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]}


def site_index(guidance: Guidance) -> dict[str, Any]:
    """The whole index document."""
    levels = {level.id: position for position, level in enumerate(guidance.levels)}
    tones = _tones(len(guidance.levels))
    groups: dict[str, int] = {}
    rows = [_row(record, levels, groups) for record in records(guidance)]
    ours = {
        "levels": [[level_label(level), tones[position], level.number]
                   for position, level in enumerate(guidance.levels)],
        "groups": list(groups),
        "records": rows,
        "synonyms": [[term.lower() for term in group.terms] for group in guidance.synonyms],
    }
    return {"config": {**MATERIAL_CONFIG, "levelofneed": ours}, "docs": []}


def _tones(count: int) -> list[int]:
    """The same colour tones the pages use, 1 to 4, spread over however many levels there are."""
    return [1] if count == 1 else [1 + round(index * 3 / (count - 1)) for index in range(count)]


def _row(record: SearchRecord, levels: dict[str, int], groups: dict[str, int]) -> list[Any]:
    group = -1
    if record.subdomain and record.domain:
        group = groups.setdefault(f"{record.subdomain} ({record.domain})", len(groups))
    keywords = "|".join(" ".join(terms(keyword)) for keyword in record.keywords)
    return [KIND_CODES[record.kind], record.location, record.title, " ".join(terms(record.text)), keywords,
            levels.get(record.level or "", -1), group]
