"""The agenda editor set up for a test: shown at 1200 × 600, wide enough for its tree
beside the item's form, and showing a meeting's agenda where one is given."""

from __future__ import annotations

from expertenrat.ui.agenda_editor import AgendaEditor


def shown_agenda_editor(qtbot, services, dialogs, meeting: int | None = None) -> AgendaEditor:
    """A new agenda editor on ``services`` and ``dialogs``, shown (qtbot closes it after the
    test); with ``meeting``: showing that meeting's agenda."""
    editor = AgendaEditor(services, dialogs)
    qtbot.addWidget(editor)
    editor.resize(1200, 600)
    editor.show()
    if meeting is not None:
        editor.set_meeting(meeting)
    return editor
