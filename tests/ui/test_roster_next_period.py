"""The Mitgliederliste of the first day of the council's next appointment period, printed
before it begins: the new term's roster goes out with the invitation to the constituent
meeting (found by a tester: only today's members could be listed)."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from expertenrat.domain.appointment_periods import AppointmentPeriod
from expertenrat.domain.members import Member

NEXT = date(2027, 1, 1)


@pytest.fixture
def services(demo_services):
    return demo_services


@pytest.fixture
def page(make_window, services, today):
    council = services.settings.councils()[0]
    field = services.settings.action_fields(council.id)[0]
    newcomer = Member(None, "Lea", "Neumann", primary_field_id=field.id, term_start=NEXT)
    services.members.save(council.id, newcomer, today)
    window = make_window()
    window.show()
    window.show_area(window.members_page)
    return window.members_page


def _saved_text(page, dialogs, path, finish_job) -> str:
    dialogs.paths = [str(path)]
    page.roster.save_pdf_button.click()
    finish_job(page.roster)
    return "".join(p.extract_text() for p in PdfReader(path).pages)


def test_the_next_period_s_first_day_lists_the_members_of_that_day(
    page, services, dialogs, tmp_path, finish_job
):
    combo = page.roster.day_combo
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts == ["heute", "anderer Tag"]  # no period ahead
    council = services.settings.councils()[0].id
    services.appointment_periods.add(
        council, AppointmentPeriod(None, "2. Berufungsperiode", NEXT, date(2029, 12, 31))
    )
    page.refresh()  # as the page is shown again after the settings

    assert [combo.itemText(i) for i in range(combo.count())] == [
        "heute",
        "2. Berufungsperiode, ab 01.01.2027",
        "anderer Tag",
    ]
    today_text = _saved_text(page, dialogs, tmp_path / "heute.pdf", finish_job)
    combo.setCurrentIndex(1)
    page.refresh()  # the day chosen stays chosen
    ahead = _saved_text(page, dialogs, tmp_path / "ab 2027.pdf", finish_job)

    assert "Neumann" not in today_text and "Stand: 27.11.2026" in today_text
    assert "Neumann" in ahead and "Stand: 01.01.2027" in ahead
    assert "2. Berufungsperiode (01.01.2027 bis 31.12.2029)" in ahead
    assert "Abendroth" not in ahead  # ended before
    assert combo.currentIndex() == 1


def test_any_other_day_typed_lists_the_members_of_that_day(
    page, dialogs, tmp_path, finish_job, qtbot
):
    """(found by a tester) "Stand" offered today or the next period's first day only."""
    combo, field = page.roster.day_combo, page.roster.day_edit
    assert not field.isVisible()
    combo.setCurrentIndex(combo.findText("anderer Tag"))
    assert field.isVisible() and field.date().toPython() == date(2026, 11, 27)  # today first

    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "15.1.27")  # as German offices type it
    ahead = _saved_text(page, dialogs, tmp_path / "Januar.pdf", finish_job)

    assert field.date().toPython() == date(2027, 1, 15)
    assert "Neumann" in ahead and "Stand: 15.01.2027" in ahead
    page.refresh()  # the other day stays chosen, with the day typed
    assert combo.currentText() == "anderer Tag" and field.isVisible()
    assert field.date().toPython() == date(2027, 1, 15)
    combo.setCurrentIndex(combo.findText("heute"))
    assert not field.isVisible()


@pytest.mark.parametrize("mouse", [False, True])
def test_a_day_typed_that_is_none_makes_no_roster(page, dialogs, tmp_path, qtbot, mouse):
    """(found by review) "01.13.2027" showed 01.01.2027, and the roster was of that day;
    also where the button is clicked with the mouse, the focus leaving the field."""
    combo, field = page.roster.day_combo, page.roster.day_edit
    combo.setCurrentIndex(combo.findText("anderer Tag"))
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    field.setFocus()
    field.setSelectedSection(field.sectionAt(0))
    qtbot.keyClicks(field, "01.13.2027")
    dialogs.paths = [str(tmp_path / "Liste.pdf")]
    if mouse:
        qtbot.mouseClick(page.roster.save_pdf_button, Qt.MouseButton.LeftButton)
        assert field.hasFocus()
    else:
        page.roster.save_pdf_button.click()

    assert not page.roster.busy() and not (tmp_path / "Liste.pdf").exists()
    assert field.date().toPython() == date(2026, 11, 27)  # the day before
    assert field.notice.message.startswith("„01.13.2027“ ist kein Datum")
