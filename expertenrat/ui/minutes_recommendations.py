"""The recommendations adopted in an agenda item, with their register codes.

"Empfehlung hinzufügen …" asks the editor to open the recommendation dialog
(``add_requested``); "Entfernen" asks to take the selected one out again
(``remove_requested`` with the :class:`AdoptedRecommendation`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.minutes import AdoptedRecommendation
from expertenrat.ui.i18n import tr
from expertenrat.ui.row_moves import focus_to_rows
from expertenrat.ui.tooltips import literal_tip

_CONTEXT = "MinutesEditor"
ObjectRole = Qt.ItemDataRole.UserRole


class RecommendationsBox(QGroupBox):
    add_requested = Signal()
    remove_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr(_CONTEXT, "Beschlossene Empfehlungen"), parent)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 5 + 8)
        self.add_button = QPushButton(tr(_CONTEXT, "Empfehlung hinzu&fügen …"))
        self.remove_button = QPushButton(tr(_CONTEXT, "Entfernen"))
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button.clicked.connect(self._remove)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self._read_only = False
        self._removed: tuple[int, int] | None = None  # row and id "Entfernen" asked about
        self._update_buttons()

    def show_recommendations(self, recommendations: Sequence[AdoptedRecommendation]) -> None:
        """After "Entfernen" the line that took the removed one's place is the current one,
        and the focus is in the list ("Empfehlung hinzufügen …" once it is empty): the
        button went off as the list was filled and Qt passed the focus on to
        "Textbaustein", the list left without a current line (found by a tester)."""
        removed, self._removed = self._removed, None
        kept = {r.id for r in recommendations}
        with focus_to_rows(self.list if recommendations else self.add_button, self.remove_button):
            self._fill(recommendations)
            if removed is not None and removed[1] not in kept and recommendations:
                self.list.setCurrentRow(min(removed[0], len(recommendations) - 1))

    def _fill(self, recommendations: Sequence[AdoptedRecommendation]) -> None:
        self.list.clear()
        for recommendation in recommendations:
            text = (
                f"{recommendation.code} · {recommendation.kind.label}: "
                f"\u2068{recommendation.title}\u2069"
            )
            if recommendation.status is not RecommendationStatus.ADOPTED:
                text += f" ({recommendation.status.label})"  # the register's since it was sent
            line = QListWidgetItem(text)
            line.setData(ObjectRole, recommendation)
            line.setToolTip(literal_tip(recommendation.text))
            self.list.addItem(line)
        self.list.setVisible(bool(recommendations))
        self._update_buttons()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._update_buttons()

    def _remove(self) -> None:
        line = self.list.currentItem()
        if line is not None:
            self._removed = (self.list.currentRow(), line.data(ObjectRole).id)
            self.remove_requested.emit(line.data(ObjectRole))

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(not self._read_only)
        line = self.list.currentItem()
        chosen = line.data(ObjectRole) if line is not None else None
        in_register = chosen is not None and chosen.status is not RecommendationStatus.ADOPTED
        self.remove_button.setEnabled(
            not self._read_only and chosen is not None and not in_register
        )
        self.remove_button.setToolTip(
            tr(
                _CONTEXT,
                "{code} ist bereits „{status}“ und lässt sich nur noch im Empfehlungsregister "
                "ändern.",
            ).format(code=chosen.code, status=chosen.status.label)
            if in_register
            else ""
        )
