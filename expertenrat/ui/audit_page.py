"""Änderungsprotokoll: who changed what when, newest first, read-only.

Filters (Bereich, Suche in der Beschreibung, Person, Änderung, Zeitraum:
:mod:`expertenrat.ui.audit_filter_bar`) are applied by the database; the page reads
``PAGE_SIZE`` entries at a time and "Weitere laden" adds the next ones. Below the table the
selected entry's fields, before and after, in words. "Exportieren …" writes every
matching entry (not just the loaded ones) in the background
(:mod:`expertenrat.ui.audit_export`). Nothing here edits or deletes an entry.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.audit_fields import AuditLine
from expertenrat.domain.councils import DEFAULT_ROLE_TITLES
from expertenrat.domain.errors import ExpertenratError
from expertenrat.services import audit_reading
from expertenrat.services.audit_reading import AuditFilter, AuditService
from expertenrat.services.settings import SettingsService
from expertenrat.ui.audit_detail import AuditDetail
from expertenrat.ui.audit_export import AuditExport
from expertenrat.ui.audit_filter_bar import AuditFilterBar
from expertenrat.ui.audit_reads import AuditReads
from expertenrat.ui.audit_table_model import AuditTableModel, audit_rows
from expertenrat.ui.column_fit import fit_columns, refit_on_width_change
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.page import NothingPending
from expertenrat.ui.record_selection import selection_kept, start_afresh
from expertenrat.ui.record_table import record_table_view
from expertenrat.ui.row_moves import focus_to_rows
from expertenrat.ui.widgets import page_title
from expertenrat.ui.wrapping_row import WrappingRow

_CONTEXT = "AuditPage"
PAGE_SIZE = 200
TYPING_PAUSE_MS = 300


# The columns that give way in a narrow window, the first group first.
_SHRINKABLE = (
    (AuditTableModel.COLUMN_SUMMARY,),
    (AuditTableModel.COLUMN_ACTOR, AuditTableModel.COLUMN_ENTITY),
)


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
        self._dialogs = dialogs
        self._council_id: int | None = None
        self._more = False
        self._titles = DEFAULT_ROLE_TITLES  # the council's, as the last page read them
        self.export = AuditExport(audit, settings, dialogs, today, self)
        self.reads = AuditReads(audit, self._read_failed, self)

        self.model = AuditTableModel(self)
        self.view = record_table_view(self.model, AuditTableModel.COLUMN_AT)
        self.view.setSortingEnabled(False)  # newest first, as the database pages them
        self.view.setAccessibleName(tr(_CONTEXT, "Änderungen"))  # for screen readers
        refit_on_width_change(self.view, self.fit_columns)
        self.detail = AuditDetail()
        self.filters = AuditFilterBar(today)
        self.search_edit = self.filters.search_edit
        self.count_label = QLabel()
        self.more_button = QPushButton(tr(_CONTEXT, "Weitere laden"))
        self.export_button = QPushButton(tr(_CONTEXT, "Exportieren …"))
        self.export_button.setToolTip(
            tr(_CONTEXT, "Die Einträge als Excel-Arbeitsmappe (.xlsx) oder CSV-Datei speichern")
        )
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._layout()

        self._typing.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(lambda _text: self._typing.start())
        self.filters.changed.connect(self.reload)
        self.more_button.clicked.connect(self.load_more)
        self.export_button.clicked.connect(
            lambda: self.export.ask(self._council_id, self.current_filter)
        )
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_columns()  # the width of the page is known only now

    def fit_columns(self) -> None:
        """Each column as wide as its content, the description takes the rest; in a narrow
        window the description gives way first (its tooltip whole), then the person and
        the area, so that the table does not scroll sideways (it did by a few pixels in a
        670 px window)."""
        fit_columns(self.view, _SHRINKABLE, wide=AuditTableModel.COLUMN_SUMMARY)

    # --- the Page protocol ------------------------------------------------------------

    def set_council(self, council_id: int) -> None:
        if council_id != self._council_id:
            self.model.set_rows([])  # the other council's entries are read from the newest
            self.search_edit.clear()  # a term typed for the last council
            self.filters.show_everything()
            self._typing.stop()  # the page reads them when shown, not at the pause
            self.reads.drop()
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
        self.filters.fill(entities, actors)
        self.filters.follow_today()
        self._typing.stop()
        shown = self.model.rowCount()
        limit = max(PAGE_SIZE, shown) if self._more or not shown else None
        self._read(before_id=None, limit=limit, refreshing=True)

    # --- reading ----------------------------------------------------------------------

    def current_filter(self) -> AuditFilter | None:
        if self._council_id is None:
            return None
        return self.filters.chosen(self._council_id)

    def reload(self) -> None:
        """Show the newest entries that match the filters (from the top)."""
        self._typing.stop()
        self._read(before_id=None)

    def load_more(self) -> None:
        """Add the next ``PAGE_SIZE`` older entries below the shown ones (not while a search
        runs: the rows shown are about to go)."""
        rows = self.model.rows()
        if rows and self._more and self.reads.idle():
            self._read(before_id=rows[-1].line.id)

    def _read(
        self, before_id: int | None, limit: int | None = PAGE_SIZE, *, refreshing: bool = False
    ) -> None:
        """Read the entries (a search in the worker: :mod:`ui.audit_reads`) and show them:
        older ones below those shown, or all afresh, from the top or (``refreshing``) with
        the selected entry kept."""
        wanted = self.current_filter()
        if wanted is None:
            return
        self.reads.read(
            wanted, limit, before_id, lambda page: self._show(page, before_id, refreshing)
        )
        if not self.reads.idle():
            self.count_label.setText(tr(_CONTEXT, "Die Einträge werden durchsucht …"))

    def _show(self, page: audit_reading.AuditPage, before_id: int | None, refreshing: bool) -> None:
        rows = audit_rows(page.lines, page.zone)
        if before_id is not None:
            self.model.append_rows(rows)
        elif refreshing:
            with selection_kept(self.view):
                self.model.set_rows(rows)
        else:
            self.model.set_rows(rows)
            self.view.scrollToTop()
        self._more = page.more
        self._titles = page.titles
        with focus_to_rows(self.view, self.more_button):  # all loaded: on to read them
            self.more_button.setEnabled(page.more)
        self.export_button.setEnabled(self.model.rowCount() > 0)
        self.fit_columns()
        self._update_count()
        self._selection_changed()

    def _read_failed(self, message: str) -> None:
        """Say why; the entries shown stay."""
        self._dialogs.warning(self, tr(_CONTEXT, "Änderungsprotokoll"), message)
        self._update_count()

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        inverted = self.filters.inverted_period()
        if shown == 0 and inverted is not None:
            first, last = inverted
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
        self.detail.show_line(line, names, self._titles)
