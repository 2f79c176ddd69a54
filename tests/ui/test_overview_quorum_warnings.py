"""The Übersicht lists the meetings ahead whose apologies leave too few voting members for
a quorum, and a line opens that meeting with the warning under its state buttons."""

from __future__ import annotations

from dataclasses import replace

import pytest
from overview_sample import seed
from PySide6.QtCore import Qt

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import AttendanceStatus

WARNING = (
    "Nach 1 Entschuldigung ist höchstens 1 von 2 stimmberechtigten Mitgliedern zu erwarten "
    "– die Sitzung wäre nicht beschlussfähig (nötig: mehr als die Hälfte, also mindestens 2)"
)


@pytest.fixture
def council(services):
    return services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )


@pytest.fixture
def sample(sqlite_database, council):
    return seed(sqlite_database, council.id)


def excuse_one(services, meeting_id: int) -> None:
    entry = services.attendance.sheet(meeting_id).entries[0]
    services.attendance.save_entry(meeting_id, replace(entry, status=AttendanceStatus.EXCUSED))


def test_a_meeting_at_risk_is_listed_and_opens_with_its_warning(
    make_window, services, sample, qtbot
):
    excuse_one(services, sample.meetings["invited"])
    window = make_window()
    window.show()
    window.show_area(window.overview_page)

    (line,) = window.overview_page.quorum_warnings.lines
    assert line.text() == f"5. Sitzung am 10.12.2026: {WARNING}"
    assert line.objectName() == "overviewUrgent"
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=line.rect().center())

    page = window.pages.meetings
    assert window.stack.currentWidget() is page
    assert page.selected().id == sample.meetings["invited"]
    assert page.quorum_warning.isVisible()
    assert page.quorum_warning.text() == WARNING


def test_without_apologies_the_list_is_hidden(make_window, sample):
    window = make_window()
    window.show()
    window.show_area(window.overview_page)

    assert window.overview_page.quorum_warnings.lines == []
    assert window.overview_page.quorum_warnings.isHidden()
