"""Which controls of the "Tagesordnung" tab (:mod:`ui.agenda_editor`) are on: the structure
buttons for the agenda and the selected item's place, the item form and "Übernehmen"."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from expertenrat.domain.agenda import Agenda, AgendaItem
from expertenrat.domain.agenda_moves import possible_moves
from expertenrat.domain.enums import MeetingState
from expertenrat.ui.agenda_editor_view import AgendaEditorView, refusal
from expertenrat.ui.agenda_structure_bar import AgendaStructureBar
from expertenrat.ui.row_moves import focus_to_rows


def enable_controls(
    editor: AgendaEditorView,
    structure: AgendaStructureBar,
    agenda: Agenda | None,
    selected: AgendaItem | None,
) -> None:
    """Enable what ``agenda`` (``None``: none shown) allows with ``selected`` selected."""
    structural = agenda is not None and refusal(agenda) is None
    item = selected is not None
    moves = possible_moves(agenda.items, selected.key) if agenda and selected else None
    # A held meeting's titles may be corrected; while its minutes are an open draft its
    # items move up and down, and an urgent item changes (and may be deleted).
    open_urgent = agenda is not None and selected is not None and selected.urgent
    open_urgent = open_urgent and agenda.urgent_refusal is None
    with focus_to_rows(editor.view, *structure.findChildren(QPushButton)):
        structure.enable(
            structural=structural,
            moves=moves,
            deletable=open_urgent,
            reorder=agenda is not None and agenda.order_open,
        )
        structure.show_urgent(agenda)
    editor.form.set_title_only(
        agenda is not None and agenda.state is MeetingState.HELD and not open_urgent
    )
    editable = agenda is not None and refusal(agenda, title_only=True) is None
    editor.form.setEnabled(editable and item)
    editor.save_button.setEnabled(editable and item)
