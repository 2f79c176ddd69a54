"""The welcome page (a database without a council): its column in the middle of the window,
wide enough to read the intro in a few lines."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from expertenrat.domain.errors import ExpertenratError
from expertenrat.ui.welcome_page import COLUMN_WIDTH
from tests.ui.settling import exposed

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done


def test_the_welcome_column_is_centred_and_comfortably_wide(make_window, qtbot):
    window = make_window()
    window.resize(1280, 800)
    window.show()
    exposed(window)
    page = window.welcome_page
    assert window.stack.currentWidget() is page

    column = page.column
    left = column.mapTo(page, QPoint(0, 0)).x()
    right = page.width() - left - column.width()

    assert column.width() == COLUMN_WIDTH == 600
    assert abs(left - right) <= 2
    assert column.mapTo(page, QPoint(0, 0)).y() < page.height() / 3  # in the upper part


def test_gremium_anlegen_stands_at_its_own_width_under_the_fields_right_end(make_window, qtbot):
    window = make_window()
    window.resize(1280, 800)
    window.show()
    exposed(window)
    page = window.welcome_page
    button = page.create_button

    def right(widget) -> int:
        return widget.mapTo(page, QPoint(widget.width(), 0)).x()

    assert button.width() == button.sizeHint().width()
    assert right(button) == right(page.name_edit)
    assert button.mapTo(page, QPoint(0, 0)).y() > page.bundesland_combo.mapTo(page, QPoint()).y()


def _active(window, qtbot):
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)


def test_tab_goes_from_demodaten_to_its_neighbour_before_the_form(make_window, qtbot):
    window = make_window()
    _active(window, qtbot)
    page = window.welcome_page
    page.demo_button.setFocus()

    qtbot.keyClick(page.demo_button, Qt.Key.Key_Tab)

    # "Neues Gremium aus Vorlage …", beside "Demodaten laden" (added once the menus exist)
    assert QApplication.focusWidget().text() == "Neues Gremium aus Vorlage …"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.name_edit


def test_enter_in_the_form_creates_the_council(make_window, services, qtbot):
    window = make_window()
    _active(window, qtbot)
    page = window.welcome_page
    page.name_edit.setText("Smart City Expert*innenrat")
    page.city_edit.setFocus()
    qtbot.keyClicks(page.city_edit, "Rostock")

    qtbot.keyClick(page.city_edit, Qt.Key.Key_Return)

    assert [c.name for c in services.settings.councils()] == ["Smart City Expert*innenrat"]


def test_the_council_is_created_with_the_bundesland_chosen_and_no_land_unasked(
    make_window, services, qtbot
):
    # A Bavarian Landkreis: Mariä Himmelfahrt and Fronleichnam, not Mecklenburg-Vorpommern's
    # Reformationstag, which a new council used to start with unseen.
    window = make_window()
    page = window.welcome_page
    assert page.bundesland_combo.currentText() == "– nur bundesweite Feiertage –"
    page.name_edit.setText("Digitalbeirat des Landkreises Fürstenfeldbruck")
    page.city_edit.setText("Fürstenfeldbruck")
    page.bundesland_combo.setCurrentIndex(page.bundesland_combo.findText("Bayern"))

    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)

    (council,) = services.settings.councils()
    settings = services.settings.settings(council.id)
    assert settings.bundesland == "DE-BY"
    assert settings.classification == "Beirat"  # a Digitalbeirat, not an Expert*innenrat


def test_untouched_the_new_council_knows_only_the_nationwide_holidays(make_window, services):
    window = make_window()
    window.welcome_page.name_edit.setText("Digitalbeirat")
    window.welcome_page.city_edit.setText("Wismar")

    window.welcome_page.create_button.click()

    (council,) = services.settings.councils()
    assert services.settings.settings(council.id).bundesland == ""


def test_the_button_follows_the_fields_at_their_own_spacing_and_a_message_moves_nothing(
    make_window, qtbot, monkeypatch
):
    window = make_window()
    window.resize(1024, 640)
    window.show()
    exposed(window)
    page = window.welcome_page

    def top(widget) -> int:
        return widget.mapTo(page, QPoint(0, 0)).y()

    def bottom(widget) -> int:
        return top(widget) + widget.height()

    between_fields = top(page.city_edit) - bottom(page.name_edit)
    assert top(page.bundesland_combo) - bottom(page.city_edit) == between_fields
    assert top(page.fields_edit) - bottom(page.bundesland_combo) == between_fields
    assert top(page.create_button) - bottom(page.fields_hint) == between_fields
    button_at = top(page.create_button)

    def refuse(today) -> None:
        raise ExpertenratError("Die Demodaten konnten nicht geladen werden.")

    monkeypatch.setattr(page._demo(), "load", refuse)
    page.demo_button.click()

    message = page.errors.general
    qtbot.waitUntil(lambda: message.isVisible() and message.text() != "", timeout=WAIT)
    assert top(message) > bottom(page.create_button)  # under the box
    assert top(page.create_button) == button_at


def test_a_second_pc_connects_to_the_server_from_the_welcome_page(make_window, qtbot):
    """A second PC of the office starts with its own empty file, so on the welcome page:
    Einstellungen → Datenbank → "Mit Server verbinden …" could not be reached there, and
    the Datei menu offered only the move of the empty file (found by a tester)."""
    window = make_window()
    window.show()
    page = window.welcome_page
    assert window.stack.currentWidget() is page
    assert page.server_hint.isVisible()
    button = next(b for b in page.findChildren(QPushButton) if b.text() == "Mit Server verbinden …")
    assert button.isVisible()
    file_menu = [a.text() for a in window.menus.file_menu.actions()]
    assert "&Mit Server verbinden …" in file_menu

    button.click()

    dialog = window.settings_page.database_box.server_choice.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Mit Server verbinden"
    dialog.reject()


def test_a_new_city_types_its_own_name_and_sees_the_action_fields_as_a_proposal(make_window):
    window = make_window()
    page = window.welcome_page
    assert page.name_edit.text() == ""
    assert page.name_edit.placeholderText() == "z. B. Smart City Expert*innenrat"
    assert page.fields_edit.toPlainText().splitlines() == [
        "Moderne Verwaltung",
        "Soziale Stadt",
        "Stadtdaten",
        "Umwelt",
    ]
    assert page.fields_hint.text().startswith("Vorschlag: die vier Handlungsfelder")


def test_a_council_starts_with_the_action_fields_as_edited(make_window, services):
    window = make_window()
    page = window.welcome_page
    page.city_edit.setText("Wismar")
    page.create_button.click()  # no name: nothing is created
    assert page.errors.message("name") == "Bitte geben Sie den Namen des Gremiums an."
    assert services.settings.councils() == []
    page.name_edit.setText("Digitalbeirat der Hansestadt Wismar")
    page.fields_edit.setPlainText("Hafen & Welterbe\n\n  Tourismus \nhafen & welterbe\n")
    page.create_button.click()  # the same field twice
    assert "„hafen & welterbe“ gibt es bereits" in page.errors.message("action_fields")
    assert services.settings.councils() == []

    page.fields_edit.setPlainText("Hafen & Welterbe\n\n  Tourismus \nBildung")
    page.create_button.click()

    (council,) = services.settings.councils()
    assert services.settings.settings(council.id).classification == "Beirat"
    fields = services.settings.action_fields(council.id)
    assert [f.name for f in fields] == ["Hafen & Welterbe", "Tourismus", "Bildung"]
    assert len({f.colour for f in fields}) == 3


def test_a_council_may_start_without_action_fields(make_window, services):
    page = make_window().welcome_page
    page.name_edit.setText("Digitalbeirat")
    page.city_edit.setText("Wismar")
    page.fields_edit.clear()
    page.create_button.click()
    (council,) = services.settings.councils()
    assert services.settings.action_fields(council.id) == []


def test_six_action_fields_start_in_six_colours(make_window, services):
    """The fifth and sixth field took the first two fields' colours (found by a tester)."""
    page = make_window().welcome_page
    page.name_edit.setText("Digitalbeirat der Stadt Görlitz")
    page.city_edit.setText("Görlitz")
    page.fields_edit.setPlainText("A\nB\nC\nD\nE\nF")
    page.create_button.click()

    (council,) = services.settings.councils()
    assert len({f.colour for f in services.settings.action_fields(council.id)}) == 6


