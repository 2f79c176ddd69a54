"""A click on "Speichern" of the member dialog straight from a term's date refusing what
was typed ("01.13.2027") saves nothing (found by review: the click saved the member with
the date the field had gone back to, today)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

WAIT = 30_000  # ms: the save runs in the worker on a busy machine


@pytest.fixture
def services(demo_services):
    return demo_services


@pytest.fixture
def dialog(make_window, qtbot):
    """The member dialog of a new member, names and Handlungsfeld given, active."""
    window = make_window()
    window.show()
    window.show_area(window.members_page)
    window.members_page.new_button.click()
    dialog = window.members_page.steps.dialog
    dialog.form.given_name_edit.setText("Zukunft")
    dialog.form.family_name_edit.setText("Neumann")
    dialog.form.primary_field_combo.setCurrentIndex(1)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _typed(qtbot, field, typed: str) -> None:
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.setSelectedSection(field.sectionAt(0))
    qtbot.keyClicks(field, typed)


def _names(services) -> list[str]:
    council = services.settings.councils()[0].id
    return [m.family_name for m in services.members.members(council)]


def test_speichern_clicked_from_a_term_start_refused_saves_no_member(dialog, qtbot, services):
    field = dialog.form.term_start_edit
    shown = field.text()
    _typed(qtbot, field, "01.13.2027")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert dialog.isVisible() and field.hasFocus() and field.text() == shown
    assert field.notice.message.startswith("„01.13.2027“ ist kein Datum")
    assert "Neumann" not in _names(services)

    _typed(qtbot, field, "01.04.2027")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    council = services.settings.councils()[0].id
    saved = [m for m in services.members.members(council) if m.family_name == "Neumann"]
    assert [m.term_start for m in saved] == [date(2027, 4, 1)]
