"""The search-quality suite's shared parts: the queries, scoring, and driving the site's search box.

Scores follow the issue: a query is a hit when one of its expected results is among the
first five distinct results shown (recall@5); MRR is the mean of 1/rank of the first
expected result (0 when none is in the first five).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

QUERIES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "search" / "queries.yaml").read_text())
TOP = 5
_PAGE = re.compile(r"(indicators|procedures|topics|briefings)/([a-z0-9-]+)/$")
_KINDS = {"procedures": "procedure:", "topics": "topic:", "briefings": "briefing:", "indicators": ""}


@dataclass(frozen=True)
class Score:
    recall: float
    mrr: float
    misses: list[str]


def score(results: list[list[str]]) -> Score:
    """recall@5 and MRR of ``results`` (ids in the order shown, one list per query in QUERIES)."""
    hits, reciprocal, misses = 0, 0.0, []
    for entry, found in zip(QUERIES, results, strict=True):
        ranks = [rank for rank, result in enumerate(distinct(found)[:TOP], 1) if result in entry["hits"]]
        if ranks:
            hits += 1
            reciprocal += 1 / ranks[0]
        else:
            misses.append(f"{entry['query']!r}: got {distinct(found)[:TOP]}")
    return Score(hits / len(QUERIES), reciprocal / len(QUERIES), misses)


def distinct(found: list[str]) -> list[str]:
    return list(dict.fromkeys(found))


def result_id(href: str) -> str:
    """A search result's address as the suite names it: an indicator id, 'procedure:escalation' …"""
    path = href.split("?")[0]
    page, _, anchor = path.partition("#")
    if page.rstrip("/").endswith("services") and anchor:
        return f"service:{anchor}"
    found = _PAGE.search(page)
    return _KINDS[found.group(1)] + found.group(2) if found else path


READ_RESULTS = """() => [...document.querySelectorAll('.md-search-result__list > li')]
    .map(item => item.querySelector('a').getAttribute('href'))"""


def site_results(page: Any, query: str) -> list[str]:
    """Type ``query`` into the site's search box, as a practitioner does, and read the results in order."""
    search = page.locator("input.md-search__input")
    search.fill("")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim() !== ''")
    search.fill(query)
    search.press("End")
    page.wait_for_function(
        """q => { const meta = document.querySelector('.md-search-result__meta').textContent;
                  return document.querySelector('input.md-search__input').value === q &&
                         /matching|No matching/i.test(meta); }""", arg=query)
    return [result_id(href) for href in page.evaluate(READ_RESULTS)]
