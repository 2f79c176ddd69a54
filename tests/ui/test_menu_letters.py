"""The menus of the document buttons answer a letter, as the menu bar's do: in the open
menu of "Einladung …" the V key is "Vorschau …", D "Drucken …" (found by a tester: the
entries had no letter, and a keyboard user reached them only with the arrow keys)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.ui.folding_document_buttons import FoldingDocumentButtons
from expertenrat.ui.meeting_document_actions import MeetingDocumentActions
from expertenrat.ui.pdf_menu_button import PdfMenuButton
from expertenrat.ui.recommendation_export_action import RecommendationExportButton


@pytest.mark.qt_log_ignore(r"This plugin does not support grabbing")  # the offscreen menu
@pytest.mark.parametrize(
    ("key", "entry"),
    [(Qt.Key.Key_P, "save"), (Qt.Key.Key_V, "preview"), (Qt.Key.Key_D, "print")],
)
def test_a_letter_in_the_open_pdf_menu_chooses_its_entry(qtbot, key, entry) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    chosen: list[str] = []
    button = PdfMenuButton(
        "Einladung …",
        "",
        save=lambda: chosen.append("save"),
        preview=lambda: chosen.append("preview"),
        print_=lambda: chosen.append("print"),
        parent=host,
    )
    host.show()
    menu = button.menu()
    menu.popup(button.mapToGlobal(QPoint(0, button.height())))
    qtbot.waitUntil(menu.isVisible)

    QTest.keyClick(menu, key)

    assert chosen == [entry]
    assert not menu.isVisible()


def letters(menu: QMenu) -> list[str]:
    """The letter of each entry of ``menu`` ("" where it has none)."""
    return [
        QKeySequence.mnemonic(action.text()).toString()
        for action in menu.actions()
        if not action.isSeparator()
    ]


def test_every_entry_of_the_document_and_export_menus_has_a_letter_of_its_own(
    qtbot, services, dialogs, today
) -> None:
    documents = MeetingDocumentActions(services, dialogs, lambda: today)
    qtbot.addWidget(documents)
    export = RecommendationExportButton(
        services, dialogs, lambda: today, RecommendationFilter, documents
    )
    buttons = [*documents.findChildren(PdfMenuButton), documents.ics_button]
    menus = [b.menu() for b in buttons] + [documents.public_dossier_menu, export.menu()]
    assert len(buttons) >= 8  # Einladung … Sitzungsmappe, Anwesenheitsliste, Kalender

    for menu in menus:
        found = letters(menu)
        assert all(found) and len(set(found)) == len(found), found
        # (found by a tester) a keyboard set to English has no key for Ö or Ü
        assert all(letter.removeprefix("Alt+").isascii() for letter in found), found
    assert letters(documents.dossier_button.menu()) == ["Alt+P", "Alt+V", "Alt+D", "Alt+F"]


def test_the_folded_documents_menu_gives_each_document_a_letter_of_its_own(qtbot) -> None:
    """On a narrow page one "Dokumente" button holds the buttons' menus: each entry has a
    letter, the first of its name not taken by one above it."""
    host = QWidget()
    qtbot.addWidget(host)
    buttons = []
    for text in ("Serienbrief …", "Sitzungsmappe …", "Ablaufplan …", "Anwesenheitsliste …"):
        button = QPushButton(text, host)
        button.setMenu(QMenu(button))
        buttons.append(button)
    folding = FoldingDocumentButtons([buttons], "Dokumente", "", host)

    menu = folding.menu_button.menu()

    assert [a.text() for a in menu.actions()] == [
        "&Serienbrief",
        "S&itzungsmappe",
        "&Ablaufplan",
        "A&nwesenheitsliste",
    ]
    assert len(set(letters(menu))) == 4


def test_the_folded_documents_menu_marks_a_letter_from_a_to_z_before_an_umlaut(qtbot) -> None:
    """(found by a tester) "&Öffentliches Protokoll" could not be chosen by its letter on a
    keyboard set to English, which has no key for Ö."""
    host = QWidget()
    qtbot.addWidget(host)
    buttons = []
    for text in ("Protokoll …", "Öffentliches Protokoll …", "Übersicht …", "Liste …", "Öl …"):
        button = QPushButton(text, host)
        button.setMenu(QMenu(button))
        buttons.append(button)
    folding = FoldingDocumentButtons([buttons], "Dokumente", "", host)

    texts = [a.text() for a in folding.menu_button.menu().actions()]

    # an umlaut only where every other letter is taken
    assert texts == ["&Protokoll", "Ö&ffentliches Protokoll", "Ü&bersicht", "&Liste", "&Öl"]
