"""Reading what attendance and conflicts need of a meeting: its agenda and its members.

Shared by :mod:`services.attendance`, :mod:`services.conflicts` and the readers of a
meeting's agenda in order (Tätigkeitsbericht, projects).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from expertenrat.domain import agenda
from expertenrat.domain.attendance_sheet import AgendaRef
from expertenrat.domain.enums import MeetingState
from expertenrat.domain.errors import ExpertenratError, NotFoundError
from expertenrat.domain.name_order import name_sort_key
from expertenrat.services.minutes_freeze import ensure_not_frozen
from expertenrat.services.unit_of_work import fetch, gone
from expertenrat.store import models

Placed = tuple[models.AgendaItem, agenda.PlacedItem]  # an agenda item and where it stands

MEETING = "Die Sitzung"


class MeetingCancelledError(ExpertenratError):
    """Attendance and conflicts of a cancelled meeting cannot change."""

    def __init__(self) -> None:
        super().__init__(
            "Die Sitzung ist abgesagt. Für eine abgesagte Sitzung lassen sich keine "
            "Anwesenheit und keine Befangenheit erfassen."
        )


def live_meeting(session: Session, meeting_id: int) -> models.Meeting:
    """The meeting, or :class:`NotFoundError` if it is gone (deleted counts as gone)."""
    meeting = fetch(session, models.Meeting, meeting_id, MEETING)
    if meeting.deleted_at is not None:
        raise NotFoundError(gone(MEETING))
    return meeting


def changeable_meeting(session: Session, meeting_id: int) -> models.Meeting:
    """The meeting for a change of attendance or conflicts: never a cancelled one, never
    one whose minutes are approved."""
    meeting = live_meeting(session, meeting_id)
    if meeting.state == MeetingState.CANCELLED.value:
        raise MeetingCancelledError()
    ensure_not_frozen(session, meeting.id)
    return meeting


def is_cancelled(meeting: models.Meeting) -> bool:
    return meeting.state == MeetingState.CANCELLED.value


def agenda_rows(session: Session, meeting_id: int) -> list[tuple[models.AgendaItem, str]]:
    """The meeting's agenda items in agenda order with their numbers (deleted ones left out;
    an item under a deleted one moves to the top level)."""
    return [(row, placed.number) for row, placed in placed_agenda_rows(session, meeting_id)]


def placed_agenda_rows(session: Session, meeting_id: int) -> list[Placed]:
    """As :func:`agenda_rows`, with where each item stands (number, effective publicity)."""
    return placed_agendas(session, [meeting_id]).get(meeting_id, [])


def placed_agendas(session: Session, meeting_ids: Collection[int]) -> dict[int, list[Placed]]:
    """As :func:`placed_agenda_rows`, of the meetings ``meeting_ids`` in one statement, by
    meeting (one without items left out). One meeting at a time, the recommendations report
    after ten years took a statement for each of 110 meetings (found by a tester)."""
    live: dict[int, list[models.AgendaItem]] = defaultdict(list)
    for item in session.scalars(
        select(models.AgendaItem).where(
            models.AgendaItem.meeting_id.in_(meeting_ids), models.AgendaItem.deleted_at.is_(None)
        )
    ):
        live[item.meeting_id].append(item)
    return {meeting_id: placed_rows(rows) for meeting_id, rows in live.items()}


def non_public_items(session: Session, meeting_ids: set[int | None]) -> frozenset[int]:
    """The ids of the non-public agenda items of the meetings ``meeting_ids`` (an item under
    a non-public one is non-public too): of the recommendations adopted in them, the
    Tätigkeitsbericht names none, the recommendations report is internal, and the register
    files mark them "nichtöffentlich"."""
    agendas = placed_agendas(session, [m for m in meeting_ids if m is not None])
    return frozenset(
        row.id for placed in agendas.values() for row, where in placed if not where.public
    )


def placed_rows(rows: Sequence[models.AgendaItem]) -> list[Placed]:
    """The live agenda items of one meeting in agenda order, each with where it stands."""
    by_id = {row.id: row for row in rows}
    placed = agenda.ordered(
        [
            agenda.AgendaItem(
                key=row.id,
                title=row.title,
                parent=row.parent_id if row.parent_id in by_id else None,
                position=row.position,
                public=row.public,
            )
            for row in rows
        ]
    )
    return [(by_id[p.item.key], p) for p in placed]


def agenda_refs(session: Session, meeting_id: int) -> list[AgendaRef]:
    """The meeting's agenda items in order, numbered as the agenda numbers them."""
    return [
        AgendaRef(row.id, number, row.title) for row, number in agenda_rows(session, meeting_id)
    ]


def meeting_memberships(session: Session, meeting: models.Meeting) -> list[models.Membership]:
    """Memberships of the council active on the meeting's date, by name."""
    memberships = council_memberships(session, {meeting.council_id})
    return active_on(memberships.get(meeting.council_id, ()), meeting.starts_at.date())


def council_memberships(
    session: Session, council_ids: Collection[int]
) -> dict[int, list[models.Membership]]:
    """The memberships (not deleted) of each council, with their persons, by name."""
    found: dict[int, list[models.Membership]] = {}
    rows = session.scalars(
        select(models.Membership)
        .options(selectinload(models.Membership.person))
        .where(
            models.Membership.council_id.in_(council_ids),
            models.Membership.deleted_at.is_(None),
        )
    ).all()
    for row in sorted(rows, key=sort_name):
        found.setdefault(row.council_id, []).append(row)
    return found


def active_on(memberships: Iterable[models.Membership], on: date) -> list[models.Membership]:
    """Those of ``memberships`` whose term includes the day ``on``, in their order."""
    return [
        m for m in memberships if m.term_start <= on and (m.term_end is None or m.term_end >= on)
    ]


def sort_name(row: models.Membership) -> str:
    """The membership's place in a list of names (:func:`name_sort_key`)."""
    return name_sort_key(row.person.family_name, row.person.given_name)


def full_name(row: models.Membership) -> str:
    person = row.person
    return " ".join(p for p in (person.title, person.given_name, person.family_name) if p)