def test_after_gremium_anlegen_the_focus_is_on_the_first_step(make_window, qtbot):
    """The button pressed left with the welcome page; the focus went on to the next
    widget, "Tätigkeitsbericht …" above the Übersicht, not to "Mitglieder anlegen …",
    the step the page asks for first (found by a tester)."""
    window = make_window()
    _active(window, qtbot)
    page = window.welcome_page
    page.name_edit.setText("Smart City Expert*innenrat")
    page.city_edit.setText("Rostock")
    page.create_button.setFocus()

    qtbot.keyClick(page.create_button, Qt.Key.Key_Space)

    assert window.stack.currentWidget() is window.overview_page
    steps = window.overview_page.first_steps
    QApplication.processEvents()
    assert QApplication.focusWidget() is steps.members_button


def test_after_gremium_anlegen_the_uebersicht_shows_whatever_area_was_remembered(
    make_window, qsettings, qtbot
):
    """The window remembered Mitglieder (from another database): the new council showed
    there, and the focus stayed on no step (found by a tester). The Übersicht with its
    first steps comes first for a new council."""
    qsettings.setValue("window/area", "members")
    window = make_window()
    _active(window, qtbot)
    assert window.stack.currentWidget() is window.welcome_page
    page = window.welcome_page
    page.name_edit.setText("Smart City Expert*innenrat")
    page.city_edit.setText("Rostock")
    page.create_button.setFocus()

    qtbot.keyClick(page.create_button, Qt.Key.Key_Space)

    assert window.stack.currentWidget() is window.overview_page
    assert window.sidebar.currentRow() == window.row_of(window.overview_page)
    QApplication.processEvents()
    assert QApplication.focusWidget() is window.overview_page.first_steps.members_button
