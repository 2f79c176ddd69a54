"""Meetings of a council: the list, single meetings, series, states, numbers and the chair.

Every rule lives in the domain (``meeting_draft``, ``meeting_states``, ``meeting_numbers``,
``meeting_series``, ``series_warnings``); this service reads and writes the rows, converts
the times (the database keeps the council's wall clock, callers get aware datetimes, see
:mod:`expertenrat.services.meeting_rows`) and records each change in the audit trail. A
draft's checks are :mod:`expertenrat.services.meeting_checks`, a series' dates and rows
:mod:`expertenrat.services.meeting_series`, what a state change or a deletion does to the
rows :mod:`expertenrat.services.meeting_transitions`.
"""

from __future__ import annotations

import builtins
from dataclasses import replace
from datetime import date, datetime, timedelta
from types import EllipsisType

from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction, MeetingKind, MeetingState, MinutesState
from expertenrat.domain.errors import FieldProblem, ValidationError
from expertenrat.domain.meeting_draft import MeetingDraft, lead_time, proposed_draft
from expertenrat.domain.meeting_series import SeriesSpec, series_start
from expertenrat.domain.meetings import Meeting, MeetingScope, MeetingSummary, SeriesPreview
from expertenrat.services import agenda_rows, audit
from expertenrat.services.meeting_checks import checked_draft, draft_problems
from expertenrat.services.meeting_rows import (
    apply_draft,
    chair_problems,
    council_clock,
    meeting_from_row,
    meeting_rows,
    renumber,
    summaries,
)
from expertenrat.services.meeting_series import add_series, series_preview
from expertenrat.services.meeting_transitions import delete_planned, move_to_state, record_change
from expertenrat.services.minutes_finishing import draft_finish
from expertenrat.services.minutes_freeze import ensure_not_frozen
from expertenrat.services.minutes_recommendations import follow_meeting_day
from expertenrat.services.unit_of_work import (
    changing,
    check_version,
    fetch,
    hold_council,
    raise_if_invalid,
    reading,
)
from expertenrat.store import models
from expertenrat.store.database import Database

WHAT = "Die Sitzung"


