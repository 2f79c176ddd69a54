"""Empfehlungen → "Erinnerungen …": the projects whose responses are overdue or due within
14 days, or whose planned implementation of a recommendation is overdue (an interim
"Umsetzung geplant" whose date has passed), and "Schreiben speichern …".

The table lists per project its lead unit, contact person, the recommendations' codes, how
many of them are overdue ("davon überfällig") and the next due date, the columns fitted to
the dialog's width; all projects are selected at first, but those marked as finished
("abgeschlossen", marked so) and those reminded in the last
:data:`~expertenrat.domain.reminders.RECENTLY_REMINDED_DAYS` days (the intro says so). Due
recommendations addressed to no project are named below it: no letter can remind anyone
of them. "Schreiben speichern …" saves the selected projects' letters
(:class:`~expertenrat.ui.reminder_letters.ReminderLetters`). ``saved`` tells the page to
reread the register (also after a failure or a cancel: the projects before it are saved).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.reminders import RECENTLY_REMINDED_DAYS, ProjectReminder
from expertenrat.services.context import Services
from expertenrat.services.recommendation_reminders import RemindersDue
from expertenrat.ui.column_fit import fit_columns, refit_on_width_change
from expertenrat.ui.dialog_parts import close_buttons, tab_as_shown
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.record_table import TableOrEmpty, record_table_view, sorting_proxy
from expertenrat.ui.reminder_letters import ReminderLetters
from expertenrat.ui.reminders_table_model import RemindersTableModel
from expertenrat.ui.row_heights import fit_rows_in_sight

_CONTEXT = "RemindersDialog"
# The lead unit and the contact give way first, then the project (their text wraps, and
# the tooltip shows it whole), the codes last and only where the project keeps its least
# room: they wrap between the codes, so what is asked of the project, "(Umsetzung)",
# stays whole. The codes never giving way left the project 60 px at 768 px ("Bürger…
# Chatbot") beside codes 220 px wide (found by a tester).
_SHRINKABLE = (
    (RemindersTableModel.COLUMN_LEAD, RemindersTableModel.COLUMN_CONTACT),
    (RemindersTableModel.COLUMN_PROJECT,),
    (RemindersTableModel.COLUMN_CODES,),
)
# The project's least room: the first words of its name ("Bürgerservice-", "Klimasensoren").
_PROJECT_LEAST_CHARACTERS = 20


class RemindersDialog(QDialog):
    saved = Signal()  # reminders may have been recorded: the register changed

    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        council_id: int,
        today: Callable[[], date],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._service = services.recommendation_reminders
        self._dialogs = dialogs
        self._council_id = council_id
        self._today = today
        self._due: RemindersDue | None = None
        self.setWindowTitle(tr(_CONTEXT, "Erinnerungen an die Projekte"))
        # Wide for the projects, codes and contacts, but never beyond the screen: on a
        # 1024 px one nearly its width (983 px), so that project names show whole.
        available = self.screen().availableGeometry().size()
        self.resize(
            QSize(1200, 460).boundedTo(
                QSize(available.width() * 96 // 100, available.height() * 9 // 10)
            )
        )
        self.intro_label = _text_label()
        self.model = RemindersTableModel(self)
        self.proxy = sorting_proxy(self.model, self)  # the header's arrow sorts
        self.view = record_table_view(self.proxy, RemindersTableModel.COLUMN_DUE)
        self.view.setAccessibleName(tr(_CONTEXT, "Fällige Erinnerungen"))  # for screen readers
        self.view.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        # A name narrower than its column wraps (the rows as tall as their text): cut, it
        # read "Klimasensoren an …" at 900 px.
        self.view.setWordWrap(True)
        self.row_heights = fit_rows_in_sight(self.view)
        refit_on_width_change(self.view, self.fit_columns)
        self.table = TableOrEmpty(self.view)
        self.unaddressed_label = _text_label()
        self.save_button = QPushButton(tr(_CONTEXT, "Schreiben speichern …"))
        self.save_button.setToolTip(
            tr(
                _CONTEXT,
                "Für jedes gewählte Projekt ein Erinnerungsschreiben (PDF) und einen "
                "E-Mail-Entwurf (.eml) in einen Ordner speichern; Ihr E-Mail-Programm öffnet "
                "den Entwurf zum Versenden. Die Erinnerung wird im Verlauf der Empfehlungen "
                "vermerkt.",
            )
        )
        buttons = close_buttons(self, self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.unaddressed_label)
        layout.addWidget(buttons)
        tab_as_shown(buttons)  # once in the dialog: reparenting keeps the made order
        self.letters = ReminderLetters(
            self._service, dialogs, council_id, self, chosen=self.selected, due=lambda: self._due
        )
        self.letters.started.connect(self._selection_changed)
        self.letters.ended.connect(self._ended)
        self.save_button.clicked.connect(self.letters.ask_folder)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    def reload(self) -> None:
        """Read what is due today; every project is selected but those marked as finished."""
        try:
            self._due = self._service.due(self._council_id, today=self._today())
        except ExpertenratError as error:
            self._dialogs.warning(self, self.windowTitle(), error.message)
            self._due = None
        projects = self._due.projects if self._due else ()
        self.model.set_rows(projects)
        self.fit_columns()
        if projects:
            self.table.show_table()
            self._select_running()
        else:
            self.table.show_empty(
                tr(
                    _CONTEXT,
                    "Zurzeit ist keine Stellungnahme überfällig oder in den nächsten 14 Tagen "
                    "fällig, und keine geplante Umsetzung ist überfällig.",
                )
            )
        self.intro_label.setText(self._intro())
        self.unaddressed_label.setText(self._unaddressed())
        self.unaddressed_label.setVisible(bool(self.unaddressed_label.text()))
        self._selection_changed()

    def _select_running(self) -> None:
        """Select every project neither marked as finished nor reminded recently (listed
        still, sent when chosen)."""
        selection = QItemSelection()
        for row, reminder in enumerate(self.model.rows()):
            if not reminder.project.ended and not reminder.reminded_recently(self._due.on):
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag
        self.view.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)

    def fit_columns(self) -> None:
        """Every column as wide as its content; where they would not fit, the lead unit and
        the contact give way first, then the project (their text wrapped), so that the
        codes, the counts and the date stay whole (a 1024-pixel screen); narrower still
        (768 px) the codes wrap before the project gets less than its first words. Room
        left goes to the project."""
        least = self.view.fontMetrics().averageCharWidth() * _PROJECT_LEAST_CHARACTERS
        fit_columns(
            self.view, _SHRINKABLE, wide=RemindersTableModel.COLUMN_PROJECT, wide_least=least
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_columns()  # the width of the table is known only now
        QTimer.singleShot(0, self.fit_height)  # once the rows are as tall as their text

    def fit_height(self) -> None:
        """No lower than the rows need: three projects left 200 px of empty table below
        them (found by a tester). Never lower than the dialog's least height, and a long
        list keeps the height the screen allows (it scrolls)."""
        self.row_heights.fit()
        view = self.view
        if not view.isVisible() or view.verticalScrollBar().maximum() > 0:
            return
        empty = view.viewport().height() - view.verticalHeader().length()
        if empty > 0:
            self.resize(self.width(), max(self.minimumSizeHint().height(), self.height() - empty))

    def _intro(self) -> str:
        day = f"{self._due.on:%d.%m.%Y}" if self._due else ""
        # two lines, not five dense ones (found by a tester); the button's tooltip says
        # what is saved
        text = tr(
            _CONTEXT,
            "Stand {}: Stellungnahmen, die überfällig oder in den nächsten 14 Tagen fällig "
            "sind, und überfällige geplante Umsetzungen. „Schreiben speichern …“ legt je "
            "gewähltes Projekt ein Schreiben und einen E-Mail-Entwurf an und vermerkt die "
            "Erinnerung.",
        ).format(day)
        if self._due and any(r.reminded_recently(self._due.on) for r in self._due.projects):
            text += " " + tr(
                _CONTEXT,
                "In den letzten {} Tagen erinnerte Projekte sind nicht gewählt "
                "(Strg+Klick wählt sie dazu).",
            ).format(RECENTLY_REMINDED_DAYS)
        return text

    def _unaddressed(self) -> str:
        rows = self._due.without_project if self._due else ()
        if not rows:
            return ""
        return tr(
            _CONTEXT,
            "Keinem Projekt zugeordnet und daher ohne Erinnerungsschreiben, aber ebenfalls "
            "überfällig oder bald fällig: {}.",
        ).format(", ".join(row.code for row in rows))

    def selected(self) -> list[ProjectReminder]:
        rows = self.view.selectionModel().selectedRows()
        return [index.data(RemindersTableModel.ObjectRole) for index in rows]

    def _selection_changed(self) -> None:
        self.save_button.setEnabled(bool(self.selected()) and not self.letters.running)

    def _ended(self) -> None:
        self.reload()
        self.saved.emit()


def _text_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
