"""(found by a helper) "Protokoll versenden …" and "Genehmigen …" saved the typed minutes
first, but not a new place typed in the "Sitzung" tab: the minutes PDF circulated, or
approved and frozen with its SHA-256, named the stored place the secretary no longer saw.
They now ask about the form first, as the document buttons do."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from minutes_setup import Minutes, held_minutes, hold
from PySide6.QtCore import QTime

from expertenrat.domain.councils import CouncilSettings
from expertenrat.ui.meetings_page import MeetingsPage
from expertenrat.ui.minutes_approval_panel import MinutesApprovalPanel

QUESTION = (
    "question",
    "Sitzung nicht gespeichert",
    "Die Angaben zur Sitzung sind geändert, aber noch nicht gespeichert. "
    "Jetzt speichern und dann fortfahren?",
)
SENT = date(2026, 3, 20)
NEXT_HELD = datetime(2026, 5, 12, 16, 0)  # the 2. Sitzung, which may approve


@pytest.fixture
def minutes(services) -> Minutes:
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )
    field = services.settings.action_fields(council.id)[0].id
    return held_minutes(services.database, council.id, field)


def typed_place_on_approval_tab(
    qtbot, services, dialogs, minutes: Minutes, day: date
) -> tuple[MeetingsPage, MinutesApprovalPanel]:
    """The page on the held meeting's Genehmigung tab, "Stadthalle" typed as its place."""
    page = MeetingsPage(services, dialogs, lambda: day)
    qtbot.addWidget(page)
    page.set_council(services.meetings.get(minutes.meeting_id).council_id)
    page.refresh()
    page.show()
    page.select(minutes.meeting_id)
    page.form.place_edit.setText("Stadthalle")
    panel = next(w for w in page.tabs.details if isinstance(w, MinutesApprovalPanel))
    page.tabs.setCurrentWidget(panel)
    return page, panel


@pytest.mark.parametrize("answer", [False, True])
def test_circulating_asks_about_the_typed_place_first(
    qtbot, services, dialogs, minutes, answer
) -> None:
    page, panel = typed_place_on_approval_tab(qtbot, services, dialogs, minutes, SENT)
    dialogs.answers, dialogs.dates = [answer], [SENT]

    panel.circulate_button.click()

    assert QUESTION in dialogs.messages
    versions = services.minutes_approval.status(minutes.meeting_id).versions
    place = services.meetings.get(minutes.meeting_id).place
    if answer:  # saved, then circulated
        assert place == "Stadthalle" and len(versions) == 1
        assert not page.form.has_unsaved_changes()
    else:  # nothing circulated, the input kept
        assert dialogs.asked_dates == [] and versions == ()
        assert place != "Stadthalle"
        assert page.form.place_edit.text() == "Stadthalle" and page.form.has_unsaved_changes()


@pytest.mark.parametrize("answer", [False, True])
def test_approving_asks_about_the_typed_place_first(
    qtbot, services, dialogs, minutes, answer
) -> None:
    services.minutes_approval.circulate(minutes.meeting_id, SENT, today=SENT)
    hold(services.database, minutes.next_id, NEXT_HELD)
    page, panel = typed_place_on_approval_tab(qtbot, services, dialogs, minutes, NEXT_HELD.date())
    assert panel.approve_button.isEnabled()
    dialogs.answers = [answer]

    panel.approve_button.click()

    assert QUESTION in dialogs.messages
    place = services.meetings.get(minutes.meeting_id).place
    if answer:  # saved, then the approving meeting and day are asked for
        assert place == "Stadthalle" and not page.form.has_unsaved_changes()
        assert panel.approving.dialog is not None and panel.approving.dialog.isVisible()
        panel.approving.dialog.reject()
    else:  # nothing approved, the input kept
        assert panel.approving.dialog is None and place != "Stadthalle"
        assert page.form.place_edit.text() == "Stadthalle" and page.form.has_unsaved_changes()


def test_a_save_the_form_refuses_shows_why_and_circulates_nothing(
    qtbot, services, dialogs, minutes
) -> None:
    page, panel = typed_place_on_approval_tab(qtbot, services, dialogs, minutes, SENT)
    page.form.end_edit.setTime(QTime(15, 0))  # before the start
    dialogs.answers, dialogs.dates = [True], [SENT]

    panel.circulate_button.click()

    assert page.form.errors.message("end").startswith("Das Ende muss nach dem Beginn liegen.")
    assert page.tabs.currentWidget() is page.form  # where the problem shows
    assert dialogs.asked_dates == []
    assert services.minutes_approval.status(minutes.meeting_id).versions == ()
    assert page.form.place_edit.text() == "Stadthalle" and page.form.has_unsaved_changes()
