"""Dialogs at 200 % scaling with Windows' larger text (found by a tester): on a screen of
960 x 540 (1920 x 1080 to Qt at 200 %) with a 14 pt font each fits the screen. Hilfe →
Erste Schritte stood 930 pixels tall as a message box, its OK button below the screen; the
series dialog was 1004 pixels wide, its hint cut and its preview scrolling sideways."""

from __future__ import annotations

from pathlib import Path

import pytest
from laptop_fonts import dejavu_sans  # noqa: F401 (fixture)
from PySide6.QtCore import QRect
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget

from expertenrat.ui.about_dialog import show_about
from expertenrat.ui.help_texts import first_steps_text, running_tasks_text
from expertenrat.ui.reading_dialog import show_reading_text
from expertenrat.ui.series_dialog import SeriesDialog
from tests.ui.settling import exposed

FULL_HD_AT_200 = QRect(0, 0, 960, 540)


@pytest.fixture
def larger_text_at_200(monkeypatch, qapp, dejavu_sans):  # noqa: F811 (the fixture above)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: FULL_HD_AT_200)
    before = qapp.font()
    larger = qapp.font()
    larger.setPointSize(14)  # 9 pt at Windows' "Text vergrößern" 150 %
    qapp.setFont(larger)
    yield
    qapp.setFont(before)


@pytest.mark.usefixtures("larger_text_at_200")
@pytest.mark.parametrize("text", [first_steps_text, running_tasks_text])
def test_the_hilfe_texts_fit_the_screen_and_scroll(qtbot, text) -> None:
    """Erste Schritte, and Laufende Aufgaben with their long labels."""
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = show_reading_text(parent, "Hilfe", text())
    exposed(dialog)

    size = dialog.frameGeometry().size()
    assert size.width() <= FULL_HD_AT_200.width() and size.height() <= FULL_HD_AT_200.height()
    assert dialog.ok_button.isVisible() and dialog.ok_button.hasFocus()
    assert dialog.browser.verticalScrollBar().maximum() > 0  # the rest is a scroll away
    assert dialog.browser.horizontalScrollBar().maximum() == 0
    dialog.accept()


@pytest.mark.usefixtures("larger_text_at_200")
def test_about_fits_the_screen_beside_its_picture(qtbot, tmp_path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = show_about(parent, "C:/Daten/" + "Expertenrat/" * 12, Path(tmp_path / "log.txt"))
    exposed(dialog)

    size = dialog.frameGeometry().size()
    assert size.width() <= FULL_HD_AT_200.width() and size.height() <= FULL_HD_AT_200.height()
    assert "MIT-Lizenz" in dialog.text()
    dialog.accept()


@pytest.mark.usefixtures("larger_text_at_200")
def test_the_series_dialog_fits_the_screen_with_its_dates_whole(demo_services, qtbot, today):
    rostock = demo_services.settings.councils()[0]
    dialog = SeriesDialog(demo_services.meetings, rostock.id, today)
    qtbot.addWidget(dialog)
    dialog.show()
    exposed(dialog)
    preview = dialog.preview_list

    size = dialog.frameGeometry().size()
    assert size.width() <= FULL_HD_AT_200.width() and size.height() <= FULL_HD_AT_200.height()
    assert preview.count() > 1
    assert preview.viewport().width() >= preview.sizeHintForColumn(0)
    # the day's parts go under the rule, above the time, not over it
    day_bottom = dialog.weekday_combo.mapTo(dialog, dialog.weekday_combo.rect().bottomLeft())
    assert (
        dialog.weekday_combo.isVisible()
        and day_bottom.y() < dialog.start_edit.mapTo(dialog, dialog.start_edit.rect().topLeft()).y()
    )
