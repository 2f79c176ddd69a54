"""What an import preview notes beside the rows that change stored members: a term ended
before meetings ahead drops the member's apologies for them and takes the member out as
the chair of those the member chairs (:mod:`services.chairs_ahead`); a changed role renames
the member in minutes not yet approved."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from expertenrat.domain.councils import RoleTitles
from expertenrat.domain.member_import_preview import ImportRow, ImportStatus
from expertenrat.domain.members import Member
from expertenrat.services.chairs_ahead import chairs_cleared, import_chair_note
from expertenrat.services.member_history import apologies_dropped_by_members, import_note
from expertenrat.services.member_role_history import role_change_warnings


def with_import_notes(
    session: Session,
    council_id: int,
    rows: tuple[ImportRow, ...],
    today: date,
    titles: RoleTitles,
    stored: Iterable[Member],
) -> tuple[ImportRow, ...]:
    """``rows`` with the notes (see the module) added to the reasons of their updates."""
    updates = [r.member for r in rows if r.status is ImportStatus.UPDATE and r.member]
    if not updates:
        return rows
    dropped = apologies_dropped_by_members(session, council_id, updates, today)
    chairs = chairs_cleared(session, council_id, updates, today)
    notes: dict[int, list[str]] = {m.id: [] for m in updates if m.id is not None}
    for member in updates:
        if labels := dropped.get(member.id or 0):
            notes[member.id or 0].append(import_note(member.full_name, labels))
        if labels := chairs.get(member.id or 0):
            notes[member.id or 0].append(import_chair_note(member.full_name, labels))
    roles = {m.id: m.role for m in stored}
    for member in (m for m in updates if m.role is not roles.get(m.id)):
        for warning in role_change_warnings(session, member, titles, roles.get(member.id)):
            notes[member.id or 0].append(warning.message)
    return tuple(
        replace(row, reasons=(*row.reasons, *found))
        if row.status is ImportStatus.UPDATE
        and row.member is not None
        and (found := notes.get(row.member.id or 0))
        else row
        for row in rows
    )
