"""Befangenheit: the conflicts-of-interest tab of a meeting (see ``widget_contract``).

Pick an agenda item; the table lists the recorded decisions (recused members with their
reasons, overruled suggestions with who decided and why). Below, the screening suggests
members whose institution is a partner of the item's project
(:mod:`~expertenrat.ui.conflict_suggestions_box`): "Befangenheit erfassen"
recuses the member, "Übergehen …" asks for the reason and records the decision. Every
change saves at once; a cancelled meeting is shown read-only with a hint. The widgets and
where they sit: :mod:`~expertenrat.ui.conflicts_panel_view`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from expertenrat.domain.attendance_sheet import CANCELLED_HINT
from expertenrat.domain.conflict_screening import ConflictSuggestion
from expertenrat.domain.conflict_sheet import Conflict, ConflictSheet, ItemConflicts, MemberRef
from expertenrat.domain.errors import ConnectionLostError, ExpertenratError, ValidationError
from expertenrat.domain.minutes_approval import FROZEN_HINT
from expertenrat.services.context import Services
from expertenrat.ui.ask_again import ask_text_again
from expertenrat.ui.conflict_declare_dialog import ConflictDeclareDialog
from expertenrat.ui.conflicts_panel_view import ConflictsPanelView
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.no_meeting import KeepsNoMeetingHint, no_meeting_hint
from expertenrat.ui.page import NothingPending
from expertenrat.ui.record_selection import select_after_removal, selected_row
from expertenrat.ui.refusals import attempt
from expertenrat.ui.row_moves import focus_to_rows

_CONTEXT = "ConflictsPanel"


class ConflictsPanel(KeepsNoMeetingHint, NothingPending, ConflictsPanelView):
    changed = Signal()

    def __init__(
        self, services: Services, dialogs: DialogService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)  # the widgets, laid out
        self._services = services
        self._dialogs = dialogs
        self._meeting_id: int | None = None
        self._no_meeting_hint = no_meeting_hint()
        self._sheet: ConflictSheet | None = None
        self.dialog: ConflictDeclareDialog | None = None

        self.item_combo.currentIndexChanged.connect(lambda _index: self._show_item())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.declare_button.clicked.connect(self.declare)
        self.remove_button.clicked.connect(self.remove_selected)
        self.suggestions.accepted.connect(self.accept)
        self.suggestions.overruled.connect(self.overrule)
        self.set_meeting(None)

    # --- contract -------------------------------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        self._meeting_id = meeting_id
        self.refresh()

    def refresh(self) -> None:
        sheet, hint = None, self._no_meeting_hint
        if self._meeting_id is not None:
            try:
                sheet = self._services.conflicts.sheet(self._meeting_id)
                hint = ""
            except ExpertenratError as error:
                hint = error.message
        if sheet is not None and sheet.cancelled:
            hint = tr(_CONTEXT, CANCELLED_HINT)
        elif sheet is not None and sheet.frozen:
            hint = tr(_CONTEXT, FROZEN_HINT)
        elif sheet is not None and not sheet.items:
            hint = tr(_CONTEXT, "Die Tagesordnung ist noch leer.")
        self._sheet = sheet
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        self._fill_items()

    # --- showing --------------------------------------------------------------------------

    def current_item(self) -> ItemConflicts | None:
        item_id = self.item_combo.currentData()
        if self._sheet is None or item_id is None:
            return None
        return next((i for i in self._sheet.items if i.item.id == item_id), None)

    def select_item(self, item_id: int) -> None:
        self.item_combo.setCurrentIndex(max(self.item_combo.findData(item_id), 0))

    def _fill_items(self) -> None:
        kept = self.item_combo.currentData()
        self.item_combo.blockSignals(True)
        self.item_combo.clear()
        for item in self._sheet.items if self._sheet else ():
            marks = []
            if item.conflicts or item.carried:
                marks.append(
                    tr(_CONTEXT, "{n} erfasst").format(n=len(item.conflicts) + len(item.carried))
                )
            if len(item.suggestions) == 1:
                marks.append(tr(_CONTEXT, "1 Hinweis"))
            elif item.suggestions:
                marks.append(tr(_CONTEXT, "{n} Hinweise").format(n=len(item.suggestions)))
            text = item.item.label + (f" ({', '.join(marks)})" if marks else "")
            self.item_combo.addItem(text, item.item.id)
        index = self.item_combo.findData(kept)
        self.item_combo.setCurrentIndex(index if index >= 0 else 0)
        self.item_combo.blockSignals(False)
        self._show_item()

    def _show_item(self) -> None:
        item = self.current_item()
        self.model.set_rows(item.conflicts + item.carried if item else ())
        if item is None or self.model.rowCount():
            self.table.show_table()
        else:
            self.table.show_empty(tr(_CONTEXT, "Für diesen Punkt ist keine Befangenheit erfasst."))
        project = item.project_title if item else ""
        self.project_label.setText(
            tr(_CONTEXT, "Beratenes Projekt: {title}").format(title=project) if project else ""
        )
        self.project_label.setVisible(bool(project))
        self.carried_label.setText(self._carried_text(item))
        self.carried_label.setVisible(bool(self.carried_label.text()))
        self.suggestions.show_suggestions(
            (
                (self._sheet.name_of(suggestion.member), suggestion)  # type: ignore[union-attr]
                for suggestion in (item.suggestions if item else ())
            ),
            self._editable(),
        )
        self._update_buttons()

    def _carried_text(self, item: ItemConflicts | None) -> str:
        """ "Befangen wie bei TOP 5 (derselbe Gegenstand; …): Anna Berg" for the recusals carried
        to the item; they are changed at that item."""
        if item is None or self._sheet is None or not item.carried:
            return ""
        lines = []
        for source in dict.fromkeys(c.item_id for c in item.carried):
            names = ", ".join(c.member_name for c in item.carried if c.item_id == source)
            lines.append(
                tr(
                    _CONTEXT,
                    "Befangen wie bei TOP {number} (derselbe Gegenstand; dort zu ändern): {names}",
                ).format(number=self._sheet.item(source).item.number, names=names)
            )
        return "\n".join(lines)

    def _editable(self) -> bool:
        return self._sheet is not None and not self._sheet.read_only

    def _update_buttons(self) -> None:
        item = self.current_item()
        editable = self._editable() and item is not None
        self.declare_button.setEnabled(editable and bool(self._undecided(item)))
        selected = self._selected()
        own = item is not None and selected is not None and selected.item_id == item.item.id
        self.remove_button.setEnabled(editable and own)  # a carried recusal: removed above

    def _undecided(self, item: ItemConflicts | None) -> list[MemberRef]:
        """The members without a decision on ``item`` yet (one per member and item)."""
        if item is None or self._sheet is None:
            return []
        decided = {c.membership_id for c in item.conflicts + item.carried}
        return [m for m in self._sheet.members if m.membership_id not in decided]

    def _selected(self) -> Conflict | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    # --- changing -------------------------------------------------------------------------

    def declare(self) -> None:
        item = self.current_item()
        if item is None or self._sheet is None:
            return
        self.dialog = ConflictDeclareDialog(
            item.item.label,
            self._undecided(item),
            lambda member, reason: self._run(
                lambda: self._services.conflicts.declare(item.item.id, member, reason)
            ),
            self,
            dialogs=self._dialogs,
        )
        self.dialog.open()

    def accept(self, suggestion: ConflictSuggestion) -> None:
        item = self.current_item()
        if item is not None:
            self._run(lambda: self._services.conflicts.accept(item.item.id, suggestion))

    def overrule(self, suggestion: ConflictSuggestion, why: str = "", note: str = "") -> None:
        """Ask why and overrule; ``why``: the reason typed before, ``note``: why it is asked
        again (a reason refused, or the server lost: the typed reason is not lost)."""
        item = self.current_item()
        if item is None or self._sheet is None:
            return

        def record(typed: str) -> str | None:
            try:
                self._services.conflicts.overrule(item.item.id, suggestion, typed)
            except (ValidationError, ConnectionLostError) as error:
                return error.message + "\n"  # asked again with it
            except ExpertenratError as error:
                self._dialogs.warning(self, tr(_CONTEXT, "Befangenheit"), error.message)
                self.refresh()
                return None
            self.refresh()
            self.changed.emit()
            return None

        ask_text_again(
            self._dialogs,
            self,
            tr(_CONTEXT, "Hinweis übergehen"),
            tr(_CONTEXT, "Warum ist {name} bei diesem Punkt nicht befangen?").format(
                name=self._sheet.name_of(suggestion.member)
            ),
            why,
            record,
            note,
        )

    def remove_selected(self) -> None:
        conflict, item = self._selected(), self.current_item()
        if conflict is None or item is None or conflict.item_id != item.item.id:
            return  # a recusal carried from an item above is removed there
        row = selected_row(self.view)
        self._dialogs.question(
            self,
            tr(_CONTEXT, "Befangenheit entfernen"),
            tr(_CONTEXT, "Die Entscheidung zu {name} entfernen?").format(name=conflict.member_name),
            lambda: self._remove(conflict, row),
        )

    def _remove(self, conflict: Conflict, row: int) -> None:
        """The focus stays with the decisions ("Befangenheit eintragen …" once none is
        left): read anew, they turned "Entfernen …" off and on again, and Qt passed the
        focus on to the item's choice at the top (found by a tester)."""
        others = self.model.rowCount() > 1
        target = self.view if others else self.declare_button
        with focus_to_rows(target, self.remove_button):
            self._run(lambda: self._services.conflicts.remove(conflict))
            select_after_removal(self.view, row)

    def _run(self, change: Callable[[], object]) -> bool:
        done = attempt(self._dialogs, self, tr(_CONTEXT, "Befangenheit"), change)
        self.refresh()
        if done:
            self.changed.emit()
        return done
