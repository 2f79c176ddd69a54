"""Series of meetings: the dates of a rule with warnings for public holidays and overlaps,
and saving all of them in one transaction (see :meth:`MeetingsService.create_series`)."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from expertenrat.domain.council_clock import CouncilClock
from expertenrat.domain.enums import AuditAction, MeetingKind, MeetingState
from expertenrat.domain.meeting_draft import MeetingDraft, validate_meeting
from expertenrat.domain.meeting_series import SeriesSpec, rule_text, series_dates
from expertenrat.domain.meetings import SeriesPreview, clean_draft, entry_problems
from expertenrat.domain.series_warnings import (
    holiday_warnings,
    overlap_warnings,
    skipped_day_warnings,
    weekend_warnings,
)
from expertenrat.domain.series_wording import counted_series, preview_line
from expertenrat.services import agenda_rows, audit
from expertenrat.services.approval_carry import name_waiting_approvals
from expertenrat.services.meeting_number_notes import series_number_warnings
from expertenrat.services.meeting_rows import (
    apply_draft,
    council_clock,
    existing_meetings,
    renumber,
)
from expertenrat.services.unit_of_work import hold_council, raise_if_invalid
from expertenrat.store import models


def series_preview(
    session: Session, clock: CouncilClock, council_id: int, spec: SeriesSpec
) -> SeriesPreview:
    """The dates of ``spec`` in the council's time zone, with warnings for public holidays,
    overlaps with the council's meetings and dates before one whose number is fixed (they
    get higher numbers); an unusable rule raises ``ValidationError``."""
    spec = _in_zone(clock, spec)
    occurrences = series_dates(spec)
    others = existing_meetings(session, clock, council_id)
    warnings = (
        skipped_day_warnings(spec)
        + weekend_warnings(occurrences)
        + holiday_warnings(occurrences, clock.bundesland)
        + overlap_warnings(occurrences, others)
        + series_number_warnings(session, clock, council_id, [o.start for o in occurrences])
    )
    return SeriesPreview(
        counted_series(spec, len(occurrences)),
        tuple(occurrences),
        tuple(preview_line(o) for o in occurrences),
        tuple(warnings),
    )


def add_series(
    session: Session,
    actor: str,
    council_id: int,
    spec: SeriesSpec,
    *,
    kind: MeetingKind,
    title: str,
    place: str,
    room: str,
    online_link: str,
) -> list[int]:
    """Add every meeting of the series in ``session``'s transaction, numbered, each with the
    standard opening items, the series audited; returns the new meetings' ids."""
    hold_council(session, council_id)  # the numbers: before any meeting row
    clock = council_clock(session, council_id)
    preview = series_preview(session, clock, council_id, spec)
    drafts = [
        clean_draft(MeetingDraft(kind, o.start, o.end, title, place, room, online_link))
        for o in preview.occurrences
    ]
    raise_if_invalid(validate_meeting(drafts[0]) + entry_problems(drafts[0]))
    series = models.MeetingSeries(
        council_id=council_id, title=drafts[0].title, rrule=rule_text(_in_zone(clock, spec))
    )
    session.add(series)
    session.flush()
    rows = []
    for draft in drafts:
        row = models.Meeting(council_id=council_id, number=None, state=MeetingState.PLANNED)
        apply_draft(row, clock, draft)
        row.series_id = series.id
        rows.append(row)
    session.add_all(rows)
    session.flush()
    renumber(session, actor, council_id)
    audit.record(
        session,
        actor,
        AuditAction.CREATE,
        "meeting_series",
        series.id,
        council_id=council_id,
        summary=f"Sitzungsreihe angelegt: {preview.description}",
        after={**audit.snapshot(series), "meeting_ids": [r.id for r in rows]},
    )
    for row in rows:
        agenda_rows.add_opening_items(session, row.id, actor)
        name_waiting_approvals(session, row, actor)
    return [r.id for r in rows]


def _in_zone(clock: CouncilClock, spec: SeriesSpec) -> SeriesSpec:
    return replace(spec, time_zone=clock.zone.key)
