"""A phone number pasted from an e-mail's signature into the member form goes in without
its label, as the user sees at once (found by a tester: the roster printed "Tel. Tel.:
0381 123"); another field keeps what was pasted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from expertenrat.domain.councils import ActionField
from expertenrat.ui.member_form import MemberForm


def _pasted(edit, text: str) -> str:
    edit.setFocus()
    QApplication.clipboard().setText(text)
    QTest.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    return edit.text()


def test_a_phone_number_is_pasted_without_the_label_of_its_signature(qtbot, today) -> None:
    form = MemberForm([ActionField(id=1, name="Stadtdaten")], today)
    qtbot.addWidget(form)

    assert _pasted(form.phone_edit, "Tel.: +49 381 381-1234") == "+49 381 381-1234"
    assert form.member().phone == "+49 381 381-1234"
    assert _pasted(form.position_edit, "Tel.: 0381") == "Tel.: 0381"
