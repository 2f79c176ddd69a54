"""The roster panel names letters the PDF cannot print, and still makes the PDF."""

from __future__ import annotations

import sys
import threading
from datetime import date

import pytest
from live_jobs import live_jobs
from logo_images import header_only_png
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintPreviewDialog
from sqlalchemy import update

from expertenrat.domain.members import Member
from expertenrat.store import models
from expertenrat.ui.roster_panel import RosterPanel
from tests.ui.wheeling import fields_the_wheel_changed


@pytest.fixture
def services(demo_services):
    """These tests work on the demo council."""
    return demo_services


@pytest.fixture
def page(make_window, services, today):
    council = services.settings.councils()[0]  # Rostock, the council the window opens
    field = services.settings.action_fields(council.id)[0]
    for given, family in (("小明", "王"), ("محمد", "عبد الله"), ("שרה", "כהן")):
        services.members.save(
            council.id,
            Member(
                id=None,
                given_name=given,
                family_name=family,
                primary_field_id=field.id,
                term_start=date(2025, 1, 1),
            ),
            today,
        )
    window = make_window()
    window.show()
    window.show_area(window.members_page)
    return window.members_page


def test_saving_a_roster_with_letters_no_font_has_names_member_and_script(
    page, dialogs, tmp_path, finish_job
):
    roster = page.roster
    assert roster.warnings_label.isHidden()
    dialogs.paths = [str(tmp_path / "liste.pdf")]

    roster.save_pdf_button.click()
    finish_job(roster)

    assert (tmp_path / "liste.pdf").exists()
    # (found by a tester) titled "Als PDF speichern"; the meetings' dialogs name the document
    assert dialogs.save_titles == ["Mitgliederliste speichern"]
    assert [title for kind, title, _text in dialogs.messages] == ["Mitgliederliste speichern"]
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "liste.pdf").pages)
    assert "Wiśniewski" in text
    assert not roster.warnings_label.isHidden()
    (warning,) = roster.warnings_label.text().splitlines()
    assert warning.startswith("Mitglied „小明 王“: chinesische Schriftzeichen (CJK)")
    assert dialogs.warnings() == []  # nothing failed


def test_the_warning_goes_away_when_the_roster_has_nothing_to_warn_about(
    page, dialogs, tmp_path, finish_job, usual_umask
):
    roster = page.roster
    dialogs.paths = [str(tmp_path / "intern.pdf"), str(tmp_path / "oeffentlich.pdf")]
    roster.save_pdf_button.click()
    finish_job(roster)
    assert not roster.warnings_label.isHidden()

    roster.version_combo.setCurrentIndex(1)  # public: the new members did not consent
    roster.save_pdf_button.click()
    finish_job(roster)

    assert roster.warnings_label.isHidden()
    assert (tmp_path / "oeffentlich.pdf").exists()
    if sys.platform != "win32":  # the internal one's contact data: no other user of a
        # shared PC reads them; the public one is for others (found by a tester)
        modes = [(tmp_path / n).stat().st_mode & 0o077 for n in ("intern.pdf", "oeffentlich.pdf")]
        assert modes == [0, 0o044]


def test_the_roster_renders_while_the_window_stays_responsive(
    page, services, monkeypatch, qtbot, finish_job
):
    members = services.members
    roster_pdf = members.roster_pdf
    window_ran = threading.Event()

    def render_once_the_window_ran(*args, **kwargs):
        assert window_ran.wait(30), "rendering blocked the window"
        return roster_pdf(*args, **kwargs)

    monkeypatch.setattr(members, "roster_pdf", render_once_the_window_ran)
    QTimer.singleShot(50, window_ran.set)

    page.roster.preview_button.click()

    assert page.roster.busy()
    finish_job(page.roster)
    preview = page.roster.findChild(QPrintPreviewDialog)
    assert preview is not None and preview.isVisible()
    assert not page.roster.warnings_label.isHidden()  # the warnings still reach the panel
    preview.reject()


def test_a_stored_logo_that_cannot_be_drawn_is_named_under_the_buttons(
    page, services, dialogs, tmp_path, finish_job
):
    with services.database.transaction() as session:  # stored before logos were checked
        session.execute(update(models.Council).values(logo_png=header_only_png()))
    dialogs.paths = [str(tmp_path / "liste.pdf")]

    page.roster.save_pdf_button.click()
    finish_job(page.roster)

    assert (tmp_path / "liste.pdf").exists()
    *_, warning = page.roster.warnings_label.text().splitlines()
    assert warning.startswith("Das Logo in den Einstellungen ist kein lesbares PNG-Bild")
    assert warning.endswith("fehlt im Dokument; bitte unter Einstellungen ein neues Logo wählen.")
    assert not page.roster.warnings_label.isHidden()


def test_the_wheel_over_the_roster_s_choices_changes_neither(page) -> None:
    """The wheel over "Fassung" and "Gliederung" chose their next entry in passing."""
    assert fields_the_wheel_changed(page.roster) == []


def test_showing_the_roster_again_and_again_keeps_no_job_behind(
    qtbot, services, dialogs, today, tmp_path, finish_job
) -> None:
    """Each roster made (preview, print, save, Excel) left its job with the PDF in memory
    until the program ended: a lambda on the job's own signal held the job, and Qt holds
    the lambda (found by a tester)."""
    roster = RosterPanel(services, dialogs, lambda: today)
    qtbot.addWidget(roster)
    roster.set_council(services.settings.councils()[0].id)
    before = live_jobs()

    for run in range(5):
        dialogs.paths = [str(tmp_path / f"liste {run}.pdf")]
        roster.save_pdf_button.click()
        finish_job(roster)

    assert len(dialogs.saved_files) == 5
    assert live_jobs() - before <= 1  # the last one, until the next
