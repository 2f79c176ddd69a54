"""Ordered per-council lists (agenda item templates, standard phrases): add, edit, delete and
reorder with the audit trail, in one place for every such list.

Positions are unique per council (a unique index). A new order parks the rows on positions
nothing uses first, then puts them on their final places, so no intermediate state breaks
the index.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction
from expertenrat.domain.errors import FieldProblem, InUseError
from expertenrat.services import audit
from expertenrat.services.unit_of_work import (
    changing,
    check_version,
    fetch,
    hold_council,
    raise_if_invalid,
)
from expertenrat.store import models
from expertenrat.store.database import Database

_PARKED = 1_000_000

Row = TypeVar("Row")
Item = TypeVar("Item")


@dataclass(frozen=True)
class ListKind(Generic[Row, Item]):
    """What one ordered list differs in: its table, its words, its read model and its rules."""

    model: type[Row]
    one: str  # "Die Vorlage": messages about one entry
    many: str  # "Die Vorlagen": the message when the list changed meanwhile
    order: str  # "Die Reihenfolge der Vorlagen": messages about a new order
    entity: str  # the audit trail's entity
    noun: str  # "Vorlage": the audit summary of one entry
    order_summary: str  # the audit summary of a new order
    rows: Callable[[Session, int], list[Row]]  # the council's rows in their order
    label: Callable[[Row], str]  # the name of an entry in summaries and orders
    item: Callable[[Row], Item]  # the read model handed out (with ``id`` and ``version``)
    clean: Callable[[Item], Item]  # a draft tidied (spaces trimmed)
    problems: Callable[[Item], list[FieldProblem]]  # what is wrong with a tidied draft
    apply: Callable[[Row, Item], None]  # a row filled from a checked draft
    columns: Mapping[str, Any] = field(default_factory=dict)  # fixed columns of new rows


class OrderedCouncilList(Generic[Row, Item]):
    """The writing side of one ordered per-council list; a service of such a list extends it
    with the way it is read."""

    def __init__(self, database: Database, actor: str, kind: ListKind[Row, Item]) -> None:
        self._db = database
        self._actor = actor
        self._kind = kind

    def add(self, council_id: int, draft: Item) -> Item:
        """Add an entry at the end of the list."""
        kind = self._kind
        draft = self._checked(draft)
        with changing(self._db, kind.one) as session:
            hold_council(session, council_id)  # another PC adding at once comes after this one
            fetch(session, models.Council, council_id, "Das Gremium")
            last = max((r.position for r in kind.rows(session, council_id)), default=-1)
            row = kind.model(council_id=council_id, position=last + 1, **kind.columns)
            kind.apply(row, draft)
            session.add(row)
            session.flush()
            self._audit(session, AuditAction.CREATE, row, "angelegt", after=audit.snapshot(row))
            return kind.item(row)

    def update(self, draft: Item) -> Item:
        checked = self._checked(draft)
        with changing(self._db, self._kind.one) as session:
            row = self._fetch(session, draft)
            before = audit.snapshot(row)
            self._kind.apply(row, checked)
            session.flush()
            self._audit(
                session, AuditAction.UPDATE, row, "geändert", before=before,
                after=audit.snapshot(row),
            )  # fmt: skip
            return self._kind.item(row)

    def delete(self, entry: Item) -> None:
        with changing(self._db, self._kind.one) as session:
            row = self._fetch(session, entry)
            self._audit(session, AuditAction.DELETE, row, "gelöscht", before=audit.snapshot(row))
            session.delete(row)

    def reorder(
        self, council_id: int, ordered_ids: list[int], *, seen: Sequence[int] | None = None
    ) -> list[Item]:
        """Put the council's entries in the order of ``ordered_ids`` (all of them); ``seen``:
        the order it was made from (see :func:`store_order`)."""
        kind = self._kind
        with changing(self._db, kind.order) as session:
            rows = {r.id: r for r in kind.rows(session, council_id)}
            before = [kind.label(r) for r in rows.values()]
            store_order(session, rows, ordered_ids, kind.many, seen=seen)
            audit.record(
                session, self._actor, AuditAction.UPDATE, kind.entity, None,
                council_id=council_id, summary=kind.order_summary, before={"order": before},
                after={"order": [kind.label(rows[i]) for i in ordered_ids]},
            )  # fmt: skip
            return [kind.item(rows[i]) for i in ordered_ids]

    def _checked(self, draft: Item) -> Item:
        draft = self._kind.clean(draft)
        raise_if_invalid(self._kind.problems(draft))
        return draft

    def _fetch(self, session: Session, entry: Any) -> Row:
        row = fetch(session, self._kind.model, entry.id, self._kind.one)
        check_version(row, entry.version, self._kind.one)
        return row

    def _audit(self, session: Session, action: AuditAction, row, verb: str, **states) -> None:
        kind = self._kind
        audit.record(
            session, self._actor, action, kind.entity, row.id, council_id=row.council_id,
            summary=f"{kind.noun} „{kind.label(row)}“ {verb}", **states,
        )  # fmt: skip


def store_order(
    session: Session,
    rows: Mapping[int, Any],
    ordered_ids: Sequence[int],
    what: str,
    *,
    seen: Sequence[int] | None = None,
) -> None:
    """Give ``rows`` (by id, in their stored order) the positions 0, 1, … in the order of
    ``ordered_ids`` (all of them).

    ``what`` names the list in the message when it changed meanwhile ("Die Textbausteine"):
    entries were added or removed, or, given ``seen`` (the order ``ordered_ids`` was made
    from), another PC reordered them since, whose move a stale order would undo.
    """
    if sorted(rows) != sorted(ordered_ids) or (seen is not None and list(seen) != [*rows]):
        raise InUseError(f"{what} wurden inzwischen geändert. Bitte laden Sie neu.")
    for row in rows.values():
        row.position = _PARKED + row.id
    session.flush()
    for position, row_id in enumerate(ordered_ids):
        rows[row_id].position = position
    session.flush()
