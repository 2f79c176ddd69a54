"""An ordered list of a council's templates with a form below (Einstellungen): select a row
to edit it, "Neue Vorlage" or "Neuer Baustein" to add one, move rows up and down, delete
(also with Entf in the list).
Another row or a new one while the form holds typed input asks first, as the meetings page
does ("Nein" stays on the row). The list is as high as its rows (the page scrolls).

The list is read from and written to a service with ``templates(council_id)``,
``add(council_id, t)``, ``update(t)``, ``delete(t)`` and ``reorder(council_id, ids)``; the
records have ``id`` and ``version``. Subclasses build the form and move records in and out
of it (the standard phrases of the minutes, the agenda item templates; the hooks and the
widgets: :mod:`expertenrat.ui.ordered_list_editor_view`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import (
    ConcurrentEditError,
    ExpertenratError,
    NotFoundError,
    ValidationError,
)
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.key_actions import KeyActions
from expertenrat.ui.ordered_list_editor_view import OrderedListEditorView
from expertenrat.ui.record_selection import select_record, selected_record
from expertenrat.ui.row_moves import enable_moves, moved
from expertenrat.ui.table_model import Column

_CONTEXT = "OrderedListEditor"


class TemplatesService(Protocol):
    def templates(self, council_id: int) -> list[Any]: ...
    def add(self, council_id: int, template: Any) -> Any: ...
    def update(self, template: Any) -> Any: ...
    def delete(self, template: Any) -> None: ...
    def reorder(self, council_id: int, ordered_ids: list[int]) -> list[Any]: ...


class OrderedListEditor(OrderedListEditorView):
    """The behaviour of the list and its form: reading, selecting (asking first for typed
    input), saving, moving and deleting through the service; the widgets are the view's."""

    changed = Signal()

    def __init__(
        self,
        title: str,
        new_label: str,
        save_label: str,
        columns: tuple[Column, ...],
        service: TemplatesService,
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, new_label, save_label, columns, parent)  # the widgets, the form
        self._service = service
        self._dialogs = dialogs
        self._council_id: int | None = None
        self._filled: Any = None  # what the form held when last filled (the record or new)
        self._shown_id: int | None = None  # the record in the form (None: a new one)
        self._selecting = False  # the editor itself selects a row: no question
        self.new_button.clicked.connect(self._new_clicked)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.delete_button.clicked.connect(self._ask_delete)
        self.save_button.clicked.connect(self.save)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        KeyActions(  # Entf as in the other lists: "Löschen …" for the selected row
            self.view, {(Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier): self._ask_delete}
        )
        self.start_new()  # the empty form, nothing typed yet (also while no list is read)
        self._update_buttons()

    # --- the subclass's questions ------------------------------------------------------

    def delete_question(self, record: Any) -> tuple[str, str]:
        """The title and the question of the dialog before deleting ``record``."""
        raise NotImplementedError

    def unsaved_question(self, record: Any | None) -> tuple[str, str]:
        """The title and the question of the dialog before dropping the form's typed input
        (``record``: the selected record as stored, None for a new one)."""
        raise NotImplementedError

    # --- loading ---------------------------------------------------------------------

    def records(self, council_id: int) -> list[Any]:
        """The council's records in the list's order (a list of another kind reads them
        otherwise)."""
        return self._service.templates(council_id)

    def set_council(self, council_id: int) -> None:
        self._council_id = council_id
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        if self._council_id is None:
            return
        try:
            records = self.records(self._council_id)
        except ExpertenratError as error:
            self.errors.show_general(error.message)
            return
        self.model.set_templates(records)
        self.show_list_or_hint()
        self._show(select_id)  # a row kept selected shows its values as stored now

    def selected(self) -> Any | None:
        return selected_record(self.view)

    def _shown(self) -> Any | None:
        """The record in the form as listed (None: a new one)."""
        row = self.model.row_of(self._shown_id)
        return self.model.templates()[row] if row >= 0 else None

    def _select_row(self, record_id: int | None) -> None:
        self._selecting = True
        try:
            if record_id is None or not select_record(self.view, record_id):
                self.view.clearSelection()
        finally:
            self._selecting = False

    def _show(self, record_id: int | None) -> None:
        """Select the row of ``record_id`` and fill the form with it as listed; None or not
        listed: an empty form for a new record (no row selected)."""
        self._select_row(record_id)
        record = self.selected()
        self._shown_id = getattr(record, "id", None)
        self.errors.clear()
        if record is None:
            self.clear_form()
        else:
            self.show_record(record)
        self._filled = self.edited(record)
        self._update_buttons()  # a reset model drops the selection without a signal

    def _selection_changed(self) -> None:
        """The user chose another row (or none): show it, after asking about typed input;
        "Nein" selects the row being edited again (as on the meetings page)."""
        if self._selecting:
            return
        wanted = getattr(self.selected(), "id", None)
        if wanted != self._shown_id:
            if self.flush(lambda: self._show(wanted)):
                self._show(wanted)
            else:  # the user stays on the row being edited (or it was switched already)
                self._select_row(self._shown_id)
        self._update_buttons()

    def has_typed_input(self) -> bool:
        """Whether the form holds what the user typed and did not save (a reread of the
        list would overwrite it)."""
        return self.edited(self._shown()) != self._filled

    def flush(self, then: Callable[[], None]) -> bool:
        """Before the window switches council or area or closes (as a page's ``flush``):
        nothing typed, go on. Else ask; on "Ja" drop the typed input and call ``then``."""
        if not self.has_typed_input():
            return True
        title, question = self.unsaved_question(self._shown())
        self._dialogs.question(self, title, question, lambda: (self.discard(), then()))
        return False

    def discard(self) -> None:
        """Drop the typed input: the record being edited as stored now, or an empty form."""
        self.reload(self._shown_id)

    def _update_buttons(self) -> None:
        """Enable the buttons that fit the selection. A button disabled while it has the
        keyboard focus hands it to the list: Qt would pass it on to the form's first text
        field, where the cursor holds back every refresh for another PC's change."""
        record = self.selected()
        focus = self.window().focusWidget()
        self.delete_button.setEnabled(record is not None)
        enable_moves(self.up_button, self.down_button, self.model.templates(), record)
        if focus in (self.up_button, self.down_button, self.delete_button) and not (
            focus.isEnabled()
        ):
            self.view.setFocus()

    # --- actions ------------------------------------------------------------------------

    def start_new(self) -> None:
        """Empty the form for a new record (the selection goes); the focus stays where it is
        (a reload on switching the council must not put the cursor into the form)."""
        self._show(None)

    def _new_clicked(self) -> None:
        """The new-record button: an empty form with the cursor in its first field (after
        asking about typed input; "Nein" stays)."""
        if self.flush(self._new_form):
            self._new_form()

    def _new_form(self) -> None:
        self.start_new()
        first = self.errors.first_input()
        if first is not None:
            first.setFocus()

    def save(self) -> None:
        """Add the record in the form, or change the selected one."""
        if self._council_id is None:
            return
        selected = self._shown()
        edited = self.edited(selected)
        council_id = self._council_id
        if selected is None:
            self._run(lambda: self._service.add(council_id, edited))
        else:
            self._run(lambda: self._service.update(edited))

    def move_selected(self, delta: int) -> None:
        """Move the selected row; what was typed into its form stays typed."""
        record, council_id = self.selected(), self._council_id
        shown = self.model.templates()
        ids = moved(shown, record, delta)
        if ids is not None and council_id is not None:
            typed = self.edited(record) if self.has_typed_input() else None
            seen = [r.id for r in shown]  # another PC's move since is not undone
            self._run(lambda: self._service.reorder(council_id, ids, seen=seen), record.id)
            if typed is not None and self._shown_id == record.id:
                self.show_record(typed)

    def _ask_delete(self) -> None:
        record = self.selected()
        if record is not None:
            title, question = self.delete_question(record)
            self._dialogs.question(self, title, question, lambda: self.delete(record))

    def delete(self, record: Any) -> None:
        """Delete ``record``; the row after it (the one before at the end) is selected then,
        so the keyboard keeps its place in the list instead of facing an empty form (found
        by a tester); the cursor stays in the list or goes there from the button."""
        records = self.model.templates()
        row = self.model.row_of(record.id)
        near = records[row + 1 : row + 2] or records[max(row - 1, 0) : max(row, 0)]
        self._run(lambda: self._service.delete(record), then_select=near[0].id if near else None)
        if self.delete_button.hasFocus():  # on to the list, as when the button goes off
            self.view.setFocus()

    def _run(
        self,
        action: Callable[[], object],
        select_id: int | None = None,
        *,
        then_select: int | None = None,
    ) -> None:
        """Run a service call; problems show beside the form, the list reloads (with the row
        of ``then_select`` selected once the call succeeded)."""
        try:
            result = action()
        except ValidationError as error:
            self.errors.show(error.problems)
            self.errors.focus_first_error()
            return
        except ExpertenratError as error:
            # The list shows what is stored now; what was typed stays in the form (for a
            # record deleted meanwhile as a new one), so that nothing typed is lost.
            typed = self.edited(self._shown()) if self.has_typed_input() else None
            self.reload(select_id if select_id is not None else self._shown_id)
            message = error.message
            if typed is not None:
                self.show_record(typed)
                self._update_buttons()
            if typed is not None and isinstance(error, ConcurrentEditError | NotFoundError):
                # No reload is needed: the next "Speichern" stores what the form holds.
                if isinstance(error, ConcurrentEditError):
                    message = error.changed
                message += tr(
                    _CONTEXT,
                    " Die Liste zeigt die gespeicherte Fassung; Ihre Eingaben stehen noch im "
                    "Formular: „Speichern“ speichert sie.",
                )
            self.errors.show_general(message)
            return
        if then_select is None:
            then_select = select_id if select_id is not None else getattr(result, "id", None)
        self.reload(then_select)
        self.changed.emit()
