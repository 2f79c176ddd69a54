"""The day dialog of "Einladung versandt", "Einladung nachgesandt" and others (pytest-qt,
offscreen)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QWidget
from settling import exposed, settle

from expertenrat.ui.date_question_dialog import DateQuestionDialog


def test_a_long_question_wraps_and_the_dialog_fits_a_small_screen(qtbot) -> None:
    """(found by a tester) The question stood on one line: a Klausur's title (up to 200
    letters) and a newcomer's name made the dialog wider than a 1024 pixel screen, the
    date and "OK" off it."""
    parent = QWidget()
    qtbot.addWidget(parent)
    title = "8. Sitzung – Klausur: " + "Datenstrategie und offene Daten der Hansestadt " * 4
    question = f"Die Einladung zu „{title}“ am 08.12.2026 wurde Dr. Jana Petersen nachgesandt am"
    dialog = DateQuestionDialog(parent, "Einladung nachgesandt", question, date(2026, 11, 27))

    assert dialog.sizeHint().width() < 1000
    name = QAccessible.queryAccessibleInterface(dialog.editor).text(QAccessible.Text.Name)
    assert name == question


def test_a_hint_chosen_with_the_day_is_shown_whole(qtbot) -> None:
    """(found by a tester) The hint stood in the date's narrow column of a dialog that
    kept its size: "Der 30.11.2026 liegt in der" and the rest of why the day cannot be
    the one cut off. It takes the dialog's width, and the dialog grows to show it."""
    parent = QWidget()
    qtbot.addWidget(parent)
    reason = (
        "Der 30.11.2026 liegt in der Zukunft: Die Einladung kann nicht später als heute "
        "(27.11.2026) versandt worden sein. Bitte geben Sie den Tag an, an dem sie versandt "
        "wurde."
    )
    dialog = DateQuestionDialog(
        parent,
        "Versanddatum ändern",
        "Die Einladung zu „7. Sitzung“ am 07.12.2026 wurde versandt am",
        date(2026, 11, 23),
        lambda day: reason if day > date(2026, 11, 27) else "",
    )
    dialog.show()
    exposed(dialog)
    hint = dialog.findChild(QLabel, "date_hint")

    dialog.editor.setDate(QDate(2026, 11, 30))
    settle(qtbot)

    assert hint.text() == reason
    assert hint.width() >= dialog.editor.width() * 2  # not squeezed beside the question
    assert hint.height() >= hint.heightForWidth(hint.width())  # every line of it
    assert dialog.rect().contains(hint.geometry())
