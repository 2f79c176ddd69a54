"""Table model of the audit trail: one entry per row, newest first, times local."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from expertenrat.domain.audit_fields import AuditLine, local_time
from expertenrat.domain.audit_labels import entity_label
from expertenrat.ui.i18n import tr
from expertenrat.ui.table_model import Column, RowsTableModel

_CONTEXT = "AuditTableModel"


@dataclass(frozen=True, slots=True)
class AuditRow:
    """An entry as the table shows it: with its time in the council's time zone."""

    line: AuditLine
    at: datetime  # local


def audit_rows(lines: list[AuditLine], zone: ZoneInfo) -> list[AuditRow]:
    return [AuditRow(line, local_time(line.at, zone)) for line in lines]


class AuditTableModel(RowsTableModel):
    COLUMN_AT, COLUMN_ACTOR, COLUMN_ACTION, COLUMN_ENTITY, COLUMN_SUMMARY = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[AuditRow], ...] = (
            Column(
                tr(_CONTEXT, "Zeitpunkt"),
                lambda row: f"{row.at:%d.%m.%Y %H:%M}",
                sort_value=lambda row: row.at.replace(tzinfo=None),
            ),
            Column(tr(_CONTEXT, "Person"), lambda row: row.line.actor),
            Column(tr(_CONTEXT, "Änderung"), lambda row: row.line.action.label),
            Column(tr(_CONTEXT, "Bereich"), lambda row: entity_label(row.line.entity)),
            Column(
                tr(_CONTEXT, "Beschreibung"),
                lambda row: row.line.summary,
                tooltip=lambda row: row.line.summary or None,
            ),
        )
        super().__init__(columns, parent)

    def key(self, row: AuditRow) -> Hashable:
        return row.line.id

    def object_of(self, row: AuditRow) -> AuditLine:
        return row.line
