"""Meetings of a council: what changes them: a new meeting, a change of its time, place
or chair, a state change, a deletion, a new series (the readings, from the list to a
series' preview, are :mod:`expertenrat.services.meeting_queries`, which
:class:`MeetingsService` takes along).

Every rule lives in the domain (``meeting_draft``, ``meeting_states``, ``meeting_numbers``,
``meeting_series``, ``series_warnings``); this service writes the rows, converts the times
(the database keeps the council's wall clock, callers get aware datetimes, see
:mod:`expertenrat.services.meeting_rows`) and records each change in the audit trail. A
draft's checks are :mod:`expertenrat.services.meeting_checks`, a series' dates and rows
:mod:`expertenrat.services.meeting_series`, what a state change or a deletion does to the
rows :mod:`expertenrat.services.meeting_transitions`.
"""

from __future__ import annotations

import builtins
from datetime import date, datetime
from types import EllipsisType

from sqlalchemy.orm import Session

from expertenrat.domain.calendar_sequence import raised_sequence
from expertenrat.domain.enums import AuditAction, MeetingKind, MeetingState
from expertenrat.domain.errors import FieldProblem, ValidationError
from expertenrat.domain.invitation_changes import letter_change
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.meeting_series import SeriesSpec
from expertenrat.domain.meetings import Meeting
from expertenrat.services import agenda_rows, audit
from expertenrat.services.approval_carry import name_waiting_approvals
from expertenrat.services.meeting_checks import checked_draft
from expertenrat.services.meeting_corrections import correct_sent_on, take_back
from expertenrat.services.meeting_queries import WHAT, MeetingQueries, fetch_meeting
from expertenrat.services.meeting_rows import (
    apply_draft,
    council_clock,
    meeting_from_row,
    renumber,
)
from expertenrat.services.meeting_series import add_series
from expertenrat.services.meeting_transitions import delete_planned, move_to_state, record_change
from expertenrat.services.minutes_freeze import ensure_not_frozen
from expertenrat.services.minutes_recommendations import follow_meeting_day
from expertenrat.services.moved_apologies import drop_moved_apologies
from expertenrat.services.moved_members import chair_problems, moved_member_problems
from expertenrat.services.unit_of_work import (
    changing,
    check_version,
    hold_council,
    raise_if_invalid,
)
from expertenrat.store import models
from expertenrat.store.database import Database


