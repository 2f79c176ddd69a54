"""What the meetings of a council read: the list, the years, a single meeting, the new
meeting the form proposes and its earliest day, a draft's problems and a series' preview
(:class:`~expertenrat.services.meetings.MeetingsService` takes these from
:class:`MeetingQueries`; the changes are in :mod:`expertenrat.services.meetings`).

The times come as aware datetimes in the council's time zone (the database keeps its wall
clock, see :mod:`expertenrat.services.meeting_rows`); a draft's checks are
:mod:`expertenrat.services.meeting_checks`, a series' dates
:mod:`expertenrat.services.meeting_series`.
"""

from __future__ import annotations

import builtins
from dataclasses import replace
from datetime import date, timedelta
from types import EllipsisType

from sqlalchemy.orm import Session

from expertenrat.domain.enums import MeetingKind, MeetingState, MinutesState
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.meeting_draft import MeetingDraft, lead_time, proposed_draft
from expertenrat.domain.meeting_series import SeriesSpec, series_start
from expertenrat.domain.meetings import Meeting, MeetingScope, MeetingSummary, SeriesPreview
from expertenrat.domain.overview import invitation_state
from expertenrat.services.meeting_checks import draft_problems
from expertenrat.services.meeting_corrections import number_after_take_back
from expertenrat.services.meeting_rows import (
    council_clock,
    meeting_from_row,
    meeting_rows,
    summaries,
)
from expertenrat.services.meeting_series import series_preview
from expertenrat.services.minutes_finishing import draft_finish
from expertenrat.services.unit_of_work import fetch, reading
from expertenrat.store import models
from expertenrat.store.database import Database

WHAT = "Die Sitzung"


class MeetingQueries:
    """The readings of the meetings (:class:`~expertenrat.services.meetings.MeetingsService`
    sets the database)."""

    _db: Database

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
        return self.listing(council_id, scope, year, today=today)[1]

    def listing(
        self,
        council_id: int,
        scope: MeetingScope = MeetingScope.ALL,
        year: int | None = None,
        *,
        today: date | None = None,
    ) -> tuple[builtins.list[int], builtins.list[MeetingSummary]]:
        """The years in which the council has meetings, newest first, and the meetings
        :meth:`list` lists, of one read of the council's row and meetings (the Sitzungen
        read each twice: a round trip each on a server)."""
        with reading(self._db) as session:
            # Held while the session lasts: the clock takes it from the session.
            council = fetch(session, models.Council, council_id, "Das Gremium")
            clock = council_clock(session, council_id)
            rows = meeting_rows(session, council_id)
            years = sorted({r.starts_at.year for r in rows}, reverse=True)
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
            return years, [
                _with_invitation_note(_with_finish(session, s, r), council, day)
                for s, r in zip(listed, rows, strict=True)
            ]

    def get(self, meeting_id: int) -> Meeting:
        with reading(self._db) as session:
            row = fetch_meeting(session, meeting_id)
            return meeting_from_row(row, council_clock(session, row.council_id))

    def number_after_take_back(self, meeting_id: int) -> int | None:
        """The meeting's number once its last step is taken back (``take_back_state``;
        ``None``: it keeps its number), for the question before it."""
        with reading(self._db) as session:
            return number_after_take_back(session, fetch_meeting(session, meeting_id))

    def proposal(self, council_id: int, today: date) -> tuple[MeetingDraft, Meeting | None]:
        """The new meeting the form proposes (:func:`~expertenrat.domain.meeting_draft.
        proposed_draft`) and the meeting whose place and times it takes: the council's
        latest meeting that is not deleted (by its start, cancelled ones too), a Klausur
        only when there is no other; ``None`` for a council without meetings. Where it can,
        the day keeps that meeting's weekday and its place in the month ("the third
        Thursday", :func:`~expertenrat.domain.meeting_series.series_start`), as a series
        proposed on the same day does; never before :meth:`earliest_day`."""
        with reading(self._db) as session:
            # Held while the session lasts: the clock below takes it from the session
            # instead of reading the row again (a round trip on a server).
            council = session.get(models.Council, council_id)
            lead = _lead(council)
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
            return today + _lead(session.get(models.Council, council_id))

    def problems(
        self,
        council_id: int,
        draft: MeetingDraft,
        *,
        meeting_id: int | None = None,
        notes: str = "",
        chair_membership_id: int | EllipsisType | None = ...,
    ) -> builtins.list[FieldProblem]:
        """Errors and warnings of ``draft`` as it would be saved now: the domain's checks, a
        public holiday in the council's Bundesland, overlaps with its other meetings, and
        for a meeting moved, the members it records and its chair (``...``: the stored
        one) who are none on the new day."""
        with reading(self._db) as session:
            clock = council_clock(session, council_id)
            return draft_problems(
                session,
                clock,
                council_id,
                draft,
                meeting_id=meeting_id,
                notes=notes,
                chair=chair_membership_id,
            )

    def preview_series(self, council_id: int, spec: SeriesSpec) -> SeriesPreview:
        """The dates of ``spec`` in the council's time zone, with warnings for public
        holidays and overlaps; an unusable rule (no dates, more than 200) raises
        ``ValidationError``."""
        with reading(self._db) as session:
            clock = council_clock(session, council_id)
            return series_preview(session, clock, council_id, spec)


def _lead(council: models.Council | None) -> timedelta:
    """How far ahead the council's new meetings are proposed (its notice period counts;
    a council gone meanwhile: two weeks, its form refuses the save)."""
    return lead_time(council.notice_period_days if council is not None else 0)


def fetch_meeting(session: Session, meeting_id: int) -> models.Meeting:
    """The meeting row; a deleted meeting (a tombstone) is not found."""
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


def _with_invitation_note(
    summary: MeetingSummary, council: models.Council, today: date
) -> MeetingSummary:
    """A meeting ahead says what its invitation needs or missed, in the Übersicht's words
    (:func:`~expertenrat.domain.overview.invitation_state`): a planned one by when it must
    go out, or that the notice period can no longer be kept; an invited one that its
    invitation went out too late. Late, the list shows it in red."""
    day = summary.starts_at.date()
    if summary.state not in (MeetingState.PLANNED, MeetingState.INVITED) or day < today:
        return summary
    text, late = invitation_state(
        summary.state,
        day,
        council.notice_period_days,
        summary.invitation_sent_on,
        today,
        council.bundesland,
    )
    if summary.state is MeetingState.INVITED and not late:
        return summary
    return replace(summary, invitation_note=text[:1].upper() + text[1:], invitation_late=late)
