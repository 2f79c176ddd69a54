"""The agenda of a meeting as its invitation and calendar entry list it
(:func:`listed_agenda`), and what a change of the agenda changes there
(:func:`follow_listed_agenda`: the calendar SEQUENCE, the "Geänderte Tagesordnung" of an
invited meeting). Each change of an agenda reads the list before and follows it after, in
the caller's transaction.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from expertenrat.domain.agenda import invited_items, ordered
from expertenrat.domain.calendar_sequence import raised_sequence
from expertenrat.domain.enums import MeetingState
from expertenrat.domain.invitation_changes import letter_change
from expertenrat.services.agenda_rows import MeetingItems
from expertenrat.services.meeting_rows import council_clock
from expertenrat.store import models

ListedAgenda = list[tuple[str, str, bool, str, str, int | None]]


def listed_agenda(found: MeetingItems) -> ListedAgenda:
    """The agenda as the invitation lists it: number, title, public or not (as the letter
    parts it: an item under a non-public one is non-public, whatever its own mark), presenter,
    kind and linked project of every item; the calendar entry (``exchange.meetings_ics``)
    lists the first four. The time plan is left out (an estimate), and so are urgent
    items (taken up at the meeting, they are on no invitation): the others are numbered
    without them, as the invitation numbers them, so that one taken up before
    "Verschiedenes" changes nothing listed."""
    kinds = {key: row.kind for key, row in found.rows.items()}
    return sorted(
        (p.number, p.item.title, p.public, p.item.presenter, kinds[p.item.key], p.item.project_id)
        for p in ordered(invited_items(found.items()))
    )  # numbers are unique: the order never compares a project with None


def follow_listed_agenda(session: Session, found: MeetingItems, before: ListedAgenda) -> None:
    """Follow a change of the agenda since ``before`` where it is listed: a change the
    calendar entry shows raises the meeting's calendar SEQUENCE (as after a move, calendars
    then replace the entry's text instead of keeping the old agenda); any change the
    invitation shows, of an invited meeting, makes today the day its agenda changed after
    the invitation (``invitation_agenda_changed_on``; not after the meeting's day: no
    letter goes out then, :func:`~expertenrat.domain.invitation_changes.letter_change`):
    its letter is then a "Geänderte Tagesordnung", heading the part that changed so
    (``invitation_agenda_changed_public``: as the public letter lists it, without
    presenters; ``…_non_public``). One UPDATE beside the meeting's row: its version
    stays, so the meeting, open in its form beside the agenda, saves without a conflict."""
    session.flush()
    after = listed_agenda(found)
    if after == before:
        return
    meeting = models.Meeting
    values: dict[str, object] = {}
    if [line[:4] for line in after] != [line[:4] for line in before]:
        state = MeetingState(found.meeting.state)
        values["ics_sequence"] = raised_sequence(meeting.ics_sequence, state)
    today = council_clock(session, found.meeting.council_id).today()
    changed_on = letter_change(today, found.meeting.starts_at.date())  # None after the day
    if found.meeting.state == MeetingState.INVITED and changed_on is not None:
        values["invitation_agenda_changed_on"] = changed_on
        for public, column in (
            (True, meeting.invitation_agenda_changed_public),
            (False, meeting.invitation_agenda_changed_non_public),
        ):
            if _part(after, public) != _part(before, public):  # its heading says so
                values[column.key] = True
    if not values:
        return
    session.execute(
        update(meeting)
        .where(meeting.id == found.meeting.id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    session.expire(found.meeting, list(values))


def _part(agenda: ListedAgenda, public: bool) -> list[tuple]:
    """The public part of ``agenda`` as the public letter lists it (without presenters), or
    the non-public part (a renumbered item counts too)."""
    return [
        (*line[:3], *line[4:]) if public else line for line in agenda if bool(line[2]) == public
    ]
