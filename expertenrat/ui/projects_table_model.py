"""Table model of a council's projects."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from expertenrat.domain.enums import ProjectPhase
from expertenrat.domain.projects import Project, ProjectEntry
from expertenrat.domain.text_folding import fold, searchable
from expertenrat.ui.i18n import tr
from expertenrat.ui.table_model import (
    Column,
    RowsTableModel,
    number_column,
    text_column,
)
from expertenrat.ui.theme_colours import dimmed

_CONTEXT = "ProjectsTableModel"
_PHASE_ORDER = {phase: position for position, phase in enumerate(ProjectPhase)}


@dataclass(frozen=True, slots=True)
class ProjectRow:
    """A project as the table shows it; ``search_text`` is folded, computed once per reload."""

    entry: ProjectEntry
    search_text: str

    @property
    def project(self) -> Project:
        return self.entry.project


class ProjectsTableModel(RowsTableModel):
    """Projects in rows, in title order; the view's proxy sorts by any column."""

    (
        COLUMN_TITLE,
        COLUMN_CODE,
        COLUMN_FIELD,
        COLUMN_PHASE,
        COLUMN_LEAD,
        COLUMN_CONSULTATIONS,
        COLUMN_CONTACT,
        COLUMN_PARTNERS,
        COLUMN_RECOMMENDATIONS,
    ) = range(9)
    # The counts are in the detail beside the table, so the title keeps its room.
    HIDDEN_BY_DEFAULT = (
        COLUMN_CONSULTATIONS,
        COLUMN_CONTACT,
        COLUMN_PARTNERS,
        COLUMN_RECOMMENDATIONS,
    )
    # Stable names of the columns, for remembering which ones the user shows.
    KEYS = (
        "title",
        "code",
        "field",
        "phase",
        "lead",
        "consultations",
        "contact",
        "partners",
        "recommendations",
    )

    def __init__(self, parent=None) -> None:
        super().__init__(_columns(), parent)

    def set_projects(self, entries: list[ProjectEntry]) -> None:
        """Show ``entries``; a reread of the same projects updates only the changed rows."""
        rows = [_row(entry) for entry in entries]
        self.set_rows(sorted(rows, key=lambda row: fold(row.project.title)))

    def object_of(self, row: ProjectRow) -> Project:
        return row.project

    def foreground(self, row: ProjectRow) -> QColor | None:
        return dimmed() if row.project.phase is ProjectPhase.COMPLETED else None


def _columns() -> tuple[Column[ProjectRow], ...]:
    return (
        text_column(tr(_CONTEXT, "Titel"), lambda row: row.project.title),
        text_column(tr(_CONTEXT, "Kürzel"), lambda row: row.project.short_code),
        text_column(tr(_CONTEXT, "Handlungsfeld"), lambda row: row.entry.action_field),
        text_column(
            tr(_CONTEXT, "Phase"),
            lambda row: row.project.phase.label,
            sort_value=lambda row: _PHASE_ORDER[row.project.phase],
        ),
        text_column(tr(_CONTEXT, "Federführung"), lambda row: row.project.lead_unit),
        number_column(tr(_CONTEXT, "Beratungen"), lambda row: row.entry.consultations),
        text_column(
            tr(_CONTEXT, "Ansprechperson"),
            lambda row: row.project.contact_name,
            tooltip=lambda row: row.project.contact_email or None,
        ),
        text_column(tr(_CONTEXT, "Partner"), lambda row: ", ".join(row.project.partners)),
        number_column(tr(_CONTEXT, "Empfehlungen"), lambda row: row.entry.recommendations),
    )


def _row(entry: ProjectEntry) -> ProjectRow:
    project = entry.project
    text = searchable(
        project.title,
        project.short_code,
        project.lead_unit,
        project.contact_name,
        project.contact_email,
        entry.action_field,
        *project.partners,
    )
    return ProjectRow(entry, text)
