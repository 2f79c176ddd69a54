"""Changes of the minutes whose saves the worker holds until the test lets them go: what
the window shows while they are saved (the tab or area left meanwhile), and once stored."""

from __future__ import annotations

import threading

from minutes_setup import Minutes
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.minutes_item_list import item_key

WAIT = 30_000  # ms: saves run in the worker; waits end as soon as they are done
CHANGES = ["text", "votes"]  # what the user changes: an item's text, or its votes


def saves_held(monkeypatch, services) -> threading.Event:
    """The saves of the minutes' text and votes wait until the event returned is set.
    Before the editor is made: it takes the votes' save as it is made."""
    stored = threading.Event()
    for name in ("save_item", "save_votes"):
        save = getattr(services.minutes, name)
        monkeypatch.setattr(
            services.minutes,
            name,
            lambda *args, save=save: stored.wait(WAIT / 1000) and save(*args),
        )
    return stored


def changed(editor: MinutesEditor, minutes: Minutes, change: str) -> None:
    """Change the text or the vote (one "Ja", ``held_minutes``) of the third item of
    ``minutes`` in ``editor`` and hand it to its save (held: :func:`saves_held`)."""
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
