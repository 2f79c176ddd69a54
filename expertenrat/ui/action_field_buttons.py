"""The buttons beside the action fields table: add, rename, colour, reorder, delete (also
Entf in the table)."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QTableView, QVBoxLayout, QWidget

from expertenrat.domain.action_fields import next_colour
from expertenrat.domain.councils import ActionField
from expertenrat.domain.errors import ExpertenratError
from expertenrat.services.settings import SettingsService
from expertenrat.ui.action_fields_model import ActionFieldsModel
from expertenrat.ui.ask_again import ask_text_again, retry_note
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.key_actions import KeyActions
from expertenrat.ui.row_moves import enable_moves, focus_to_rows, moved

_CONTEXT = "ActionFieldButtons"


class ActionFieldButtons(QWidget):
    changed = Signal()

    def __init__(
        self,
        settings: SettingsService,
        dialogs: DialogService,
        view: QTableView,
        model: ActionFieldsModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = settings
        self._dialogs = dialogs
        self._view = view
        self._model = model
        self._council_id: int | None = None
        self.add_button = QPushButton(tr(_CONTEXT, "Neues Handlungsfeld …"))
        self.rename_button = QPushButton(tr(_CONTEXT, "Umbenennen …"))
        self.colour_button = QPushButton(tr(_CONTEXT, "Farbe …"))
        self.up_button = QPushButton(tr(_CONTEXT, "Nach oben"))
        self.down_button = QPushButton(tr(_CONTEXT, "Nach unten"))
        self.delete_button = QPushButton(tr(_CONTEXT, "Löschen …"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.add_button,
            self.rename_button,
            self.colour_button,
            self.up_button,
            self.down_button,
            self.delete_button,
        ):
            layout.addWidget(button)
        layout.addStretch(1)
        self.add_button.clicked.connect(self._ask_add)
        self.rename_button.clicked.connect(self._ask_rename)
        self.colour_button.clicked.connect(self._ask_colour)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.delete_button.clicked.connect(self._ask_delete)
        KeyActions(  # Entf as in the members' list: "Löschen …" where it is on
            view, {(Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier): self._delete_on_key}
        )
        view.selectionModel().selectionChanged.connect(self._update_buttons)
        model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def _delete_on_key(self) -> None:
        if self.delete_button.isEnabled():
            self.delete_button.click()

    def set_council(self, council_id: int) -> None:
        self._council_id = council_id
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        if self._council_id is None:
            return
        self._model.set_fields(self._service.action_fields(self._council_id))
        rows = self._model.fields()
        for row, field in enumerate(rows):
            if field.id == select_id:
                self._view.selectRow(row)

    def selected(self) -> ActionField | None:
        indexes = self._view.selectionModel().selectedRows()
        if not indexes:
            return None
        return self._model.data(indexes[0], ActionFieldsModel.ObjectRole)

    def _update_buttons(self) -> None:
        field = self.selected()
        buttons = (self.rename_button, self.colour_button, self.delete_button)
        with focus_to_rows(self._view, *buttons, self.up_button, self.down_button):
            for button in buttons:
                button.setEnabled(field is not None)
            enable_moves(self.up_button, self.down_button, self._model.fields(), field)

    def _run(self, action, select_id: int | None = None, *, typed: bool = False) -> str | None:
        """Run a service call; on an expected error reload and tell the user. ``typed``: the
        call saves a typed name: refused in a way that asking again helps (see
        :func:`retry_note`), the note why is returned instead, for the name to be asked
        again."""
        try:
            result = action()
        except ExpertenratError as error:
            # the fields as stored now (another PC's change); the server lost, as shown
            with suppress(ExpertenratError):
                self.reload(select_id)
            note = retry_note(error) if typed else None
            if note is None:
                self._dialogs.warning(self, tr(_CONTEXT, "Handlungsfelder"), error.message)
            return note
        self.reload(select_id if select_id is not None else getattr(result, "id", None))
        self.changed.emit()
        return None

    # --- the actions ------------------------------------------------------------------

    def _ask_add(self) -> None:
        ask_text_again(
            self._dialogs,
            self,
            tr(_CONTEXT, "Handlungsfeld hinzufügen"),
            tr(_CONTEXT, "Name:"),
            "",
            self.add,
        )

    def add(self, name: str) -> str | None:
        """Add a field named ``name``; refused, why (the name is asked again)."""
        colour = next_colour(f.colour for f in self._model.fields())
        return self._run(
            lambda: self._service.add_action_field(self._council_id, name, colour), typed=True
        )

    def _ask_rename(self) -> None:
        field = self.selected()
        if field is None:
            return

        def take(name: str) -> str | None:
            nonlocal field
            note = self.rename(field, name)
            # asked again: for the field as the page shows it now (another PC's change)
            field = next((f for f in self._model.fields() if f.id == field.id), field)
            return note

        ask_text_again(
            self._dialogs,
            self,
            tr(_CONTEXT, "Handlungsfeld umbenennen"),
            tr(_CONTEXT, "Neuer Name:"),
            field.name,
            take,
        )

    def rename(self, field: ActionField, name: str) -> str | None:
        """Rename ``field`` (as it was shown); refused, why (the name is asked again)."""
        return self._run(
            lambda: self._service.update_action_field(replace(field, name=name)),
            field.id,
            typed=True,
        )

    def _ask_colour(self) -> None:
        field = self.selected()
        if field is not None:
            self._dialogs.ask_colour(
                self,
                tr(_CONTEXT, "Farbe des Handlungsfelds"),
                field.colour,
                lambda colour: self.recolour(field, colour),
            )

    def recolour(self, field: ActionField, colour: str) -> None:
        self._run(
            lambda: self._service.update_action_field(replace(field, colour=colour)), field.id
        )

    def move_selected(self, delta: int) -> None:
        field, council_id = self.selected(), self._council_id
        shown = self._model.fields()
        ids = moved(shown, field, delta)
        if ids is not None and council_id is not None:
            seen = [f.id for f in shown]  # another PC's move since is not undone
            self._run(
                lambda: self._service.reorder_action_fields(council_id, ids, seen=seen), field.id
            )

    def _ask_delete(self) -> None:
        field = self.selected()
        if field is not None:
            self._dialogs.question(
                self,
                tr(_CONTEXT, "Handlungsfeld löschen"),
                tr(_CONTEXT, "Das Handlungsfeld „{}“ löschen?").format(field.name),
                lambda: self.delete(field),
            )

    def delete(self, field: ActionField) -> None:
        self._run(lambda: self._service.delete_action_field(field))
