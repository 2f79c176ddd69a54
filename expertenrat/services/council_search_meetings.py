"""The meetings and agenda items the search across a council's records looks in
(:mod:`expertenrat.services.council_search`): a meeting by its name, day, place, notes,
changes to its agenda, the reason it was cancelled, its guests and its annexes; an agenda
item by its title, minutes texts, presenter, result, linked project, its meeting's name and
day and its annexes. A guest or an annex is a text of its own ("Gast: Ngozi Okonkwo, IHK",
"Anlage: Verkehrsgutachten (gutachten.pdf)"), which the Fundstelle quotes (found by a
tester: neither was found); a hit found in one opens at the Anwesenheit or Anlagen tab."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.council_search import HitKind, Searchable, SearchHit
from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.german_dates import searched_day_names
from expertenrat.domain.meetings import meeting_label
from expertenrat.domain.overview import Area, MeetingTab, Target
from expertenrat.store import models


def _meeting_name(number: int | None, kind: str, title: str) -> str:
    return meeting_label(number, MeetingKind(kind), title)


def _guests(session: Session, council_id: int) -> dict[int, list[str]]:
    """Per meeting, its guests as the Fundstelle quotes them."""
    guest, meeting = models.Guest, models.Meeting
    guests: dict[int, list[str]] = defaultdict(list)
    for meeting_id, name, affiliation in session.execute(
        select(guest.meeting_id, guest.name, guest.affiliation)
        .join(meeting, meeting.id == guest.meeting_id)
        .where(meeting.council_id == council_id, meeting.deleted_at.is_(None))
        .order_by(guest.meeting_id, guest.id)
    ):
        guests[meeting_id].append(f"Gast: {name}" + (f", {affiliation}" if affiliation else ""))
    return guests


def _annexes(session: Session, council_id: int, *, of_items: bool) -> dict[int, list[str]]:
    """The annexes as the Fundstelle quotes them: per agenda item those of a live item
    (``of_items``), else per meeting the others."""
    annex, item = models.StoredFile, models.AgendaItem
    live_item = (item.id == annex.agenda_item_id) & item.deleted_at.is_(None)
    annexes: dict[int, list[str]] = defaultdict(list)
    for meeting_id, item_id, name, title in session.execute(
        select(annex.meeting_id, item.id, annex.name, annex.title)
        .outerjoin(item, live_item)
        .where(
            annex.council_id == council_id,
            annex.deleted_at.is_(None),
            item.id.is_not(None) if of_items else item.id.is_(None),
        )
        .order_by(annex.meeting_id, annex.position, annex.id)
    ):
        owner = item_id if of_items else meeting_id
        annexes[owner].append(f"Anlage: {title} ({name})" if title else f"Anlage: {name}")
    return annexes


def meetings_searched(session: Session, council_id: int) -> Iterator[Searchable]:
    meeting = models.Meeting
    guests = _guests(session, council_id)
    annexes = _annexes(session, council_id, of_items=False)
    for row in session.execute(
        select(
            meeting.id,
            meeting.number,
            meeting.kind,
            meeting.title,
            meeting.starts_at,
            meeting.place,
            meeting.room,
            meeting.state,
            meeting.notes,
            meeting.cancellation_reason,
            meeting.agenda_changes,
        )
        .where(meeting.council_id == council_id, meeting.deleted_at.is_(None))
        .order_by(meeting.starts_at, meeting.id)
    ):
        day = f"{row.starts_at:%d.%m.%Y}"
        place = ", ".join(part for part in (row.place, row.room) if part)
        where = f"{day}, {MeetingState(row.state).label}" + (f", {place}" if place else "")
        yield Searchable(
            SearchHit(
                HitKind.MEETING,
                row.id,
                _meeting_name(row.number, row.kind, row.title),
                where,
                row.starts_at.date(),
                "",
                Target(Area.MEETINGS, row.id, MeetingTab.MEETING),
            ),
            names=(*searched_day_names(row.starts_at), row.place, row.room),
            texts=(
                row.notes,
                row.cancellation_reason,
                row.agenda_changes,
                *guests[row.id],
                *annexes[row.id],
            ),
            opened_at=(
                None,
                None,
                None,
                *[Target(Area.MEETINGS, row.id, MeetingTab.ATTENDANCE)] * len(guests[row.id]),
                *[Target(Area.MEETINGS, row.id, MeetingTab.ANNEXES)] * len(annexes[row.id]),
            ),
            called=(_meeting_name(row.number, row.kind, row.title), row.title),
        )


def agenda_items_searched(session: Session, council_id: int) -> Iterator[Searchable]:
    item, meeting, project = models.AgendaItem, models.Meeting, models.Project
    annexes = _annexes(session, council_id, of_items=True)
    for row in session.execute(
        select(
            item.id,
            item.number,
            item.title,
            item.public,
            item.presenter,
            item.result,
            item.discussion,
            item.motion_text,
            item.resolution_text,
            item.meeting_id,
            meeting.number.label("meeting_number"),
            meeting.kind,
            meeting.title.label("meeting_title"),
            meeting.starts_at,
            meeting.state,
            project.title.label("project_title"),
            project.short_code,
        )
        .join(meeting, meeting.id == item.meeting_id)
        .outerjoin(project, (project.id == item.project_id) & project.deleted_at.is_(None))
        .where(
            meeting.council_id == council_id,
            meeting.deleted_at.is_(None),
            item.deleted_at.is_(None),
        )
        .order_by(item.meeting_id, item.position, item.id)
    ):
        texts = (row.discussion, row.motion_text, row.resolution_text)
        meeting_name = _meeting_name(row.meeting_number, row.kind, row.meeting_title)
        day = f"{row.starts_at:%d.%m.%Y}"
        where = f"{meeting_name}, {day}" + ("" if row.public else ", nichtöffentlich")
        # A held meeting's item at its minutes, one ahead (or cancelled) on the agenda.
        held = row.state == MeetingState.HELD.value or any(texts)
        tab = MeetingTab.MINUTES if held else MeetingTab.AGENDA
        yield Searchable(
            SearchHit(
                HitKind.AGENDA_ITEM,
                row.id,
                f"TOP {row.number} {row.title}",
                where,
                row.starts_at.date(),
                "",
                Target(Area.MEETINGS, row.meeting_id, tab, item_id=row.id),
            ),
            names=(
                row.presenter,
                row.result,
                row.project_title or "",
                row.short_code or "",
                meeting_name,
                *searched_day_names(row.starts_at),
            ),
            texts=(*texts, *annexes[row.id]),
            opened_at=(
                *[None] * len(texts),
                *[Target(Area.MEETINGS, row.meeting_id, MeetingTab.ANNEXES)] * len(annexes[row.id]),
            ),
            called=(row.title, f"TOP {row.number} {row.title}"),
        )
