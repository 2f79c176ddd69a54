"""The main window: areas, council switcher, remembered layout, first start, About."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QTabBar,
)

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.overview import Area
from expertenrat.store import schema_revisions
from expertenrat.ui.areas import Areas
from expertenrat.ui.page import MeetingDetail, Page
from expertenrat.ui.reading_dialog import ReadingDialog

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done


def test_an_empty_database_offers_the_demo_and_then_shows_real_figures(make_window, qtbot):
    window = make_window()
    window.show()
    assert window.stack.currentWidget() is window.welcome_page
    assert not window.sidebar.isVisibleTo(window)

    window.welcome_page.demo_button.click()

    assert window.stack.currentWidget() is window.overview_page
    assert window.overview_page.members_card.value.text() == "9"
    assert window.overview_page.projects_card.value.text() == "7"
    assert window.overview_page.subtitle.text() == "Smart City Expert*innenrat · Rostock"


def test_a_new_council_can_be_created_on_first_start(make_window, services):
    window = make_window()
    window.welcome_page.name_edit.setText("Digitalbeirat")
    window.welcome_page.city_edit.setText("")
    window.welcome_page.create_button.click()
    assert "Stadt" in window.welcome_page.errors.message("city")
    window.welcome_page.city_edit.setText("Wismar")
    window.welcome_page.create_button.click()
    assert [c.city for c in services.settings.councils()] == ["Wismar"]
    assert window.stack.currentWidget() is window.overview_page


def test_the_council_switcher_appears_only_with_several_councils(make_window, services):
    services.settings.create_council(
        CouncilSettings(id=None, name="Expert*innenrat", city="Rostock")
    )
    window = make_window()
    window.show()
    assert not window.toolbar.isVisible()

    services.settings.create_council(CouncilSettings(id=None, name="Smarte Köpfe", city="Rostock"))
    window.reload_councils()
    assert window.toolbar.isVisible()
    window.council_combo.setCurrentIndex(1)
    assert window.overview_page.subtitle.text() == "Smarte Köpfe · Rostock"


def test_window_size_and_area_are_remembered(make_window, services, qtbot):
    services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    window = make_window()
    window.show()
    window.resize(760, 520)
    window.show_area(window.settings_page)
    window.close()

    again = make_window()
    again.show()
    assert (again.width(), again.height()) == (760, 520)
    assert again.stack.currentWidget() is again.settings_page


def test_the_open_area_is_remembered_by_name_not_by_its_row(
    make_window, services, qsettings, monkeypatch
):
    services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    window = make_window()
    window.show()
    window.show_area(window.pages.meetings)
    window.close()
    assert qsettings.value("window/area") == "meetings"

    # A later version lists the areas in another order: the same area opens.
    in_sidebar = Areas.in_sidebar
    with monkeypatch.context() as patch:  # not undo(): it would undo the autouse fixtures too
        patch.setattr(Areas, "in_sidebar", lambda areas: in_sidebar(areas)[::-1])
        again = make_window()
        again.show()
        assert again.stack.currentWidget() is again.pages.meetings
        assert again.sidebar.currentItem().text() == "Sitzungen"
        again.close()

    # An older version's row (Sitzungen was the fourth), read once; then the name.
    qsettings.setValue("window/area", 3)
    older = make_window()
    older.show()
    assert older.stack.currentWidget() is older.pages.meetings
    older.show_area(older.pages.audit)
    older.close()
    assert qsettings.value("window/area") == "audit"

    for unknown in ("gone", "99", "-1", ""):  # an area since dropped, a broken value
        qsettings.setValue("window/area", unknown)
        odd = make_window()
        odd.show()
        assert odd.stack.currentWidget() is odd.overview_page
        odd.close()


def test_the_first_window_is_roomy_but_stays_within_the_screen(make_window):
    window = make_window()
    window.show()
    screen = window.screen().availableSize()
    assert window.width() <= screen.width() and window.height() <= screen.height()
    assert window.width() >= min(1440, int(screen.width() * 0.9))


def test_about_names_version_and_database(make_window, services, qtbot):
    services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    window = make_window()
    window.show()
    window.menus.about_action.trigger()
    box = window.findChild(ReadingDialog)
    assert box is not None and box.isVisible()
    assert f"Expertenrat 0.1.0 (Schemastand {schema_revisions.head_revision()})" in box.text()
    assert services.database.location in box.text()
    assert "log.txt" in box.text()
    for area in ("Mitglieder", "Projekte", "Sitzungen", "Protokoll", "Empfehlungen"):
        assert area in box.text()
    box.close()


def test_about_speaks_of_any_council_and_names_the_one_shown(make_window, services, qtbot):
    """(found by a tester) "Die Anwendung der Geschäftsstelle eines Smart-City-
    Expert*innenrats" whichever council the settings describe."""
    services.settings.create_council(
        CouncilSettings(id=None, name="Digitalbeirat <Nord> & Co", city="Lübeck")
    )
    window = make_window()
    window.show()
    window.menus.about_action.trigger()
    box = window.findChild(ReadingDialog)
    assert "Smart" not in box.text()
    assert "Geschäftsstelle eines Gremiums" in box.text()
    assert "<b>Gremium:</b> Digitalbeirat &lt;Nord&gt; &amp; Co (Lübeck)" in box.text()
    box.close()


