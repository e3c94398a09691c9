"""Synonyms search can use safely: one that comes down to a common word matches almost everything.

Search compares stems, after dropping stop words. A synonym that comes down to one stem found in
many indicators stands for nothing in particular: "in care" in the looked-after group is searched
as "car" (the stem of "care"), in nearly one indicator in five, so a search for "looked after"
brought up basic care (issue 22). The check warns about such a synonym so an editor chooses a
phrase that keeps its meaning. How common a stem is, is measured on at most the first
:data:`SAMPLE` indicators, so the check costs the same at any size of guidance.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model import Indicator, SynonymGroup
from ..wording import terms
from .context import Context

SAMPLE = 500
TOO_COMMON = 0.10
# On fewer indicators a share says nothing about how common a word is: in a new partnership's
# starter (levelofneed init), 2 of its 16 indicators are already over a tenth.
MIN_SAMPLE = 20


def synonym_stems(context: Context) -> Iterator[Finding]:
    """A warning for each synonym that search reads as one stem found in over a tenth of the indicators."""
    groups = context.collected.of(SynonymGroup)
    wanted = {stems[0] for item in groups for _, stems in _single_stems(item.record)}
    if not wanted:
        return
    indicators = [item.record for item in context.collected.of(Indicator)[:SAMPLE]]
    if len(indicators) < MIN_SAMPLE:
        return
    found = dict.fromkeys(wanted, 0)
    for indicator in indicators:
        for stem in wanted & set(terms(" ".join([indicator.text, *indicator.keywords]))):
            found[stem] += 1
    for item in groups:
        for index, stems in _single_stems(item.record):
            share = found[stems[0]] / len(indicators) if indicators else 0.0
            if share > TOO_COMMON:
                term = item.record.terms[index]
                yield item.finding(("terms", index), f"synonym '{term}' is searched as '{stems[0]}', which is in "
                                                     f"{share:.0%} of indicators: too common to stand for "
                                                     f"'{item.record.id}'",
                                   "use a longer phrase that keeps the meaning, or remove it", severity="warning")


def _single_stems(group: SynonymGroup) -> Iterator[tuple[int, list[str]]]:
    for index, term in enumerate(group.terms):
        stems = terms(term)
        if len(stems) == 1:
            yield index, stems
