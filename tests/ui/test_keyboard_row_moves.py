"""Keyboard use of the lists with "Nach oben" and "Nach unten": a button disabled by its
own press ("Nach oben" once the row is the first) hands the focus to the list it acts on.
Qt passed it on to the next button, "Nach unten", and the space bar pressed again moved
the row straight back down (found by a tester)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from expertenrat.ui.action_field_buttons import ActionFieldButtons
from expertenrat.ui.project_partners_editor import ProjectPartnersEditor

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done


@pytest.fixture
def services(demo_services):
    return demo_services


def shown_active(qtbot, widget) -> None:
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window(), timeout=WAIT)


def test_an_action_field_moved_to_the_top_leaves_the_focus_in_the_list(make_window, qtbot):
    window = make_window()
    shown_active(qtbot, window)
    window.show_area(window.settings_page)
    view = window.settings_page.fields_view
    buttons = window.settings_page.findChild(ActionFieldButtons)
    view.selectRow(1)
    second = view.model().index(1, 1).data()
    buttons.up_button.setFocus()

    qtbot.keyClick(buttons.up_button, Qt.Key.Key_Space)

    assert view.model().index(0, 1).data() == second
    assert QApplication.focusWidget() is view


def test_a_partner_moved_to_the_top_leaves_the_focus_in_the_list(qtbot):
    editor = ProjectPartnersEditor()
    qtbot.addWidget(editor)
    editor.set_names(("Stadtwerke", "Universität"))
    shown_active(qtbot, editor)
    editor.view.setCurrentIndex(editor.model.index(1))
    editor.up_button.setFocus()

    qtbot.keyClick(editor.up_button, Qt.Key.Key_Space)

    assert editor.names() == ("Universität", "Stadtwerke")
    assert not editor.up_button.isEnabled()  # it stayed on, and pressed did nothing
    assert QApplication.focusWidget() is editor.view
