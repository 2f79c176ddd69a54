"""The mouse wheel turned over a widget as the user turns it: the event goes to the widget
under the pointer and on to its parents while none takes it (the form that scrolls)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget


def turn_wheel_over(widget: QWidget, *, down: bool = True) -> None:
    at = QPointF(widget.rect().center())
    wheel = QWheelEvent(
        at, widget.mapToGlobal(at), QPoint(), QPoint(0, -120 if down else 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    QApplication.sendEvent(widget, wheel)


def combos_the_wheel_changed(form: QWidget) -> list[str]:
    """Turn the wheel once over each combo box in ``form``, none of them focused, toward an
    entry it has (down, up from the last one): "old → new" of each one that changed."""
    changed = []
    combos = form.findChildren(QComboBox)
    assert combos, "no combo box in the form"
    for combo in combos:
        combo.clearFocus()
        before = combo.currentText()
        turn_wheel_over(combo, down=combo.currentIndex() < combo.count() - 1)
        if combo.currentText() != before:
            changed.append(f"{before} → {combo.currentText()}")
    return changed
