"""The dialogs for objections: raising one, and deciding on one (accept or reject).

Each dialog calls ``submit`` with what was entered; ``submit`` saves and answers whether it
worked, and the dialog closes only then, so a refused entry keeps what was typed. Given a
:class:`DialogService`, Abbrechen, Esc or closing the window ask before typed text is thrown
away, as the member and project dialogs do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from expertenrat.domain.minutes_approval import Choice
from expertenrat.domain.minutes_objections import ObjectionDraft, ObjectionRecord, late_note
from expertenrat.ui.date_fields import date_edit
from expertenrat.ui.dialog_parts import dialog_buttons, name_choice_boxes
from expertenrat.ui.discard_check import DiscardCheck
from expertenrat.ui.eliding_widgets import compact_combo
from expertenrat.ui.i18n import tr
from expertenrat.ui.text_boxes import PlainTextEdit

if TYPE_CHECKING:
    from expertenrat.ui.dialog_service import DialogService

_CONTEXT = "ObjectionDialogs"


def text_edit(initial: str = "", placeholder: str = "") -> QPlainTextEdit:
    """A text box that drops the invisible characters pasted text brings along (a soft
    hyphen from a PDF: refused by the save, and nobody could see why)."""
    editor = PlainTextEdit(initial)
    editor.setPlaceholderText(placeholder)
    editor.setTabChangesFocus(True)
    return editor


def choice_combo(choices: Sequence[Choice], empty: str | None = None) -> QComboBox:
    """A list of members, agenda items or meetings; a long item title ends in "…" rather
    than widening the dialog past the screen."""
    combo = compact_combo(40)
    if empty is not None:
        combo.addItem(empty, None)
    for choice in choices:
        combo.addItem(choice.label, choice.id)
    return combo


class _KeepsTypedText(QDialog):
    """Asks before its ``edits``' text, changed since it opened, is thrown away."""

    def _keep(self, dialogs: DialogService | None, *edits: QPlainTextEdit) -> None:
        self._discard = DiscardCheck(
            self,
            dialogs,
            lambda: tuple(edit.toPlainText() for edit in edits),
            tr(_CONTEXT, "Sie haben Text eingegeben, der noch nicht gespeichert ist. Verwerfen?"),
        )

    def reject(self) -> None:
        self._discard.reject(super().reject)


