"""The "Tagesordnung" tab of a meeting: the agenda tree with its time plan and the form of
the selected item.

Items move with the buttons, with Alt+Up/Down (among their siblings), Alt+Right/Left
(indent under the item before / outdent after the parent) and by drag and drop; each move
is stored at once and the numbers follow (:mod:`ui.agenda_structure_bar`). Entf in the tree
deletes the selected item after asking, as "Löschen …" does. The form saves
with "Übernehmen" or Enter in a one-line field (:mod:`ui.agenda_item_saving`), before any
move, when another item is selected and when the meetings page flushes; while the user
types, the tree shows the typed title and the time plan follows the typed minutes, also
when the agenda is reread for a change made elsewhere (``refresh`` keeps typed input). The
tree with its columns and the end of the time plan is :mod:`ui.agenda_tree_pane`; the
widgets and where they sit are :mod:`ui.agenda_editor_view`, which of them are on
:mod:`ui.agenda_editor_controls`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSettings, Qt, Signal
from PySide6.QtWidgets import QWidget

from expertenrat.domain.agenda import Agenda, AgendaItem
from expertenrat.domain.errors import ConnectionLostError, ExpertenratError
from expertenrat.services.context import Services
from expertenrat.ui.agenda_editor_controls import enable_controls
from expertenrat.ui.agenda_editor_view import AgendaEditorView, refusal
from expertenrat.ui.agenda_form_choices import AgendaFormChoices
from expertenrat.ui.agenda_item_saving import AgendaItemSaving
from expertenrat.ui.agenda_pasted_lines import PastedAgendaLines
from expertenrat.ui.agenda_structure_bar import AgendaStructureBar
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.key_actions import KeyActions
from expertenrat.ui.no_meeting import KeepsNoMeetingHint, no_meeting_hint

_CONTEXT = "AgendaEditor"


class AgendaEditor(KeepsNoMeetingHint, AgendaEditorView):
    """Detail widget of a meeting (see the widget contract): ``set_meeting``, ``refresh``,
    ``flush`` and ``changed``."""

    changed = Signal()

    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent, settings)  # the widgets
        self._services = services
        self._dialogs = dialogs
        self._meeting_id: int | None = None
        self._agenda: Agenda | None = None
        self.choices = AgendaFormChoices(services, self.form)
        self._no_meeting_hint = no_meeting_hint()
        # Whether the user chose the selected row (or added it): the tab selects the first
        # row itself, and "Neuer Punkt" puts no item after that (see chosen_item).
        self._row_chosen = False

        self.structure = AgendaStructureBar(
            services,
            dialogs,
            lambda: self._agenda,
            self.selected_item,
            self.chosen_item,
            self._save_pending,
        )
        self.saving = AgendaItemSaving(
            self,
            services,
            dialogs,
            self.form,
            self.save_button,
            lambda: self._meeting_id,
            self._item_saved,
            self._merging,
        )
        self._layout(self.structure)
        self.pasted_lines = PastedAgendaLines(  # an agenda pasted into the title
            self, services, dialogs, self.form, lambda: self._agenda, self._save_pending,
            stored=self._stored, refused=lambda: self.refresh(told=True),
        )  # fmt: skip

        self.structure.stored.connect(self._stored)
        self.structure.refused.connect(lambda: self.refresh(told=True))
        self.structure.added.connect(self._added)
        self.save_button.clicked.connect(self.save_item)
        self.hint.clicked.connect(  # a hint cut short: the whole of it
            lambda: dialogs.information(self, tr(_CONTEXT, "Tagesordnung"), self.hint.text())
        )
        self.view.move_requested.connect(self.structure.move_selected)
        KeyActions(  # Entf as in the members' and projects' lists: "Löschen …" where it is on
            self.view,
            {(Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier): self._delete_selected},
        )
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.pressed.connect(self._choose)  # also the row selected already
        self.model.drop_requested.connect(self.structure.drop, Qt.ConnectionType.QueuedConnection)
        self.form.edited.connect(self._preview_typed)
        self.set_meeting(None)

    # --- the widget contract ----------------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        """Show the agenda of ``meeting_id`` (``None``: empty and disabled). Typed input
        stays only for the meeting shown (as on :meth:`refresh`); the page flushes before
        it shows another."""
        if meeting_id != self._meeting_id:
            self.form.set_item(None)
        self._meeting_id = meeting_id
        self._row_chosen = False
        if meeting_id is None:
            self._agenda = None
            self.model.set_agenda([], None)
            self.form.set_item(None)
            self.hint.setText(self._no_meeting_hint)
            self.hint.show()
            self.tree.fit_columns()  # the headers' widths: no scrolling
            self._update_end()
            self._update_buttons()
            return
        self.view.scrollToTop()
        self._load(select=None)

    def refresh(self, *, told: bool = False) -> None:
        """Reread the agenda and the form's choices (projects, templates and members may
        have changed elsewhere); the selected item stays selected. Input typed into the
        form and not saved yet stays there and in the tree (saving it merges with a change
        made elsewhere meanwhile); if its item was deleted elsewhere, the agenda stays as
        shown until the input is saved (which says why it cannot be) or dropped. ``told``:
        after a refused change, whose warning said why: an agenda that cannot be read (its
        meeting deleted elsewhere) goes without a second one."""
        if self._meeting_id is not None:
            self.choices.forget()
            item = self.selected_item()
            self._load(select=item.key if item is not None else None, told=told)

    def has_unsaved_changes(self) -> bool:
        return self.form.is_dirty()

    def flush(self, then: Callable[[], None]) -> bool:
        """Save the typed item; if it cannot be saved, ask whether to drop the changes
        (:meth:`~expertenrat.ui.agenda_item_saving.AgendaItemSaving.save_or_ask`)."""
        return not self.form.is_dirty() or self.saving.save_or_ask(self._discard, then)

    # --- reading ------------------------------------------------------------------------

    def selected_item(self) -> AgendaItem | None:
        key = self.tree.current_key()
        if key is None or self._agenda is None:
            return None
        return next((i for i in self._agenda.items if i.key == key), None)

    def chosen_item(self) -> AgendaItem | None:
        """The selected item if the user chose it, not the tab (``None``: a new item goes
        after the opening formalities, ``AgendaService.add_new``)."""
        return self.selected_item() if self._row_chosen else None

    def select(self, key: int | None) -> None:
        """Select the item ``key`` as the user's choice (``None``, or an item not shown:
        the first row, not chosen)."""
        self._select(key, chosen=True)

    def _select(self, key: int | None, *, chosen: bool) -> None:
        self.tree.select(key)
        self._row_chosen = chosen and key is not None and self.tree.current_key() == key
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

    def _load(self, select: int | None, *, told: bool = False) -> None:
        try:
            agenda = self._services.agenda.agenda(self._meeting_id)
            self.choices.load(agenda)
        except ConnectionLostError as error:
            # The meeting stays: a reread once the server is back shows its agenda. The
            # agenda shown stays too (a step refused has said why); another meeting's not.
            if self._agenda is None or self._agenda.meeting_id != self._meeting_id:
                self._agenda = None
                self.model.set_agenda([], None)
                self.form.set_item(None)
                self.hint.setText(error.message)
                self.hint.show()
                self._update_end()
                self._update_buttons()
            return
        except ExpertenratError as error:
            if not told:
                self._dialogs.warning(self, tr(_CONTEXT, "Tagesordnung"), error.message)
            self.set_meeting(None)
            return
        typed = self._typed_item()
        if typed is not None and all(i.key != typed.key for i in agenda.items):
            return  # deleted elsewhere: see refresh
        self._show(agenda, select)

    def _show(self, agenda: Agenda, select: int | None) -> None:
        """Show ``agenda`` with ``select`` selected; an item with typed input stays selected
        with its typed values."""
        typed = self._typed_item()
        if typed is not None:
            select = typed.key
        self._agenda = agenda
        self.show_note(agenda)
        self._show_items(agenda)
        self.view.expandAll()
        self.tree.fit_columns()
        self._select(select, chosen=self._row_chosen)
        self._preview_typed()
        self._update_buttons()

    def _update_end(self) -> None:
        self.tree.show_end(self._agenda)

    def _update_buttons(self) -> None:
        self.saving.retry.after(None)  # another item shown (or the same reread)
        enable_controls(self, self.structure, self._agenda, self.selected_item())

    # --- changing -----------------------------------------------------------------------

    def save_item(self) -> bool:
        return self.saving.save()

    def _stored(self, agenda: Agenda, select: int | None) -> None:
        """A change of the structure was stored (``select``: the item the user moved)."""
        self._row_chosen = select is not None
        self._show(agenda, select)
        self.changed.emit()

    def _added(self, key: int | None) -> None:
        """A new item is selected, its title ready to be typed over, its kind following
        the project picked (``AgendaItemForm.mark_new``)."""
        self.select(key)
        self.form.mark_new()
        self.form.title_edit.setFocus()
        self.form.title_edit.selectAll()

    def _delete_selected(self) -> None:
        if self.structure.delete_button.isEnabled():
            self.structure.delete_button.click()

    def _item_saved(self, agenda: Agenda) -> None:
        self._agenda = agenda
        self._show_items(agenda)
        self.form.set_item(self.selected_item())
        self._update_end()
        self.changed.emit()

    def _merging(self, stored: Agenda, theirs: AgendaItem) -> None:
        """The agenda as stored now, the other version of the item in the form."""
        self._agenda = stored
        self.form.set_item(theirs)
        self._show_items(stored)
        self.select(theirs.key)

    def _save_pending(self) -> bool:
        return not self.form.is_dirty() or self.saving.save()

    def _discard(self) -> None:
        self.saving.retry.after(None)
        if self._agenda is not None:
            self._show_items(self._agenda)
        self.form.set_item(self.selected_item())

    def _show_items(self, agenda: Agenda) -> None:
        self.tree.show_items(agenda, movable=refusal(agenda) is None)

    def _preview_typed(self) -> None:
        """The tree and the time plan follow the typed values before they are saved."""
        item = self.form.item()
        if item is not None:
            self.model.preview(item)
        self._update_end()

    def _choose(self) -> None:
        self._row_chosen = True

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self.form.is_dirty() and previous.isValid() and not self.saving.save():
            self.tree.select_silently(previous)
            return
        self._row_chosen = current.isValid()  # the user's (a select sets it after)
        self._show_selected()
        self._update_buttons()
