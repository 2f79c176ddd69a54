"""The recommendations adopted in an agenda item, from the keyboard (pytest-qt)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from expertenrat.domain.enums import RecommendationKind
from expertenrat.domain.minutes import AdoptedRecommendation
from expertenrat.ui.minutes_recommendations import RecommendationsBox


def _adopted(number: int) -> AdoptedRecommendation:
    kind = RecommendationKind.RECOMMENDATION
    return AdoptedRecommendation(number, f"E-2026-0{number}", kind, f"Titel {number}", "Text",
                                 None, None, date(2026, 3, 19))  # fmt: skip


def test_after_entfernen_the_next_line_is_current_and_the_focus_in_the_list(qtbot) -> None:
    """The button went off as the list was filled anew, Qt passed the focus on to the next
    button ("Textbaustein"), and no line was current (found by a tester)."""
    window = QWidget()
    qtbot.addWidget(window)
    box = RecommendationsBox()
    layout = QVBoxLayout(window)
    layout.addWidget(box)
    layout.addWidget(QPushButton("Textbaustein"))
    shown = [_adopted(1), _adopted(2), _adopted(3)]
    # as the editor does once the removal is stored: the item shown again without it
    box.remove_requested.connect(
        lambda gone: box.show_recommendations([r for r in shown if r is not gone])
    )
    box.show_recommendations(shown)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    box.list.setCurrentRow(1)
    box.remove_button.setFocus()

    qtbot.keyClick(box.remove_button, Qt.Key.Key_Space)

    assert box.list.currentItem().text().startswith("E-2026-03")
    assert QApplication.focusWidget() is box.list
    shown = [_adopted(3)]
    box.show_recommendations(shown)
    box.list.setCurrentRow(0)
    box.remove_button.setFocus()
    qtbot.keyClick(box.remove_button, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is box.add_button  # the list is empty and hidden
