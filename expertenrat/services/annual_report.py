"""The annual activity report (Tätigkeitsbericht) as PDF: gathered in one read-only session
from the members, the meetings with their attendance and agenda, and the register, then
rendered (see :mod:`expertenrat.domain.annual_report`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.annual_report import (
    AnnualReport,
    MeetingLine,
    MeetingsPart,
    annual_report,
    check_year,
)
from expertenrat.domain.annual_report_consultations import ProjectItem
from expertenrat.domain.annual_report_council import council_part
from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.meetings import list_label
from expertenrat.domain.progress import Progress, no_progress
from expertenrat.domain.published_mentions import unnamed_in_titles
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.domain.recommendations_charts import NO_FIELD
from expertenrat.domain.recommendations_report import REPORTED
from expertenrat.services.action_fields import action_field
from expertenrat.services.attendance_rows import non_public_items, placed_agendas
from expertenrat.services.attendance_sheets import attendance_sheets
from expertenrat.services.council_rows import WITH_LOGO, council_settings
from expertenrat.services.items_set_aside import items_set_aside
from expertenrat.services.meeting_rows import council_clock, meeting_rows, summaries
from expertenrat.services.member_rows import council_members
from expertenrat.services.minutes_assembly import unnamed_persons
from expertenrat.services.overview_fields import fields_of_year
from expertenrat.services.recommendation_reminders import council_letterhead
from expertenrat.services.recommendation_rows import register_rows
from expertenrat.services.recommendations_report import response_summaries
from expertenrat.services.unit_of_work import fetch, reading
from expertenrat.store import models
from expertenrat.store.database import Database

_AHEAD = frozenset({MeetingState.PLANNED, MeetingState.INVITED})


class AnnualReportService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def report(self, council_id: int, year: int, today: date | None = None) -> AnnualReport:
        """The report of ``year`` as of ``today`` (default: today in the council's time
        zone); a year after ``today``'s or outside 1900–2100 is a ``DataEntryError``."""
        with reading(self._db) as session:
            day = today or council_clock(session, council_id).today()
            check_year(year, day)
            council = fetch(session, models.Council, council_id, "Das Gremium", WITH_LOGO)
            fields = [action_field(f) for f in council.action_fields]
            part = council_part(
                council_members(session, council_id), fields, council_settings(council), year, day
            )
            # The register's year (the year of adoption), read once for the report's list (of
            # those adopted) and the action fields' figures (of any status).
            of_year = register_rows(session, council_id, day, RecommendationFilter(year=year))
            adopted = [r for r in of_year if r.adopted_on is not None and r.status in REPORTED]
            set_aside = items_set_aside(session, council_id)  # for both parts, read once
            return annual_report(
                council_letterhead(session, council_id),
                year,
                day,
                part,
                _meetings(session, council_id, year, day),
                _project_items(session, council_id, year, set_aside),
                adopted,
                response_summaries(session, council_id),
                fields_of_year(
                    session, council_id, fields, year, set_aside, of_year, without_field=True
                ),
                [f.name for f in fields],
                non_public_items(session, {r.origin.meeting_id for r in adopted}),
            )

    def report_pdf(
        self,
        council_id: int,
        year: int,
        today: date | None = None,
        progress: Progress = no_progress,
    ) -> RenderedPdf:
        """The report (see :meth:`report`) as a finished PDF with the warnings of rendering
        and of a recommendation's title it prints that names a member who may not be named
        (the report is public; found by a tester); ``progress`` hears of two steps of three
        (read, rendered), the caller's saving is the third."""
        from expertenrat.reports.annual_report_pdf import render_annual_report  # reportlab

        progress(0, 3)
        report = self.report(council_id, year, today)
        titled = [line.row for field in report.recommendations for line in field.lines]
        unnamed = ()
        if titled:
            with reading(self._db) as session:
                unnamed = unnamed_persons(session, council_id)
        progress(1, 3)
        rendered = render_annual_report(report)
        progress(2, 3)
        return replace(rendered, warnings=rendered.warnings + unnamed_in_titles(titled, unnamed))


def _meetings(session: Session, council_id: int, year: int, day: date) -> MeetingsPart:
    """The year's held and cancelled meetings, with the attendance of the held ones (their
    sheets read together: one at a time took some ten statements a meeting); the planned or
    invited ones counted, apart those whose day is before ``day``."""
    rows = meeting_rows(session, council_id, year)
    listed = summaries(session, council_clock(session, council_id), rows)
    held = [r for r, s in zip(rows, listed, strict=True) if s.state is MeetingState.HELD]
    sheets = attendance_sheets(session, held)
    lines = []
    ahead = unrecorded = 0
    for row, summary in zip(rows, listed, strict=True):
        if summary.state in _AHEAD:
            if summary.starts_at.date() < day:
                unrecorded += 1
            else:
                ahead += 1
            continue
        line = MeetingLine(summary.label, summary.starts_at.date(), summary.where, summary.state)
        if summary.state is MeetingState.HELD:
            sheet = sheets[row.id]
            line = replace(
                line,
                present=sheet.quorum.present_voting,
                entitled=sheet.quorum.entitled,
                quorate=sheet.meeting_quorum.quorate,
                recorded=any(e.status is not None for e in sheet.entries),
            )
        lines.append(line)
    return MeetingsPart(tuple(lines), ahead, unrecorded)


def _project_items(
    session: Session, council_id: int, year: int, set_aside: frozenset[int]
) -> list[ProjectItem]:
    """The agenda items about a project of the council in the meetings held in ``year``,
    in agenda order, with their effective publicity; not those postponed or taken off the
    agenda there, nor those that went with an item above them
    (``set_aside``, :func:`~expertenrat.services.items_set_aside.items_set_aside`)."""
    projects = {
        project_id: (title, field or NO_FIELD)
        for project_id, title, field in session.execute(
            select(models.Project.id, models.Project.title, models.ActionField.name)
            .outerjoin(models.ActionField, models.ActionField.id == models.Project.action_field_id)
            .where(models.Project.council_id == council_id)
        )
    }
    found = []
    rows = meeting_rows(session, council_id, year)
    held = [m for m in rows if m.state == MeetingState.HELD.value]
    agendas = placed_agendas(session, [m.id for m in held])
    for meeting in held:
        label = list_label(meeting.number, MeetingKind(meeting.kind), meeting.title)
        for row, placed in agendas.get(meeting.id, ()):
            if row.project_id not in projects or row.id in set_aside:
                continue
            title, field = projects[row.project_id]
            found.append(
                ProjectItem(
                    meeting_id=meeting.id,
                    project_id=row.project_id,
                    field=field,
                    day=meeting.starts_at.date(),
                    meeting=label,
                    number=placed.number,
                    title=row.title,
                    project=title,
                    public=placed.public,
                )
            )
    return found
