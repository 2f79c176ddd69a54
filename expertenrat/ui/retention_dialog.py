"""Datei → Aufbewahrung …: former members due for anonymisation, and "Anonymisieren …".

Lists the persons whose last membership in any council ended more than the retention
period (Einstellungen → Auf diesem PC) ago and who still have contact data, notes or
consent dates. "Anonymisieren …" asks, then removes those from the selected persons (the
name stays for the minutes); the audit trail records it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.retention import RetentionCandidate
from expertenrat.domain.wording import years_ago
from expertenrat.services.retention import RetentionService
from expertenrat.ui.dialog_parts import close_buttons, resize_within_screen, tab_as_shown
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.record_table import record_table_view, sorting_proxy
from expertenrat.ui.table_model import Column, RowsTableModel

_CONTEXT = "RetentionDialog"


class RetentionModel(RowsTableModel):
    COLUMN_NAME, COLUMN_LEFT = range(2)

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[RetentionCandidate], ...] = (
            Column(tr(_CONTEXT, "Name"), lambda c: c.name, sort_value=lambda c: c.sort_name),
            Column(
                tr(_CONTEXT, "ausgeschieden am"),
                lambda c: f"{c.left_on:%d.%m.%Y}",
                sort_value=lambda c: c.left_on,
            ),
        )
        super().__init__(columns, parent)

    def key(self, row: RetentionCandidate) -> Hashable:
        return row.person_id


class RetentionDialog(QDialog):
    def __init__(
        self,
        retention: RetentionService,
        dialogs: DialogService,
        today: Callable[[], date],
        years: Callable[[], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._retention = retention
        self._dialogs = dialogs
        self._today = today
        self._years = years
        self.setWindowTitle(tr(_CONTEXT, "Aufbewahrung"))
        resize_within_screen(self, 560, 420)
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.intro_label.setTextFormat(Qt.TextFormat.PlainText)
        self.model = RetentionModel(self)
        self.proxy = sorting_proxy(self.model, self)  # the header's arrow sorts
        self.view = record_table_view(self.proxy, RetentionModel.COLUMN_LEFT)
        self.view.setAccessibleName(tr(_CONTEXT, "Ehemalige Mitglieder"))  # for screen readers
        self.view.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.anonymise_button = QPushButton(tr(_CONTEXT, "Anonymisieren …"))
        buttons = close_buttons(self, self.anonymise_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        tab_as_shown(buttons)  # once in the dialog: reparenting keeps the made order
        self.anonymise_button.clicked.connect(self.ask_anonymise)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    def reload(self) -> None:
        years = self._years()
        try:
            due = self._retention.due(self._today(), years)
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Aufbewahrung"), error.message)
            due = []
        self.model.set_rows(due)
        if due:
            text = tr(
                _CONTEXT,
                "Diese ehemaligen Mitglieder sind vor mehr als {} ausgeschieden; ihre "
                "Kontaktdaten, Notizen und Einwilligungen sollten gelöscht werden. Der Name "
                "bleibt für die Protokolle erhalten.",
            ).format(years_ago(years))
            self.view.selectAll()
        else:
            text = tr(
                _CONTEXT,
                "Niemand ist fällig: kein ehemaliges Mitglied ist vor mehr als {} "
                "ausgeschieden und hat noch Kontaktdaten gespeichert.",
            ).format(years_ago(years))
        self.intro_label.setText(text)
        self._selection_changed()

    def selected(self) -> list[RetentionCandidate]:
        rows = self.view.selectionModel().selectedRows()
        return [index.data(RetentionModel.ObjectRole) for index in rows]

    def _selection_changed(self) -> None:
        self.anonymise_button.setEnabled(bool(self.selected()))

    def ask_anonymise(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        names = ", ".join(c.name for c in chosen[:5]) + (" …" if len(chosen) > 5 else "")
        persons = (
            tr(_CONTEXT, "einer Person")
            if len(chosen) == 1
            else tr(_CONTEXT, "{} Personen").format(len(chosen))
        )
        self._dialogs.question(
            self,
            tr(_CONTEXT, "Anonymisieren"),
            tr(
                _CONTEXT,
                "Kontaktdaten, Notizen und Einwilligungen von {} endgültig löschen ({})? Die "
                "Namen bleiben erhalten.",
            ).format(persons, names),
            lambda: self.anonymise([c.person_id for c in chosen]),
        )

    def anonymise(self, person_ids: list[int]) -> None:
        try:
            count = self._retention.anonymise(person_ids, self._today(), self._years())
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Anonymisieren"), error.message)
            return
        self._dialogs.information(
            self,
            tr(_CONTEXT, "Anonymisieren"),
            tr(_CONTEXT, "1 Person anonymisiert.")
            if count == 1
            else tr(_CONTEXT, "{} Personen anonymisiert.").format(count),
        )
        self.reload()
