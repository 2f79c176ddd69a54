"""Mitglieder importieren: what a file would change, row by row, and the import on request."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.member_import_preview import ImportPreview, ImportResult
from expertenrat.services.member_column_guide import unused_columns_text
from expertenrat.services.unit_of_work import StorageError
from expertenrat.ui.dialog_parts import resize_within_screen
from expertenrat.ui.i18n import tr
from expertenrat.ui.member_import_table_model import ImportRowsModel
from expertenrat.ui.row_heights import fit_rows_in_sight
from expertenrat.ui.worker import Job, start_with_progress

if TYPE_CHECKING:
    from expertenrat.services.member_exchange import MemberExchangeService

_CONTEXT = "MemberImportDialog"


def summary_text(preview: ImportPreview) -> str:
    """The counts in one line, e.g. "3 neu, 1 aktualisiert, 4 unverändert, 2 mit Fehlern – …"."""
    if not preview.rows:
        return tr(_CONTEXT, "Die Datei enthält keine Mitglieder.")
    counts = preview.counts
    parts = [
        tr(_CONTEXT, "{} neu").format(counts.new),
        tr(_CONTEXT, "{} aktualisiert").format(counts.update),
    ]
    if counts.unchanged:
        parts.append(tr(_CONTEXT, "{} unverändert").format(counts.unchanged))
    if counts.error:
        parts.append(tr(_CONTEXT, "{} mit Fehlern").format(counts.error))
    return ", ".join(parts)


def result_text(result: ImportResult) -> str:
    """What an import saved, e.g. "Import abgeschlossen: 2 neu, 1 geändert, 7 unverändert."."""
    return tr(_CONTEXT, "Import abgeschlossen: {} neu, {} geändert, {} unverändert.").format(
        len(result.created), len(result.updated), result.unchanged
    )


def refusal_text(preview: ImportPreview) -> str:
    """Why a file with error rows is not imported at all (empty when it has none)."""
    if not preview.has_errors:
        return ""
    count = preview.counts.error
    rows = (
        tr(_CONTEXT, "1 Zeile hat Fehler")
        if count == 1
        else tr(_CONTEXT, "{} Zeilen haben Fehler").format(count)
    )
    return tr(
        _CONTEXT,
        "{}. Importiert wird erst, wenn keine Zeile mehr Fehler hat: bitte korrigieren Sie "
        "die Datei und lesen Sie sie erneut ein.",
    ).format(rows)


class MemberImportDialog(QDialog):
    """Shows an import preview; saves only on "Importieren" and then emits ``imported``.

    A file with any error row is not imported at all. Saving runs in a worker behind a
    progress dialog with "Abbrechen". Problems with the file as a whole are the caller's to
    report before opening this.
    """

    imported = Signal(object)  # ImportResult

    def __init__(
        self,
        exchange: MemberExchangeService,
        council_id: int,
        today: date,
        preview: ImportPreview,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._exchange = exchange
        self._council_id = council_id
        self._today = today
        self._preview = preview
        self.job: Job | None = None
        self.setWindowTitle(tr(_CONTEXT, "Mitglieder importieren"))
        resize_within_screen(self, 900, 520)

        intro = QLabel(
            tr(
                _CONTEXT,
                "Bitte prüfen Sie, was der Import ändern würde. Gespeichert wird erst, "
                "wenn Sie auf „Importieren“ klicken.",
            )
        )
        intro.setWordWrap(True)
        self.summary_label = QLabel(summary_text(preview))
        self.summary_label.setWordWrap(True)
        self.ignored_label = QLabel(unused_columns_text(preview.ignored_columns))
        self.ignored_label.setWordWrap(True)
        self.ignored_label.setTextFormat(Qt.TextFormat.PlainText)  # headers may hold "<"
        self.ignored_label.setVisible(bool(preview.ignored_columns))
        self.read_as_label = QLabel(preview.read_as_text)
        self.read_as_label.setWordWrap(True)
        self.read_as_label.setTextFormat(Qt.TextFormat.PlainText)  # headers may hold "<"
        self.read_as_label.setVisible(bool(preview.read_as))
        self.sheet_notes_label = QLabel("\n".join(preview.sheet_notes))
        self.sheet_notes_label.setObjectName("warningLabel")
        self.sheet_notes_label.setWordWrap(True)
        self.sheet_notes_label.setTextFormat(Qt.TextFormat.PlainText)  # sheet names may hold "<"
        self.sheet_notes_label.setVisible(bool(preview.sheet_notes))

        self.model = ImportRowsModel(self)
        self.model.set_rows(preview.rows)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(ImportRowsModel.SortRole)
        self.view = QTableView()
        self.view.setTabKeyNavigation(False)  # Tab leaves it; the arrows move in it
        self.view.setModel(proxy)
        # The rows come in the order of the file's lines: sorted by the header's indicator
        # from the first click on, not again on opening (seconds for 20,000 rows).
        header = self.view.horizontalHeader()
        header.setSortIndicator(ImportRowsModel.COLUMN_LINE, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(proxy.sort)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        header.setSectionResizeMode(
            ImportRowsModel.COLUMN_LINE, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(
            ImportRowsModel.COLUMN_RESULT, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(ImportRowsModel.COLUMN_REASONS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ImportRowsModel.COLUMN_CONSENT, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(ImportRowsModel.COLUMN_NAME, 240)
        self.row_heights = fit_rows_in_sight(self.view)

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setText(refusal_text(preview))
        self.error_label.setVisible(preview.has_errors)

        consent_lines = ", ".join(str(row.line) for row in preview.consent_rows)
        rows = (
            tr(_CONTEXT, "Zeile {} erteilt oder widerruft")
            if len(preview.consent_rows) == 1
            else tr(_CONTEXT, "Die Zeilen {} erteilen oder widerrufen")
        )
        self.consent_label = QLabel(
            rows.format(consent_lines)
            + tr(
                _CONTEXT,
                " Einwilligungen zur Veröffentlichung (Spalte „Einwilligungen“). Sie werden "
                "nur übernommen, wenn Sie es bestätigen.",
            )
        )
        self.consent_label.setObjectName("warningLabel")
        self.consent_label.setTextFormat(Qt.TextFormat.PlainText)
        self.consent_label.setWordWrap(True)
        self.consent_check = QCheckBox(tr(_CONTEXT, "Einwilligungsänderungen übernehmen"))
        for widget in (self.consent_label, self.consent_check):
            widget.setVisible(bool(preview.consent_rows))

        self.import_button = QPushButton(tr(_CONTEXT, "Importieren"))
        self._update_import_button()
        self.consent_check.toggled.connect(self._update_import_button)
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton(tr(_CONTEXT, "Abbrechen"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.import_rows)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.ignored_label)
        layout.addWidget(self.read_as_label)
        layout.addWidget(self.sheet_notes_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.consent_label)
        layout.addWidget(self.consent_check)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    @property
    def preview(self) -> ImportPreview:
        return self._preview

    def _update_import_button(self) -> None:
        """Import needs rows to save and, if they change consent, the tick that confirms it."""
        confirmed = not self._preview.consent_rows or self.consent_check.isChecked()
        self.import_button.setEnabled(
            bool(self._preview.valid_rows) and not self._preview.has_errors and confirmed
        )

    def import_rows(self) -> None:
        """Save the rows in a worker, all or nothing; on trouble say so and stay open."""
        if self._preview.has_errors:
            self._show_error(refusal_text(self._preview))
            return
        exchange, council_id, preview, today = (
            self._exchange,
            self._council_id,
            self._preview,
            self._today,
        )
        accept = self.consent_check.isChecked()
        self.job = Job(
            lambda progress: exchange.apply_import(
                council_id, preview, today, accept_consent_changes=accept, progress=progress
            )
        )
        self.job.finished.connect(self._imported)
        self.job.failed.connect(self._failed)
        self.job.cancelled.connect(self._cancelled)
        self.import_button.setEnabled(False)
        start_with_progress(
            self.job,
            self,
            tr(_CONTEXT, "Mitglieder importieren"),
            tr(_CONTEXT, "Die Mitglieder werden gespeichert …"),
        )

    def _imported(self, result: object) -> None:
        self.imported.emit(result)
        self.accept()

    def _failed(self, message: str) -> None:
        self._show_error(tr(_CONTEXT, "Es wurde nichts importiert. {}").format(message))
        # A locked database may be free again in a moment; anything else needs a new preview.
        assert self.job is not None
        self.import_button.setEnabled(isinstance(self.job.error, StorageError))

    def _cancelled(self) -> None:
        self._show_error(tr(_CONTEXT, "Der Import wurde abgebrochen; es wurde nichts gespeichert."))
        self._update_import_button()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
