"""Table model of the recommendations register: every column of the register, overdue rows
marked, native sort values; each row carries its folded search text, computed once. The
model filters and sorts itself (20,000 rows as you type, see FilteredRowsTableModel)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtGui import QColor

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.recommendation_codes import parse_code
from expertenrat.domain.recommendation_search import register_search_text
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.state_help import RECOMMENDATION_STATUS_HELP
from expertenrat.ui.filtered_table_model import FilteredRowsTableModel
from expertenrat.ui.i18n import tr
from expertenrat.ui.table_model import Column, number_column, text_column
from expertenrat.ui.theme_colours import ERROR_RED, on_wash, wash

_CONTEXT = "RecommendationsTableModel"
_STATUS_ORDER = {status: position for position, status in enumerate(RecommendationStatus)}
_OVERDUE_TEXT = QColor(ERROR_RED)  # overdue rows, here and in a project's list
_OVERDUE_TINT = QColor("#fdecee")


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """A recommendation as the table shows it; ``search_text`` is folded once per reload."""

    recommendation: RecommendationRow
    search_text: str


class RecommendationsTableModel(FilteredRowsTableModel):
    (
        COLUMN_CODE,
        COLUMN_KIND,
        COLUMN_TITLE,
        COLUMN_FIELD,
        COLUMN_PROJECTS,
        COLUMN_LEAD,
        COLUMN_ORIGIN,
        COLUMN_ADOPTED,
        COLUMN_SENT,
        COLUMN_DUE,
        COLUMN_STATUS,
        COLUMN_OVERDUE,
    ) = range(12)
    # Shown through the header's context menu; stable names remember the choice.
    HIDDEN_BY_DEFAULT = (COLUMN_KIND, COLUMN_LEAD, COLUMN_ORIGIN, COLUMN_ADOPTED, COLUMN_SENT)
    KEYS = (
        "code",
        "kind",
        "title",
        "field",
        "projects",
        "lead",
        "origin",
        "adopted",
        "sent",
        "due",
        "status",
        "overdue",
    )

    def __init__(self, parent=None) -> None:
        super().__init__(_columns(), parent)

    def set_recommendations(self, rows: list[RecommendationRow]) -> None:
        """Show ``rows``; a reread of the same recommendations updates only changed rows."""
        self.set_rows([register_row(row) for row in rows])

    def recommendations(self) -> list[RecommendationRow]:
        """All rows, those the filter hides too."""
        return [row.recommendation for row in self._all]

    def replace_recommendation(self, row: RecommendationRow) -> bool:
        """Show ``row`` in place of the one with its id (the filter and order asked again;
        where the rows shown stay the same, one row updated); ``False`` if none has it."""
        rows = self.recommendations()
        at = next((n for n, shown in enumerate(rows) if shown.id == row.id), None)
        if at is None:
            return False
        rows[at] = row
        self.set_recommendations(rows)
        return True

    def object_of(self, row: RegisterRow) -> RecommendationRow:
        return row.recommendation

    def foreground(self, row: RegisterRow) -> QColor | None:
        return overdue_foreground() if row.recommendation.any_overdue else None

    def background(self, row: RegisterRow) -> QColor | None:
        return overdue_background() if row.recommendation.any_overdue else None


def overdue_foreground() -> QColor:
    """The text of an overdue row, readable on its background in the palette shown."""
    return on_wash(_OVERDUE_TEXT, _OVERDUE_TINT)


def overdue_background() -> QColor:
    """An overdue row's background: pale red, on a dark palette a dark red."""
    return wash(_OVERDUE_TINT, _OVERDUE_TEXT)


def register_row(row: RecommendationRow) -> RegisterRow:
    return RegisterRow(row, register_search_text(row))


