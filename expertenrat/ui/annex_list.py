"""The list of a meeting's annexes in the annexes tab (:mod:`annexes_panel`): one line
each, "Titel (name.pdf, 1,2 MB)" and " · nichtöffentlich" where the public minutes leave
it out; the selection kept when the list is filled again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from expertenrat.domain.annexes import Annex
from expertenrat.ui.i18n import tr
from expertenrat.ui.tooltips import literal_tip

_CONTEXT = "AnnexesPanel"
AnnexRole = Qt.ItemDataRole.UserRole


class AnnexList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr(_CONTEXT, "Anlagen"))  # for screen readers
        # A long line ends in the middle with "…" (its tooltip says it whole) rather than
        # scroll sideways: the scroll bar kept it from giving way (found by a tester).
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def selected(self) -> Annex | None:
        items = self.selectedItems()
        return items[0].data(AnnexRole) if items else None

    def fill(self, annexes: tuple[Annex, ...]) -> None:
        kept = self.selected()
        self.clear()
        for annex in annexes:
            mark = tr(_CONTEXT, " · nichtöffentlich") if not annex.public else ""
            item = QListWidgetItem(f"{annex.label} ({annex.name}, {annex.size_text}){mark}")
            item.setToolTip(literal_tip(item.text()))
            item.setData(AnnexRole, annex)
            self.addItem(item)
            if kept is not None and annex.id == kept.id:
                item.setSelected(True)

    def select_annex(self, annex_id: int) -> None:
        for row in range(self.count()):
            if self.item(row).data(AnnexRole).id == annex_id:
                self.setCurrentRow(row)
