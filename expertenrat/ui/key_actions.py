"""Keys that act on a widget while it has the focus (Entf in a table, Alt+Up in a list),
and Enter and Strg+S that save a page's form (:class:`SaveKeys`).

An event filter rather than a ``QShortcut``: it sees the key only where the focus is, so
the same key can mean something else in another table or an open editor, and key events
that tests send straight to the widget arrive as a user's do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QPushButton, QWidget
from shiboken6 import isValid

from expertenrat.ui.date_fields import DateEdit
from expertenrat.ui.i18n import tr
from expertenrat.ui.time_fields import TimeEdit

Keys = tuple[Qt.Key, Qt.KeyboardModifier]
_COUNTED = (
    Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class KeyActions(QObject):
    """Runs ``actions[(key, modifiers)]`` on a key press in ``widget`` and swallows the key."""

    def __init__(self, widget: QWidget, actions: Mapping[Keys, Callable[[], object]]) -> None:
        super().__init__(widget)
        self._actions = dict(actions)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        modifiers = event.modifiers() & _COUNTED
        action = self._actions.get((Qt.Key(event.key()), modifiers))
        if action is None:
            return False
        action()
        return True


class SaveKeys(QObject):
    """Enter in an input of ``form`` (a page's form, not a dialog) clicks ``button`` while it
    is on, as a dialog's default button takes Enter; ``button`` looks like one. A line, box
    or date passes Enter on to ``form``; a text box keeps it (a new line), and on a button
    Enter is that button's, never a save: a push button is clicked ("Verwerfen"), as in a
    dialog, where outside one it would take only Space.

    Strg+S anywhere in ``form`` clicks ``button`` too (a text box included), as every desktop
    program saves; the button's tooltip names the key. The focus goes to the button for the
    click, as a mouse's click takes it (a field takes what is typed as it loses the focus:
    "1.2.27" is 2027), and back to where it was."""

    def __init__(self, form: QWidget, button: QAbstractButton) -> None:
        super().__init__(form)
        self._button = button
        form.installEventFilter(self)
        save = QShortcut(QKeySequence.StandardKey.Save, form)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self._save)
        button.setToolTip(tr("SaveKeys", "{action} (Strg+S)").format(action=button.text()))

    def _save(self) -> None:
        if not self._button.isEnabled():
            return
        focus = QApplication.focusWidget()
        if isinstance(focus, DateEdit | TimeEdit) and not focus.take_typed():
            return  # "24:00" typed: the field says why, and the form keeps it unsaved
        self._button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._button.click()
        if focus is not None and isValid(focus) and QApplication.focusWidget() is self._button:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)  # the text stays unselected

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if not enter or event.modifiers() & _COUNTED:
            return False
        focus = QApplication.focusWidget()
        if isinstance(focus, QPushButton) and focus.isEnabled():
            focus.click()
            return True
        if isinstance(focus, QAbstractButton):
            return False
        if self._button.isEnabled():
            self._button.click()
        return True