def test_without_a_council_the_day_is_a_new_councils_not_the_pcs(
    qtbot, qsettings, tmp_path, monkeypatch
):
    """(found by a tester) With no council yet (the welcome page, whose "Demodaten laden"
    takes the window's day) the window counted the PC's date: in another zone a day off the
    Europe/Berlin the demo's councils then count in."""
    import time

    from expertenrat.domain.councils import new_council_today
    from expertenrat.ui.main_window import MainWindow

    berlin = datetime.now(ZoneInfo("Europe/Berlin")).date()
    zone = next(
        z for z in ("Etc/GMT-14", "Etc/GMT+12") if datetime.now(ZoneInfo(z)).date() != berlin
    )
    # Its own context: monkeypatch.undo() would also undo the autouse fixture that keeps
    # settings, logs and the keyring out of the real home folder.
    try:
        with monkeypatch.context() as patch:
            patch.setenv("TZ", zone)
            time.tzset()
            window = MainWindow(qsettings, tmp_path / "log.txt")
            qtbot.addWidget(window)
            shown, counted = window.today(), new_council_today()
            after = datetime.now(ZoneInfo("Europe/Berlin")).date()
            # Berlin's midnight may pass while the window is made (begun at 23:59:59).
            assert {shown, counted} <= {berlin, after} and shown <= counted
    finally:
        time.tzset()


def _two_councils(services):
    services.settings.create_council(
        CouncilSettings(id=None, name="Expert*innenrat", city="Rostock")
    )
    services.settings.create_council(CouncilSettings(id=None, name="Smarte Köpfe", city="Rostock"))


def _on_settings(make_window, services):
    """A window with two councils showing the settings page of the first."""
    _two_councils(services)
    window = make_window()
    window.show()
    window.show_area(window.settings_page)
    return window


def test_switching_council_with_unsaved_settings_asks_first(make_window, services, dialogs):
    window = _on_settings(make_window, services)
    window.settings_page.council_form.council_fields.city_edit.setText(
        "Lübeck (noch nicht gespeichert)"
    )

    dialogs.answer_yes = False
    window.council_combo.setCurrentIndex(1)
    assert dialogs.messages[-1][1] == "Einstellungen nicht gespeichert"
    assert window.current_council_id() == services.settings.councils()[0].id
    assert (
        window.settings_page.council_form.council_fields.city_edit.text()
        == "Lübeck (noch nicht gespeichert)"
    )

    dialogs.answer_yes = True
    window.council_combo.setCurrentIndex(1)
    assert window.settings_page.council_form.council_fields.name_edit.text() == "Smarte Köpfe"
    assert services.settings.councils()[0].city == "Rostock"


