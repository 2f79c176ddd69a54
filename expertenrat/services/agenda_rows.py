"""The agenda items of one meeting inside a session: loading, storing a new order, the
standard opening items, and tombstones for a deleted meeting (what refers to an item is
:mod:`expertenrat.services.agenda_references`; the agenda as the invitation lists it, and
what a change of it changes there, :mod:`expertenrat.services.agenda_listing`).

Positions are unique among siblings (two partial unique indexes: top level and below a
parent), and both databases check them row by row. A new order is therefore stored in two
steps inside the caller's transaction: the items that move are first parked on positions
no item uses (``PARKED`` + id), then put on their final positions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, aliased, joinedload

from expertenrat.domain.agenda import AgendaItem, change_refusal, numbers
from expertenrat.domain.agenda_placement import opening_items
from expertenrat.domain.enums import AgendaItemKind, AuditAction, MeetingKind, MeetingState
from expertenrat.domain.errors import FieldProblem, NotFoundError, ValidationError
from expertenrat.domain.meetings import NamedMeeting, list_label
from expertenrat.domain.wording import isolated
from expertenrat.services import audit
from expertenrat.services.unit_of_work import gone
from expertenrat.store import models

PARKED = 1_000_000
_MEETING = "Die Sitzung"


@dataclass
class MeetingItems:
    """A meeting (locked for this transaction on PostgreSQL) with its item rows by id."""

    meeting: models.Meeting
    rows: dict[int, models.AgendaItem]
    project_titles: dict[int, str]

    def items(self) -> list[AgendaItem]:
        return [item_of(row, self.project_titles.get(row.id, "")) for row in self.rows.values()]

    def refuse_unless_allowed(self, *, title_only: bool = False, open_order: bool = False) -> None:
        """Refuse a change the meeting's state does not allow (``open_order``: a held
        meeting's items may still be moved, as the refusal says)."""
        refusal = change_refusal(
            MeetingState(self.meeting.state), title_only=title_only, open_order=open_order
        )
        if refusal is not None:
            raise ValidationError([FieldProblem("agenda", refusal)])


def item_of(row: models.AgendaItem, project_title: str = "") -> AgendaItem:
    return AgendaItem(
        key=row.id,
        title=row.title,
        parent=row.parent_id,
        position=row.position,
        kind=AgendaItemKind(row.kind),
        public=row.public,
        planned_minutes=row.planned_minutes,
        presenter=row.presenter,
        project_id=row.project_id,
        project_title=project_title,
        version=row.version,
        urgent=row.urgent,
    )


def load(session: Session, meeting_id: int, *, lock: bool = False) -> MeetingItems:
    """The meeting and its items; ``lock`` serialises changes of its agenda (PostgreSQL).
    The council comes along in the same statement (its clock says whether the meeting has
    begun, :func:`~expertenrat.services.agenda_changes.agenda_of`); only the meeting's row
    is locked."""
    meeting = session.get(
        models.Meeting,
        meeting_id,
        options=[joinedload(models.Meeting.council, innerjoin=True)],
        with_for_update={"of": models.Meeting} if lock else None,
    )
    if meeting is None or meeting.deleted_at is not None:
        raise NotFoundError(gone(_MEETING))
    query = (
        select(models.AgendaItem, models.Project.title, models.Project.deleted_at)
        .outerjoin(models.Project, models.Project.id == models.AgendaItem.project_id)
        .where(
            models.AgendaItem.meeting_id == meeting_id,
            models.AgendaItem.deleted_at.is_(None),
        )
        .order_by(models.AgendaItem.id)
    )
    rows: dict[int, models.AgendaItem] = {}
    titles: dict[int, str] = {}
    for row, title, deleted_at in session.execute(query):
        rows[row.id] = row
        if title is not None:
            titles[row.id] = f"{title} (gelöscht)" if deleted_at is not None else title
    return MeetingItems(meeting, rows, titles)


def store_layout(
    session: Session, rows: dict[int, models.AgendaItem], layout: Sequence[AgendaItem]
) -> None:
    """Give ``rows`` the parents and positions of ``layout`` and the numbers that follow."""
    moving = [
        i for i in layout if (rows[i.key].parent_id, rows[i.key].position) != (i.parent, i.position)
    ]
    if moving:
        for item in moving:
            rows[item.key].parent_id = item.parent
            rows[item.key].position = PARKED + item.key
        session.flush()
        for item in moving:
            rows[item.key].position = item.position
    for key, number in numbers(layout).items():
        if rows[key].number != number:
            rows[key].number = number
    session.flush()


