"""Who may vote at each agenda item of a meeting: its attendance and conflicts of
interest, read once for all its items (:mod:`services.minutes_rows` and the votes)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from expertenrat.domain.agenda import PlacedItem
from expertenrat.domain.attendance_sheet import AttendanceSheet
from expertenrat.domain.conflict_sheet import ConflictSheet
from expertenrat.domain.quorum import QuorumResult
from expertenrat.domain.votes import RecusedMember, Voters
from expertenrat.services.attendance_rows import placed_agenda_rows
from expertenrat.services.conflict_sheets import attendance_and_conflicts
from expertenrat.store import models


@dataclass(frozen=True)
class MeetingFacts:
    """Attendance and conflicts of a meeting, read once for all its items."""

    sheet: AttendanceSheet
    conflicts: ConflictSheet
    placed: list[tuple[models.AgendaItem, PlacedItem]]
    """The live agenda items in agenda order with where each stands, as
    :func:`~expertenrat.services.attendance_rows.placed_agenda_rows` reads them."""

    @property
    def agenda(self) -> list[tuple[models.AgendaItem, str]]:
        """The live agenda items in agenda order with their numbers, as
        :func:`~expertenrat.services.attendance_rows.agenda_rows` reads them."""
        return [(row, where.number) for row, where in self.placed]

    def recused(self, item_id: int) -> tuple[RecusedMember, ...]:
        """The members recused at the item; one who was not there (not at this item) is not
        named."""
        found = next((i for i in self.conflicts.items if i.item.id == item_id), None)
        if found is None:
            return ()
        attending = self.sheet.present_at(item_id)
        return tuple(
            RecusedMember(c.membership_id, c.member_name, c.reason)
            for c in found.recused  # also those recused above about the same project
            if c.membership_id in attending
        )

    def voters(self, item_id: int, number: str) -> Voters:
        quorum = next(
            (q.quorum for q in self.sheet.item_quorums if q.item.id == item_id),
            QuorumResult(0, self.sheet.quorum.entitled, 0, False),
        )
        return Voters(f"TOP {number}", quorum, self.recused(item_id))


def meeting_facts(session: Session, meeting: models.Meeting) -> MeetingFacts:
    placed = placed_agenda_rows(session, meeting.id)
    sheet, conflicts = attendance_and_conflicts(session, meeting, placed)
    return MeetingFacts(sheet, conflicts, placed)
