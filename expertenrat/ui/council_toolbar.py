"""The council switcher: a toolbar with the councils to choose from, shown only when there
is a choice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolBar,
    QWidget,
)

from expertenrat.ui.i18n import tr
from expertenrat.ui.tooltips import literal_tip

if TYPE_CHECKING:
    from collections.abc import Sequence

    from expertenrat.domain.councils import CouncilChoice

_CONTEXT = "MainWindow"
SHOWN_CHARACTERS = (30, 70)  # the switcher's width: at least 30, at most 70 letters


class CouncilToolbar(QToolBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr(_CONTEXT, "Gremium"), parent)
        self.setObjectName("councilToolbar")
        self.setMovable(False)
        self.label = QLabel(tr(_CONTEXT, " G&remium: "))
        self.combo = _CouncilCombo()
        self.label.setBuddy(self.combo)
        self.combo.setAccessibleName(tr(_CONTEXT, "Gremium"))  # a combo says its entry else
        self.label_action = self.addWidget(self.label)
        self.combo_action = self.addWidget(self.combo)

    def fill(self, councils: Sequence[CouncilChoice], wanted: int | None) -> None:
        """List ``councils``, ``wanted`` selected if it is among them (else the first);
        shown only when there are several."""
        self.combo.blockSignals(True)
        self.combo.clear()
        for council in councils:
            name = f"{council.name} ({council.city})"
            self.combo.addItem(name, council.id)
            self.combo.setItemData(
                self.combo.count() - 1, literal_tip(name), Qt.ItemDataRole.ToolTipRole
            )
        self.combo.setCurrentIndex(max(0, self.combo.findData(wanted)))
        self.combo.blockSignals(False)
        self.combo.show_whole_name()
        several = len(councils) > 1
        self.label_action.setVisible(several)
        self.combo_action.setVisible(several)
        self.setVisible(several)

    def select(self, council_id: int | None) -> None:
        """Show ``council_id`` as chosen (without announcing it as the user's choice)."""
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(max(0, self.combo.findData(council_id)))
        self.combo.blockSignals(False)
        self.combo.show_whole_name()


class _CouncilCombo(QComboBox):
    """As wide as the longest council name, but not wider than ``SHOWN_CHARACTERS``: a long
    name ends in "…" (the tooltip shows it whole; the list, as wide as its names within the
    screen, too)."""

    def __init__(self) -> None:
        super().__init__()
        least, most = SHOWN_CHARACTERS
        self.setMinimumContentsLength(least)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMaximumWidth(self.fontMetrics().averageCharWidth() * most)
        self.currentIndexChanged.connect(self.show_whole_name)

    def show_whole_name(self) -> None:
        self.setToolTip(literal_tip(self.currentText()))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, field.width()
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
