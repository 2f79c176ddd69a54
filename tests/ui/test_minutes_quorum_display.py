"""The Protokoll tab's Kopfdaten and checklist say which items had a quorum when a member
came late (the minutes editor's own behaviour is tested in test_minutes_editor.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from held_meeting import council_of_three, held_meeting

from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.minutes_item_list import header_key

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done
SPLIT = (
    "Das Gremium war bis TOP 2 nicht beschlussfähig (1 von 3 stimmberechtigten Mitgliedern "
    "anwesend) und ab TOP 3 beschlussfähig (2 von 3 stimmberechtigten Mitgliedern anwesend)"
)


@pytest.fixture
def held(services, today):
    council_id = council_of_three(services, today)
    members = [m.id for m in services.members.members(council_id)]
    held = held_meeting(services.database, council_id, members, present=2)
    late = services.attendance.sheet(held.meeting_id).entry(members[1])
    services.attendance.save_entry(held.meeting_id, replace(late, arrived_item_id=held.item_ids[2]))
    return held


@pytest.fixture
def editor(qtbot, services, dialogs, held) -> MinutesEditor:
    editor = MinutesEditor(services, dialogs)

    def settle() -> None:
        editor.autosave.flush()
        qtbot.waitUntil(lambda: editor.idle(), timeout=WAIT)

    qtbot.addWidget(editor, before_close_func=lambda _editor: settle())
    editor.set_meeting(held.meeting_id)
    return editor


def test_the_header_shows_the_items_with_and_without_quorum(qtbot, editor, held) -> None:
    editor.items.select_key(header_key(held.meeting_id))

    assert editor.header_form.quorum_label.text() == f"Laut Anwesenheit: {SPLIT}"


def test_the_checklist_warns_once_the_quorum_is_noted(qtbot, editor, services, held) -> None:
    minutes = services.minutes.minutes(held.meeting_id)
    services.minutes.save_header(held.meeting_id, replace(minutes.header, quorum_noted=True))
    editor.set_meeting(held.meeting_id)
    expected = f"⚠ Beschlussfähigkeit festgestellt, aber nicht für die ganze Sitzung: {SPLIT}."

    def shown() -> dict[str, str]:
        lines = (editor.checklist.lines.item(i) for i in range(editor.checklist.lines.count()))
        return {line.text(): line.foreground().color().name() for line in lines}

    qtbot.waitUntil(lambda: expected in shown(), timeout=WAIT)
    assert shown()[expected] == "#8a5300"  # the warning's brown, not green