def add_opening_items(session: Session, meeting_id: int, actor: str) -> None:
    """Give a meeting without items the standard opening items (Eröffnung, Ladung …); the
    approval of the last minutes only where the council has a meeting before this one
    (held, or planned or invited to be held first; not cancelled).

    A plain function so that creating a meeting adds them in its own transaction.
    """
    found = load(session, meeting_id)
    if found.rows:
        return
    found.refuse_unless_allowed()
    for item in opening_items(after_another=_has_earlier_meeting(session, found.meeting)):
        session.add(
            models.AgendaItem(
                meeting_id=meeting_id,
                parent_id=None,
                position=item.position,
                number=str(item.position + 1),
                title=item.title,
                kind=item.kind.value,
                public=item.public,
                planned_minutes=item.planned_minutes,
            )
        )
    session.flush()
    audit.record(
        session,
        actor,
        AuditAction.CREATE,
        "agenda_item",
        None,
        council_id=found.meeting.council_id,
        summary=f"Standardpunkte der Tagesordnung {meeting_name(found.meeting, isolated)} angelegt",
        after={"meeting_id": meeting_id},  # whose: a changed letter marks them "(neu)"
    )


def _has_earlier_meeting(session: Session, meeting: models.Meeting) -> bool:
    """Whether the council meets before ``meeting`` (a meeting not cancelled, not deleted):
    then the minutes of that one are to be approved."""
    earlier = session.scalar(
        select(models.Meeting.id)
        .where(
            models.Meeting.council_id == meeting.council_id,
            models.Meeting.id != meeting.id,
            models.Meeting.deleted_at.is_(None),
            models.Meeting.starts_at < meeting.starts_at,
            models.Meeting.state != MeetingState.CANCELLED.value,
        )
        .limit(1)
    )
    return earlier is not None


def tombstone_items(session: Session, meeting_id: int, deleted_at: datetime) -> None:
    """Mark the items of a deleted meeting deleted as well (kept for the published data)."""
    item = models.AgendaItem
    for row in session.scalars(
        select(item).where(item.meeting_id == meeting_id, item.deleted_at.is_(None))
    ):
        row.deleted_at = deleted_at


def meeting_name(meeting: NamedMeeting, shown: Callable[[str], str] = str) -> str:
    """ "der 5. Sitzung", a numbered Klausur as lists name it ("der 8. Sitzung – Klausur:
    Datenethik", :func:`~expertenrat.domain.meetings.list_label`), or by its date for a
    meeting without a number ("der Klausur vom 12.03.2026"); ``shown`` applied to the
    title (the audit trail's :func:`~expertenrat.domain.wording.isolated`)."""
    name = list_label(meeting.number, MeetingKind(meeting.kind), meeting.title, shown)
    if meeting.number:
        return f"der {name}"
    return f"der {name} vom {meeting.starts_at:%d.%m.%Y}"


def effectively_public(items: list[models.AgendaItem]) -> dict[int, bool]:
    """Whether each item is public as the agenda, invitation and minutes show it: an item
    under a non-public one is non-public too, whatever its own mark says (an item under a
    deleted one stands at the top level, see ``attendance_rows.placed_agenda_rows``): the
    OParl export, and an item taken up again (``postponed_items``)."""
    by_id = {i.id: i for i in items}

    def public(item: models.AgendaItem) -> bool:
        seen: set[int] = set()
        current: models.AgendaItem | None = item
        while current is not None and current.id not in seen:
            if not current.public:
                return False
            seen.add(current.id)
            parent = by_id.get(current.parent_id) if current.parent_id else None
            current = parent if parent is not None and parent.deleted_at is None else None
        return True

    return {i.id: public(i) for i in items}


def live_item_exists(
    which: Callable[[type[models.AgendaItem]], ColumnElement[bool]],
) -> ColumnElement[bool]:
    """Whether a live item of a live meeting not cancelled is ``which`` (given the item's
    alias): asked inside another query (a postponed item taken up, a written decision
    reported)."""
    item, meeting = aliased(models.AgendaItem), aliased(models.Meeting)
    return (
        select(item.id)
        .join(meeting, meeting.id == item.meeting_id)
        .where(
            which(item),
            item.deleted_at.is_(None),
            meeting.deleted_at.is_(None),
            meeting.state != MeetingState.CANCELLED.value,
        )
        .exists()
    )
