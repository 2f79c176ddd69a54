"""Genehmigen (choose the approving meeting and the day) and the readable diff of two
versions of the minutes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.minutes_approval import Choice
from expertenrat.ui.date_fields import date_edit
from expertenrat.ui.dialog_parts import (
    FORM_DIALOG_WIDTH,
    close_buttons,
    dialog_buttons,
    fit_height,
    name_choice_boxes,
    resize_within_screen,
)
from expertenrat.ui.i18n import tr
from expertenrat.ui.objection_dialogs import choice_combo

_CONTEXT = "MinutesApprovalDialogs"


class ApproveDialog(QDialog):
    """Which later held meeting approved the minutes, and on which day (default: its day,
    or ``earliest`` where that is later: the day after the deadline for objections under
    the practice "Einwände", the day of the last decision on an objection; ``today``, the
    page's day, where no meeting is offered)."""

    def __init__(
        self,
        meetings: Sequence[Choice],
        submit: Callable[[int, date], bool],
        parent: QWidget | None = None,
        *,
        today: date,
        earliest: date | None = None,
        warning: str = "",
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self._earliest = earliest
        self._days = {m.id: m.day for m in meetings}
        self.setWindowTitle(tr(_CONTEXT, "Protokoll genehmigen"))
        self.meeting_combo = choice_combo(meetings)
        first = meetings[0].day if meetings else None
        self.date_edit = date_edit(self._proposed(first) or today)
        self.meeting_combo.currentIndexChanged.connect(self._meeting_chosen)
        note = QLabel(
            tr(
                _CONTEXT,
                "Das Protokoll wird als PDF (vollständig und öffentlich) mit dem "
                "Genehmigungsvermerk gespeichert und kann danach nicht mehr geändert werden.",
            )
        )
        note.setWordWrap(True)
        buttons = dialog_buttons(self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr(_CONTEXT, "Genehmigen"))
        form = QFormLayout(self)
        form.addRow(tr(_CONTEXT, "Genehmigt in der"), self.meeting_combo)
        form.addRow(tr(_CONTEXT, "Genehmigt am"), self.date_edit)
        form.addRow(note)
        # Minutes changed since they were sent: said before they are approved so.
        self.warning_label = QLabel(warning)
        self.warning_label.setObjectName("warningLabel")
        self.warning_label.setWordWrap(True)
        self.warning_label.setVisible(bool(warning))
        form.addRow(self.warning_label)
        # A meeting that could not decide (its attendance): said when it is chosen.
        self._notes = {m.id: m.note for m in meetings}
        self.quorum_label = QLabel()
        self.quorum_label.setObjectName("warningLabel")
        self.quorum_label.setWordWrap(True)
        form.addRow(self.quorum_label)
        form.addRow(buttons)
        name_choice_boxes(form)
        self.setMinimumWidth(FORM_DIALOG_WIDTH)
        self.finished.connect(self.deleteLater)
        self._show_note()

    def _show_note(self) -> None:
        note = self._notes.get(self.meeting_combo.currentData(), "")
        self.quorum_label.setText(note)
        self.quorum_label.setVisible(bool(note))
        if self.isVisible():  # another meeting chosen: the dialog grows for its note
            fit_height(self)

    def _proposed(self, day: date | None) -> date | None:
        if day is None or self._earliest is None:
            return day
        return max(day, self._earliest)

    def _meeting_chosen(self) -> None:
        day = self._proposed(self._days.get(self.meeting_combo.currentData()))
        if day is not None:
            self.date_edit.setDate(day)
        self._show_note()

    def accept(self) -> None:
        meeting_id = self.meeting_combo.currentData()
        if meeting_id is not None and self._submit(meeting_id, self.date_edit.date().toPython()):
            super().accept()


class DiffDialog(QDialog):
    """The readable differences between two versions (plain text, read-only)."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text_view = QPlainTextEdit(text)
        self.text_view.setReadOnly(True)
        self.text_view.setAccessibleName(title)  # for screen readers, as the window says
        self.text_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_view)
        layout.addWidget(buttons)
        resize_within_screen(self, 720, 480)
        self.finished.connect(self.deleteLater)
