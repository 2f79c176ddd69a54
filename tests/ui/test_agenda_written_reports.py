"""(found by a tester) The agenda editor with pytest-qt: "Umlaufbeschlüsse berichten …"
offers the recommendations adopted in writing before a planned meeting and adds one item
reporting those checked; once reported they are offered no more; a held meeting has no
such button."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from shown_agenda_editor import shown_agenda_editor

from expertenrat.domain.enums import AgendaItemKind, MeetingKind, MeetingState
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.overview import Area, MeetingTab, Target
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.written_procedures import REPORT_TITLE, WrittenVote
from expertenrat.store import models
from expertenrat.ui.agenda_editor import AgendaEditor
from expertenrat.ui.overview_page import OverviewPage

BERLIN = ZoneInfo("Europe/Berlin")
HOSTILE = "Radwege & <b>Ampeln</b> 🚲"


@pytest.fixture
def planned(services, council_id) -> int:
    """A planned meeting on 15.12.2026 with the opening items, and a recommendation adopted
    in writing on 27.11.2026."""
    start = datetime(2026, 12, 15, 16, tzinfo=BERLIN)
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    meeting = services.meetings.create(council_id, draft)
    services.agenda.add_opening_items(meeting)
    register = services.recommendations
    made = register.create(council_id, RecommendationContent(HOSTILE), date(2026, 11, 18)).row
    vote = WrittenVote(date(2026, 11, 20), date(2026, 11, 27), 9, 8, 0, 1)
    register.adopt(made.id, made.version, date(2026, 11, 27), "", vote)
    return meeting


@pytest.fixture
def editor(qtbot, services, dialogs) -> AgendaEditor:
    return shown_agenda_editor(qtbot, services, dialogs)


def test_written_decisions_are_reported_on_the_next_agenda_once(
    editor, planned, dialogs, services, qtbot
) -> None:
    editor.set_meeting(planned)
    button = editor.structure.written_button
    assert button.isVisible() and button.isEnabled()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert dialogs.offered_checks == [[f"E-2026-01 {HOSTILE} (beschlossen am 27.11.2026)"]]
    report = services.agenda.agenda(planned).items[-1]
    assert (report.title, report.kind, report.public) == (
        REPORT_TITLE, AgendaItemKind.REPORT, True,
    )  # fmt: skip
    assert editor.selected_item().key == report.key

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert dialogs.messages[-1][2].startswith(
        "Es warten keine im Umlaufverfahren beschlossenen Empfehlungen"
    )
    assert len(dialogs.offered_checks) == 1
    with services.database.transaction() as session:
        session.get(models.Meeting, planned).state = MeetingState.HELD.value
    editor.set_meeting(planned)
    assert not button.isVisible()


def test_the_overview_lists_them_until_an_agenda_reports_them(
    qtbot, planned, services, council_id
) -> None:
    page = OverviewPage(services.overview, lambda: date(2026, 12, 1))
    qtbot.addWidget(page)
    page.set_council(council_id)
    page.show()
    page.refresh()

    assert page.written_waiting.title() == "Umlaufbeschlüsse ohne Bericht"
    (line,) = page.written_waiting.lines
    qtbot.waitUntil(line.isVisible)  # laid out
    assert line.text() == "1 Umlaufbeschluss wartet auf einen Bericht"
    with qtbot.waitSignal(page.opened) as opened:
        qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    assert opened.args == [Target(Area.MEETINGS, record_id=planned, tab=MeetingTab.AGENDA)]

    written = services.written_procedures
    written.report(planned, [d.key for d in written.offered(planned)])
    page.refresh()
    assert page.written_waiting.isHidden()
