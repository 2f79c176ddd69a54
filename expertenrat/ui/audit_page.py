"""Änderungsprotokoll: who changed what when, newest first, read-only.

Filters (Bereich, Suche in der Beschreibung, Person, Änderung, Zeitraum) are applied by the
database; the page reads ``PAGE_SIZE`` entries at a time and "Weitere laden" adds the next
ones. Below the table the selected entry's fields, before and after, in words. "Als CSV
exportieren …" writes every matching entry (not just the loaded ones) in the background.
Nothing here edits or deletes an entry.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.audit_fields import AuditLine
from expertenrat.domain.audit_labels import entity_label
from expertenrat.domain.enums import AuditAction
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.progress import Progress
from expertenrat.services.audit_reading import AuditFilter, AuditService
from expertenrat.services.files import write_file
from expertenrat.services.settings import SettingsService
from expertenrat.ui.audit_detail import AuditDetail
from expertenrat.ui.audit_table_model import AuditTableModel, audit_rows
from expertenrat.ui.council_file_names import council_file_name
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.filter_bar import FilterBar
from expertenrat.ui.i18n import tr
from expertenrat.ui.page import NothingPending
from expertenrat.ui.record_selection import selection_kept, start_afresh
from expertenrat.ui.record_table import record_table_view
from expertenrat.ui.save_location import FileKind
from expertenrat.ui.widgets import page_title
from expertenrat.ui.worker import Job, start_with_progress
from expertenrat.ui.wrapping_row import WrappingRow

_CONTEXT = "AuditPage"
PAGE_SIZE = 200
TYPING_PAUSE_MS = 300


class AuditPage(NothingPending, QWidget):
    def __init__(
        self,
        audit: AuditService,
        dialogs: DialogService,
        today: Callable[[], date],
        parent: QWidget | None = None,
        settings: SettingsService | None = None,
    ) -> None:
        """``settings``: where given, the export's file name names the council when the
        database holds several (:func:`council_file_name`)."""
        super().__init__(parent)
        self._audit = audit
        self._settings = settings
        self._dialogs = dialogs
        self._today = today
        self._council_id: int | None = None
        self._more = False
        self.job: Job | None = None

        self.model = AuditTableModel(self)
        self.view = record_table_view(self.model, AuditTableModel.COLUMN_AT)
        self.view.setSortingEnabled(False)  # newest first, as the database pages them
        self.detail = AuditDetail()
        self.entity_combo = QComboBox()
        self.actor_combo = QComboBox()
        self.action_combo = QComboBox()
        self.action_combo.addItem(tr(_CONTEXT, "Alle Änderungen"), None)
        for action in AuditAction:
            self.action_combo.addItem(action.label, action.value)
        self.period_check = QCheckBox(tr(_CONTEXT, "Zeitraum"))
        self.first_edit = _date_edit()
        self.last_edit = _date_edit()
        self.first_edit.setAccessibleName(tr(_CONTEXT, "Zeitraum von"))  # for screen readers
        self.last_edit.setAccessibleName(tr(_CONTEXT, "Zeitraum bis"))
        self.filters = FilterBar(
            tr(_CONTEXT, "Suchen in der Beschreibung …"),
            tr(_CONTEXT, "Sucht nach einer kurzen Pause beim Tippen (Strg+F)"),
            (
                self.entity_combo,
                self.actor_combo,
                self.action_combo,
                self.period_check,
                self.first_edit,
                QLabel(tr(_CONTEXT, "bis")),
                self.last_edit,
            ),
            names=(
                tr(_CONTEXT, "Bereich"),
                tr(_CONTEXT, "Person"),
                tr(_CONTEXT, "Art der Änderung"),
            ),
        )
        self.search_edit = self.filters.search_edit
        self.count_label = QLabel()
        self.more_button = QPushButton(tr(_CONTEXT, "Weitere laden"))
        self.export_button = QPushButton(tr(_CONTEXT, "Als CSV exportieren …"))
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._layout()

        self._typing.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(lambda _text: self._typing.start())
        for combo in (self.entity_combo, self.actor_combo, self.action_combo):
            combo.currentIndexChanged.connect(self.reload)
        self.period_check.toggled.connect(self._period_toggled)
        self.first_edit.dateChanged.connect(self.reload)
        self.last_edit.dateChanged.connect(self.reload)
        self.more_button.clicked.connect(self.load_more)
        self.export_button.clicked.connect(self._ask_export)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self._period_toggled(False)

    def _layout(self) -> None:
        footer = QHBoxLayout()
        self.count_label.setWordWrap(True)  # on two lines beside the buttons in a narrow window
        footer.addWidget(self.count_label, 1)
        # On two rows where the page is too narrow for one (the least window, 720 x 480).
        footer.addWidget(WrappingRow(((self.more_button,), (self.export_button,))))
        table_side = QWidget()
        upper = QVBoxLayout(table_side)
        upper.setContentsMargins(0, 0, 0, 0)
        upper.addWidget(self.filters)
        upper.addWidget(self.view, 1)
        upper.addLayout(footer)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(table_side)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(tr(_CONTEXT, "Änderungsprotokoll")))
        layout.addWidget(splitter, 1)

    # --- the Page protocol ------------------------------------------------------------

    def set_council(self, council_id: int) -> None:
        if council_id != self._council_id:
            self.model.set_rows([])  # the other council's entries are read from the newest
            self.search_edit.clear()  # a term typed for the last council
            self._typing.stop()  # the page reads them when shown, not at the pause
            start_afresh(self.view)
        self._council_id = council_id

    def refresh(self) -> None:
        """Reread the choices of the filters and the newest entries, as many as shown (all
        if all were shown: the pages loaded with "Weitere laden" stay); the selected entry
        stays selected."""
        if self._council_id is None:
            return
        try:
            entities = self._audit.entities(self._council_id)
            actors = self._audit.actors(self._council_id)
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Änderungsprotokoll"), error.message)
            return
        choices = sorted((entity_label(e), e) for e in entities)
        _fill(self.entity_combo, tr(_CONTEXT, "Alle Bereiche"), choices)
        _fill(self.actor_combo, tr(_CONTEXT, "Alle Personen"), [(a, a) for a in actors])
        self._typing.stop()
        shown = self.model.rowCount()
        with selection_kept(self.view):
            self._read(
                before_id=None, limit=max(PAGE_SIZE, shown) if self._more or not shown else None
            )

    # --- reading ----------------------------------------------------------------------

    def current_filter(self) -> AuditFilter | None:
        if self._council_id is None:
            return None
        action = self.action_combo.currentData()
        first = last = None
        if self.period_check.isChecked():
            first, last = self.first_edit.date().toPython(), self.last_edit.date().toPython()
        return AuditFilter(
            council_id=self._council_id,
            entity=self.entity_combo.currentData() or "",
            text=self.search_edit.text(),
            actor=self.actor_combo.currentData() or "",
            action=AuditAction(action) if action else None,
            first=first,
            last=last,
        )

    def reload(self) -> None:
        """Show the newest entries that match the filters."""
        self._typing.stop()
        self._read(before_id=None)
        self.view.scrollToTop()

    def load_more(self) -> None:
        """Add the next ``PAGE_SIZE`` older entries below the shown ones."""
        rows = self.model.rows()
        if rows and self._more:
            self._read(before_id=rows[-1].line.id)

    def _read(self, before_id: int | None, limit: int | None = PAGE_SIZE) -> None:
        wanted = self.current_filter()
        if wanted is None:
            return
        try:
            page = self._audit.search(wanted, limit, before_id)
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Änderungsprotokoll"), error.message)
            return
        rows = audit_rows(page.lines, page.zone)
        if before_id is None:
            self.model.set_rows(rows)
        else:
            self.model.append_rows(rows)
        self._more = page.more
        self.more_button.setEnabled(page.more)
        self.export_button.setEnabled(self.model.rowCount() > 0)
        self.view.resizeColumnsToContents()
        self._update_count()
        self._selection_changed()

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        first, last = self.first_edit.date(), self.last_edit.date()
        if shown == 0 and self.period_check.isChecked() and first > last:
            text = tr(
                _CONTEXT, "Keine Einträge: Der Zeitraum endet am {} vor seinem Beginn am {}."
            ).format(last.toString("dd.MM.yyyy"), first.toString("dd.MM.yyyy"))
        elif shown == 0:
            text = tr(_CONTEXT, "Keine Einträge für diese Auswahl.")
        elif self._more:
            text = tr(_CONTEXT, "Die neuesten {} Einträge; ältere mit „Weitere laden“.").format(
                shown
            )
        else:
            text = tr(_CONTEXT, "{} Einträge").format(shown)
            if shown == 1:
                text = tr(_CONTEXT, "1 Eintrag")
        self.count_label.setText(text)

    def _period_toggled(self, on: bool) -> None:
        if on and self.first_edit.date() == self.first_edit.minimumDate():
            today = self._today()
            for edit, day in (
                (self.first_edit, today - timedelta(days=30)),
                (self.last_edit, today),
            ):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self.first_edit.setEnabled(on)
        self.last_edit.setEnabled(on)
        self.reload()

    def selected(self) -> AuditLine | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(AuditTableModel.ObjectRole) if rows else None

    def _selection_changed(self) -> None:
        line = self.selected()
        names = None
        if line is not None:
            try:
                names = self._audit.names([line])
            except ExpertenratError:  # the database went away: the numbers alone
                names = None
        self.detail.show_line(line, names)

    # --- export -----------------------------------------------------------------------

    def _ask_export(self) -> None:
        self._dialogs.ask_save_file(
            self,
            tr(_CONTEXT, "Änderungsprotokoll exportieren"),
            tr(_CONTEXT, "CSV-Datei für Excel (*.csv)"),
            self._file_name(
                tr(_CONTEXT, "Änderungsprotokoll {:%Y-%m-%d}.csv").format(self._today())
            ),
            self.export_csv,
            FileKind.AUDIT,
        )

    def _file_name(self, name: str) -> str:
        if self._settings is None:
            return name
        return council_file_name(self._settings, self._council_id, name)

    def export_csv(self, path: str) -> None:
        """Write every entry matching the filters to ``path``, in the background."""
        wanted = self.current_filter()
        if wanted is None or (self.job is not None and self.job.running):
            return
        title = tr(_CONTEXT, "Änderungsprotokoll exportieren")
        target = Path(path)
        audit = self._audit

        def export(progress: Progress) -> None:
            data = audit.export_csv(wanted)
            progress(1, 1)  # "Abbrechen" until here: nothing is written
            write_file(target, data)

        self.job = Job(export, self)
        self.job.finished.connect(
            lambda _result: self._dialogs.file_saved(
                self, title, tr(_CONTEXT, "Das Änderungsprotokoll wurde gespeichert."), str(target)
            )
        )
        self.job.failed.connect(lambda message: self._dialogs.warning(self, title, message))
        start_with_progress(self.job, self, title, tr(_CONTEXT, "Die Einträge werden gelesen …"))


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setSpecialValueText("–")  # no day chosen yet
    edit.setDate(edit.minimumDate())
    return edit


def _fill(combo: QComboBox, everything: str, choices: list[tuple[str, str]]) -> None:
    """Offer ``everything`` and ``choices`` (label, value), keeping the chosen value."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for label, value in choices:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)
