"""Mitglieder → "Auskunft (Art. 15) …": the selected member's Auskunft as a PDF, saved
where the user chooses and read back."""

from __future__ import annotations

import os

import pytest
from live_jobs import live_jobs
from pdf_reading import text
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from expertenrat.services.audit_reading import AuditService
from expertenrat.store import models
from expertenrat.ui.members_table_model import MembersTableModel
from expertenrat.ui.person_disclosure_action import PersonDisclosureAction
from expertenrat.ui.save_location import FileKind
from expertenrat.ui.worker import Job


@pytest.fixture
def services(demo_services):
    return demo_services


@pytest.fixture
def page(make_window):
    window = make_window()
    window.show()
    window.show_area(window.members_page)
    return window.members_page


def _select(page, family_name: str) -> None:
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, 0).data(MembersTableModel.ObjectRole).family_name == family_name:
            page.view.selectRow(row)
            return
    raise AssertionError(f"{family_name} not in the table")


def test_the_auskunft_of_the_selected_member_is_saved_as_pdf(
    services, page, dialogs, tmp_path, finish_job, today, usual_umask
):
    page.view.clearSelection()
    assert not page.disclosure_button.isEnabled()
    assert page.disclosure_button.text() == "Auskunft (Art. 15) …"
    _select(page, "Yılmaz")
    assert page.disclosure_button.isEnabled()
    target = tmp_path / "auskunft"
    dialogs.paths = [str(target)]

    page.disclosure_button.click()
    finish_job(page.disclosure)

    # named as every file of the council is where the database holds several
    suggested = f"SCER – Auskunft Art. 15 Gülşen Yılmaz {today}.pdf"
    assert dialogs.file_dialogs == [(FileKind.PDF, suggested)]
    assert dialogs.save_titles == ["Auskunft (Art. 15) speichern"]  # as the roster's names it
    assert dialogs.saved_files == [str(tmp_path / "auskunft.pdf")]
    written = text((tmp_path / "auskunft.pdf").read_bytes())
    assert "Auskunft nach Art. 15 DSGVO" in written
    assert "über Gülşen Yılmaz (Personennummer" in written
    assert "guelsen.yilmaz@example.org" in written
    # for the person's eyes: no other user of a shared PC reads it (found by a tester)
    assert os.name != "posix" or (tmp_path / "auskunft.pdf").stat().st_mode & 0o077 == 0
    # noted in the audit trail once saved, so the secretariat can show it (found by a tester)
    finish_job(page.disclosure)
    (noted,) = AuditService(services.database).entries("disclosure")
    assert noted.summary == "Auskunft (Art. 15) erstellt über Gülşen Yılmaz"


def test_a_file_that_cannot_be_written_is_a_warning(services, page, dialogs, tmp_path, finish_job):
    blocker = tmp_path / "eine Datei"
    blocker.write_text("kein Ordner")
    _select(page, "Yılmaz")
    dialogs.paths = [str(blocker / "auskunft.pdf")]

    page.disclosure_button.click()
    finish_job(page.disclosure)

    assert dialogs.saved_files == []
    assert "kann nicht geschrieben werden" in dialogs.warnings()[-1]
    assert AuditService(services.database).entries("disclosure") == []


def test_a_name_with_characters_a_file_system_refuses_is_offered_without_them(
    services, make_window, dialogs, tmp_path, finish_job, today
):
    """(found by a tester) The member's name went into the suggested file name as typed:
    "Yılmaz/Öz: „A“" offered a folder part and a colon, which Windows refuses."""
    with services.database.transaction() as session:
        person = session.scalars(select(models.Person).filter_by(family_name="Yılmaz")).one()
        person.family_name = 'Yılmaz/Öz: "A"?'
    window = make_window()
    window.show()
    window.show_area(window.members_page)
    page = window.members_page
    _select(page, 'Yılmaz/Öz: "A"?')
    dialogs.paths = [str(tmp_path / "auskunft")]

    page.disclosure_button.click()
    finish_job(page.disclosure)

    suggested = f"SCER – Auskunft Art. 15 Gülşen Yılmaz Öz A {today}.pdf"
    assert dialogs.file_dialogs == [(FileKind.PDF, suggested)]


def test_auskunft_after_auskunft_keeps_no_job_behind(
    qtbot, services, dialogs, today, tmp_path, finish_job
) -> None:
    """Each Auskunft left its job, with the person's whole Auskunft as a PDF, in memory
    until the program ended (a lambda on the job's own signal held it, and Qt holds the
    lambda), and the window kept every job noting one in the audit trail (found by a
    tester)."""
    window = QWidget()
    qtbot.addWidget(window)
    disclosure = PersonDisclosureAction(services, dialogs, lambda: today, window)
    council = services.settings.councils()[0].id
    member = services.members.members(council)[0]
    before = live_jobs()

    for run in range(4):
        dialogs.paths = [str(tmp_path / f"auskunft {run}.pdf")]
        disclosure.start(member, council)
        finish_job(disclosure)  # the Auskunft
        finish_job(disclosure)  # its note in the audit trail

    assert len(dialogs.saved_files) == 4
    assert live_jobs() - before <= 1  # the last one, until the next
    assert window.findChildren(Job) == []
