"""Finding glossary terms in running text, so pages can link jargon to its explanation.

Practitioners from one agency meet another agency's acronyms (EHAT, TAF, s47) on every
page. Matching is case-sensitive and on whole words, because acronyms such as 'CIN'
or 'CP' would otherwise match inside ordinary words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..model import GlossaryTerm


@dataclass(frozen=True)
class Match:
    """One term found in a text: where it is, and the glossary entry it names."""

    start: int
    end: int
    term: GlossaryTerm


class TermIndex:
    """Every glossary term and alias, compiled into one pattern."""

    def __init__(self, glossary: Sequence[GlossaryTerm]) -> None:
        self._by_text: dict[str, GlossaryTerm] = {}
        for entry in glossary:
            for text in (entry.term, *entry.aliases):
                self._by_text.setdefault(text, entry)
        words = sorted(self._by_text, key=len, reverse=True)
        alternatives = "|".join(re.escape(word) for word in words)
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])") if words else None

    def find(self, text: str) -> Iterator[Match]:
        """Every whole-word occurrence of a term or alias in ``text``, left to right."""
        if self._pattern is None:
            return
        for found in self._pattern.finditer(text):
            yield Match(found.start(), found.end(), self._by_text[found.group(0)])