class ObjectionDialog(_KeepsTypedText):
    """Einwand erheben: who (a member who attended), when, to which item or passage, the
    proposed wording and the objection itself. A day after the deadline ``due_on`` is
    said under the date ("nach Ablauf der Frist (bis …) eingegangen"): taken, but seen."""

    def __init__(
        self,
        attendees: Sequence[Choice],
        items: Sequence[Choice],
        today: date,
        submit: Callable[[ObjectionDraft], bool],
        parent: QWidget | None = None,
        *,
        dialogs: DialogService | None = None,
        due_on: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self._due_on = due_on
        self.setWindowTitle(tr(_CONTEXT, "Einwand erheben"))
        self.member_combo = choice_combo(attendees)
        self.date_edit = date_edit(today)
        self.late_label = QLabel()
        self.late_label.setWordWrap(True)
        self.item_combo = choice_combo(items, tr(_CONTEXT, "– ganzes Protokoll –"))
        self.passage_edit = text_edit(
            placeholder=tr(_CONTEXT, "Die Stelle wörtlich, wie sie im Protokoll steht")
        )
        self.proposed_edit = text_edit(placeholder=tr(_CONTEXT, "Die vorgeschlagene Fassung"))
        self.text_edit = text_edit(placeholder=tr(_CONTEXT, "Was ist falsch oder fehlt?"))
        form = QFormLayout(self)
        form.addRow(tr(_CONTEXT, "Mitglied"), self.member_combo)
        form.addRow(tr(_CONTEXT, "Eingegangen am"), self.date_edit)
        form.addRow("", self.late_label)
        self._form = form
        self.date_edit.dateChanged.connect(self._show_late)
        self._show_late()
        form.addRow(tr(_CONTEXT, "Tagesordnungspunkt"), self.item_combo)
        form.addRow(tr(_CONTEXT, "Beanstandete Stelle"), self.passage_edit)
        form.addRow(tr(_CONTEXT, "Vorgeschlagene Fassung"), self.proposed_edit)
        form.addRow(tr(_CONTEXT, "Einwand"), self.text_edit)
        form.addRow(dialog_buttons(self, QDialogButtonBox.StandardButton.Save))
        name_choice_boxes(form)
        self.finished.connect(self.deleteLater)
        self._keep(dialogs, self.passage_edit, self.proposed_edit, self.text_edit)

    def _show_late(self) -> None:
        note = late_note(self.date_edit.date().toPython(), self._due_on)
        self.late_label.setText(f"⚠ {note[:1].upper()}{note[1:]}." if note else "")
        self._form.setRowVisible(self.late_label, bool(note))

    def draft(self) -> ObjectionDraft:
        return ObjectionDraft(
            membership_id=self.member_combo.currentData(),
            raised_on=self.date_edit.date().toPython(),
            text=self.text_edit.toPlainText(),
            agenda_item_id=self.item_combo.currentData(),
            passage=self.passage_edit.toPlainText(),
            proposed_text=self.proposed_edit.toPlainText(),
        )

    def accept(self) -> None:
        if self._submit(self.draft()):
            super().accept()


class DecisionDialog(_KeepsTypedText):
    """Über einen Einwand entscheiden: berücksichtigen (the passage is replaced by the
    wording, both editable) or zurückweisen (with the required reason); when and in which
    meeting."""

    def __init__(
        self,
        objection: ObjectionRecord,
        accepting: bool,
        meetings: Sequence[Choice],
        today: date,
        submit: Callable[[DecisionDialog], bool],
        parent: QWidget | None = None,
        *,
        dialogs: DialogService | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.objection = objection
        self.accepting = accepting
        self.setWindowTitle(
            tr(_CONTEXT, "Einwand berücksichtigen")
            if accepting
            else tr(_CONTEXT, "Einwand zurückweisen")
        )
        summary = QLabel(f"{objection.raised_by}: {objection.text}")
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        self.date_edit = date_edit(today)
        self.meeting_combo = choice_combo(meetings, tr(_CONTEXT, "– außerhalb einer Sitzung –"))
        self._days = {m.id: m.day for m in meetings}
        self.meeting_combo.currentIndexChanged.connect(self._meeting_chosen)
        # Both empty: corrected where no text says it (Anwesenheit, a vote) before deciding.
        elsewhere = tr(
            _CONTEXT, "leer lassen, wenn die Anwesenheit oder eine Abstimmung berichtigt wurde"
        )
        self.passage_edit = text_edit(objection.passage, elsewhere)
        self.wording_edit = text_edit(objection.proposed_text, elsewhere)
        self.reason_edit = text_edit(
            placeholder=tr(_CONTEXT, "Begründung (bei Zurückweisung erforderlich)")
        )
        form = QFormLayout(self)
        form.addRow(tr(_CONTEXT, "Einwand"), summary)
        form.addRow(tr(_CONTEXT, "Entschieden am"), self.date_edit)
        form.addRow(tr(_CONTEXT, "In der Sitzung"), self.meeting_combo)
        if accepting:
            form.addRow(tr(_CONTEXT, "Stelle im Protokoll"), self.passage_edit)
            form.addRow(tr(_CONTEXT, "Neue Fassung"), self.wording_edit)
        form.addRow(tr(_CONTEXT, "Begründung"), self.reason_edit)
        form.addRow(dialog_buttons(self, QDialogButtonBox.StandardButton.Save))
        name_choice_boxes(form)
        self.finished.connect(self.deleteLater)
        self._keep(dialogs, self.passage_edit, self.wording_edit, self.reason_edit)

    def _meeting_chosen(self) -> None:
        """A meeting decides on its day: the date follows the meeting chosen (as in
        "Genehmigen …"); it stays for "außerhalb einer Sitzung"."""
        day = self._days.get(self.meeting_combo.currentData())
        if day is not None:
            self.date_edit.setDate(day)

    @property
    def decided_on(self) -> date:
        return self.date_edit.date().toPython()

    @property
    def meeting_id(self) -> int | None:
        return self.meeting_combo.currentData()

    def accept(self) -> None:
        if self._submit(self):
            super().accept()
