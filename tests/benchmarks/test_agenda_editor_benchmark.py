"""Opening a 40-item meeting in the agenda editor: from ``set_meeting`` to the painted tree.
Aim: under 100 ms.

Run with ``pytest tests/benchmarks/test_agenda_editor_benchmark.py --benchmark-only``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import AgendaItemKind, MeetingKind
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.services.context import Services
from expertenrat.ui.agenda_editor import AgendaEditor

TITLE = "Beratung des Projekts „Digitaler Zwilling“ & <Radwege> – مشروع 🚲 "


class QuietDialogs:
    def warning(self, parent, title, text) -> None:
        raise AssertionError(text)

    def question(self, parent, title, text, on_yes) -> None:
        raise AssertionError(text)


def _meeting_with_40_items(services: Services, council_id: int, number: int) -> int:
    start = datetime(2026, 12, 8 + number, 16, tzinfo=ZoneInfo("Europe/Berlin"))
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=3), place="Rathaus")
    meeting_id = services.meetings.create(council_id, draft)
    agenda = services.agenda.agenda(meeting_id)
    while agenda.items:  # the standard opening items, if the meetings service adds them
        top = next(i for i in agenda.items if i.parent is None)
        agenda = services.agenda.delete(top.key, top.version)
    parent = None
    for index in range(40):
        item = AgendaItem(
            0,
            (TITLE * 8)[:490] + f" {index}",
            kind=AgendaItemKind.CONSULTATION,
            planned_minutes=5,
            presenter="Dr. Anna Berg (Projektteam)",
        )
        agenda = services.agenda.add(meeting_id, item, parent if index % 4 else None)
        if index % 4 == 0:
            parent = agenda.items[-1].key
    return meeting_id


@pytest.fixture
def editor_and_meetings(qtbot, sqlite_database):
    services = Services.create(sqlite_database, "bench")
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Expert*innenrat", city="Rostock")
    )
    meetings = [_meeting_with_40_items(services, council.id, n) for n in (1, 2)]
    editor = AgendaEditor(services, QuietDialogs())  # type: ignore[arg-type]
    qtbot.addWidget(editor)
    editor.resize(1400, 800)
    editor.show()
    return editor, meetings


def test_open_a_40_item_meeting(benchmark, editor_and_meetings):
    editor, meetings = editor_and_meetings
    turn = iter(range(1_000_000))

    def open_meeting() -> int:
        editor.set_meeting(meetings[next(turn) % 2])
        editor.view.viewport().repaint()
        return editor.model.rowCount()

    assert benchmark(open_meeting) == 10
    assert len(editor.model.placed()) == 40