def test_closing_with_unsaved_settings_asks_first(make_window, services, dialogs):
    window = _on_settings(make_window, services)
    window.settings_page.council_form.council_fields.name_edit.setText("Neuer Name")
    dialogs.answer_yes = False
    window.close()
    assert dialogs.messages[-1][1] == "Einstellungen nicht gespeichert"
    assert window.isVisible()
    assert window.settings_page.council_form.council_fields.name_edit.text() == "Neuer Name"
    dialogs.answer_yes = True
    window.close()
    assert not window.isVisible()
    assert services.settings.councils()[0].name == "Expert*innenrat"


def test_switching_area_with_unsaved_settings_asks_and_stays_on_nein(
    make_window, services, dialogs
):
    window = _on_settings(make_window, services)
    window.settings_page.council_form.council_fields.city_edit.setText(
        "Lübeck (noch nicht gespeichert)"
    )

    dialogs.answer_yes = False
    window.show_area(window.members_page)
    assert dialogs.messages[-1][1] == "Einstellungen nicht gespeichert"
    assert window.stack.currentWidget() is window.settings_page
    assert window.sidebar.currentRow() == window.row_of(window.settings_page)
    assert (
        window.settings_page.council_form.council_fields.city_edit.text()
        == "Lübeck (noch nicht gespeichert)"
    )

    dialogs.answer_yes = True
    window.show_area(window.members_page)
    assert window.stack.currentWidget() is window.members_page
    assert window.sidebar.currentRow() == window.row_of(window.members_page)
    assert (
        window.settings_page.council_form.council_fields.city_edit.text() == "Rostock"
    )  # dropped, not saved
    assert services.settings.councils()[0].city == "Rostock"


