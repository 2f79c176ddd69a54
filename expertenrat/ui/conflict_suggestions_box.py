"""The screening's suggestions on the Befangenheit tab: members whose institution is a
partner of the agenda item's project, each with "Befangenheit erfassen" and
"Übergehen …" (:class:`~expertenrat.ui.conflicts_panel.ConflictsPanel` records the answer).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from expertenrat.domain.conflict_screening import ConflictSuggestion
from expertenrat.ui.i18n import tr

_CONTEXT = "ConflictsPanel"


class SuggestionRow(QWidget):
    """One screening suggestion with its two answers."""

    def __init__(self, name: str, suggestion: ConflictSuggestion, parent: QWidget) -> None:
        super().__init__(parent)
        self.suggestion = suggestion
        self.label = QLabel(f"{name}: {suggestion.text}")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.accept_button = QPushButton(tr(_CONTEXT, "Befangenheit erfassen"))
        self.overrule_button = QPushButton(tr(_CONTEXT, "Übergehen …"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.accept_button)
        layout.addWidget(self.overrule_button)


class ConflictSuggestionsBox(QGroupBox):
    """The suggestions for one agenda item, or "Keine Hinweise."."""

    accepted = Signal(object)  # the ConflictSuggestion to record as a recusal
    overruled = Signal(object)  # the ConflictSuggestion to overrule

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr(_CONTEXT, "Hinweise aus der Prüfung der Projektpartner"), parent)
        self.rows: list[SuggestionRow] = []
        self._layout = QVBoxLayout(self)
        self.empty_label = QLabel(tr(_CONTEXT, "Keine Hinweise."))
        self._layout.addWidget(self.empty_label)

    def show_suggestions(
        self, suggestions: Iterable[tuple[str, ConflictSuggestion]], editable: bool
    ) -> None:
        """Show ``suggestions`` (the member's name, the suggestion); their buttons only
        work if ``editable``."""
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        for name, suggestion in suggestions:
            row = SuggestionRow(name, suggestion, self)
            row.accept_button.setEnabled(editable)
            row.overrule_button.setEnabled(editable)
            row.accept_button.clicked.connect(lambda _c=False, s=suggestion: self.accepted.emit(s))
            row.overrule_button.clicked.connect(
                lambda _c=False, s=suggestion: self.overruled.emit(s)
            )
            self._layout.addWidget(row)
            self.rows.append(row)
        self.empty_label.setVisible(not self.rows)
