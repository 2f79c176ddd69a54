"""The "Tagesordnung" tab of a meeting: the agenda tree with its time plan and the form of
the selected item.

Items move with the buttons, with Alt+Up/Down (among their siblings), Alt+Right/Left
(indent under the item before / outdent after the parent) and by drag and drop; each move
is stored at once and the numbers follow. The form saves with "Übernehmen", before any
move, when another item is selected and when the meetings page flushes; while the user
types, the tree shows the typed title and the time plan follows the typed minutes, also
when the agenda is reread for a change made elsewhere (``refresh`` keeps typed input).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.agenda import Agenda, AgendaItem, change_refusal, end_time, numbers
from expertenrat.domain.enums import AgendaItemKind, MeetingState
from expertenrat.domain.errors import ConcurrentEditError, ExpertenratError, ValidationError
from expertenrat.domain.minutes_approval import FROZEN_HINT
from expertenrat.services.context import Services
from expertenrat.ui.agenda_item_form import AgendaItemForm
from expertenrat.ui.agenda_merge import agenda_differences, agenda_merge_rows, merged_item
from expertenrat.ui.agenda_tree_model import AgendaTreeModel
from expertenrat.ui.agenda_tree_view import AgendaTreeView
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.merge_dialog import MergeDialog
from expertenrat.ui.save_retry import SaveRetry

_CONTEXT = "AgendaEditor"


class AgendaEditor(QWidget):
    """Detail widget of a meeting (see the widget contract): ``set_meeting``, ``refresh``,
    ``flush`` and ``changed``."""

    changed = Signal()

    def __init__(
        self, services: Services, dialogs: DialogService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._dialogs = dialogs
        self._meeting_id: int | None = None
        self._agenda: Agenda | None = None
        self._choices_council: int | None = None

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.model = AgendaTreeModel(self)
        self.view = AgendaTreeView()
        self.view.setModel(self.model)
        header = self.view.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.merge_dialog: MergeDialog | None = None  # open after a conflicting save
        self.form = AgendaItemForm()
        self.end_label = QLabel()

        self.add_button = QPushButton(tr(_CONTEXT, "Neuer Punkt"))
        self.add_sub_button = QPushButton(tr(_CONTEXT, "Neuer Unterpunkt"))
        self.delete_button = QPushButton(tr(_CONTEXT, "Löschen …"))
        self.up_button = QPushButton(tr(_CONTEXT, "Nach oben"))
        self.down_button = QPushButton(tr(_CONTEXT, "Nach unten"))
        self.indent_button = QPushButton(tr(_CONTEXT, "Einrücken"))
        self.outdent_button = QPushButton(tr(_CONTEXT, "Ausrücken"))
        self.save_button = QPushButton(tr(_CONTEXT, "Übernehmen"))
        self.up_button.setToolTip(tr(_CONTEXT, "Alt+Pfeil nach oben"))
        self.down_button.setToolTip(tr(_CONTEXT, "Alt+Pfeil nach unten"))
        self.indent_button.setToolTip(tr(_CONTEXT, "Alt+Pfeil nach rechts"))
        self.outdent_button.setToolTip(tr(_CONTEXT, "Alt+Pfeil nach links"))
        self._layout()

        self.add_button.clicked.connect(lambda: self.add_item(sub=False))
        self.add_sub_button.clicked.connect(lambda: self.add_item(sub=True))
        self.delete_button.clicked.connect(self._ask_delete)
        self.up_button.clicked.connect(lambda: self.move_selected("up"))
        self.down_button.clicked.connect(lambda: self.move_selected("down"))
        self.indent_button.clicked.connect(lambda: self.move_selected("indent"))
        self.outdent_button.clicked.connect(lambda: self.move_selected("outdent"))
        self.save_button.clicked.connect(self.save_item)
        self.retry = SaveRetry(self.save_button)
        self.view.move_requested.connect(self.move_selected)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.drop_requested.connect(self._dropped, Qt.ConnectionType.QueuedConnection)
        self.form.edited.connect(self._preview_typed)
        self.set_meeting(None)

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.add_sub_button,
            self.delete_button,
            self.up_button,
            self.down_button,
            self.indent_button,
            self.outdent_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.form, 1)
        right_layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        left_layout.addWidget(self.end_label)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)

    # --- the widget contract ----------------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        """Show the agenda of ``meeting_id`` (``None``: empty and disabled). Typed input
        stays only for the meeting shown (as on :meth:`refresh`); the page flushes before
        it shows another."""
        if meeting_id != self._meeting_id:
            self.form.set_item(None)
        self._meeting_id = meeting_id
        if meeting_id is None:
            self._agenda = None
            self.model.set_agenda([], None)
            self.form.set_item(None)
            self.hint.setText(tr(_CONTEXT, "Bitte wählen Sie eine Sitzung."))
            self._update_buttons()
            return
        self.view.scrollToTop()
        self._load(select=None)

    def refresh(self) -> None:
        """Reread the agenda and the form's choices (projects, templates and members may
        have changed elsewhere); the selected item stays selected. Input typed into the
        form and not saved yet stays there and in the tree (saving it merges with a change
        made elsewhere meanwhile); if its item was deleted elsewhere, the agenda stays as
        shown until the input is saved (which says why it cannot be) or dropped."""
        if self._meeting_id is not None:
            self._choices_council = None
            item = self.selected_item()
            self._load(select=item.key if item is not None else None)

    def has_unsaved_changes(self) -> bool:
        return self.form.is_dirty()

    def flush(self, then: Callable[[], None]) -> bool:
        """Save the typed item; if it cannot be saved, ask whether to drop the changes."""
        if not self.form.is_dirty() or self._save():
            return True
        if self.merge_dialog is not None and self.merge_dialog.isVisible():
            return False  # the user chooses there first; nothing is dropped

        def drop() -> None:
            self._discard()
            then()

        self._dialogs.question(
            self,
            tr(_CONTEXT, "Tagesordnung"),
            tr(
                _CONTEXT,
                "Der Tagesordnungspunkt kann so nicht gespeichert werden (siehe die Hinweise "
                "im Formular). Die Änderungen verwerfen?",
            ),
            drop,
        )
        return False

    # --- reading ------------------------------------------------------------------------

    def selected_item(self) -> AgendaItem | None:
        index = self.view.currentIndex()
        if not index.isValid() or self._agenda is None:
            return None
        key = index.internalId()
        return next((i for i in self._agenda.items if i.key == key), None)

    def select(self, key: int | None) -> None:
        index = self.model.index_of(key) if key is not None else QModelIndex()
        if not index.isValid() and self.model.rowCount() > 0:
            index = self.model.index(0, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)
        self._show_selected()
        self._update_buttons()

    def _typed_item(self) -> AgendaItem | None:
        """The form's item with input typed and not saved yet, or ``None``."""
        return self.form.item() if self.form.is_dirty() else None

    def _show_selected(self) -> None:
        """The selected item in the form, unless the form holds typed input for that same
        item (the agenda was reread around it): the typed values stay."""
        item, typed = self.selected_item(), self._typed_item()
        if item is None or typed is None or typed.key != item.key:
            self.form.set_item(item)

    def _load(self, select: int | None) -> None:
        try:
            agenda = self._services.agenda.agenda(self._meeting_id)
            self._load_choices(agenda.council_id)
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Tagesordnung"), error.message)
            self.set_meeting(None)
            return
        typed = self._typed_item()
        if typed is not None and all(i.key != typed.key for i in agenda.items):
            return  # deleted elsewhere: see refresh
        self._show(agenda, select)

    def _load_choices(self, council_id: int) -> None:
        if council_id == self._choices_council:
            return
        self.form.set_choices(
            self._services.agenda.projects(council_id),
            self._services.agenda.templates(council_id),
            sorted(m.full_name for m in self._services.members.members(council_id)),
        )
        self._choices_council = council_id

    def _show(self, agenda: Agenda, select: int | None) -> None:
        """Show ``agenda`` with ``select`` selected; an item with typed input stays selected
        with its typed values."""
        typed = self._typed_item()
        if typed is not None:
            select = typed.key
        self._agenda = agenda
        refusal = _refusal(agenda)
        self.hint.setText(refusal or "")
        self.hint.setVisible(refusal is not None)
        self._show_items(agenda)
        self.view.expandAll()
        self.view.fit_columns(AgendaTreeModel.TITLE)
        self.select(select)
        self.form.set_title_only(agenda.state is MeetingState.HELD)
        self._preview_typed()
        self._update_buttons()

    def _update_end(self) -> None:
        placed = self.model.placed()
        if self._agenda is None or not placed:
            self.end_label.clear()
            return
        minutes = sum(p.item.planned_minutes for p in placed)
        end = end_time(self.model.items(), self._agenda.starts_at)
        self.end_label.setText(
            tr(_CONTEXT, "Geplantes Ende: {end} Uhr ({minutes} Minuten)").format(
                end=end.strftime("%H:%M"), minutes=minutes
            )
        )

    def _update_buttons(self) -> None:
        self.retry.after(None)  # another item shown (or the same reread)
        agenda = self._agenda
        structural = agenda is not None and _refusal(agenda) is None
        item = self.selected_item() is not None
        self.add_button.setEnabled(structural)
        for button in (
            self.add_sub_button,
            self.delete_button,
            self.up_button,
            self.down_button,
            self.indent_button,
            self.outdent_button,
        ):
            button.setEnabled(structural and item)
        editable = agenda is not None and _refusal(agenda, title_only=True) is None
        self.form.setEnabled(editable and item)
        self.save_button.setEnabled(editable and item)

    # --- changing -----------------------------------------------------------------------

    def add_item(self, *, sub: bool) -> None:
        """A new item after the selected one (or as its last sub-item), then its title."""
        if self._agenda is None or not self._save_pending():
            return
        current = self.selected_item()
        if sub and current is not None:
            parent, index = current.key, None
        elif current is not None:
            parent, index = current.parent, current.position + 1
        else:
            parent, index = None, None
        item = AgendaItem(
            0, tr(_CONTEXT, "Neuer Tagesordnungspunkt"), kind=AgendaItemKind.CONSULTATION
        )
        meeting_id = self._agenda.meeting_id
        before = {i.key for i in self._agenda.items}
        agenda = self._run(lambda: self._services.agenda.add(meeting_id, item, parent, index))
        if agenda is not None:
            new = next((i.key for i in agenda.items if i.key not in before), None)
            self.select(new)
            self.form.title_edit.setFocus()
            self.form.title_edit.selectAll()

    def move_selected(self, direction: str) -> None:
        item = self.selected_item()
        if item is None or not self._save_pending():
            return
        item = self.selected_item()  # a saved form gave it a new version
        agenda = self._services.agenda
        actions = {
            "up": lambda: agenda.move(item.key, item.version, -1),
            "down": lambda: agenda.move(item.key, item.version, +1),
            "indent": lambda: agenda.indent(item.key, item.version),
            "outdent": lambda: agenda.outdent(item.key, item.version),
        }
        self._run(actions[direction], select=item.key)

    def save_item(self) -> bool:
        return self._save()

    def _dropped(self, key: int, parent_key: int, index: int) -> None:
        if self._agenda is None or not self._save_pending():
            return
        item = next((i for i in self._agenda.items if i.key == key), None)
        if item is None:
            return
        self._run(
            lambda: self._services.agenda.move_to(key, item.version, parent_key or None, index),
            select=key,
        )

    def _ask_delete(self) -> None:
        item = self.selected_item()
        if item is None or self._agenda is None:
            return
        number = numbers(list(self._agenda.items))[item.key]
        children = sum(1 for i in self._agenda.items if i.parent == item.key)
        text = tr(_CONTEXT, "TOP {number} „{title}“ löschen?").format(
            number=number, title=item.title if len(item.title) < 80 else item.title[:79] + "…"
        )
        if children:
            text += " " + tr(_CONTEXT, "Seine Unterpunkte werden mit gelöscht.")
        self._dialogs.question(
            self,
            tr(_CONTEXT, "Tagesordnungspunkt löschen"),
            text,
            lambda: self._run(lambda: self._services.agenda.delete(item.key, item.version)),
        )

    def _run(self, action: Callable[[], Agenda], select: int | None = None) -> Agenda | None:
        """Store a change; show the stored agenda (or the German reason it was refused)."""
        try:
            agenda = action()
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Tagesordnung"), error.message)
            self.refresh()
            return None
        self._show(agenda, select)
        self.changed.emit()
        return agenda

    def _save(self) -> bool:
        """Store the typed item. False (messages beside the fields) if it was refused."""
        item = self.form.item()
        if item is None or not self.form.is_dirty():
            return True
        self.retry.after(None)
        try:
            agenda = self._services.agenda.update(item)
        except ValidationError as error:
            self.form.show_problems(error.problems)
            return False
        except ConcurrentEditError as error:
            self._offer_merge(item, error)
            return False
        except ExpertenratError as error:
            self.form.errors.show_general(error.message)
            self.retry.after(error)
            return False
        self._agenda = agenda
        self._show_items(agenda)
        self.form.set_item(self.selected_item())
        self._update_end()
        self.changed.emit()
        return True

    def _offer_merge(self, mine: AgendaItem, conflict: ConcurrentEditError) -> None:
        """Someone saved the item first: both versions field by field, then save the choice."""
        base = self.form.stored()  # as the user saw it (the agenda may be reread since)
        try:
            stored = self._services.agenda.agenda(self._meeting_id)
        except ExpertenratError as error:
            self.form.errors.show_general(error.message)
            return
        theirs = next((i for i in stored.items if i.key == mine.key), None)
        if base is None or theirs is None:
            self.form.errors.show_general(conflict.message)
            return

        def take(names: set[str]) -> None:
            self._agenda = stored
            self.form.set_item(theirs)
            self._show_items(stored)
            self.select(mine.key)
            self.form.show_values(merged_item(mine, theirs, names))
            self._save()

        found = agenda_differences(base, mine, theirs)
        if not found:
            take(set())
            return
        self.form.errors.show_general(conflict.message)
        self.merge_dialog = MergeDialog(
            tr(_CONTEXT, "Gleichzeitig geändert – {}").format(theirs.title),
            tr(
                _CONTEXT,
                "Jemand anderes hat diesen Tagesordnungspunkt gespeichert, während Sie ihn "
                "bearbeitet haben. Wählen Sie je Feld, welche Angabe gelten soll; "
                "vorgeschlagen ist jeweils die geänderte. Mit * markiert: beide haben das "
                "Feld geändert.",
            ),
            agenda_merge_rows(found, mine, theirs),
            self,
        )
        self.merge_dialog.chosen.connect(take)
        self.merge_dialog.finished.connect(self.merge_dialog.deleteLater)
        self.merge_dialog.open()

    def _save_pending(self) -> bool:
        return not self.form.is_dirty() or self._save()

    def _discard(self) -> None:
        self.retry.after(None)
        if self._agenda is not None:
            self._show_items(self._agenda)
        self.form.set_item(self.selected_item())

    def _show_items(self, agenda: Agenda) -> None:
        movable = _refusal(agenda) is None
        self.model.set_agenda(agenda.items, agenda.starts_at, movable=movable)

    def _preview_typed(self) -> None:
        """The tree and the time plan follow the typed values before they are saved."""
        item = self.form.item()
        if item is not None:
            self.model.preview(item)
        self._update_end()

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self.form.is_dirty() and previous.isValid() and not self._save():
            self.view.selectionModel().blockSignals(True)
            self.view.selectionModel().setCurrentIndex(
                previous,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.view.selectionModel().blockSignals(False)
            return
        self._show_selected()
        self._update_buttons()


def _refusal(agenda: Agenda, *, title_only: bool = False) -> str | None:
    """Why the agenda may not change so (approved minutes first), or ``None``."""
    if agenda.frozen:
        return tr(_CONTEXT, FROZEN_HINT)
    return change_refusal(agenda.state, title_only=title_only)
