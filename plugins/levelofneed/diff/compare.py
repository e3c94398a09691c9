"""Two Guidance → what changed, as data: pure, so ``diff`` and ``compare`` share it and tests need no git.

Records are matched by id (by ``version`` for the changelog), every registered kind
included, so a kind added to the registry is compared without a change here.
Indicators left over on both sides are then paired by similar wording (see
:mod:`.match`). An indicator whose level *number* differs is a move, reported first:
comparing level numbers rather than ids lets two partnerships whose level ids differ
be compared, and it is the number a practitioner acts on. Contacts, which live inside
the partnership settings, are compared as records of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from ..guidance import Guidance
from ..labels import level_label, record_name
from ..model import KINDS, Indicator
from .fields import FieldChange, field_changes
from .match import pair_by_text

Status = Literal["added", "removed", "changed"]
CONTACTS = "contacts"
# The order of the report's sections; any other kind follows, in registry order.
SECTIONS = ("indicators", CONTACTS, "services", "procedures", "briefings", "safety_questions", "helper")


@dataclass(frozen=True)
class RecordChange:
    """A record added, removed or changed. ``was_id`` is the base side's id when the record was matched
    by its wording rather than its id, with the ``similarity`` of the two wordings."""

    kind: str
    id: str
    name: str
    status: Status
    fields: tuple[FieldChange, ...] = ()
    level: str = ""  # an added or removed indicator's level, as 'Level 2: Additional needs'
    was_id: str | None = None
    similarity: float | None = None

    @property
    def reworded(self) -> bool:
        """An indicator whose own text changed."""
        return any(change.path == "text" for change in self.fields)


@dataclass(frozen=True)
class Move:
    """An indicator placed at a different level: the change a reviewer must see first."""

    id: str
    text: str
    before: str  # 'Level 2: Additional needs'
    after: str
    was_id: str | None = None


@dataclass(frozen=True)
class Changes:
    """Everything that differs, moves first; records in report order."""

    moves: tuple[Move, ...] = ()
    records: tuple[RecordChange, ...] = field(default_factory=tuple)

    @property
    def empty(self) -> bool:
        return not self.moves and not self.records

    def of(self, kind: str) -> list[RecordChange]:
        """The changes to records of one kind."""
        return [change for change in self.records if change.kind == kind]


def compare(base: Guidance, head: Guidance) -> Changes:
    """What changed from ``base`` to ``head``."""
    moves, indicators = _indicators(base, head)
    records = [*indicators, *_records(CONTACTS, _contacts(base), _contacts(head), "id")]
    for kind in KINDS:
        if kind.key != "indicators":
            skip = frozenset({CONTACTS}) if kind.key == "partnership" else frozenset()
            single = not (kind.many or kind.one_per_file)  # the one partnership, the one set of rules
            records += _records(kind.key, base.records[kind.key], head.records[kind.key], kind.id_field, skip,
                                single)
    order: dict[str, int] = {}
    for kind_key in (*SECTIONS, *KINDS.names()):
        order.setdefault(kind_key, len(order))
    records.sort(key=lambda change: order[change.kind])
    return Changes(tuple(moves), tuple(records))


def _contacts(guidance: Guidance) -> tuple[Any, ...]:
    return tuple(guidance.partnership.contacts)


def _dump(record: Any) -> dict[str, Any]:
    data: dict[str, Any] = record.model_dump(mode="json", exclude_none=True)
    return data


def _records(kind: str, before: Iterable[Any], after: Iterable[Any], id_field: str,
             skip: frozenset[str] = frozenset(), single: bool = False) -> list[RecordChange]:
    """Records matched by id; a kind with one record (partnership settings) matches it whatever its id."""
    def key(record: Any) -> str:
        return "" if single else str(getattr(record, id_field))

    old, new = {key(record): record for record in before}, {key(record): record for record in after}
    found = [_change(kind, record, id_field, "added") for name, record in new.items() if name not in old]
    found += [_change(kind, record, id_field, "removed") for name, record in old.items() if name not in new]
    for name, record in new.items():
        if name in old:
            changes = field_changes(_dump(old[name]), _dump(record), skip if single else skip | {id_field})
            if changes:
                found.append(_change(kind, record, id_field, "changed", tuple(changes)))
    return found


def _change(kind: str, record: Any, id_field: str, status: Status,
            fields: tuple[FieldChange, ...] = ()) -> RecordChange:
    return RecordChange(kind, str(getattr(record, id_field)), record_name(record), status, fields)


def _indicators(base: Guidance, head: Guidance) -> tuple[list[Move], list[RecordChange]]:
    old, new = base.indicator_by_id, head.indicator_by_id
    pairs: list[tuple[Indicator, Indicator, float | None]] = [(old[key], new[key], None) for key in new if key in old]
    removed = [indicator for key, indicator in old.items() if key not in new]
    added = [indicator for key, indicator in new.items() if key not in old]
    matched = pair_by_text([i.text for i in removed], [i.text for i in added])
    pairs += [(removed[b], added[a], score) for b, a, score in matched]
    moves: list[Move] = []
    found: list[RecordChange] = []
    for before, after, score in pairs:
        move, change = _indicator(base, head, before, after, score)
        moves += [move] if move else []
        found += [change] if change else []
    paired_old = {b for b, _, _ in matched}
    paired_new = {a for _, a, _ in matched}
    found += [_one_sided(head, item, "added") for index, item in enumerate(added) if index not in paired_new]
    found += [_one_sided(base, item, "removed") for index, item in enumerate(removed) if index not in paired_old]
    return moves, found


def _indicator(base: Guidance, head: Guidance, before: Indicator, after: Indicator,
               score: float | None) -> tuple[Move | None, RecordChange | None]:
    old_level, new_level = base.level_by_id[before.level], head.level_by_id[after.level]
    was = before.id if before.id != after.id else None
    move = None
    if old_level.number != new_level.number:
        move = Move(after.id, record_name(after), level_label(old_level), level_label(new_level), was)
    changes = field_changes(_dump(before), _dump(after), frozenset({"id", "level"}))
    if not changes and was is None:
        return move, None
    return move, RecordChange("indicators", after.id, record_name(after), "changed", tuple(changes),
                              was_id=was, similarity=round(score, 2) if score is not None else None)


def _one_sided(guidance: Guidance, indicator: Indicator, status: Status) -> RecordChange:
    level = level_label(guidance.level_by_id[indicator.level])
    return RecordChange("indicators", indicator.id, record_name(indicator), status, level=level)


def summary(changes: Changes) -> dict[str, dict[str, int]]:
    """How many records of each kind were added, removed or changed (and indicators moved, reworded)."""
    counts: dict[str, dict[str, int]] = {}
    if changes.moves:
        counts["indicators"] = {"moved": len(changes.moves)}
    for change in changes.records:
        kind = counts.setdefault(change.kind, {})
        status = "reworded" if change.reworded else change.status
        kind[status] = kind.get(status, 0) + 1
    return counts


def kinds_in_order(changes: Changes) -> Iterator[str]:
    """Each kind with a change, in report order."""
    seen: dict[str, None] = {}
    for change in changes.records:
        seen.setdefault(change.kind, None)
    yield from seen
