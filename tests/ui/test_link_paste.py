"""A meeting's online link pasted as a mail copies it goes into the meeting form and the
series dialog as the address alone, the council's website into the settings so too (found
by a tester: "<https://…>" was refused)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFormLayout, QWidget

from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.meeting_form_view import MeetingFormView
from expertenrat.ui.series_dialog import SeriesDialog
from expertenrat.ui.settings_profile import ProfileSettingsFields

LINK = "https://meet.rostock.de/expertenrat?pwd=abc"


def _pasted(edit, text: str) -> str:
    edit.setFocus()
    QApplication.clipboard().setText(text)
    QTest.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    return edit.text()


def test_a_link_copied_in_angle_brackets_goes_in_as_its_address(
    qtbot, services, council_id, today
) -> None:
    meeting = MeetingFormView()
    series = SeriesDialog(services.meetings, council_id, today)
    qtbot.addWidget(meeting)
    qtbot.addWidget(series)

    assert _pasted(meeting.link_edit, f"Jetzt teilnehmen <{LINK}>\r\n") == LINK
    assert _pasted(series.link_edit, f"<{LINK}>") == LINK
    assert _pasted(meeting.place_edit, f"<{LINK}>") == f"<{LINK}>"  # other fields as pasted


def test_the_council_s_website_copied_in_angle_brackets_goes_in_as_its_address(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    form = QFormLayout(host)
    profile = ProfileSettingsFields(FormErrors(form), form)
    website = "https://rathaus.rostock.de/smartcity"

    assert _pasted(profile.website_edit, f"<{website}>") == website
