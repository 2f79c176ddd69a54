"""The rows of a member import preview as a table: line, name, result, reasons, consent."""

from __future__ import annotations

from PySide6.QtGui import QColor

from expertenrat.domain.member_import_preview import ImportRow, ImportStatus
from expertenrat.domain.text_folding import fold
from expertenrat.ui.i18n import tr
from expertenrat.ui.table_model import Column, RowsTableModel, number_column
from expertenrat.ui.theme_colours import ERROR_RED, WARNING_AMBER, on_base, on_wash, wash

_CONTEXT = "MemberImportDialog"
_ERROR_TINT = QColor("#fde7e9")
_ERROR_TEXT = QColor(ERROR_RED)
_UNCHANGED_TEXT = QColor("#5f6368")
_CONSENT_TINT = QColor("#fff4ce")
_CONSENT_ACCENT = QColor(WARNING_AMBER)  # its wash on a dark palette: a warning frame's amber


class ImportRowsModel(RowsTableModel):
    """The rows of an import preview: line, name, result, the reasons, consent changes."""

    COLUMN_LINE, COLUMN_NAME, COLUMN_RESULT, COLUMN_REASONS, COLUMN_CONSENT = range(5)

    def __init__(self, parent=None) -> None:
        results = {
            ImportStatus.NEW: tr(_CONTEXT, "neu"),
            ImportStatus.UPDATE: tr(_CONTEXT, "aktualisieren"),
            ImportStatus.UNCHANGED: tr(_CONTEXT, "unverändert"),
            ImportStatus.ERROR: tr(_CONTEXT, "Fehler"),
        }
        order = list(ImportStatus)
        super().__init__(
            (
                number_column(tr(_CONTEXT, "Zeile"), lambda row: row.line),
                Column(
                    tr(_CONTEXT, "Name"),
                    lambda row: row.label or "–",
                    sort_value=_name_order,  # as the member table: "von Hohenzollern" under H
                ),
                Column(
                    tr(_CONTEXT, "Ergebnis"),
                    lambda row: results[row.status],
                    sort_value=lambda row: order.index(row.status),
                ),
                Column(
                    tr(_CONTEXT, "Hinweise"),
                    lambda row: "\n".join(row.reasons),
                    tooltip=lambda row: "\n".join(row.reasons) or None,
                ),
                Column(
                    tr(_CONTEXT, "Einwilligungen"),
                    lambda row: "\n".join(change.text for change in row.consent_changes),
                    background=lambda row: (
                        wash(_CONSENT_TINT, _CONSENT_ACCENT) if row.consent_changes else None
                    ),
                ),
            ),
            parent,
        )

    def key(self, row: ImportRow) -> int:
        return row.line

    def foreground(self, row: ImportRow) -> QColor | None:
        if row.status is ImportStatus.ERROR:
            return on_wash(_ERROR_TEXT, _ERROR_TINT)
        return on_base(_UNCHANGED_TEXT) if row.status is ImportStatus.UNCHANGED else None

    def background(self, row: ImportRow) -> QColor | None:
        return wash(_ERROR_TINT, _ERROR_TEXT) if row.status is ImportStatus.ERROR else None


def _name_order(row: ImportRow) -> str:
    """A row's place when sorted by name: its member's (name_sort_key), also for a row
    refused with errors; a row that could not be read at all by the name it shows."""
    if row.member is not None:
        return row.member.sort_name
    return row.sort_name or fold(row.label)
