"""A new meeting dated before one already invited gets the higher number (the invited one's
stands in its invitation): the Sitzung tab says so before it saves, not after."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QLabel

from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.ui.meetings_page import MeetingsPage

NOTE = "ist bereits eingeladen und behält ihre Nummer; diese Sitzung erhält deshalb die Nummer 2."
AGAIN = "Trotzdem speichern? Klicken Sie erneut auf „Speichern“."


@pytest.fixture
def page(qtbot, services, dialogs, council_id, today) -> MeetingsPage:
    """The 1. Sitzung, in 30 days, is invited."""
    start = datetime.combine(today + timedelta(days=30), time(16))
    invited = services.meetings.create(
        council_id,
        MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"),
    )
    version = services.meetings.get(invited).version
    services.meetings.change_state(invited, version, MeetingState.INVITED, sent_on=today)
    page = MeetingsPage(services, dialogs, lambda: today)
    qtbot.addWidget(page)
    page.set_council(council_id)
    page.refresh()
    page.show()
    return page


def new_meeting(page: MeetingsPage, days: int, today) -> None:
    page.new_button.click()
    day = today + timedelta(days=days)
    page.form.date_edit.setDate(QDate(day.year, day.month, day.day))
    page.form.start_edit.setTime(QTime(16, 0))
    page.form.end_edit.setTime(QTime(18, 0))
    page.form.place_edit.setText("Rathaus")


def test_a_meeting_before_an_invited_one_is_told_its_number_before_it_is_saved(
    page, services, council_id, today
) -> None:
    """(found by a tester) A meeting created for 26.11. after the one of 14.12. was invited
    became the 8. Sitzung, listed before the 7.: the form said so only once it was saved."""
    new_meeting(page, 12, today)

    assert not page.form.save()  # the first click says it and saves nothing
    shown = page.form.errors.message("end")
    assert NOTE in shown and shown.endswith(AGAIN)
    assert len(services.meetings.list(council_id)) == 1

    assert page.form.save()  # the second one saves
    numbers = sorted(m.number for m in services.meetings.list(council_id))
    assert numbers == [1, 2]
    assert NOTE in page.form.errors.message("end")  # and the note stays after saving
    assert AGAIN not in page.form.errors.message("end")


def test_the_number_note_stands_under_the_date_as_a_warning(page, today) -> None:
    """(found by a tester) The note and its "Trotzdem speichern?" stood in black beside the
    buttons, far from the Termin field whose date gives the number."""
    new_meeting(page, 12, today)

    page.form.save()

    (label,) = [label for label in page.form.findChildren(QLabel) if NOTE in label.text()]
    assert label is not page.form.errors.general
    assert label.objectName() == "warningLabel" and AGAIN in label.text()


def test_a_meeting_after_the_invited_one_is_saved_at_once(page, services, council_id, today):
    new_meeting(page, 40, today)

    assert page.form.save()
    assert sorted(m.number for m in services.meetings.list(council_id)) == [1, 2]
