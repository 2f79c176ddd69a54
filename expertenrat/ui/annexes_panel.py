"""Anlagen: the annexes tab of a meeting (see ``widget_contract``).

A list of the meeting's PDF annexes (:mod:`annex_list`) in the order the minutes and the
Sitzungsmappe print them. "PDF hinzufügen …" asks for a file; reading, checking (size, a
readable PDF) and storing run in the worker, so a large file never freezes the window, and
a damaged PDF is refused with the service's German message. "Bearbeiten …" (or a double
click) changes the title and whether the public minutes list the annex
(:mod:`annex_dialog`); "Entfernen …" (or Entf in the list) asks first; the arrows move the
selected annex. Every change is saved at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.annexes import Annex
from expertenrat.domain.errors import (
    ExpertenratError,
    os_error_detail,
    os_error_text,
)
from expertenrat.domain.minutes_approval import FROZEN_HINT
from expertenrat.domain.progress import Progress
from expertenrat.services.context import Services
from expertenrat.ui.annex_dialog import AnnexDialog, annex_saving
from expertenrat.ui.annex_list import AnnexList
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.key_actions import KeyActions
from expertenrat.ui.no_meeting import KeepsNoMeetingHint, no_meeting_hint
from expertenrat.ui.page import NothingPending
from expertenrat.ui.row_moves import focus_to_rows
from expertenrat.ui.save_location import FileKind
from expertenrat.ui.widgets import wrapping_label
from expertenrat.ui.worker import Job, start_with_progress
from expertenrat.ui.wrapping_row import WrappingRow

_CONTEXT = "AnnexesPanel"


class AnnexesPanel(KeepsNoMeetingHint, NothingPending, QWidget):
    changed = Signal()

    def __init__(
        self, services: Services, dialogs: DialogService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._annexes = services.annexes
        self._dialogs = dialogs
        self._meeting_id: int | None = None
        self._no_meeting_hint = no_meeting_hint()
        self._frozen = False  # the shown meeting's minutes are approved
        self.job: Job | None = None
        self.dialog: AnnexDialog | None = None

        self.hint_label = wrapping_label(name="hintLabel")
        self.list = AnnexList()
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(lambda _item: self.ask_edit())  # Enter too
        self.add_button = QPushButton(tr(_CONTEXT, "PDF hinzufügen …"))
        # says it is for the next PDF added, not the selected one (found by a tester)
        self.internal_check = QCheckBox(tr(_CONTEXT, "Neue Anlage nichtöffentlich"))
        self.internal_check.setToolTip(
            tr(_CONTEXT, "Neue Anlage nicht in die öffentliche Fassung des Protokolls aufnehmen")
        )
        self.edit_button = QPushButton(tr(_CONTEXT, "Bearbeiten …"))
        self.remove_button = QPushButton(tr(_CONTEXT, "Entfernen …"))
        self.up_button = QPushButton(tr(_CONTEXT, "Nach oben"))
        self.down_button = QPushButton(tr(_CONTEXT, "Nach unten"))
        self.add_button.clicked.connect(self.ask_add)
        self.edit_button.clicked.connect(self.ask_edit)
        self.remove_button.clicked.connect(self.ask_remove)
        KeyActions(  # Entf as in the members' list: "Entfernen …" where it is on
            self.list,
            {(Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier): self._remove_on_key},
        )
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))

        # On more rows where the tab is too narrow for one (the least window, 720 x 480).
        self.buttons = WrappingRow(
            (
                (self.add_button, self.internal_check, self.edit_button, self.remove_button),
                (self.up_button, self.down_button),
            ),
            breaking=True,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.set_meeting(None)

    # --- contract -------------------------------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        self._meeting_id = meeting_id
        self.refresh()

    def refresh(self) -> None:
        annexes: tuple[Annex, ...] = ()
        hint = self._no_meeting_hint
        self._frozen = False
        if self._meeting_id is not None:
            try:
                listing = self._annexes.listing(self._meeting_id)
            except ExpertenratError as error:
                hint = error.message
            else:
                annexes, self._frozen = listing.annexes, listing.frozen
                hint = "" if annexes else tr(_CONTEXT, "Die Sitzung hat noch keine Anlagen.")
                if self._frozen:
                    hint = tr(_CONTEXT, FROZEN_HINT)
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        self.list.fill(annexes)
        self._update_buttons()

    # --- showing --------------------------------------------------------------------------

    def selected(self) -> Annex | None:
        return self.list.selected()

    def _update_buttons(self) -> None:
        shown = self._meeting_id is not None and not self._frozen
        selected = self.selected() if shown else None
        moves = (self.edit_button, self.remove_button, self.up_button, self.down_button)
        # Off while a PDF is checked: the focus waits in the list, not on the check box
        # beside (Space for the next PDF ticked it; found by a tester).
        with focus_to_rows(self.list, self.add_button, *moves):
            self.add_button.setEnabled(shown and not self.busy())
            self.edit_button.setEnabled(selected is not None)
            self.remove_button.setEnabled(selected is not None)
            self.up_button.setEnabled(selected is not None and selected.number > 1)
            self.down_button.setEnabled(
                selected is not None and selected.number < self.list.count()
            )

    def busy(self) -> bool:
        return self.job is not None and self.job.running

    # --- changing -------------------------------------------------------------------------

    def ask_add(self) -> None:
        if self._meeting_id is None:
            return
        self._dialogs.ask_open_file(
            self,
            tr(_CONTEXT, "Anlage hinzufügen"),
            tr(_CONTEXT, "PDF-Dokumente (*.pdf)"),
            lambda path: self.add_file(Path(path)),
            FileKind.PDF,
        )

    def add_file(self, path: Path) -> None:
        """Read, check and store ``path`` as the last annex, in the worker."""
        meeting_id = self._meeting_id
        if meeting_id is None or self.busy():
            return
        public = not self.internal_check.isChecked()
        annexes = self._annexes

        def work(_progress: Progress) -> Annex:
            try:
                data = annexes.read_file(path)
            except OSError as error:
                raise ExpertenratError(
                    f"„{path.name}“ kann nicht gelesen werden: {os_error_text(error)}",
                    os_error_detail(error),
                ) from None
            return annexes.add(meeting_id, path.name, data, public=public)

        title = tr(_CONTEXT, "Anlage hinzufügen")
        self.job = Job(work)
        self.job.finished.connect(self._added)
        self.job.failed.connect(lambda message: self._failed(title, message))
        start_with_progress(self.job, self, title, tr(_CONTEXT, "Die Datei wird geprüft …"))
        self._update_buttons()

    def ask_edit(self) -> None:
        annex, meeting_id = self.selected(), self._meeting_id
        if annex is None or meeting_id is None:
            return

        save = annex_saving(self._annexes, meeting_id, annex, self.refresh, self._changed)
        self.dialog = AnnexDialog(self, annex, save)
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()

    def _remove_on_key(self) -> None:
        if self.remove_button.isEnabled():
            self.remove_button.click()

    def ask_remove(self) -> None:
        annex, meeting_id = self.selected(), self._meeting_id
        if annex is None or meeting_id is None:
            return
        self._dialogs.question(
            self,
            tr(_CONTEXT, "Anlage entfernen"),
            tr(_CONTEXT, "„{title}“ aus den Anlagen der Sitzung entfernen?").format(
                title=annex.title or annex.name
            ),
            lambda: self._run(lambda: self._annexes.remove(meeting_id, annex)),
        )

    def move(self, step: int) -> None:
        annex, meeting_id = self.selected(), self._meeting_id
        if annex is not None and meeting_id is not None:
            self._run(lambda: self._annexes.move(meeting_id, annex, step))

    def _run(self, change: Callable[[], object]) -> None:
        try:
            change()
        except ExpertenratError as error:
            self._failed(tr(_CONTEXT, "Anlagen"), error.message)
            return
        self._changed()

    def _added(self, annex: Annex) -> None:
        """The new annex selected, so "Bearbeiten …" acts on it (found by a tester)."""
        self._changed()
        self.list.select_annex(annex.id)

    def _changed(self) -> None:
        self.refresh()
        self._update_buttons()
        self.changed.emit()

    def _failed(self, title: str, message: str) -> None:
        self._dialogs.warning(self, title, message)
        self.refresh()
