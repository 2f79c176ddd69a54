"""Message boxes of the dialog service wrap a long path instead of cutting it off."""

from __future__ import annotations

import sys
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QWidget,
)

from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.message_box import breakable
from expertenrat.ui.save_location import SaveLocations
from tests.ui.settling import exposed

ZERO_WIDTH_SPACE = "\u200b"
WORD_JOINER = "\u2060"
FOLDERS = "\\".join(f"Ordner_{n:02d}_der_Geschäftsstelle" for n in range(10))
# A Windows path, as the office PCs have them: Qt breaks no line after a backslash.
PATH = f"C:\\Users\\schulz\\{FOLDERS}\\Mitglieder_2026-12-02.xlsx"
# A folder of a name too long for a line (255 characters may be one name).
FOLDER = "/home/schulz/" + "Unterlagen_der_Geschäftsstelle_" * 8 + "/Export"
assert len(PATH) >= 300 and len(FOLDER) >= 260


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def dialogs(qsettings) -> DialogService:
    return DialogService(SaveLocations(qsettings), open_url=lambda _url: True)


def shown_box(parent: QWidget, qtbot) -> tuple[QMessageBox, QLabel]:
    (box,) = parent.findChildren(QMessageBox)
    exposed(box)
    label = box.findChild(QLabel, "qt_msgbox_label")
    return box, label


@pytest.mark.parametrize(
    ("show", "path"),
    [
        (lambda d, p: d.warning(p, "Import", f"„{PATH}“ kann nicht gelesen werden."), PATH),
        (lambda d, p: d.information(p, "Gespeichert", f"„{PATH}“ wurde gespeichert."), PATH),
        (lambda d, p: d.question(p, "Ersetzen", f"„{PATH}“ ersetzen?", lambda: None), PATH),
        (lambda d, p: d.file_saved(p, "Gespeichert", "Gespeichert.", f"{FOLDER}/a.csv"), FOLDER),
    ],
    ids=["warning", "information", "question", "file saved"],
)
def test_a_300_character_path_wraps_within_the_screen_and_shows_whole(
    dialogs, parent, qtbot, show, path
):
    show(dialogs, parent)
    box, label = shown_box(parent, qtbot)

    screen = box.screen().availableGeometry()
    assert box.frameGeometry().width() <= screen.width()
    assert path in label.text().replace(ZERO_WIDTH_SPACE, "")  # the whole path, unchanged
    assert label.wordWrap()
    inside = box.rect().contains(label.geometry())
    assert inside and label.width() >= label.minimumSizeHint().width()
    assert label.height() >= label.heightForWidth(label.width())  # every line shown
    box.close()


def test_a_path_that_fits_the_screen_stands_whole_on_a_line(dialogs, parent, qtbot):
    """(found by a tester) The restore question, some 400 px wide, broke the database's
    path over three lines: the box is as wide as the path, and the path breaks nowhere."""
    database = "/home/geschaeftsstelle/Expertenrat/Daten/expertenrat-smart-city.db"
    dialogs.question(parent, "Wiederherstellen", f"Alle Daten in „{database}“ …", lambda: None)
    box, label = shown_box(parent, qtbot)

    assert label.width() >= label.fontMetrics().horizontalAdvance(f"„{database}“")
    shown = label.text()
    assert ZERO_WIDTH_SPACE not in shown
    assert shown.replace(WORD_JOINER, "") == f"Alle Daten in „{database}“ …"
    assert WORD_JOINER.join(database) in shown  # no break after a "/" or a "-"
    box.close()


@pytest.mark.skipif(sys.platform != "win32", reason="Qt copies a message box on Windows only")
def test_ctrl_c_copies_the_path_without_the_break_opportunities(dialogs, parent, qtbot):
    text = f"„{PATH}“ kann nicht gelesen werden."
    dialogs.warning(parent, "Import", text)
    box, label = shown_box(parent, qtbot)
    assert ZERO_WIDTH_SPACE in label.text()

    qtbot.keyClick(box, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    copied = QGuiApplication.clipboard().text()
    assert text in copied and ZERO_WIDTH_SPACE not in copied
    box.close()


def test_only_long_words_get_break_opportunities_and_the_text_stays_the_same():
    text = f"„{PATH}“ kann nicht gelesen werden: /tmp/x"

    shown = breakable(text)

    assert shown.replace(ZERO_WIDTH_SPACE, "") == text
    assert shown.endswith("werden: /tmp/x")  # a short path is left alone
    assert all(len(part) <= 41 for part in shown.split(ZERO_WIDTH_SPACE)[1:-1] if " " not in part)


def test_a_date_asked_for_shows_its_hint_for_the_date_chosen(dialogs, parent, qtbot):
    """The hint under the date follows what is chosen; the date is taken all the same."""
    chosen = []
    dialogs.ask_date(
        parent,
        "Frist ändern",
        "Neue Frist:",
        date(2026, 12, 24),
        chosen.append,
        lambda day: "Sonntag" if day.weekday() == 6 else "",
    )
    (dialog,) = parent.findChildren(QDialog)
    editor = dialog.findChild(QDateEdit)
    hint = dialog.findChild(QLabel, "date_hint")
    assert hint.text() == ""
    editor.setDate(date(2026, 12, 27))
    assert hint.text() == "Sonntag"
    dialog.accept()
    assert chosen == [date(2026, 12, 27)]


def test_a_date_asked_with_check_boxes_needs_one_checked(dialogs, parent, qtbot):
    """All checked first; "OK" with none checked says so and keeps the dialog open."""
    answers = []
    dialogs.ask_date_and_checks(
        parent,
        "Einladung nachgesandt",
        "Nachgesandt am",
        date(2026, 12, 4),
        (["Jana Petersen", "Ole Brandt"], "Bitte mindestens ein Mitglied ankreuzen."),
        lambda day, chosen: answers.append((day, chosen)),
    )
    (dialog,) = parent.findChildren(QDialog)
    jana, ole = dialog.findChildren(QCheckBox)
    assert jana.isChecked() and ole.isChecked()
    jana.setChecked(False)
    ole.setChecked(False)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert answers == [] and dialog.result() == 0
    assert (
        dialog.findChild(QLabel, "errorLabel").text() == "Bitte mindestens ein Mitglied ankreuzen."
    )
    ole.setChecked(True)
    ok.click()
    assert answers == [(date(2026, 12, 4), (1,))]
