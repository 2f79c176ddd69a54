"""A keystroke in the minutes editor while an autosave is pending: from the key press to the
repainted text field, in a discussion of 20,000 characters in paragraphs. Aim: one frame
(16 ms) at most; beside it the same keystroke in a bare QPlainTextEdit, Qt's own share.

(Qt itself needs ~45 ms per keystroke at the end of ONE 20,000-character paragraph with
Arabic text: QPlainTextEdit lays the whole paragraph out again. Minutes have paragraphs.)

The autosave timer is running (the save waits for the pause) and the recovery file is due,
as when someone types steadily; the event loop runs after each key, so a timer that fires
(a save started in the worker, a recovery write) is inside the measured time.

Run with ``pytest tests/benchmarks/test_minutes_keystroke_benchmark.py --benchmark-only``.
"""

from __future__ import annotations

from datetime import date

import pytest
from held_meeting import held_meeting
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.members import Member
from expertenrat.domain.minutes import ItemTexts
from expertenrat.services.context import Services
from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.minutes_item_list import item_key

FRAME = 0.016
PARAGRAPH = "Der Expert*innenrat berät den Bericht & <Zahlen> – تقرير 🚲 " * 6
LONG = ((PARAGRAPH + "\n\n") * 60)[:20_000]
TITLES = tuple(f"Beratung Nr. {n} zum Projekt „Digitaler Zwilling“" for n in range(40))


class QuietDialogs:
    def __getattr__(self, name: str):
        raise AssertionError(f"no dialog expected: {name}")


@pytest.fixture
def editor(qtbot, sqlite_database):
    services = Services.create(sqlite_database, "bench")
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Expert*innenrat", city="Rostock")
    )
    field = services.settings.action_fields(council.id)[0].id
    for name in ("Berg", "Dahl", "Engel", "Falk", "Groß", "Hahn", "Iversen", "Jäger"):
        services.members.save(
            council.id,
            Member(None, "Anna", name, primary_field_id=field, term_start=date(2025, 1, 1)),
            date(2026, 1, 1),
        )
    members = [m.id for m in services.members.members(council.id)]
    held = held_meeting(sqlite_database, council.id, members, titles=TITLES)
    item_id = held.item_ids[20]
    version = services.minutes.minutes(held.meeting_id).item(item_id).version
    services.minutes.save_item(item_id, ItemTexts(discussion=LONG), version, "setup")

    def settle(widget: MinutesEditor) -> None:
        widget.autosave.flush()
        qtbot.waitUntil(lambda: widget.idle(), timeout=10_000)

    widget = MinutesEditor(services, QuietDialogs())  # type: ignore[arg-type]
    qtbot.addWidget(widget, before_close_func=settle)
    widget.resize(1400, 900)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    widget.set_meeting(held.meeting_id)
    widget.items.select_key(item_key(item_id))
    text = widget.item_form.discussion_edit
    text.setFocus()
    text.moveCursor(text.textCursor().MoveOperation.End)
    QTest.keyClicks(text, "Start")  # the autosave is pending from here on
    assert widget.autosave.is_busy()
    return widget


def _type_into(benchmark, text: QPlainTextEdit) -> None:
    app = QApplication.instance()

    def keystroke() -> None:
        QTest.keyClick(text, Qt.Key.Key_A)
        text.viewport().repaint()
        app.processEvents()

    benchmark.pedantic(keystroke, rounds=300, iterations=1, warmup_rounds=10)
    assert text.toPlainText().endswith("a" * 300)


@pytest.mark.benchmark(group="minutes-keystroke")
def test_a_keystroke_with_autosave_pending(benchmark, editor):
    _type_into(benchmark, editor.item_form.discussion_edit)
    assert benchmark.stats.stats.median < FRAME


@pytest.mark.benchmark(group="minutes-keystroke")
def test_a_keystroke_in_a_bare_text_edit(benchmark, qtbot):
    text = QPlainTextEdit()
    qtbot.addWidget(text)
    text.resize(900, 700)
    with qtbot.waitActive(text):
        text.show()
        text.activateWindow()
    text.setPlainText(LONG + "Start")
    text.moveCursor(text.textCursor().MoveOperation.End)
    text.setFocus()
    _type_into(benchmark, text)
