"""An agenda line pasted into an item's title (the agenda editor, a template of the
settings) goes in without the number it was copied with; other fields keep theirs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from expertenrat.ui.agenda_item_form import AgendaItemForm
from expertenrat.ui.settings_agenda_templates import AgendaTemplatesEditor

COPIED = "TOP 3\tGenehmigung der Tagesordnung\r\n"


def _pasted(edit) -> str:
    edit.setFocus()
    QApplication.clipboard().setText(COPIED)
    QTest.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    return edit.text()


def test_an_agenda_line_pasted_as_a_title_loses_its_number(qtbot, services, dialogs):
    """(found by a tester) kept, the invitation printed "TOP 3 TOP 3 Genehmigung …"."""
    form = AgendaItemForm()
    qtbot.addWidget(form)
    template = AgendaTemplatesEditor(services.agenda_templates, dialogs)
    qtbot.addWidget(template)

    assert _pasted(form.title_edit).strip() == "Genehmigung der Tagesordnung"
    assert _pasted(template.title_edit).strip() == "Genehmigung der Tagesordnung"
    assert _pasted(form.presenter_edit.lineEdit()).strip() == "TOP 3 Genehmigung der Tagesordnung"
