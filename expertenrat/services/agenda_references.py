"""Where agenda items are used already (minutes texts, an item recorded postponed or taken
off, votes, attendance, recommendations, declared conflicts): what keeps an item from being
deleted."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AgendaItemOutcome
from expertenrat.store import models


def references(session: Session, ids: Sequence[int], numbers_by_id: dict[int, str]) -> list[str]:
    """Where items ``ids`` are used already, as German phrases ("TOP 2.1: Protokolltext")."""
    found: dict[int, list[str]] = {}

    def note(item_id: int | None, what: str) -> None:
        if item_id is not None and item_id in numbers_by_id and what not in found.get(item_id, []):
            found.setdefault(item_id, []).append(what)

    item = models.AgendaItem
    for row in session.execute(
        select(item.id).where(
            item.id.in_(ids),
            or_(
                item.discussion != "",
                item.motion_text != "",
                item.resolution_text != "",
                item.result != "",
            ),
        )
    ):
        note(row.id, "Protokolltext")
    for item_id in session.scalars(
        select(item.id).where(item.id.in_(ids), item.outcome != AgendaItemOutcome.DISCUSSED.value)
    ):
        note(item_id, "im Protokoll als vertagt oder abgesetzt vermerkt")
    for item_id in session.scalars(
        select(models.Vote.agenda_item_id).where(models.Vote.agenda_item_id.in_(ids))
    ):
        note(item_id, "Abstimmungen im Protokoll")
    attendance = models.Attendance
    marks = {
        attendance.arrived_item_id: "Anwesenheit (späteres Kommen)",
        attendance.left_item_id: "Anwesenheit (früheres Gehen)",
        attendance.away_item_id: "Anwesenheit (Unterbrechung)",
        attendance.back_item_id: "Anwesenheit (Unterbrechung)",
    }
    for row in session.execute(select(*marks).where(or_(*(column.in_(ids) for column in marks)))):
        for value, what in zip(row, marks.values(), strict=True):
            note(value, what)
    for item_id in session.scalars(
        select(models.Recommendation.origin_agenda_item_id).where(
            models.Recommendation.origin_agenda_item_id.in_(ids)
        )
    ):
        note(item_id, "Empfehlungen")
    for item_id in session.scalars(
        select(models.ConflictOfInterest.agenda_item_id).where(
            models.ConflictOfInterest.agenda_item_id.in_(ids)
        )
    ):
        note(item_id, "Befangenheit")
    return [
        f"TOP {numbers_by_id[item_id]}: {', '.join(whats)}"
        for item_id, whats in sorted(
            found.items(), key=lambda pair: _number_key(numbers_by_id[pair[0]])
        )
    ]


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))
