"""One agenda item's minutes: heading, who was there and who was recused, the texts.

The discussion is labelled after the council's minutes style: an Ergebnisprotokoll keeps
the essential content, a Verlaufsprotokoll the course of the discussion. Every keystroke
emits ``edited``; :meth:`payload` is the full snapshot of the texts for the autosave. Each
text field has its Alt key (the underlined letter of its label). "Behandlung" says whether
the item was dealt with, postponed or taken off the agenda; a choice in its open list emits
``outcome_chosen`` (saved at once, not with the texts), a step of the closed combo (Up, Down)
``outcome_stepped`` (saved once the stepping ends: the focus leaves, the item changes, or
after the autosave's pause, :class:`~expertenrat.ui.minutes_outcome_actions.OutcomeActions`).
:meth:`insert_phrase` puts a standard phrase at the cursor of the text field last used.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.enums import AgendaItemOutcome, MinutesStyle
from expertenrat.domain.field_limits import MINUTES_ITEM
from expertenrat.domain.minutes import ItemMinutes, ItemTexts
from expertenrat.domain.votes import recused_names
from expertenrat.ui.i18n import tr
from expertenrat.ui.minutes_item_list import marked_label
from expertenrat.ui.minutes_recommendations import RecommendationsBox
from expertenrat.ui.minutes_votes import VotesBox
from expertenrat.ui.text_boxes import plain_text_edit
from expertenrat.ui.text_fields import LineEdit, qt_length, set_read_only
from expertenrat.ui.widgets import FocusCombo, wrapping_label

_CONTEXT = "MinutesEditor"
TEXT_FIELDS = ("discussion", "motion_text", "resolution_text", "result")


class _OutcomeCombo(FocusCombo):
    """Tells a step of the closed combo (an arrow key, a letter, the wheel once focused),
    perhaps one of several on the way to the entry wanted, from a choice in its open list."""

    stepped = Signal(object)  # AgendaItemOutcome
    chosen = Signal(object)  # AgendaItemOutcome

    def __init__(self) -> None:
        super().__init__()
        self._stepping = False
        self.activated.connect(self._activated)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._stepping = True  # the open list takes its keys itself: never here
        try:
            super().keyPressEvent(event)
        finally:
            self._stepping = False

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._stepping = True
        try:
            super().wheelEvent(event)
        finally:
            self._stepping = False

    def _activated(self, index: int) -> None:
        outcome = AgendaItemOutcome(self.itemData(index))
        (self.stepped if self._stepping else self.chosen).emit(outcome)


def texts_payload(texts: ItemTexts) -> dict:
    return {name: getattr(texts, name) for name in TEXT_FIELDS}


def texts_of_payload(payload: dict) -> ItemTexts:
    return ItemTexts(**{name: payload[name] for name in TEXT_FIELDS})


def texts_text(payload: dict, style: MinutesStyle = MinutesStyle.RESULTS) -> str:
    """The texts as readable paragraphs, for the conflict dialog, captioned as in the form."""
    captions = {
        "discussion": tr(_CONTEXT, "Verlauf der Beratung")
        if style is MinutesStyle.COURSE
        else tr(_CONTEXT, "Wesentlicher Inhalt"),
        "motion_text": tr(_CONTEXT, "Anträge (wörtlich)"),
        "resolution_text": tr(_CONTEXT, "Beschluss (wörtlich)"),
        "result": tr(_CONTEXT, "Ergebnis"),
    }
    return "\n\n".join(f"{captions[name]}:\n{payload[name]}" for name in TEXT_FIELDS)


class MinutesItemForm(QWidget):
    edited = Signal()
    focus_left = Signal()
    # the item's id and an AgendaItemOutcome: chosen in the open list (save at once), or
    # stepped to by a key on the closed combo
    outcome_chosen = Signal(object, object)
    outcome_stepped = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = wrapping_label(name="sectionTitle")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.details_label = wrapping_label(name="hintLabel")
        self.presence_label = wrapping_label(name="hintLabel")
        self.warning_label = wrapping_label(name="warningLabel")
        self.discussion_edit = plain_text_edit(6, grows=True)
        self.discussion_label = QLabel()
        self.discussion_label.setBuddy(self.discussion_edit)  # named, and Alt+I / Alt+G
        self.motion_edit = plain_text_edit(3, grows=True)
        self.resolution_edit = plain_text_edit(3, grows=True)
        self.result_edit = LineEdit()
        self.result_edit.setMaxLength(MINUTES_ITEM["result"].max_length)
        self.result_edit.setPlaceholderText(
            tr(_CONTEXT, "z. B. einstimmig beschlossen, zur Kenntnis genommen")
        )
        self.fields: dict[str, QWidget] = {
            "discussion": self.discussion_edit,
            "motion_text": self.motion_edit,
            "resolution_text": self.resolution_edit,
            "result": self.result_edit,
        }
        self._last_text: QPlainTextEdit | QLineEdit = self.resolution_edit
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(tr(_CONTEXT, "Behandl&ung"), self._outcome_combo())
        form.addRow(self.discussion_label, self.discussion_edit)
        form.addRow(tr(_CONTEXT, "&Anträge (wörtlich)"), self.motion_edit)
        form.addRow(tr(_CONTEXT, "&Beschluss (wörtlich)"), self.resolution_edit)
        form.addRow(tr(_CONTEXT, "&Ergebnis"), self.result_edit)
        self.votes = VotesBox()
        self.recommendations = RecommendationsBox()
        # Read-only: what the minutes print under an item reporting decisions adopted in
        # writing (Umlaufverfahren); the agenda's "Umlaufbeschlüsse berichten …" sets them.
        self.written_label = wrapping_label()
        self.written_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._item_id: int | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details_label)
        layout.addWidget(self.presence_label)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.written_label)  # above the texts: seen without scrolling
        layout.addLayout(form, 1)
        layout.addWidget(self.votes)
        layout.addWidget(self.recommendations)
        for edit in (self.discussion_edit, self.motion_edit, self.resolution_edit):
            edit.textChanged.connect(self.edited)
            edit.installEventFilter(self)
        self.result_edit.textChanged.connect(self.edited)
        self.result_edit.installEventFilter(self)
        self.set_style(MinutesStyle.RESULTS)

    def _outcome_combo(self) -> QComboBox:
        self.outcome_combo = _OutcomeCombo()
        self.outcome_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.outcome_combo.setAccessibleName(tr(_CONTEXT, "Behandlung"))  # not its entry
        for outcome in AgendaItemOutcome:
            self.outcome_combo.addItem(tr(_CONTEXT, outcome.label), outcome.value)
        self.outcome_combo.setToolTip(
            tr(
                _CONTEXT,
                "vertagt: auf eine spätere Sitzung verschoben; abgesetzt: in der Sitzung von "
                "der Tagesordnung genommen. Beide brauchen keinen Protokolltext.",
            )
        )
        self.outcome_combo.chosen.connect(lambda o: self.outcome_chosen.emit(self._item_id, o))
        self.outcome_combo.stepped.connect(lambda o: self.outcome_stepped.emit(self._item_id, o))
        self.outcome_combo.installEventFilter(self)  # focus_left: a step is saved
        return self.outcome_combo

    def set_style(self, style: MinutesStyle) -> None:
        if style is MinutesStyle.COURSE:
            self.discussion_label.setText(tr(_CONTEXT, "Verlauf der Beratun&g"))
            self.discussion_edit.setPlaceholderText(
                tr(_CONTEXT, "Wer hat was vorgetragen, welche Fragen und Einwände gab es?")
            )
        else:
            self.discussion_label.setText(tr(_CONTEXT, "Wesentlicher &Inhalt"))
            self.discussion_edit.setPlaceholderText(
                tr(_CONTEXT, "Ergebnisprotokoll: nur das Wesentliche der Beratung.")
            )

    def show_item(self, item: ItemMinutes, presence: str, payload: dict) -> None:
        self.heading.setText(marked_label(item))
        details = [tr(_CONTEXT, "öffentlich") if item.public else tr(_CONTEXT, "nichtöffentlich")]
        if item.presenter:
            details.append(tr(_CONTEXT, "Vortrag: {}").format(item.presenter))
        if item.project_title:
            details.append(tr(_CONTEXT, "Projekt: {}").format(item.project_title))
        self.details_label.setText(" · ".join(details))
        recused = recused_names(item.recused)
        lines = [presence] if presence else []
        if recused:
            lines.append(tr(_CONTEXT, "Befangen: {}").format(recused))
        self.presence_label.setText("\n".join(lines))
        self.presence_label.setVisible(bool(lines))
        self.warning_label.setText("\n".join(item.warnings))
        self.warning_label.setVisible(bool(item.warnings))
        same = self._item_id == item.item_id
        if not same or not self.votes.shows(item.votes):
            self.votes.show_votes(item.votes, item.recused)
        else:  # the votes' lines stay; who was recused may have changed (the attendance)
            self.votes.show_recused(item.recused)
        if not same:
            self.votes.show_message("", warning=False)
        self.recommendations.show_recommendations(item.recommendations)
        self._show_written(item.written_decisions)
        self.outcome_combo.setCurrentIndex(self.outcome_combo.findData(item.outcome.value))
        self._item_id = item.item_id
        self.show_payload(payload)

    def _show_written(self, lines: tuple[str, ...]) -> None:
        caption = tr(_CONTEXT, "Im Umlaufverfahren beschlossen (so nennt sie das Protokoll):")
        self.written_label.setText("\n".join((caption, *(f"• {line}" for line in lines))))
        self.written_label.setVisible(bool(lines))

    def show_payload(self, payload: dict) -> None:
        blockers = [QSignalBlocker(widget) for widget in self.fields.values()]
        for name in ("discussion", "motion_text", "resolution_text"):
            edit = self.fields[name]
            assert isinstance(edit, QPlainTextEdit)
            if edit.toPlainText() != payload[name]:
                edit.setPlainText(payload[name])
        if self.result_edit.text() != payload["result"]:
            self.result_edit.setText(payload["result"])
            self.result_edit.setCursorPosition(0)
        del blockers

    def payload(self) -> dict:
        return {
            "discussion": self.discussion_edit.toPlainText(),
            "motion_text": self.motion_edit.toPlainText(),
            "resolution_text": self.resolution_edit.toPlainText(),
            "result": self.result_edit.text(),
        }

    def insert_phrase(self, text: str) -> bool:
        """Insert ``text`` at the cursor of the text field last used (the resolution first);
        in the one-line Ergebnis its lines are joined by spaces. False: it does not fit into
        the Ergebnis (which would cut it off silently), nothing is inserted."""
        edit = self._last_text
        edit.setFocus()
        if isinstance(edit, QLineEdit):
            line = " ".join(part.strip() for part in text.splitlines() if part.strip())
            kept = qt_length(edit.text()) - qt_length(edit.selectedText())
            if kept + qt_length(line) > edit.maxLength():
                return False
            edit.insert(line)
        else:
            edit.insertPlainText(text)
        return True

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.fields.values():
            assert isinstance(widget, QLineEdit | QPlainTextEdit)
            set_read_only(widget, read_only)
        self.votes.set_read_only(read_only)
        self.recommendations.set_read_only(read_only)
        self.outcome_combo.setEnabled(not read_only)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QPlainTextEdit | QLineEdit):
            self._last_text = watched
        elif event.type() == QEvent.Type.FocusOut:
            self.focus_left.emit()
        return False
