"""Datei → Aufbewahrung …: former members due for anonymisation, and "Anonymisieren …";
below, the safety copies of the database and when they are deleted.

Lists the persons whose last membership in any council ended more than the retention
period (Einstellungen → Auf diesem PC) ago and who still have contact data, notes or
consent dates. "Anonymisieren …" asks, then removes those from the selected persons (the
name stays for the minutes); the audit trail records it. "Auf Antrag (Art. 17 DSGVO)" lists
every former member instead, none chosen at first, for a person who asks for the deletion
before the period ends (the audit trail says so). The safety copies made before a
restore or an update still hold every person as they were: the dialog says how many there
are, the oldest, and when they go (:mod:`expertenrat.services.safety_copies`);
"Fällige Kopien löschen …" deletes those due now instead of at the next start.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.retention import COPIES_STILL_HOLD, RetentionCandidate
from expertenrat.domain.wording import years_ago
from expertenrat.services.retention import RetentionService
from expertenrat.services.safety_copies import SafetyCopiesService
from expertenrat.ui.column_fit import fit_columns, refit_on_width_change
from expertenrat.ui.dialog_parts import close_buttons, resize_within_screen, tab_as_shown
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.form_errors import announce
from expertenrat.ui.i18n import tr
from expertenrat.ui.record_table import record_table_view, sorting_proxy
from expertenrat.ui.safety_copies_wording import (
    copies_counted,
    copies_text,
    days_counted,
    not_deleted,
)
from expertenrat.ui.table_model import Column, RowsTableModel

_CONTEXT = "RetentionDialog"


class RetentionModel(RowsTableModel):
    COLUMN_NAME, COLUMN_COUNCILS, COLUMN_LEFT = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        columns: tuple[Column[RetentionCandidate], ...] = (
            Column(tr(_CONTEXT, "Name"), lambda c: c.name, sort_value=lambda c: c.sort_name),
            # shown only where the database holds several councils (see reload)
            Column(tr(_CONTEXT, "Gremium"), lambda c: c.councils),
            Column(
                tr(_CONTEXT, "Ausgeschieden am"),
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
        *,
        safety_copies: SafetyCopiesService,
        copy_days: Callable[[], int],
    ) -> None:
        super().__init__(parent)
        self._retention = retention
        self._safety_copies = safety_copies
        self._copy_days = copy_days
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
        # Art. 17 DSGVO: a former member may ask for the deletion before the period ends.
        self.on_request_check = QCheckBox(
            tr(_CONTEXT, "Auf Antrag (Art. 17 DSGVO): auch vor Ablauf der Frist")
        )
        self.on_request_check.toggled.connect(lambda _on: self._switch_list())
        self.copies_label = QLabel()
        self.copies_label.setWordWrap(True)
        self.copies_label.setTextFormat(Qt.TextFormat.PlainText)
        self.delete_copies_button = QPushButton(tr(_CONTEXT, "Fällige Kopien löschen …"))
        buttons = close_buttons(self, self.anonymise_button, self.delete_copies_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.on_request_check)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.copies_label)
        layout.addWidget(buttons)
        tab_as_shown(buttons)  # once in the dialog: reparenting keeps the made order
        self.anonymise_button.clicked.connect(self.ask_anonymise)
        self.delete_copies_button.clicked.connect(self.ask_delete_copies)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        refit_on_width_change(self.view, self.fit_columns)
        self.reload()

    def fit_columns(self) -> None:
        """The date as wide as it is, the name taking the room left (it was cut after
        about 15 letters beside a date column stretched over the rest); where room is
        short, the council gives way first."""
        fit_columns(
            self.view,
            [[RetentionModel.COLUMN_COUNCILS], [RetentionModel.COLUMN_NAME]],
            wide=RetentionModel.COLUMN_NAME,
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_columns()  # the width of the table is known only now

    def reload(self) -> None:
        years = self._years()
        on_request = self.on_request_check.isChecked()
        try:
            due = self._retention.due(self._today(), 0 if on_request else years)
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Aufbewahrung"), error.message)
            due = []
        self.model.set_rows(due)
        several = any(c.councils for c in due)
        self.view.setColumnHidden(RetentionModel.COLUMN_COUNCILS, not several)
        self.fit_columns()
        if on_request:  # nobody chosen at first: only the one who asked
            text = tr(
                _CONTEXT,
                "Ehemalige Mitglieder mit gespeicherten Kontaktdaten, Notizen oder "
                "Einwilligungen. Wählen Sie die Person, die die Löschung beantragt hat "
                "(Art. 17 DSGVO); der Name bleibt für die Protokolle erhalten.",
            )
            if not due:
                text = tr(
                    _CONTEXT,
                    "Kein ehemaliges Mitglied hat noch Kontaktdaten, Notizen oder "
                    "Einwilligungen gespeichert.",
                )
        elif due:
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
        self._show_copies()

    def _switch_list(self) -> None:
        """The list of "Auf Antrag" or of those due, and a screen reader says what it now
        holds and what to do: the focus stays on the check box, which said only "checked"
        (found by a tester)."""
        self.reload()
        announce(self.intro_label, self.intro_label.text(), polite=True)

    def _show_copies(self) -> None:
        days = self._copy_days()
        copies = self._safety_copies.summary(self._today(), days)
        self.copies_label.setText(copies_text(copies, days))
        self.delete_copies_button.setEnabled(copies.due > 0)

    def ask_delete_copies(self) -> None:
        due = self._safety_copies.summary(self._today(), self._copy_days()).due
        if not due:
            return
        self._dialogs.question(
            self,
            tr(_CONTEXT, "Sicherheitskopien löschen"),
            tr(
                _CONTEXT,
                "{} älter als {} jetzt endgültig löschen? Die neuesten bleiben erhalten.",
            ).format(copies_counted(due), days_counted(self._copy_days())),
            self.delete_copies,
        )

    def delete_copies(self) -> None:
        deleted = self._safety_copies.rotate(self._today(), self._copy_days())
        title, text = tr(_CONTEXT, "Sicherheitskopien löschen"), tr(_CONTEXT, "{} gelöscht.")
        left = self._safety_copies.summary(self._today(), self._copy_days()).due
        if left:  # open in another program, or the folder is not ours to change
            self._dialogs.warning(
                self,
                title,
                text.format(copies_counted(deleted)) + " " + not_deleted(left),
            )
        else:
            self._dialogs.information(self, title, text.format(copies_counted(deleted)))
        self._show_copies()

    def selected(self) -> list[RetentionCandidate]:
        rows = self.view.selectionModel().selectedRows()
        return [index.data(RetentionModel.ObjectRole) for index in rows]

    def _selection_changed(self) -> None:
        self.anonymise_button.setEnabled(bool(self.selected()))

    def ask_anonymise(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        on_request = self.on_request_check.isChecked()
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
                "Kontaktdaten, Notizen und Einwilligungen von {} endgültig löschen ({}){}? Die "
                "Namen bleiben erhalten.",
            ).format(persons, names, tr(_CONTEXT, " auf Antrag") if on_request else "")
            + " "
            + tr(_CONTEXT, COPIES_STILL_HOLD),
            lambda: self.anonymise([c.person_id for c in chosen], on_request=on_request),
        )

    def anonymise(self, person_ids: list[int], *, on_request: bool = False) -> None:
        """``on_request``: at the persons' request, before the period ends (Art. 17 DSGVO)."""
        try:
            count = self._retention.anonymise(
                person_ids, self._today(), self._years(), on_request=on_request
            )
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
