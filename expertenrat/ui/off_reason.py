"""Why a page's main action is off, in a line beside it that the keyboard reaches.

A button that is off takes no focus: Tab passes over it, and its tooltip, which says why it
is off ("Die Frist für Einwände läuft bis …"), shows only to the mouse. An
:class:`OffReason` follows its button: while the button is off and its tooltip says why,
the line shows "„Genehmigen …“ ist noch nicht möglich: …" and is a Tab stop (a screen
reader reads it on reaching it, a dotted frame shows it to the eye); while the button is
on, or says nothing, the line is hidden (found by a tester). Only a button turned off itself
has its reason in its tooltip: one off with the whole panel around it keeps its usual
tooltip, which is no reason, and the line stays hidden (found by review).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from expertenrat.ui.i18n import tr
from expertenrat.ui.widgets import keep_wrapped_height

_CONTEXT = "OffReason"
_FOLLOWED = (QEvent.Type.EnabledChange, QEvent.Type.ToolTipChange)


class OffReason(QLabel):
    def __init__(self, button: QAbstractButton) -> None:
        """``button`` placed already: Tab reaches the line next after it."""
        super().__init__(button.parentWidget())
        self.setObjectName("offReason")  # the style sheet frames it when focused
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        keep_wrapped_height(self)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # after the flags, which set their own
        self._button = button
        button.installEventFilter(self)
        QWidget.setTabOrder(button, self)
        self._follow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._button and event.type() in _FOLLOWED:
            self._follow()
        return False

    def _follow(self) -> None:
        off = self._button.testAttribute(Qt.WidgetAttribute.WA_ForceDisabled)  # itself
        why = self._button.toolTip() if off else ""
        name = self._button.text().replace("&", "")
        self.setText(tr(_CONTEXT, "„{}“ ist noch nicht möglich: {}").format(name, why))
        self.setVisible(bool(why))
