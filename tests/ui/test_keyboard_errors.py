"""Keyboard and screen reader use: a refused save puts the cursor into the topmost field
with an error, whose message a screen reader says with it (its accessible description),
on the pages' forms as in the member and project dialogs. Before, the focus stayed on
"Speichern" and nothing was said; the message stood somewhere under the fields."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shown_windows import WAIT, active_window

from expertenrat.domain.errors import ExpertenratError
from expertenrat.ui.close_recommendation_dialog import CloseRecommendationDialog
from expertenrat.ui.server_dialog import ServerDialog


@pytest.fixture
def services(demo_services):
    return demo_services


@pytest.fixture
def window(make_window, qtbot):
    return active_window(make_window, qtbot)


def press(qtbot, button) -> None:
    """``button`` pressed from the keyboard: Tab to it, then the space bar."""
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def retype(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(edit, text)


def open_planned_meeting(window, qtbot):
    meetings = window.pages.meetings
    window.show_area(meetings)
    view = meetings.meeting_list.view
    for row in range(view.model().rowCount()):
        view.selectRow(row)
        if meetings.form.link_edit.isEnabled():  # a held meeting's form is frozen
            return meetings
    raise AssertionError("no planned meeting in the demo")


def test_a_refused_meeting_puts_the_cursor_into_the_wrong_field(window, qtbot) -> None:
    meetings = open_planned_meeting(window, qtbot)
    form = meetings.form
    retype(qtbot, form.link_edit, "kein Link")
    form.place_edit.setFocus()

    press(qtbot, form.save_button)

    assert QApplication.focusWidget() is form.link_edit
    assert form.link_edit.accessibleDescription().startswith("Der Link muss mit https://")


def test_a_refused_agenda_item_puts_the_cursor_into_its_title(window, qtbot) -> None:
    meetings = open_planned_meeting(window, qtbot)
    editor = next(t for t in meetings.tabs.details if type(t).__name__ == "AgendaEditor")
    meetings.tabs.setCurrentWidget(editor)
    assert editor.selected_item() is not None  # the first item, in the form
    retype(qtbot, editor.form.title_edit, "")
    editor.form.minutes_spin.setFocus()

    press(qtbot, editor.save_button)

    assert QApplication.focusWidget() is editor.form.title_edit
    assert editor.form.title_edit.accessibleDescription() == (
        "Bitte geben Sie einen Titel für den Punkt an."
    )


def test_refused_settings_put_the_cursor_into_the_wrong_field(window, qtbot) -> None:
    page = window.settings_page
    window.show_area(page)
    name = page.council_form.line_edits()["name"]
    retype(qtbot, name, "")

    press(qtbot, page.save_button)

    assert QApplication.focusWidget() is name
    assert name.accessibleDescription() == "Bitte geben Sie den Namen des Gremiums an."
    retype(qtbot, name, "Smart City Expert*innenrat")
    press(qtbot, page.save_button)
    assert name.accessibleDescription() == ""  # saved: the message is gone


def test_a_refused_agenda_template_puts_the_cursor_into_its_title(window, qtbot) -> None:
    page = window.settings_page
    window.show_area(page)
    templates = page.agenda_templates
    press(qtbot, templates.new_button)
    templates.minutes_spin.setFocus()

    press(qtbot, templates.save_button)

    assert QApplication.focusWidget() is templates.title_edit
    assert templates.title_edit.accessibleDescription()


def test_a_server_without_its_address_puts_the_cursor_there(qtbot) -> None:
    dialog = ServerDialog("Mit Server verbinden", "Wo liegt die Datenbank?")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT)
    dialog.database_edit.clear()
    dialog.password_edit.setFocus()

    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    assert dialog.isVisible()
    assert QApplication.focusWidget() is dialog.host_edit
    assert dialog.host_edit.accessibleDescription() == "Bitte ausfüllen: Server, Datenbank."


def test_a_refused_step_is_announced(qtbot, today, announced) -> None:
    """A refusal shown under a step dialog's form, with the focus left on the button
    pressed, said nothing to a screen reader user."""

    def refuse(_closing) -> None:
        raise ExpertenratError("Das Datum liegt in der Zukunft.")

    dialog = CloseRecommendationDialog(None, "E-2026-01", today, refuse)
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.accept_button.click()

    assert dialog.isVisible()
    assert announced == ["Das Datum liegt in der Zukunft."]


def test_a_message_about_the_whole_form_is_announced(window, qtbot, announced) -> None:
    members = window.pages.members
    window.show_area(members)
    members.new_member()
    dialog = members.steps.dialog

    press(qtbot, dialog.save_button)  # nothing typed

    assert announced and announced[-1].startswith("Bitte prüfen Sie die markierten Angaben.")
    dialog.reject()


def test_saving_a_meeting_from_the_keyboard_keeps_the_cursor_in_its_form(window, qtbot):
    """Found by a tester: "Speichern" pressed with the space bar went off once saved, and
    Qt passed the focus on past the form's end to the sidebar, where the next arrow key
    switched the area."""
    meetings = open_planned_meeting(window, qtbot)
    form = meetings.form
    retype(qtbot, form.room_edit, "Raum 2b")

    press(qtbot, form.save_button)

    assert not form.save_button.isEnabled()  # saved
    assert QApplication.focusWidget() is form.kind_combo
