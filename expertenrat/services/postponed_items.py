"""Postponed agenda items ("vertagt", or "abgesetzt": taken off the agenda in the meeting)
waiting to be taken up again, and taking them up on a later agenda.

An item the council postponed or took off the agenda in a held meeting, by its own outcome
or with the item above it (TOP 6 postponed, its 6.1 with it: the one rule of
:func:`~expertenrat.domain.agenda_outcomes.effective_outcomes`), waits for a later agenda
until a live item of a meeting not cancelled takes it up (``taken_up_from_id``, migration
0036): the Tagesordnung offers it ("Vertagte Punkte übernehmen") and the Übersicht counts
it (:func:`postponed_lines`). Deleting the item that took it up, or cancelling its
meeting, offers it again; an item postponed again in the later meeting waits on from
there. Each says which it was ("vertagt", "abgesetzt"): secretariats take up both (found
by a tester), and the minutes of the later meeting must not call an item taken off the
agenda postponed. The approval of minutes is not among them:
:mod:`~expertenrat.services.approval_carry` carries it on by itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, aliased

from expertenrat.domain.agenda import Agenda
from expertenrat.domain.agenda import AgendaItem as NewItem
from expertenrat.domain.agenda_outcomes import OutcomeNode, effective_outcomes
from expertenrat.domain.agenda_placement import new_item_index
from expertenrat.domain.enums import AgendaItemKind, AgendaItemOutcome, MeetingState
from expertenrat.domain.errors import FieldProblem, ValidationError
from expertenrat.domain.overview import Area, Line, MeetingTab, Target
from expertenrat.domain.wording import counted, listed, shortened
from expertenrat.services.agenda_changes import agenda_of
from expertenrat.services.agenda_insertion import insert_item
from expertenrat.services.agenda_rows import (
    effectively_public,
    live_item_exists,
    load,
    meeting_name,
)
from expertenrat.services.minutes_freeze import ensure_not_frozen
from expertenrat.services.unit_of_work import changing, reading
from expertenrat.services.urgent_items import order_refusal
from expertenrat.store import models
from expertenrat.store.database import Database

_AGENDA = "Die Tagesordnung"
SET_ASIDE = (AgendaItemOutcome.POSTPONED, AgendaItemOutcome.WITHDRAWN)
"""The outcomes whose items wait for a later agenda."""
GONE = (
    "Ein gewählter vertagter oder abgesetzter Punkt wartet nicht mehr auf eine Tagesordnung: "
    "vielleicht wurde er inzwischen (auch an einem anderen PC) übernommen oder im Protokoll "
    "als behandelt vermerkt. Bitte wählen Sie erneut."
)


@dataclass(frozen=True, slots=True)
class PostponedItem:
    """An item postponed or taken off the agenda (``outcome``) in ``meeting`` ("der 5.
    Sitzung"), not taken up again yet; ``parent``: the item above it, if that waits too (it
    goes under its copy)."""

    key: int
    meeting_id: int
    meeting: str
    number: str
    title: str
    kind: AgendaItemKind
    public: bool
    presenter: str
    planned_minutes: int
    project_id: int | None
    project_title: str
    parent: int | None
    outcome: AgendaItemOutcome = AgendaItemOutcome.POSTPONED


def postponed_items(
    session: Session, council_id: int, before: datetime | None = None
) -> list[PostponedItem]:
    """The council's items postponed or taken off the agenda (:data:`SET_ASIDE`) not taken
    up again, of the held meetings (starting
    before ``before``, if given), in the order of the meetings and their agendas."""
    item, meeting = models.AgendaItem, models.Meeting
    marked = select(item.meeting_id).where(
        item.deleted_at.is_(None), item.outcome.in_([o.value for o in SET_ASIDE])
    )
    query = (
        select(item, meeting, models.Project.title, models.Project.deleted_at, _is_taken_up(item))
        .join(meeting, meeting.id == item.meeting_id)
        .outerjoin(models.Project, models.Project.id == item.project_id)
        .where(
            meeting.council_id == council_id,
            meeting.deleted_at.is_(None),
            meeting.state == MeetingState.HELD.value,
            item.meeting_id.in_(marked),
            item.deleted_at.is_(None),
        )
    )
    if before is not None:
        query = query.where(meeting.starts_at < before)
    rows = session.execute(query).all()
    outcomes = effective_outcomes(
        OutcomeNode(r[0].id, r[0].parent_id, r[0].number, AgendaItemOutcome(r[0].outcome))
        for r in rows
    )
    # Public as the agenda showed it: a sub-item under a non-public item, taken up alone,
    # stood public at the top of the next agenda (found by review: its title went into the
    # public invitation and minutes).
    public = effectively_public([r[0] for r in rows])
    waiting = {
        r[0].id
        for r in rows
        if outcomes[r[0].id].outcome in SET_ASIDE
        and r[0].kind != AgendaItemKind.MINUTES_APPROVAL.value
        and not r[4]
    }
    found = [
        PostponedItem(
            key=row.id,
            meeting_id=held.id,
            meeting=meeting_name(held),
            number=row.number,
            title=row.title,
            kind=AgendaItemKind(row.kind),
            public=public[row.id],
            presenter=row.presenter,
            planned_minutes=row.planned_minutes,
            project_id=row.project_id if project_gone is None else None,
            project_title=(project_title or "") if project_gone is None else "",
            parent=row.parent_id if row.parent_id in waiting else None,
            outcome=outcomes[row.id].outcome,
        )
        for row, held, project_title, project_gone, _taken in rows
        if row.id in waiting
    ]
    starts = {held.id: held.starts_at for _row, held, *_rest in rows}
    return sorted(found, key=lambda p: (starts[p.meeting_id], p.meeting_id, _order(p.number)))


def postponed_lines(
    session: Session, council_id: int, next_meeting_id: int | None
) -> tuple[Line, ...]:
    """The Übersicht's lines, one per held meeting with items waiting: "2 vertagte Punkte
    und 1 abgesetzter Punkt der 5. Sitzung warten auf eine Tagesordnung", opening the
    Tagesordnung of the next meeting (``None``: none ahead; the held meeting's Protokoll)."""
    by_meeting: dict[int, list[PostponedItem]] = {}
    for item in postponed_items(session, council_id):
        by_meeting.setdefault(item.meeting_id, []).append(item)
    lines = []
    for meeting_id, items in by_meeting.items():
        if next_meeting_id is not None:
            target = Target(Area.MEETINGS, record_id=next_meeting_id, tab=MeetingTab.AGENDA)
        else:
            target = Target(Area.MEETINGS, record_id=meeting_id, tab=MeetingTab.MINUTES)
        waiting = "wartet" if len(items) == 1 else "warten"
        lines.append(
            Line(f"{_counts(items)} {items[0].meeting} {waiting} auf eine Tagesordnung", target)
        )
    return tuple(lines)


def _counts(items: Sequence[PostponedItem]) -> str:
    """ "2 vertagte Punkte und 1 abgesetzter Punkt", those of an outcome not there left out."""
    words = {
        AgendaItemOutcome.POSTPONED: ("vertagter Punkt", "vertagte Punkte"),
        AgendaItemOutcome.WITHDRAWN: ("abgesetzter Punkt", "abgesetzte Punkte"),
    }
    numbers = [(sum(i.outcome is o for i in items), words[o]) for o in SET_ASIDE]
    return listed([counted(n, *word) for n, word in numbers if n])


def _is_taken_up(item: type[models.AgendaItem]) -> ColumnElement[bool]:
    """Whether a live item of a live meeting not cancelled takes ``item`` up: asked in the
    read of the postponed items itself (the Übersicht reads them; one query, not two)."""
    return live_item_exists(lambda taking: taking.taken_up_from_id == item.id)


def _taken_up(session: Session, ids: Sequence[int]) -> dict[int, models.Meeting]:
    """Of ``ids``, those a live item of a live meeting not cancelled takes up, each with
    that meeting."""
    if not ids:
        return {}
    taking, meeting = aliased(models.AgendaItem), models.Meeting
    rows = session.execute(
        select(taking.taken_up_from_id, meeting)
        .join(meeting, meeting.id == taking.meeting_id)
        .where(
            taking.taken_up_from_id.in_(ids),
            taking.deleted_at.is_(None),
            meeting.deleted_at.is_(None),
            meeting.state != MeetingState.CANCELLED.value,
        )
    )
    return {key: later for key, later in rows}


def _lock_chosen(session: Session, keys: Sequence[int]) -> None:
    """Lock the postponed items ``keys`` (PostgreSQL; SQLite's write lock serialises), in
    the order of their ids, so that two PCs never each hold one the other waits for: a PC
    taking one of them up into another meeting at the same moment waits until this is
    committed, and then finds it taken up."""
    item = models.AgendaItem
    session.execute(
        select(item.id).where(item.id.in_(keys)).order_by(item.id).with_for_update(key_share=True)
    )


def _refusal(session: Session, key: int) -> str:
    """Why the postponed item ``key`` is no longer offered: taken up meanwhile ("TOP 3
    „Beratung“ der 1. Sitzung wurde inzwischen in die Tagesordnung der 2. Sitzung
    übernommen"), or gone (:data:`GONE`)."""
    later = _taken_up(session, [key]).get(key)
    postponed = session.get(models.AgendaItem, key)
    if later is None or postponed is None:
        return GONE
    held = session.get(models.Meeting, postponed.meeting_id)
    return (
        f"TOP {postponed.number} „{shortened(postponed.title, 100)}“ {meeting_name(held)} "
        f"wurde inzwischen (vielleicht an einem anderen PC) in die Tagesordnung "
        f"{meeting_name(later)} übernommen. Bitte wählen Sie erneut."
    )


def _order(number: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in number.split("."))


class PostponedItemsService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    def waiting(self, council_id: int) -> list[PostponedItem]:
        """All postponed items of the council not taken up again (the Übersicht's count)."""
        with reading(self._db) as session:
            return postponed_items(session, council_id)

    def offered(self, meeting_id: int) -> list[PostponedItem]:
        """Those the agenda of ``meeting_id`` may take up: postponed before it."""
        with reading(self._db) as session:
            meeting = load(session, meeting_id).meeting  # NotFoundError where it is gone
            return postponed_items(session, meeting.council_id, meeting.starts_at)

    def take_up(self, meeting_id: int, keys: Sequence[int]) -> Agenda:
        """Add a new item for each postponed item ``keys`` (in the order offered) with its
        title, kind, project, presenter, planned minutes and public flag, where a new item
        goes (a sub-item whose postponed parent is taken up with it goes under that copy);
        each takes its item up. Refused as a whole where one is taken up meanwhile (into
        this meeting or another, on this PC or another: the chosen items are locked before
        they are checked), the message naming the meeting it went to."""
        with changing(self._db, _AGENDA) as session:
            found = load(session, meeting_id, lock=True)
            ensure_not_frozen(session, found.meeting.id)
            found.refuse_unless_allowed(open_order=order_refusal(session, found.meeting) is None)
            _lock_chosen(session, keys)
            offered = {
                p.key: p
                for p in postponed_items(session, found.meeting.council_id, found.meeting.starts_at)
            }
            gone = next((key for key in keys if key not in offered), None)
            if gone is not None:
                raise ValidationError([FieldProblem("agenda", _refusal(session, gone))])
            copies: dict[int, int] = {}
            for chosen in (p for p in offered.values() if p.key in keys):
                parent = copies.get(chosen.parent) if chosen.parent is not None else None
                index = None if parent is not None else new_item_index(found.items())
                row = insert_item(
                    session,
                    self._actor,
                    found,
                    _new_item(chosen),
                    parent,
                    index,
                    taken_up_from=session.get(models.AgendaItem, chosen.key),
                    taken_up_as=chosen.outcome,
                )
                copies[chosen.key] = row.id
            return agenda_of(found)


def _new_item(chosen: PostponedItem) -> NewItem:
    return NewItem(
        key=0,
        title=chosen.title,
        kind=chosen.kind,
        public=chosen.public,
        planned_minutes=chosen.planned_minutes,
        presenter=chosen.presenter,
        project_id=chosen.project_id,
    )
