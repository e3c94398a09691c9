"""Coverage of the guidance: how many indicators sit in each sub-domain × level and topic × level cell.

An empty cell is a gap a practitioner would fall into: nothing to compare their
worry with at that level. The report is written to docs/coverage.md as heat-map
tables (`levelofneed coverage`), and the tests hold the default content to the rules.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..guidance import Guidance
from ..labels import level_label
from ..render.text import escape

MIN_PER_SUBDOMAIN_CELL = 2
MIN_BRIEFING_INDICATORS = 3


@dataclass(frozen=True)
class Matrix:
    """Rows (sub-domains or topics) × levels, each cell an indicator count."""

    title: str
    row_names: tuple[tuple[str, str], ...]  # (id, name)
    level_names: tuple[tuple[str, str], ...]
    counts: dict[tuple[str, str], int]
    # Cells a row says it has no indicator at by its nature (a topic's not_at_levels): not gaps.
    exempt: frozenset[tuple[str, str]] = frozenset()

    def empty_cells(self) -> list[tuple[str, str]]:
        return [(row, level) for row, _ in self.row_names for level, _ in self.level_names
                if not self.counts.get((row, level)) and (row, level) not in self.exempt]

    def cells_below(self, minimum: int) -> list[tuple[str, str, int]]:
        return [(row, level, self.counts.get((row, level), 0)) for row, _ in self.row_names
                for level, _ in self.level_names if self.counts.get((row, level), 0) < minimum]


def _levels(guidance: Guidance) -> tuple[tuple[str, str], ...]:
    return tuple((level.id, level_label(level)) for level in guidance.levels)


def subdomain_matrix(guidance: Guidance) -> Matrix:
    """Indicators per sub-domain and level, sub-domains in domain order."""
    counts = Counter((i.subdomain, i.level) for i in guidance.indicators)
    rows = tuple((sub.id, f"{domain.name}: {sub.name}") for domain in guidance.domains for sub in domain.subdomains)
    return Matrix("Sub-domain × level", rows, _levels(guidance), dict(counts))


def topic_matrix(guidance: Guidance) -> Matrix:
    """Indicators per topic and level; a level the topic says it has none at is not a gap."""
    counts = Counter((topic, i.level) for i in guidance.indicators for topic in i.topics)
    rows = tuple((topic.id, topic.name) for topic in guidance.topics)
    exempt = frozenset((topic.id, level) for topic in guidance.topics if topic.not_at_levels
                       for level in topic.not_at_levels.levels)
    return Matrix("Topic × level", rows, _levels(guidance), dict(counts), exempt)


def unreferenced_procedures(guidance: Guidance) -> list[str]:
    """Procedures that no level, topic, indicator or safety question links to."""
    used = {p for group in (guidance.levels, guidance.topics, guidance.indicators, guidance.safety_questions)
            for record in group for p in record.procedures}
    return [p.id for p in guidance.procedures if p.id not in used]


def thin_briefings(guidance: Guidance) -> list[str]:
    """Briefings linked to fewer indicators than a team can discuss."""
    return [b.id for b in guidance.briefings if len(b.indicators) < MIN_BRIEFING_INDICATORS]


def _shade(count: int) -> str:
    """A heat-map band; the count is always printed too, so colour is never the only signal."""
    if count == 0:
        return "cov-0"
    return "cov-1" if count < MIN_PER_SUBDOMAIN_CELL else ("cov-2" if count < 5 else "cov-3")


def _matrix_table(matrix: Matrix) -> list[str]:
    head = "".join(f"<th scope=\"col\">{escape(name)}</th>" for _, name in matrix.level_names)
    # The scroll box keeps a wide table from pushing a phone's page sideways; it is focusable so
    # keyboard users can scroll it too.
    label = escape(matrix.title)
    lines = [f"## {matrix.title}", "",
             f'<div class="lon-table-scroll" role="region" aria-label="{label}" tabindex="0">',
             '<table class="coverage">',
             f"<thead><tr><th scope=\"col\">{matrix.title.split(' ×')[0]}</th>{head}</tr></thead>", "<tbody>"]
    for row_id, row_name in matrix.row_names:
        cells = "".join(
            f'<td class="{_shade(n)}">{n if n else _empty(matrix, row_id, level)}</td>'
            for level, n in ((level, matrix.counts.get((row_id, level), 0)) for level, _ in matrix.level_names))
        lines.append(f"<tr><th scope=\"row\">{escape(row_name)}</th>{cells}</tr>")
    return [*lines, "</tbody>", "</table>", "</div>", ""]


def _empty(matrix: Matrix, row_id: str, level: str) -> str:
    return "0 (none by design)" if (row_id, level) in matrix.exempt else "0 (gap)"


def _rule(guidance: Guidance) -> str:
    """The partnership's own rule for sub-domains (``partnership.coverage``), which ``check`` holds it to."""
    rules = guidance.partnership.coverage
    if rules is None or not rules.min_per_subdomain_cell:
        return "The partnership sets no minimum per cell."
    return f"The partnership's rule for sub-domains: at least {rules.min_per_subdomain_cell} indicators in every cell."


def render_coverage(guidance: Guidance) -> str:
    """docs/coverage.md: both matrices as heat-map tables, with a summary of gaps."""
    subdomains, topics = subdomain_matrix(guidance), topic_matrix(guidance)
    gaps = len(subdomains.empty_cells()) + len(topics.empty_cells())
    lines = [
        "# Coverage of the guidance", "",
        "<!-- Generated by `levelofneed coverage docs/coverage.md`. Do not edit by hand. -->", "",
        f"{len(guidance.indicators)} indicators across {len(subdomains.row_names)} sub-domains, "
        f"{len(topics.row_names)} topics and {len(guidance.levels)} levels. "
        f"Each cell counts the indicators in it; {gaps} cell{'s are' if gaps != 1 else ' is'} empty. "
        f"{_rule(guidance)}", "",
        "Shading: none for an empty cell, light for fewer than 2, medium for 2 to 4, dark for 5 or more.", "",
    ]
    return "\n".join([*lines, *_matrix_table(subdomains), *_matrix_table(topics)]).rstrip() + "\n"