class MeetingsService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    # --- reading ------------------------------------------------------------------------

    def list(
        self,
        council_id: int,
        scope: MeetingScope = MeetingScope.ALL,
        year: int | None = None,
        *,
        today: date | None = None,
    ) -> builtins.list[MeetingSummary]:
        """The council's meetings in order of their start; ``UPCOMING`` is from ``today`` on
        (default: today in the council's time zone), ``HELD`` those held, ``UNRECORDED`` those
        before ``today`` still planned or invited; ``year`` narrows."""
        with reading(self._db) as session:
            clock = council_clock(session, council_id)
            rows = meeting_rows(session, council_id)
            day = today or clock.today()
            if scope is MeetingScope.UPCOMING:
                rows = [r for r in rows if r.starts_at.date() >= day]
            elif scope is MeetingScope.HELD:
                rows = [r for r in rows if r.state == MeetingState.HELD]
            elif scope is MeetingScope.UNRECORDED:
                rows = [
                    r
                    for r in rows
                    if r.starts_at.date() < day
                    and r.state in (MeetingState.PLANNED, MeetingState.INVITED)
                ]
            if year is not None:
                rows = [r for r in rows if r.starts_at.year == year]
            listed = summaries(session, clock, rows)
            return [_with_finish(session, s, r) for s, r in zip(listed, rows, strict=True)]

    def years(self, council_id: int) -> builtins.list[int]:
        """The years in which the council has meetings, newest first."""
        with reading(self._db) as session:
            return sorted(
                {r.starts_at.year for r in meeting_rows(session, council_id)}, reverse=True
            )

    def get(self, meeting_id: int) -> Meeting:
        with reading(self._db) as session:
            row = _fetch(session, meeting_id)
            return meeting_from_row(row, council_clock(session, row.council_id))

    def proposal(self, council_id: int, today: date) -> tuple[MeetingDraft, Meeting | None]:
        """The new meeting the form proposes (:func:`~expertenrat.domain.meeting_draft.
        proposed_draft`) and the meeting whose place and times it takes: the council's
        latest meeting that is not deleted (by its start, cancelled ones too), a Klausur
        only when there is no other; ``None`` for a council without meetings. Where it can,
        the day keeps that meeting's weekday and its place in the month ("the third
        Thursday", :func:`~expertenrat.domain.meeting_series.series_start`), as a series
        proposed on the same day does; never before :meth:`earliest_day`."""
        with reading(self._db) as session:
            lead = _lead(session, council_id)
            rows = meeting_rows(session, council_id)
            usual = [r for r in rows if r.kind != MeetingKind.WORKSHOP] or rows
            if not usual:
                return proposed_draft(None, today, lead=lead), None
            latest = meeting_from_row(usual[-1], council_clock(session, council_id))
            before = usual[-2].starts_at.date() if len(usual) > 1 else None
            draft = proposed_draft(latest.draft(), today, before=before, lead=lead)
            day, _ = series_start(draft.start.date(), latest.starts_at.date(), today + lead)
            moved = timedelta(days=(day - draft.start.date()).days)
            return replace(draft, start=draft.start + moved, end=draft.end + moved), latest

    def earliest_day(self, council_id: int, today: date) -> date:
        """The first day a new meeting (or series) is proposed on: two weeks ahead, or
        the council's notice period if that is longer (:func:`~expertenrat.domain.
        meeting_draft.lead_time`)."""
        with reading(self._db) as session:
            return today + _lead(session, council_id)

    def problems(
        self,
        council_id: int,
        draft: MeetingDraft,
        *,
        meeting_id: int | None = None,
        notes: str = "",
    ) -> builtins.list[FieldProblem]:
        """Errors and warnings of ``draft`` as it would be saved now: the domain's checks, a
        public holiday in the council's Bundesland and overlaps with its other meetings."""
        with reading(self._db) as session:
            clock = council_clock(session, council_id)
            return draft_problems(
                session, clock, council_id, draft, meeting_id=meeting_id, notes=notes
            )

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
            record_change(session, self._actor, AuditAction.CREATE, row, None, "angelegt", clock)
            agenda_rows.add_opening_items(session, row.id, self._actor)
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
        chair must be a member on the (new) day. A held meeting moved to another day takes
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
            if chair != row.chair_membership_id or moved:
                raise_if_invalid(
                    chair_problems(session, row.council_id, chair, row.starts_at.date())
                )
            row.chair_membership_id = chair
            if when_where[0].date() != row.starts_at.date():  # its recommendations follow
                follow_meeting_day(session, self._actor, row)
            if moved or renamed:  # what a calendar entry shows: calendars replace theirs
                row.ics_sequence += 1
            if moved and row.state == MeetingState.INVITED:
                row.invitation_changed_on = today or clock.today()
                if when_where[0] != row.starts_at:  # a later end needs no new notice
                    row.invitation_sent_on = row.invitation_changed_on
            session.flush()
            if moved and row.state == MeetingState.PLANNED:
                renumber(session, self._actor, row.council_id)
            record_change(session, self._actor, AuditAction.UPDATE, row, before, "geändert", clock)
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
    ) -> Meeting:
        """Move a meeting to ``target`` under the rules of ``meeting_states``.

        Cancelling needs a reason and gives the calendar entry a new SEQUENCE (a planned
        meeting may be in the calendars through "Alle Sitzungen …" too); a meeting
        cancelled while planned gives up its number (the later planned ones move up), an
        invited one keeps it. Inviting records ``sent_on`` as the day the invitation went
        out (without it today, unless one is recorded already). ``now`` defaults to the
        present (aware).
        """
        with changing(self._db, WHAT) as session:
            row = _held(session, meeting_id)
            check_version(row, version, WHAT)
            ensure_not_frozen(session, row.id)
            clock = council_clock(session, row.council_id)
            now = clock.now() if now is None else now
            move_to_state(
                session, self._actor, row, clock, target, reason, now=now, sent_on=sent_on
            )
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

    def preview_series(self, council_id: int, spec: SeriesSpec) -> SeriesPreview:
        """The dates of ``spec`` in the council's time zone, with warnings for public
        holidays and overlaps; an unusable rule (no dates, more than 200) raises
        ``ValidationError``."""
        with reading(self._db) as session:
            clock = council_clock(session, council_id)
            return series_preview(session, clock, council_id, spec)

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
    row = _fetch(session, meeting_id)
    hold_council(session, row.council_id)
    session.refresh(row)
    return row


def _lead(session: Session, council_id: int) -> timedelta:
    """How far ahead the council's new meetings are proposed (its notice period counts;
    a council gone meanwhile: two weeks, its form refuses the save)."""
    council = session.get(models.Council, council_id)
    return lead_time(council.notice_period_days if council is not None else 0)


def _fetch(session: Session, meeting_id: int) -> models.Meeting:
    row = fetch(session, models.Meeting, meeting_id, WHAT)
    if row.deleted_at is not None:
        fetch(session, models.Meeting, None, WHAT)  # raises NotFoundError
    return row


def _with_finish(session: Session, summary: MeetingSummary, row: models.Meeting) -> MeetingSummary:
    """A draft finished with "Entwurf abschließen" and unchanged since says so in the list;
    only such a draft is read whole (its content against the stored fingerprint)."""
    if summary.minutes_state is not MinutesState.DRAFT or row.minutes_finished_on is None:
        return summary
    finish = draft_finish(session, row)
    return replace(summary, minutes_finished_on=finish.finished_on) if finish.finished else summary
