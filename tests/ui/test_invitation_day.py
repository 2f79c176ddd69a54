""" "Versanddatum ändern …" in the "Sitzung" tab corrects the day the invitation went out
(found by a tester: "Einladung versandt" records the day it is pressed, and an invitation
posted days before had no way to get its real day). Driven through the real date dialog."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox

from expertenrat.domain.council_clock import CouncilClock
from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.ui.date_question_dialog import DateQuestionDialog
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.meeting_form import MeetingForm
from expertenrat.ui.save_location import SaveLocations


@pytest.fixture
def form(qtbot, services, qsettings, today, monkeypatch) -> MeetingForm:
    monkeypatch.setattr(CouncilClock, "today", lambda _clock: today)
    dialogs = DialogService(SaveLocations(qsettings), open_url=lambda _url: True)
    form = MeetingForm(services.meetings, services.members, lambda: today, dialogs=dialogs)
    qtbot.addWidget(form)
    return form


def _meeting(services, council_id: int, day: date, *, invited_on: date | None) -> int:
    start = datetime.combine(day, time(16))
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    meeting_id = services.meetings.create(council_id, draft)
    if invited_on is not None:
        version = services.meetings.get(meeting_id).version
        services.meetings.change_state(
            meeting_id, version, MeetingState.INVITED, sent_on=invited_on
        )
    return meeting_id


def _dialog_for(form: MeetingForm, qtbot) -> DateQuestionDialog:
    qtbot.mouseClick(form.invitation_button, Qt.MouseButton.LeftButton)
    (dialog,) = form.findChildren(DateQuestionDialog)
    return dialog


def _ok(dialog: DateQuestionDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_dialog_corrects_the_day_shown(qtbot, services, council_id, today, form) -> None:
    meeting_id = _meeting(services, council_id, today + timedelta(days=7), invited_on=today)
    form.set_meeting(services.meetings.get(meeting_id), council_id=council_id)
    assert not form.invitation_row.isHidden()
    assert form.invitation_label.text() == f"versandt am {today:%d.%m.%Y}"

    dialog = _dialog_for(form, qtbot)
    assert dialog.windowTitle() == "Versanddatum ändern"
    assert dialog.editor.displayFormat() == "dd.MM.yyyy"
    assert dialog.day() == today  # the recorded day
    hint = dialog.findChild(QLabel, "date_hint")
    dialog.editor.setDate(QDate(today + timedelta(days=1)))
    assert hint.text().startswith(f"Der {today + timedelta(days=1):%d.%m.%Y} liegt in der Zukunft")
    posted = today - timedelta(days=3)
    dialog.editor.setDate(QDate(posted))
    assert hint.text() == ""
    with qtbot.waitSignal(form.saved):
        _ok(dialog)

    assert services.meetings.get(meeting_id).invitation_sent_on == posted
    assert form.invitation_label.text() == f"versandt am {posted:%d.%m.%Y}"
    assert form.meeting.version == services.meetings.get(meeting_id).version  # saves on it


def test_a_refused_day_is_told_and_nothing_changes(
    qtbot, services, council_id, today, form
) -> None:
    meeting_id = _meeting(services, council_id, today + timedelta(days=7), invited_on=today)
    form.set_meeting(services.meetings.get(meeting_id), council_id=council_id)

    dialog = _dialog_for(form, qtbot)
    dialog.editor.setDate(QDate(today + timedelta(days=2)))
    _ok(dialog)

    (box,) = form.findChildren(QMessageBox)
    assert box.text().startswith(
        f"Der {today + timedelta(days=2):%d.%m.%Y} liegt in der Zukunft: Die Einladung kann "
        f"nicht später als heute ({today:%d.%m.%Y}) versandt worden sein."
    )
    box.close()
    assert services.meetings.get(meeting_id).invitation_sent_on == today
    assert form.invitation_label.text() == f"versandt am {today:%d.%m.%Y}"


def test_only_a_sent_invitation_not_frozen_can_be_corrected(
    services, council_id, today, form
) -> None:
    planned = _meeting(services, council_id, today + timedelta(days=7), invited_on=None)
    form.set_meeting(services.meetings.get(planned), council_id=council_id)
    assert form.invitation_row.isHidden()

    invited = _meeting(services, council_id, today + timedelta(days=14), invited_on=today)
    form.set_meeting(services.meetings.get(invited), council_id=council_id, frozen=True)
    assert not form.invitation_row.isHidden()
    assert not form.invitation_button.isEnabled()


def test_a_change_on_another_pc_is_told_and_the_page_rereads(
    qtbot, services, other_program, council_id, today, form
) -> None:
    meeting_id = _meeting(services, council_id, today + timedelta(days=7), invited_on=today)
    form.set_meeting(services.meetings.get(meeting_id), council_id=council_id)
    stored = other_program.meetings.get(meeting_id)
    other_program.meetings.update(meeting_id, stored.version, stored.draft(), notes="Beamer")

    dialog = _dialog_for(form, qtbot)
    dialog.editor.setDate(QDate(today - timedelta(days=2)))
    with qtbot.waitSignal(form.saved) as reread:  # the page rereads the meeting on it
        _ok(dialog)

    assert reread.args == [meeting_id]
    (box,) = form.findChildren(QMessageBox)
    assert box.text() == (
        "Die Sitzung wurde inzwischen von jemand anderem geändert. Bitte ändern Sie das "
        "Versanddatum erneut, wenn es noch gilt."
    )
    box.close()
    assert services.meetings.get(meeting_id).invitation_sent_on == today
