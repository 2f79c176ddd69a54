"""Tooltips of what users typed show it character for character (Qt took a text that
merely looked like markup for it and left words out)."""

from __future__ import annotations

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from expertenrat.domain.councils import CouncilChoice
from expertenrat.domain.enums import ProjectPhase
from expertenrat.domain.projects import Project, ProjectEntry
from expertenrat.domain.text_templates import TextTemplate
from expertenrat.ui.council_toolbar import CouncilToolbar
from expertenrat.ui.minutes_phrase_menu import PhraseMenu
from expertenrat.ui.projects_table_model import ProjectsTableModel
from expertenrat.ui.table_model import Column, RowsTableModel, text_column
from expertenrat.ui.tooltips import literal_tip

LOOKS_LIKE_MARKUP = "Kosten a < b und Nutzen c > d; <i>kursiv</i> & „Zitat“ 😀"


def shown(tip: str) -> str:
    """The text Qt shows for the tooltip ``tip`` (rich text where it looks like it)."""
    if not QtGui.Qt.mightBeRichText(tip):
        return tip
    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText()


@pytest.mark.parametrize(
    "text",
    [LOOKS_LIKE_MARKUP, "Formel: <p> oder <br>\nzweite Zeile", "Smart City <Rostock> & Co"],
)
def test_a_text_shows_as_typed(qapp, text):
    assert shown(literal_tip(text)) == text


def test_an_ordinary_text_stays_as_it_is(qapp):
    assert literal_tip("Smart City <Rostock> & Co") == "Smart City <Rostock> & Co"


def test_a_table_s_text_column_shows_its_whole_text_as_typed(qapp):
    """Found by a tester (a title cut in a table, its tooltip left out "< b und … >")."""
    model = ProjectsTableModel()
    project = Project(id=1, title=LOOKS_LIKE_MARKUP, phase=ProjectPhase.IDEA)
    model.set_rows([ProjectEntry(project, "Umwelt", consultations=0, recommendations=0)])
    index = model.index(0, ProjectsTableModel.COLUMN_TITLE)

    assert shown(index.data(Qt.ItemDataRole.ToolTipRole)) == LOOKS_LIKE_MARKUP


def test_every_table_column_s_tooltip_shows_as_typed_and_only_once_converted(qapp):
    """(found by review) Columns with a tooltip of their own (a phrase's text in the
    Einstellungen, a recusal's reason, a meeting's title and place, the Änderungsprotokoll's
    summary …) still left words out: only ``text_column`` converted its tooltip."""
    model = RowsTableModel(
        [
            text_column("Titel", lambda row: row[1]),
            Column("Text", lambda row: "", tooltip=lambda row: row[1]),
            Column("Leer", lambda row: "", tooltip=lambda row: None),
        ]
    )
    model.key = lambda row: row[0]  # type: ignore[method-assign]
    model.set_rows([(1, LOOKS_LIKE_MARKUP)])

    for column in (0, 1):
        tip = model.index(0, column).data(Qt.ItemDataRole.ToolTipRole)
        assert shown(tip) == LOOKS_LIKE_MARKUP
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) is None


def test_the_council_switcher_shows_a_council_s_name_as_typed(qtbot):
    """Found by a tester: the switcher's tooltip (and its list's) took the name unconverted."""
    toolbar = CouncilToolbar()
    qtbot.addWidget(toolbar)
    councils = [
        CouncilChoice(1, "Rat für <i>Digitales</i> & Co", "Kiel"),
        CouncilChoice(2, "Beirat", "Kiel"),
    ]

    toolbar.fill(councils, 1)

    whole = "Rat für <i>Digitales</i> & Co (Kiel)"
    assert shown(toolbar.combo.toolTip()) == whole
    assert shown(toolbar.combo.itemData(0, Qt.ItemDataRole.ToolTipRole)) == whole


def test_a_phrase_s_tooltip_in_the_phrase_menu_shows_its_text_as_typed(qtbot):
    """Found by a tester: the menu entry's tooltip took the phrase's text unconverted."""
    menu = PhraseMenu(lambda _council: [TextTemplate(1, "Formel", LOOKS_LIKE_MARKUP)], lambda: 1)

    menu.fill()

    (action,) = menu.actions()
    assert shown(action.toolTip()) == LOOKS_LIKE_MARKUP
