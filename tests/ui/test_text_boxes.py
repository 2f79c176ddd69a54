"""A text box's "Als Fließtext einfügen" (context menu, Ctrl+Shift+V): text copied from a
PDF goes in with its printed lines joined and its divided words whole, cleaned as any
paste, as one step that Ctrl+Z takes back."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QImage, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from expertenrat.ui.text_boxes import plain_text_edit
from expertenrat.ui.text_fields import LineEdit

COPIED = "Die Bürger-\r\nbeteili\u00adgung wird\r\nfrüh geplant."
FLOWING = "Die Bürgerbeteiligung wird früh geplant."
NO_KEYS = Qt.KeyboardModifier.NoModifier


def _box(qtbot):
    edit = plain_text_edit(3, grows=True)
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    QTest.keyClicks(edit, "Bericht: ")
    QApplication.clipboard().setText(COPIED)
    return edit


def _menu(edit) -> QMenu:
    at = QPoint(4, 4)
    QApplication.sendEvent(
        edit.viewport(),
        QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, edit.mapToGlobal(at)),
    )
    return edit.findChild(QMenu)


def _flowing_action(menu: QMenu):
    return next(a for a in menu.actions() if a.objectName() == "edit-paste-flowing")


def test_the_context_menu_pastes_a_pdf_s_lines_as_flowing_text(qtbot):
    edit = _box(qtbot)
    menu = _menu(edit)
    names = [a.objectName() for a in menu.actions()]
    assert names.index("edit-paste-flowing") == names.index("edit-paste") + 1
    keys = [a.text().partition("&")[2][:1].lower() for a in menu.actions() if "&" in a.text()]
    assert "f" in keys and len(keys) == len(set(keys))  # Alt+F, no other entry's key

    _flowing_action(menu).trigger()
    menu.close()

    assert edit.toPlainText() == f"Bericht: {FLOWING}"
    QTest.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == "Bericht: "


def test_ctrl_shift_v_pastes_as_flowing_text_and_ctrl_v_as_copied(qtbot):
    edit = _box(qtbot)

    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(edit, Qt.Key.Key_V, modifiers)
    assert edit.toPlainText() == f"Bericht: {FLOWING}"

    QTest.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText().endswith("geplant.Die Bürger-\nbeteiligung wird\nfrüh geplant.")


def test_a_read_only_box_takes_no_flowing_paste(qtbot):
    edit = _box(qtbot)
    edit.setReadOnly(True)

    QTest.keyClick(
        edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    menu = _menu(edit)

    assert edit.toPlainText() == "Bericht: "
    assert all(a.objectName() != "edit-paste-flowing" for a in menu.actions())
    menu.close()


def test_an_image_pasted_puts_nothing_in_and_the_box_says_so(qtbot):
    """(found by a tester) a screenshot pasted into the Beratung went nowhere without a
    word."""
    edit = _box(qtbot)
    image = QImage(20, 10, QImage.Format.Format_RGB32)
    image.fill(0)
    QApplication.clipboard().setImage(image)

    with qtbot.waitSignal(edit.paste_refused) as refused:
        QTest.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)

    assert edit.toPlainText() == "Bericht: "
    assert "kein Bild" in refused.args[0] and "Anlage" in refused.args[0]


def test_a_box_keeps_the_no_break_spaces_typed_and_pasted_and_a_line_field_too(qtbot):
    """(found by a helper) Qt's toPlainText made every U+00A0 an ordinary space: "§ 5" typed
    or pasted into the minutes with one lost it on saving, though the texts keep them."""
    edit = plain_text_edit(3, grows=True)
    line = LineEdit()
    for field in (edit, line):
        qtbot.addWidget(field)
        field.show()
        field.setFocus()
        for char in "gemäß §\u00a05":  # typed: QTest.keyClicks takes ASCII only
            QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, 0, NO_KEYS, char))
        QApplication.clipboard().setText(" 10\u202fkm\u00a0weit")
        QTest.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(edit, Qt.Key.Key_Return)

    assert edit.toPlainText() == "gemäß §\u00a05 10\u202fkm\u00a0weit\n\n"
    assert line.text() == "gemäß §\u00a05 10\u202fkm\u00a0weit"
