"""A change of the minutes whose save the worker holds until the test lets it go: what the
window shows while it is saved (the tab or area left meanwhile), and once it is stored."""

from __future__ import annotations

import threading

from minutes_setup import Minutes
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.minutes_item_list import item_key

WAIT = 30_000  # ms: saves run in the worker; waits end as soon as they are done
CHANGES = ["text", "votes"]  # what the user changes: an item's text, or its votes


def save_held(monkeypatch, services, editor: MinutesEditor, minutes: Minutes, change: str):
    """Change the text or the vote (one "Ja", ``held_minutes``) of the third item of
    ``minutes`` in ``editor`` and hand it to its save, which runs and stores it once the
    event returned is set."""
    stored = threading.Event()
    name = "save_item" if change == "text" else "save_votes"
    save = getattr(services.minutes, name)
    monkeypatch.setattr(
        services.minutes, name, lambda *args: stored.wait(WAIT / 1000) and save(*args)
    )
    editor.items.select_key(item_key(minutes.item_ids[2]))
    if change == "text":
        edit = editor.item_form.discussion_edit
        edit.setFocus()
        edit.moveCursor(QTextCursor.MoveOperation.End)
        QTest.keyClicks(edit, " Nachtrag")
        editor.autosave.flush()
    else:
        yes = editor.item_form.votes.lines[0].counts["yes"]
        yes.setValue(2)
        yes.editingFinished.emit()
    assert not editor.idle()  # the save runs, not stored yet
    return stored