class MeetingsService(MeetingQueries):
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    # --- single meetings ----------------------------------------------------------------

    def create(
        self,
        council_id: int,
        draft: MeetingDraft,
        *,
        notes: str = "",
        chair_membership_id: int | None = None,
    ) -> int:
        """Save a new planned meeting; it gets the next running number in order of its date
        and the standard opening items (Eröffnung, Ladung …) in the same transaction.

        The chair, if given, must be a member of the council on the meeting's day."""
        with changing(self._db, WHAT) as session:
            hold_council(session, council_id)  # the numbers (see ``_held``)
            clock = council_clock(session, council_id)
            draft, notes = checked_draft(clock, draft, notes)
            row = models.Meeting(council_id=council_id, number=None, state=MeetingState.PLANNED)
            apply_draft(row, clock, draft)
            row.notes = notes
            raise_if_invalid(
                chair_problems(session, council_id, chair_membership_id, row.starts_at.date())
            )
            row.chair_membership_id = chair_membership_id
            session.add(row)
            session.flush()
            renumber(session, self._actor, council_id)
            record_change(session, self._actor, AuditAction.CREATE, row, None, "angelegt")
            agenda_rows.add_opening_items(session, row.id, self._actor)
            name_waiting_approvals(session, row, self._actor)
            return row.id

    def update(
        self,
        meeting_id: int,
        version: int,
        draft: MeetingDraft,
        *,
        notes: str | None = None,
        chair_membership_id: int | EllipsisType | None = ...,
        today: date | None = None,
    ) -> Meeting:
        """Change time, place, texts and (unless ``...``) the chair, all or nothing.

        A cancelled meeting cannot be changed. A new date, time, place, room, link, title or
        kind raises the calendar SEQUENCE, planned or invited (a planned meeting may be in
        the calendars through "Alle Sitzungen …"). For an invited one a new time or place
        makes ``today`` (default: the council's today) the day of the changed invitation,
        and a new start (date or time) also the day the invitation went out: the members
        learn the new time from the changed invitation, so the notice period counts from
        it. A planned one moved in time may change the numbers of the planned meetings. The
        chair must be a member on the (new) day; the apologies of members who are none on
        the new day are removed (``moved_apologies``). A held meeting moved to another day takes
        the recommendations adopted in it along (``follow_meeting_day``)."""
        with changing(self._db, WHAT) as session:
            row = _held(session, meeting_id)
            check_version(row, version, WHAT)
            ensure_not_frozen(session, row.id)
            if row.state == MeetingState.CANCELLED:
                raise ValidationError(
                    [FieldProblem("state", "Eine abgesagte Sitzung kann nicht geändert werden.")]
                )
            clock = council_clock(session, row.council_id)
            draft, notes = checked_draft(clock, draft, row.notes if notes is None else notes)
            before = audit.snapshot(row)
            when_where = (row.starts_at, row.ends_at, row.place, row.room, row.online_link)
            name = (row.title, row.kind)
            apply_draft(row, clock, draft)
            row.notes = notes
            moved = when_where != (row.starts_at, row.ends_at, row.place, row.room, row.online_link)
            renamed = name != (row.title, row.kind)
            chair = row.chair_membership_id if chair_membership_id is ... else chair_membership_id
            day_moved = when_where[0].date() != row.starts_at.date()
            if day_moved:  # the members it records and its chair, named together
                raise_if_invalid(moved_member_problems(session, row, row.starts_at.date(), chair))
            if chair != row.chair_membership_id or moved:
                raise_if_invalid(
                    chair_problems(session, row.council_id, chair, row.starts_at.date())
                )
            row.chair_membership_id = chair
            if day_moved:  # its recommendations follow
                follow_meeting_day(session, self._actor, row)
                drop_moved_apologies(session, self._actor, row)  # of those no members then
            if moved or renamed:  # what a calendar entry shows: calendars replace theirs
                row.ics_sequence = raised_sequence(row.ics_sequence, MeetingState(row.state))
            changed_on = letter_change(today or clock.today(), row.starts_at.date())
            if moved and row.state == MeetingState.INVITED and changed_on is not None:
                row.invitation_changed_on = changed_on  # not after the day: no letter then
                if when_where[0] != row.starts_at:  # a later end needs no new notice
                    row.invitation_sent_on = row.invitation_changed_on
            session.flush()
            if moved and row.state == MeetingState.PLANNED:
                renumber(session, self._actor, row.council_id)
            record_change(session, self._actor, AuditAction.UPDATE, row, before, "geändert")
            return meeting_from_row(row, clock)

    def change_state(
        self,
        meeting_id: int,
        version: int,
        target: MeetingState,
        reason: str = "",
        *,
        now: datetime | None = None,
        sent_on: date | None = None,
        today: date | None = None,
    ) -> Meeting:
        """Move a meeting to ``target`` under the rules of ``meeting_states``.

        Cancelling needs a reason; it and inviting give the calendar entry a new STATUS
        and SEQUENCE (a planned meeting may be in the calendars, tentative, through "Alle
        Sitzungen …"); a meeting
        cancelled while planned gives up its number (the later planned ones move up), an
        invited one keeps it. Inviting records ``sent_on`` as the day the invitation went
        out (without it ``today``, unless one is recorded already), not a day after
        ``today`` nor after the meeting's. ``now`` defaults to the present (aware),
        ``today`` to the council's day at ``now``.
        """
        with changing(self._db, WHAT) as session:
            row = _held(session, meeting_id)
            check_version(row, version, WHAT)
            ensure_not_frozen(session, row.id)
            clock = council_clock(session, row.council_id)
            now = clock.now() if now is None else now
            today = now.astimezone(clock.zone).date() if today is None else today
            move_to_state(
                session, self._actor, row, clock, target, reason,
                now=now, sent_on=sent_on, today=today,
            )  # fmt: skip
            return meeting_from_row(row, clock)

    def take_back_state(
        self, meeting_id: int, version: int, *, now: datetime | None = None
    ) -> Meeting:
        """Correct a step recorded by mistake: invited back to planned while ahead of
        ``now`` (default: the present), held back to invited while the minutes are
        untouched (:mod:`~expertenrat.services.meeting_corrections`); never once approved."""
        with changing(self._db, WHAT) as session:
            row = _held(session, meeting_id)
            check_version(row, version, WHAT)
            ensure_not_frozen(session, row.id)
            clock = council_clock(session, row.council_id)
            take_back(session, self._actor, row, clock, clock.now() if now is None else now)
            return meeting_from_row(row, clock)

    def correct_invitation_day(
        self, meeting_id: int, version: int, sent_on: date, *, today: date | None = None
    ) -> Meeting:
        """Correct the day the invitation of an invited or held meeting went out (the
        notice period counts from it; "Einladung versandt" records the day it is pressed).
        Not after ``today`` (default: the council's today), not after the meeting's day, not
        once the minutes are approved. A changed invitation the start moved with, which
        counts, moves with it (:func:`~expertenrat.services.invitation_sent.
        mark_invitation_sent` keeps the two together)."""
        with changing(self._db, WHAT) as session:
            row = fetch_meeting(session, meeting_id)
            check_version(row, version, WHAT)
            ensure_not_frozen(session, row.id)
            clock = council_clock(session, row.council_id)
            correct_sent_on(session, self._actor, row, clock, sent_on, today or clock.today())
            return meeting_from_row(row, clock)

    def delete(self, meeting_id: int, version: int) -> None:
        """Delete a planned meeting whose agenda holds nothing yet but the standard items.

        The meeting is kept as a tombstone (``deleted_at``) for the published data; its
        number goes to the next planned meeting.
        """
        with changing(self._db, WHAT) as session:
            row = _held(session, meeting_id)
            check_version(row, version, WHAT)
            ensure_not_frozen(session, row.id)
            delete_planned(session, self._actor, row, council_clock(session, row.council_id))

    # --- series -------------------------------------------------------------------------

    def create_series(
        self,
        council_id: int,
        spec: SeriesSpec,
        *,
        kind: MeetingKind = MeetingKind.REGULAR,
        title: str = "",
        place: str = "",
        room: str = "",
        online_link: str = "",
    ) -> builtins.list[int]:
        """Save every meeting of the series, each with the standard opening items, in one
        transaction: all of them or none."""
        with changing(self._db, "Die Sitzungsreihe") as session:
            return add_series(
                session,
                self._actor,
                council_id,
                spec,
                kind=kind,
                title=title,
                place=place,
                room=room,
                online_link=online_link,
            )


def _held(session: Session, meeting_id: int) -> models.Meeting:
    """The meeting to change, its council held first (``hold_council``) and the row read
    again after it: a change that may renumber the council's meetings takes the council
    before any meeting row, so two such changes on two PCs wait for each other instead of
    each holding a row the other needs."""
    row = fetch_meeting(session, meeting_id)
    hold_council(session, row.council_id)
    session.refresh(row)
    return row
