"""How a meeting with a title is named where the user reads it: the question before
cancelling it and the heading of its form."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.ui.meeting_form import MeetingForm
from expertenrat.ui.meeting_state_bar import MeetingStateBar

TITLE = "Klausur: Datenstrategie 2030"


@pytest.fixture
def workshop(services):
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Expert*innenrat", city="Rostock")
    )
    start = datetime.combine(date(2026, 12, 14), time(16))
    meeting_id = services.meetings.create(
        council.id,
        MeetingDraft(
            MeetingKind.WORKSHOP, start, start + timedelta(hours=2), TITLE, place="Rathaus"
        ),
    )
    return council.id, services.meetings.get(meeting_id)


def test_the_cancel_question_names_a_titled_meeting_without_a_double_colon(
    qtbot, services, dialogs, workshop
):
    _council_id, meeting = workshop
    bar = MeetingStateBar(services.meetings, dialogs, lambda: meeting)
    qtbot.addWidget(bar)
    bar.update_buttons()

    bar.cancel_button.click()

    assert dialogs.asked_texts == [
        "Grund der Absage von „1. Sitzung – Klausur: Datenstrategie 2030“ am 14.12.2026:"
    ]


def test_the_form_heading_names_a_titled_meeting_without_a_double_colon(
    qtbot, services, dialogs, workshop, today
):
    council_id, meeting = workshop
    form = MeetingForm(services.meetings, services.members, lambda: today, dialogs=dialogs)
    qtbot.addWidget(form)

    form.set_meeting(meeting, council_id=council_id)

    assert form.heading.text() == "1. Sitzung – Klausur: Datenstrategie 2030, 14.12.2026"