def test_ctrl_and_a_digit_choose_the_sidebar_s_areas_as_a_click_does(
    make_window, services, dialogs, qtbot
):
    """Strg+1 … Strg+8 go to the areas in the sidebar's order, named in each entry's
    tooltip; unsaved input still asks first (found by a tester)."""
    window = _on_settings(make_window, services)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    tips = [window.sidebar.item(row).toolTip() for row in range(window.sidebar.count())]
    assert tips[0] == "Übersicht (Strg+1)" and tips[6] == "Änderungsprotokoll (Strg+7)"
    window.settings_page.council_form.council_fields.city_edit.setFocus()
    window.settings_page.council_form.council_fields.city_edit.setText(
        "Lübeck (noch nicht gespeichert)"
    )

    dialogs.answer_yes = False
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.messages[-1][1] == "Einstellungen nicht gespeichert"
    assert window.stack.currentWidget() is window.settings_page

    dialogs.answer_yes = True
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.members_page
    assert window.sidebar.currentRow() == 1
    qtbot.keyClick(window.sidebar, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages.meetings

    # (found by a tester) The keyboard goes on in the area chosen: the focus stayed on the
    # council switcher or the sidebar, and a screen reader said nothing of the area.
    window.council_combo.setFocus()
    qtbot.keyClick(window.council_combo, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.pages.search.search_edit  # type at once
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.members_page.search_edit


def test_leaving_saved_settings_asks_nothing(make_window, services, dialogs):
    window = _on_settings(make_window, services)
    window.settings_page.council_form.council_fields.city_edit.setText("Lübeck")
    window.settings_page.save_button.click()
    window.show_area(window.members_page)
    window.council_combo.setCurrentIndex(1)
    assert not [m for m in dialogs.messages if m[0] == "question"]
    assert window.stack.currentWidget() is window.members_page
    assert services.settings.councils()[0].city == "Lübeck"


def test_every_page_has_the_page_shape(make_window):
    window = make_window()
    pages = [page for _label, page in window.areas] + [window.welcome_page]
    assert len(pages) == 9
    assert all(isinstance(page, Page) for page in pages)
    tabs = window.pages.page_for(Area.MEETINGS).tabs.details
    assert len(tabs) == 6
    assert all(isinstance(tab, MeetingDetail) for tab in tabs)
    assert not any(page.has_unsaved_changes() for page in pages)


def test_the_area_names_are_never_clipped(make_window, qtbot):
    window = make_window()
    window.resize(window.minimumSize())
    window.splitter.setSizes([10, 5000])  # as a page wider than the window would squeeze it
    names = window.sidebar
    widest = max(
        names.fontMetrics().horizontalAdvance(names.item(row).text())
        for row in range(names.count())
    )
    assert names.width() > widest
    assert names.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_every_page_counts_the_day_in_the_shown_council_s_time_zone(session, demo_file):
    """The services count deadlines in the council's zone; the pages get the same day (a
    PC set to another zone once showed "525 Tage" in the register and "526" on the
    Übersicht around midnight)."""
    session.open(str(demo_file))
    window, settings = session.window, session.window._services.settings
    council_id = window.current_council_id()
    days = {}
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):  # UTC+14 and UTC-11
        settings.update_settings(replace(settings.settings(council_id), time_zone=zone))
        window.reload_councils()
        before = datetime.now(ZoneInfo(zone)).date()
        days[zone] = window.pages.recommendations._today()
        assert days[zone] in (before, datetime.now(ZoneInfo(zone)).date())
        assert days[zone] == window.today() == settings.clock(council_id).today()
    assert days["Pacific/Kiritimati"] > days["Pacific/Pago_Pago"]
    # Changed on another PC: the change watch's councils bring the zone along.
    settings.update_settings(replace(settings.settings(council_id), time_zone="Pacific/Kiritimati"))
    assert window.refresh_when_safe(settings.councils())
    assert window.today() == settings.clock(council_id).today() > days["Pacific/Pago_Pago"]


def _mnemonic(text: str) -> str | None:
    """The letter after "&" in a menu text ("&&" is a plain "&"), lower case."""
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def test_every_menu_of_the_window_gives_each_mnemonic_once(make_window, services):
    """Alt+letter, then a letter, reaches one entry each: in the menu bar, in Datei and
    Hilfe and in every other menu of the window (the pages' buttons with a menu)."""
    services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Rostock"))
    window = make_window()
    window.show()
    menus = [window.menuBar(), *window.findChildren(QMenu)]
    checked = {}
    for menu in menus:
        if isinstance(menu, QMenu):
            menu.aboutToShow.emit()  # menus filled when they open
        texts = [a.text() for a in menu.actions() if not a.isSeparator() and a.isVisible()]
        letters = [m for m in map(_mnemonic, texts) if m is not None]
        title = menu.title() if isinstance(menu, QMenu) else "menu bar"
        assert len(letters) == len(set(letters)), (title, texts)
        checked[title.replace("&", "")] = letters
    assert len(checked["Datei"]) == 10 and len(checked["menu bar"]) == 2


def _window_mnemonics(window) -> list[tuple[str, str]]:
    """(letter, text) of every label, button, group box and tab of the window that has an
    Alt key, shown or not (the pages' forms and tabs come and go), and of the menu bar."""
    found = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        found.append(widget.text())
    found += [box.title() for box in window.findChildren(QGroupBox)]
    for bar in window.findChildren(QTabBar):
        found += [bar.tabText(i) for i in range(bar.count())]
    found += [action.text() for action in window.menuBar().actions()]
    return [(letter, text) for text in found if (letter := _mnemonic(text)) is not None]


def test_the_council_switcher_has_its_own_alt_key(make_window, services, qtbot):
    """ "Gremium:" had no Alt key (found by a tester): Alt+R reaches the switcher, and no
    other label, button, tab or menu of the window uses the letter."""
    for name in ("Expert*innenrat", "Smarte Köpfe"):
        services.settings.create_council(CouncilSettings(id=None, name=name, city="Rostock"))
    window = make_window()
    window.show()
    label = window.toolbar.label
    assert label.text() == " G&remium: " and label.buddy() is window.council_combo
    others = [m for m in _window_mnemonics(window) if m[1] != label.text()]
    assert "r" not in {letter for letter, _text in others}, others

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is window.council_combo
