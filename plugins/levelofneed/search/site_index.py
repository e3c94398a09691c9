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
from ..render import paths
from ..views import Views
from ..wording import ENDINGS
from .documents import SearchRecord, records
from .index import WEIGHTS
from .query import ADULT_STEMS, LITERAL, QUALITY
from .ranking import (
    AGE_FIT,
    COVERAGE_POWER,
    KIND_WEIGHT,
    LEVEL_STEP,
    MOST_NAMED,
    NAMED_INDICATOR,
    NAMED_PAGE,
    PROXIMITY,
    SHORT_QUERY,
    TITLED_PAGES,
)
from .text import NEGATORS, SCOPE_ENDS, SCOPE_WORDS, SKIPPED, marked_terms
from .understand import ADULT, KIND_STEMS, SCHOOL_YEARS

INDEX_FILE = paths.SEARCH_INDEX
KIND_CODES = {"indicator": "i", "procedure": "p", "topic": "t", "briefing": "b", "level": "l", "page": "h",
              "service": "s", "term": "g", "domain": "d", "subdomain": "u", "age": "a"}
MATERIAL_CONFIG = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]}


# What a result that is not an indicator is, as the result list says under its title.
KIND_LABELS = {"procedure": "Procedure", "topic": "Topic", "briefing": "7-minute briefing", "level": "Level",
               "page": "Helper", "service": "Service", "term": "Glossary", "domain": "Area of the child's life",
               "subdomain": "Area of the child's life", "age": "Indicators by age"}
MAX_RESULTS = 20


def rules() -> dict[str, Any]:
    """Every number and word list the browser's search core reads: the same ones the command line
    uses (``wording``, ``index``, ``query``, ``ranking``), written once, here, into the index."""
    return {
        "stop_words": sorted(SKIPPED), "endings": list(ENDINGS), "negators": sorted(NEGATORS),
        "scope_ends": sorted(SCOPE_ENDS), "scope_words": SCOPE_WORDS, "adult": ADULT,
        "school_years": [SCHOOL_YEARS.start, SCHOOL_YEARS.stop - 1], "adult_stems": list(ADULT_STEMS),
        "kind_stems": {term: KIND_CODES[kind] for term, kind in KIND_STEMS.items()},
        "titled_pages": [KIND_CODES[kind] for kind in TITLED_PAGES], "literal": sorted(LITERAL),
        "coverage_power": COVERAGE_POWER, "proximity": PROXIMITY, "short_query": SHORT_QUERY, "most_named": MOST_NAMED,
        "age_fit": {str(fit): factor for fit, factor in AGE_FIT.items()},
        "field_weights": [WEIGHTS["title"], WEIGHTS["keywords"], WEIGHTS["text"]],
        "kind_weights": {KIND_CODES[kind]: weight for kind, weight in KIND_WEIGHT.items()},
        "quality": QUALITY, "level_step": LEVEL_STEP, "named_page": NAMED_PAGE,
        "named_indicator": NAMED_INDICATOR, "max_results": MAX_RESULTS,
        "kind_labels": {KIND_CODES[kind]: label for kind, label in KIND_LABELS.items()},
    }


def site_index(guidance: Guidance) -> dict[str, Any]:
    """The whole index document."""
    views = Views(guidance)
    levels = {level.id: position for position, level in enumerate(guidance.levels)}
    groups: dict[str, int] = {}
    rows = [_row(record, levels, groups) for record in records(guidance)]
    ours = {
        "rules": rules(),
        "levels": [[level_label(level), views.tone(level), level.number] for level in guidance.levels],
        "groups": list(groups),
        "records": rows,
        "synonyms": [[term.lower() for term in group.terms] for group in guidance.synonyms],
        "senses": [[group.ambiguous, group.context, group.terms] for group in guidance.synonyms if group.ambiguous],
    }
    return {"config": {**MATERIAL_CONFIG, "levelofneed": ours}, "docs": []}


def _row(record: SearchRecord, levels: dict[str, int], groups: dict[str, int]) -> list[Any]:
    group = -1
    if record.subdomain and record.domain:
        group = groups.setdefault(f"{record.subdomain} ({record.domain})", len(groups))
    keywords = "|".join(" ".join(marked_terms(keyword)) for keyword in record.keywords)
    row = [KIND_CODES[record.kind], record.location, record.title, " ".join(marked_terms(record.text)), keywords,
           levels.get(record.level or "", -1), group]
    if record.banded_ages or record.stated_ages:
        row += [list(record.banded_ages or ()), list(record.stated_ages or ())]
    return row
