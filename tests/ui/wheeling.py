"""The mouse wheel turned over a widget as the user turns it: through the window, so Qt
gives the event to the widget under the pointer (a spin box's text, say), gives that the
focus where its policy takes it from the wheel, and passes the event on to its parents
while none takes it (the form that scrolls). An event sent to the widget itself would do
neither: Qt passes on only the wheel of the window system."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QScrollArea, QWidget


def turn_wheel_over(widget: QWidget, *, down: bool = True) -> None:
    """One notch of the wheel over the middle of ``widget``, scrolled into view first; its
    window is shown if it is not yet."""
    window = widget.window()
    if not window.isVisible():
        window.show()
    assert QTest.qWaitForWindowExposed(window)
    QApplication.processEvents()  # the layouts settled: the widget stays where it is now
    scroll_into_view(widget)
    QApplication.processEvents()
    at = widget.mapTo(window, widget.rect().center())
    under = window.childAt(at)
    assert under is widget or widget.isAncestorOf(under), f"{under} covers {widget}"
    QTest.wheelEvent(window.windowHandle(), QPointF(at), QPoint(0, -120 if down else 120))


def fields_the_wheel_changed(form: QWidget) -> list[str]:
    """Turn the wheel over each combo box, spin box, date and time field shown in ``form``,
    none of them focused, toward a value it has (a combo down, up from its last entry; the
    others up, then down where that changed nothing): "name: old → new" of each one that
    changed."""
    changed = []
    fields = [
        field
        for field in form.findChildren(QWidget)
        if isinstance(field, QComboBox | QAbstractSpinBox) and field.isVisibleTo(form)
    ]
    assert fields, "no combo box, spin box, date or time field in the form"
    for field in fields:
        field.clearFocus()
        before = _value(field)
        if isinstance(field, QComboBox):
            turn_wheel_over(field, down=field.currentIndex() < field.count() - 1)
        else:
            turn_wheel_over(field, down=False)
            if _value(field) == before:
                turn_wheel_over(field, down=True)
        if _value(field) != before:
            name = field.accessibleName() or type(field).__name__
            changed.append(f"{name}: {before} → {_value(field)}")
    return changed


def _value(field: QComboBox | QAbstractSpinBox) -> str:
    return field.currentText() if isinstance(field, QComboBox) else field.text()


def scroll_into_view(widget: QWidget) -> None:
    """Each scroll area around ``widget`` scrolls so far that it shows it."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget, 0, 0)
        parent = parent.parentWidget()
