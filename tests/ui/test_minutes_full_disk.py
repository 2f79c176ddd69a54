"""The Protokoll tab on a full disk: the database refuses the save and the recovery file
cannot be written either. The text stays in the form, the line says it is kept nowhere
else, and leaving (closing the program) asks first; with space again it is saved.

The database is full for real (SQLite's ``max_page_count`` caps the file at its size: the
save fails with SQLITE_FULL as on a full disk); the recovery file's write fails at the
disk (``fsync`` refused with ENOSPC)."""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterator

import pytest
from held_meeting import council_of_three, held_meeting
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import event

from expertenrat.services import files
from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.minutes_item_list import item_key
from expertenrat.ui.page import flush_again

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done


@pytest.fixture
def disk_full(services, monkeypatch) -> Iterator[tuple[Callable[[], None], Callable[[], None]]]:
    """``fill()``: the database file and the recovery folder are full from now on;
    ``free()``: there is space again."""
    engine = services.database.engine

    def cap(dbapi_connection, _record) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    def no_space(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    def fill() -> None:
        event.listen(engine, "connect", cap)
        engine.dispose()
        monkeypatch.setattr(files.os, "fsync", no_space)

    def free() -> None:
        monkeypatch.undo()
        if event.contains(engine, "connect", cap):
            event.remove(engine, "connect", cap)
            engine.dispose()

    yield fill, free
    free()


def test_text_typed_on_a_full_disk_stays_and_leaving_asks_first(
    qtbot, services, dialogs, today, disk_full
) -> None:
    fill, free = disk_full
    council_id = council_of_three(services, today)
    members = [m.id for m in services.members.members(council_id)]
    held = held_meeting(services.database, council_id, members)
    editor = MinutesEditor(services, dialogs)
    qtbot.addWidget(editor)
    editor.resize(1000, 700)
    editor.show()
    editor.set_meeting(held.meeting_id)
    editor.autosave.saves.retry_timer.setInterval(200)
    item_id = held.item_ids[0]
    editor.items.select_key(item_key(item_id))

    fill()
    typed = "Der Rat berät den Bericht. " * 300  # more than the pages the file has room for
    editor.item_form.discussion_edit.setPlainText(typed)
    editor.autosave.save_now()

    # Not "versuchen Sie es erneut. Es wurde nichts gespeichert." (the program tries again
    # by itself), and what to do first (found by a tester)
    unkept = (
        "Nicht gesichert – bitte das Programm nicht beenden! Der Text steht nur im Formular. "
        "Der Datenträger der Datenbank ist voll; bitte schaffen Sie Platz. Das Speichern wird "
        "wiederholt. Sicherungsdatei auf diesem PC: Der Datenträger ist voll."
    )
    qtbot.waitUntil(lambda: editor.indicator.text() == unkept, timeout=WAIT)
    # The tab as in a 1024 x 600 window: the line's two lines say what matters most, the
    # rest is in its tooltip (before, "bitte beenden Sie das Programm nicht" was in the
    # tooltip alone)
    editor.resize(815, 560)
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    shown = " ".join(editor.indicator.shown_lines())
    assert "Nicht gesichert – bitte das Programm nicht beenden!" in shown, shown
    assert editor.indicator.is_shortened()  # so its tooltip and a click give the whole
    assert editor.autosave.recovery.entries() == []
    left: list[str] = []
    dialogs.answers = [False, True]
    assert not editor.flush(lambda: left.append("closed"))  # "Nein": the editor stays
    assert left == []
    assert dialogs.messages[-1] == (
        "question",
        "Protokolltext nicht gesichert",
        f"{unkept} Trotzdem fortfahren? Beim Beenden des Programms ginge der Text verloren.",
    )
    assert editor.item_form.discussion_edit.toPlainText() == typed
    # "Ja": on the user's word, asked once though the page flushes again after it
    asked = len(dialogs.messages)
    again = flush_again(editor.flush, lambda: left.append("closed"))
    assert not editor.flush(again)
    assert left == ["closed"]
    assert len(dialogs.messages) == asked + 1

    free()  # space again: the retry saves what was typed
    qtbot.waitUntil(lambda: editor.indicator.text().startswith("gespeichert"), timeout=WAIT)
    stored = services.minutes.minutes(held.meeting_id).item(item_id).discussion
    assert stored == typed
    qtbot.waitUntil(lambda: editor.autosave.recovery.entries() == [], timeout=WAIT)
    assert editor.flush(lambda: None)  # nothing to ask any more
    qtbot.waitUntil(editor.idle, timeout=WAIT)
