"""The recommendations report (PDF) and the register as CSV and Excel file.

All three read the register as the page shows it (``register_rows``) plus one query for the
responses, in one read-only session. The report leaves drafts out unless statuses are asked
for; the register files hold every recommendation of the selection.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.enums import ResponseVerdict
from expertenrat.domain.file_formats import RegisterFileFormat
from expertenrat.domain.published_mentions import unnamed_in_titles
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.recommendations_report import (
    REPORTED,
    ReportLine,
    ResponseSummary,
    recommendations_report,
    report_lines,
)
from expertenrat.domain.recommendations_scope import scope_text
from expertenrat.domain.response_summaries import response_summary
from expertenrat.services.attendance_rows import non_public_items
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.minutes_assembly import unnamed_persons
from expertenrat.services.recommendation_reminders import council_letterhead
from expertenrat.services.recommendation_rows import register_rows
from expertenrat.services.unit_of_work import reading
from expertenrat.store import models
from expertenrat.store.database import Database

EVERYTHING = RecommendationFilter()
_VERDICTS = {v.value: v for v in ResponseVerdict}


@dataclass(frozen=True, slots=True)
class RegisterFile:
    """An exported file: its bytes, how many recommendations it holds, what to know."""

    data: bytes
    records: int
    warnings: tuple[str, ...] = ()


class RecommendationsReportService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def report_pdf(
        self,
        council_id: int,
        chosen: RecommendationFilter = EVERYTHING,
        today: date | None = None,
    ) -> RenderedPdf:
        """The report of the ``chosen`` recommendations (no statuses chosen: all but drafts)
        as of ``today`` (default: today in the council's time zone)."""
        from expertenrat.reports.recommendations_report_pdf import (  # reportlab: on demand
            render_recommendations_report,
        )

        with reading(self._db) as session:
            day = today or council_clock(session, council_id).today()
            head = council_letterhead(session, council_id)
            reported = replace(chosen, statuses=chosen.statuses or REPORTED)
            rows = register_rows(session, council_id, day, reported)
            answers = response_summaries(session, council_id)
            fields = _field_order(session, council_id)
            scope = scope_text(chosen, *_names(session, chosen))
            secret = non_public_items(session, {row.origin.meeting_id for row in rows})
            internal = any(row.origin.item_id in secret for row in rows)
            # A report not marked internal may go out: it warns of a title that names a
            # member who may not be named, as the OParl export does (found by a tester).
            unnamed = () if internal else unnamed_persons(session, council_id)
        report = recommendations_report(head, rows, answers, fields, day, scope)
        rendered = render_recommendations_report(replace(report, internal=internal))
        return replace(rendered, warnings=rendered.warnings + unnamed_in_titles(rows, unnamed))

    def export(
        self,
        council_id: int,
        file_format: RegisterFileFormat,
        chosen: RecommendationFilter = EVERYTHING,
        today: date | None = None,
    ) -> RegisterFile:
        """The report (PDF) or the register (CSV, Excel) of the ``chosen`` ones."""
        from expertenrat.exchange.recommendations_register import (  # openpyxl: on demand
            INTERNAL_FILE,
            register_csv,
            register_xlsx,
        )

        if file_format is RegisterFileFormat.PDF:
            rendered = self.report_pdf(council_id, chosen, today)
            return RegisterFile(rendered.pdf, rendered.records, rendered.warnings)
        lines = self.register_lines(council_id, chosen, today)
        write = register_csv if file_format is RegisterFileFormat.CSV else register_xlsx
        internal = any(line.non_public for line in lines)
        return RegisterFile(write(lines), len(lines), (INTERNAL_FILE,) if internal else ())

    def register_lines(
        self,
        council_id: int,
        chosen: RecommendationFilter = EVERYTHING,
        today: date | None = None,
    ) -> list[ReportLine]:
        """The ``chosen`` part of the register (no statuses chosen: all, drafts too) with the
        latest answer of each recommendation, those adopted in a non-public agenda item
        marked: the rows of the CSV and Excel files."""
        with reading(self._db) as session:
            day = today or council_clock(session, council_id).today()
            rows: list[RecommendationRow] = register_rows(session, council_id, day, chosen)
            answers = response_summaries(session, council_id)
            secret = non_public_items(session, {row.origin.meeting_id for row in rows})
        return [
            replace(line, non_public=line.row.origin.item_id in secret)
            for line in report_lines(rows, answers, day)
        ]


def _names(session: Session, chosen: RecommendationFilter) -> tuple[str, str]:
    """The names of the chosen action field and project, for the report's scope line."""
    field = project = ""
    if chosen.action_field_id is not None:
        field = (
            session.scalar(
                select(models.ActionField.name).where(
                    models.ActionField.id == chosen.action_field_id
                )
            )
            or ""
        )
    if chosen.project_id is not None:
        project = (
            session.scalar(
                select(models.Project.title).where(models.Project.id == chosen.project_id)
            )
            or ""
        )
    return field, project


def response_summaries(session: Session, council_id: int) -> dict[int, ResponseSummary]:
    """The first and the latest response of each recommendation of the council that has
    one, also per answering project (``domain.recommendations_report.response_summary``)."""
    response, recommendation = models.RecommendationResponse, models.Recommendation
    query = (
        select(
            response.recommendation_id, response.project_id, response.received_on, response.verdict
        )
        .join(recommendation, recommendation.id == response.recommendation_id)
        .where(recommendation.council_id == council_id, recommendation.deleted_at.is_(None))
        .order_by(response.recommendation_id, response.received_on, response.id)
    )
    found: dict[int, list[tuple[int | None, date, ResponseVerdict]]] = {}
    for key, project_id, received_on, verdict in session.connection().execute(query):
        found.setdefault(key, []).append((project_id, received_on, _VERDICTS[verdict]))
    return {key: response_summary(answers) for key, answers in found.items()}


def _field_order(session: Session, council_id: int) -> list[str]:
    field = models.ActionField
    return list(
        session.scalars(
            select(field.name)
            .where(field.council_id == council_id)
            .order_by(field.position, field.id)
        )
    )
