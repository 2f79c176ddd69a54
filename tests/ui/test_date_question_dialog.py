"""The day dialog of "Einladung versandt", "Einladung nachgesandt" and others (pytest-qt,
offscreen)."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

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
