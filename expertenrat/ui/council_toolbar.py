"""The council switcher: a toolbar with the councils to choose from, shown only when there
is a choice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QToolBar, QWidget

from expertenrat.ui.i18n import tr

if TYPE_CHECKING:
    from collections.abc import Sequence

    from expertenrat.domain.councils import CouncilChoice

_CONTEXT = "MainWindow"


class CouncilToolbar(QToolBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr(_CONTEXT, "Gremium"), parent)
        self.setObjectName("councilToolbar")
        self.setMovable(False)
        self.label = QLabel(tr(_CONTEXT, " Gremium: "))
        self.combo = QComboBox()
        self.combo.setMinimumContentsLength(30)
        self.label_action = self.addWidget(self.label)
        self.combo_action = self.addWidget(self.combo)

    def fill(self, councils: Sequence[CouncilChoice], wanted: int | None) -> None:
        """List ``councils``, ``wanted`` selected if it is among them (else the first);
        shown only when there are several."""
        self.combo.blockSignals(True)
        self.combo.clear()
        for council in councils:
            self.combo.addItem(f"{council.name} ({council.city})", council.id)
        self.combo.setCurrentIndex(max(0, self.combo.findData(wanted)))
        self.combo.blockSignals(False)
        several = len(councils) > 1
        self.label_action.setVisible(several)
        self.combo_action.setVisible(several)
        self.setVisible(several)

    def select(self, council_id: int | None) -> None:
        """Show ``council_id`` as chosen (without announcing it as the user's choice)."""
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(max(0, self.combo.findData(council_id)))
        self.combo.blockSignals(False)
