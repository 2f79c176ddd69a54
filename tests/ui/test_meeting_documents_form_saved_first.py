"""(found by a tester) A document of the Sitzungen page was made of the stored meeting while
the "Sitzung" tab held a new place typed and not saved: the invitation named the old place
the secretary no longer saw. A document button now asks to save the form first."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTime

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.ui.meetings_page import MeetingsPage

QUESTION = (
    "question",
    "Sitzung nicht gespeichert",
    "Die Angaben zur Sitzung sind geändert, aber noch nicht gespeichert. "
    "Jetzt speichern und dann fortfahren?",
)


@pytest.fixture
def meeting_id(services, council_id) -> int:
    start = datetime.combine(date(2026, 12, 8), time(16))
    return services.meetings.create(
        council_id,
        MeetingDraft(MeetingKind.REGULAR, start, start.replace(hour=18), place="Rathaus"),
    )


@pytest.fixture
def page(qtbot, services, dialogs, council_id, meeting_id, today) -> MeetingsPage:
    """The page on the planned meeting, "Stadthalle" typed as its place, not saved."""
    page = MeetingsPage(services, dialogs, lambda: today)
    qtbot.addWidget(page)
    page.set_council(council_id)
    page.refresh()
    page.show()
    page.select(meeting_id)
    page.form.place_edit.setText("Stadthalle")
    return page


def invitation_saved_as(page: MeetingsPage, dialogs, target) -> None:
    dialogs.paths.append(str(target))
    page.documents.invitation_button.save_action.trigger()


def test_ja_saves_the_typed_place_and_the_invitation_names_it(
    page, services, meeting_id, dialogs, finish_job, tmp_path
) -> None:
    target = tmp_path / "Einladung.pdf"
    dialogs.answers = [True]

    invitation_saved_as(page, dialogs, target)
    finish_job(page.documents)

    assert QUESTION in dialogs.messages
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    assert "Stadthalle" in text and "Rathaus" not in text
    assert services.meetings.get(meeting_id).place == "Stadthalle"
    assert not page.form.has_unsaved_changes()
    assert dialogs.warnings() == []


def test_nein_makes_nothing_and_keeps_the_typed_place(
    page, services, meeting_id, dialogs, tmp_path
) -> None:
    target = tmp_path / "Einladung.pdf"
    dialogs.answers = [False]

    invitation_saved_as(page, dialogs, target)

    assert QUESTION in dialogs.messages
    assert page.documents.job is None and not target.exists()
    assert page.form.place_edit.text() == "Stadthalle" and page.form.has_unsaved_changes()
    assert services.meetings.get(meeting_id).place == "Rathaus"


def test_a_save_the_form_refuses_shows_why_beside_the_field_and_makes_nothing(
    page, services, meeting_id, dialogs, tmp_path
) -> None:
    page.form.end_edit.setTime(QTime(15, 0))  # before the start
    page.tabs.setCurrentIndex(page.tabs.count() - 1)  # pressed from another tab
    target = tmp_path / "Einladung.pdf"
    dialogs.answers = [True]

    invitation_saved_as(page, dialogs, target)

    assert page.form.errors.message("end").startswith("Das Ende muss nach dem Beginn liegen.")
    assert page.tabs.currentWidget() is page.form  # where the problem shows
    assert page.documents.job is None and not target.exists()
    assert page.form.place_edit.text() == "Stadthalle" and page.form.has_unsaved_changes()
    assert services.meetings.get(meeting_id).place == "Rathaus"