def _date(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


def _columns() -> tuple[Column[RegisterRow], ...]:

    def date_column(header: str, value) -> Column[RegisterRow]:
        # Rows without the date sort last (ascending).
        return Column(
            header,
            lambda row: _date(value(row.recommendation)),
            sort_value=lambda row: value(row.recommendation) or date.max,
        )

    return (
        text_column(
            tr(_CONTEXT, "Kennung"),
            lambda row: row.recommendation.code,
            sort_value=lambda row: _code_key(row.recommendation.code),
        ),
        text_column(tr(_CONTEXT, "Art"), lambda row: row.recommendation.kind.label),
        text_column(tr(_CONTEXT, "Titel"), lambda row: row.recommendation.title),
        text_column(tr(_CONTEXT, "Handlungsfeld"), lambda row: row.recommendation.action_field),
        text_column(tr(_CONTEXT, "Projekt(e)"), lambda row: row.recommendation.project_names),
        text_column(tr(_CONTEXT, "Federführung"), lambda row: row.recommendation.lead_units),
        text_column(tr(_CONTEXT, "Herkunft"), lambda row: row.recommendation.origin.label),
        date_column(tr(_CONTEXT, "Beschlossen am"), lambda r: r.adopted_on),
        date_column(tr(_CONTEXT, "Übermittelt am"), lambda r: r.sent_on),
        # The date the project owes the council something by: its response, or for an
        # interim "Umsetzung geplant" the plan's date, from which its days overdue count.
        Column(
            tr(_CONTEXT, "Frist"),
            lambda row: _date(row.recommendation.awaited_on),
            sort_value=lambda row: row.recommendation.awaited_on or date.max,
            tooltip=lambda row: _awaited_whole(row.recommendation),
        ),
        text_column(
            tr(_CONTEXT, "Status"),
            lambda row: _status(row.recommendation),
            sort_value=lambda row: _STATUS_ORDER[row.recommendation.status],
            tooltip=lambda row: _status_tip(row.recommendation),
        ),
        Column(  # empty unless overdue; sorts by the number
            tr(_CONTEXT, "Überfällig"),
            lambda row: _days(row.recommendation.most_overdue.days_overdue),
            sort_value=lambda row: row.recommendation.most_overdue.days_overdue,
            alignment=number_column("", int).alignment,
            tooltip=lambda row: _late_whole(row.recommendation),
        ),
    )


def _status(row: RecommendationRow) -> str:
    """ "übermittelt", or where one of two projects answered "übermittelt (1/2)": no wider
    than "teilweise umgesetzt", so the title keeps its room in a small window; the tooltip
    and the detail say it whole ("1 von 2 Projekten hat geantwortet; es fehlt noch …")."""
    done = sum(p.id in row.answered for p in row.projects)
    return (
        f"{row.status.label} ({done}/{len(row.projects)})"
        if row.answer_progress
        else (row.status.label)
    )


def _status_tip(row: RecommendationRow) -> str:
    """Who answered of several projects, then what the status means and what comes next."""
    return "\n\n".join(
        part for part in (row.answer_progress, RECOMMENDATION_STATUS_HELP[row.status]) if part
    )


def _awaited_whole(row: RecommendationRow) -> str | None:
    if row.settled:  # every answer final: no Frist matters any more, as in the report
        return tr(_CONTEXT, "Abschluss möglich")
    if row.awaits_plan and row.planned_by is not None:
        text = tr(_CONTEXT, "Umsetzung geplant bis {}").format(_date(row.planned_by))
        if row.due_on is not None:
            text += tr(_CONTEXT, " (Frist der Stellungnahme: {})").format(_date(row.due_on))
        return text
    return tr(_CONTEXT, "Frist der Stellungnahme") if row.due_on is not None else None


def _late_whole(row: RecommendationRow) -> str | None:
    """ "Seit 26 Tagen überfällig", or "Umsetzung geplant bis 20.11.2026, seit 12 Tagen
    überfällig" (a plan passed beside responses still awaited: its part's)."""
    text = row.most_overdue.overdue_text
    return text[:1].upper() + text[1:] if text else None


def _days(days: int | None) -> str:
    if not days:
        return ""
    return tr(_CONTEXT, "1 Tag") if days == 1 else tr(_CONTEXT, "{} Tage").format(days)


def _code_key(code: str) -> str:
    """By year and running number, as the register counts: E-2026-7 before E-2026-10, and
    DB-2026-08 after E-2026-07 where the prefix changed during the year."""
    parsed = parse_code(code)
    return f"{parsed[0]:04d}-{parsed[1]:06d} {code}" if parsed else code
