"""Kopfdaten of the minutes: start and end, chair, minute-taker, agenda, quorum.

Every change emits ``edited``; :meth:`payload` is the full snapshot the autosave stores
(JSON values: times as "HH:MM" or ""), :func:`header_of_payload` turns it back into the
service's :class:`MinutesHeader`. Filling the fields does not emit ``edited``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.field_limits import MINUTES_HEADER
from expertenrat.domain.minutes import MinutesHeader
from expertenrat.ui.i18n import tr
from expertenrat.ui.text_boxes import plain_text_edit
from expertenrat.ui.text_fields import LineEdit, set_read_only
from expertenrat.ui.time_fields import (
    optional_time,
    optional_time_edit,
    pair_times,
    set_optional_time,
)
from expertenrat.ui.widgets import FocusCombo, wrapping_label

_CONTEXT = "MinutesEditor"


def header_payload(header: MinutesHeader) -> dict:
    return {
        "opened_at": _clock(header.opened_at),
        "closed_at": _clock(header.closed_at),
        "chair_membership_id": header.chair_membership_id,
        "minute_taker": header.minute_taker,
        "agenda_approved": header.agenda_approved,
        "agenda_changes": header.agenda_changes,
        "quorum_noted": header.quorum_noted,
    }


def header_of_payload(payload: dict, version: int) -> MinutesHeader:
    return MinutesHeader(
        opened_at=_time(payload["opened_at"]),
        closed_at=_time(payload["closed_at"]),
        chair_membership_id=payload["chair_membership_id"],
        minute_taker=payload["minute_taker"],
        agenda_approved=bool(payload["agenda_approved"]),
        agenda_changes=payload["agenda_changes"],
        quorum_noted=bool(payload["quorum_noted"]),
        version=version,
    )


def header_text(payload: dict, chairs: dict[int, str]) -> str:
    """The header as readable lines, for the conflict dialog."""
    chair = chairs.get(payload["chair_membership_id"], "–")
    yes, no = tr(_CONTEXT, "ja"), tr(_CONTEXT, "nein")
    return "\n".join(
        [
            tr(_CONTEXT, "Beginn: {}").format(payload["opened_at"] or "–"),
            tr(_CONTEXT, "Ende: {}").format(payload["closed_at"] or "–"),
            tr(_CONTEXT, "Sitzungsleitung: {}").format(chair),
            tr(_CONTEXT, "Protokoll: {}").format(payload["minute_taker"] or "–"),
            tr(_CONTEXT, "Tagesordnung genehmigt: {}").format(
                yes if payload["agenda_approved"] else no
            ),
            tr(_CONTEXT, "Änderungen der Tagesordnung: {}").format(payload["agenda_changes"]),
            tr(_CONTEXT, "Beschlussfähigkeit festgestellt: {}").format(
                yes if payload["quorum_noted"] else no
            ),
        ]
    )


def _clock(value: time | None) -> str:
    return value.strftime("%H:%M") if value is not None else ""


def _time(text: str) -> time | None:
    return time.fromisoformat(text) if text else None


class MinutesHeaderForm(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.opened_edit = optional_time_edit()
        self.closed_edit = optional_time_edit()
        pair_times(self.opened_edit, self.closed_edit)  # a span pasted into either fills both
        self.chair_combo = FocusCombo()
        self.minute_taker_edit = LineEdit()
        self.minute_taker_edit.setMaxLength(MINUTES_HEADER["minute_taker"].max_length)
        self.agenda_approved_check = QCheckBox(tr(_CONTEXT, "Tagesordnung &genehmigt"))
        self.agenda_changes_edit = plain_text_edit(3, grows=False)
        self.agenda_changes_edit.setPlaceholderText(
            tr(_CONTEXT, "z. B. TOP 5 wird vor TOP 3 beraten; TOP 6 entfällt.")
        )
        self.quorum_check = QCheckBox(tr(_CONTEXT, "Beschlussfähigkeit &festgestellt"))
        self.quorum_label = wrapping_label(name="hintLabel")
        self.fields: dict[str, QWidget] = {
            "opened_at": self.opened_edit,
            "closed_at": self.closed_edit,
            "chair_membership_id": self.chair_combo,
            "minute_taker": self.minute_taker_edit,
            "agenda_approved": self.agenda_approved_check,
            "agenda_changes": self.agenda_changes_edit,
            "quorum_noted": self.quorum_check,
        }
        for edit in (self.opened_edit, self.closed_edit):
            edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QFormLayout()
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # narrow tab: labels above
        layout.addRow(tr(_CONTEXT, "&Beginn"), self.opened_edit)
        layout.addRow(tr(_CONTEXT, "&Ende"), self.closed_edit)
        layout.addRow(tr(_CONTEXT, "&Sitzungsleitung"), self.chair_combo)
        self.chair_combo.setAccessibleName(tr(_CONTEXT, "Sitzungsleitung"))  # not its entry
        layout.addRow(tr(_CONTEXT, "&Protokollführung"), self.minute_taker_edit)
        layout.addRow(self.agenda_approved_check)
        layout.addRow(tr(_CONTEXT, "Änderungen der Tages&ordnung"), self.agenda_changes_edit)
        layout.addRow(self.quorum_check)
        layout.addRow(self.quorum_label)
        outer = QVBoxLayout(self)
        outer.addLayout(layout)
        outer.addStretch(1)

        self.opened_edit.timeChanged.connect(self.edited)
        self.closed_edit.timeChanged.connect(self.edited)
        self.chair_combo.currentIndexChanged.connect(self.edited)
        self.minute_taker_edit.textChanged.connect(self.edited)
        self.agenda_approved_check.toggled.connect(self.edited)
        self.agenda_changes_edit.textChanged.connect(self.edited)
        self.quorum_check.toggled.connect(self.edited)

    def show_header(
        self, payload: dict, chairs: Sequence[tuple[int, str]], quorum_line: str
    ) -> None:
        blockers = [QSignalBlocker(widget) for widget in self.fields.values()]
        self.chair_combo.clear()
        self.chair_combo.addItem(tr(_CONTEXT, "– noch offen –"), None)
        for membership_id, name in chairs:
            self.chair_combo.addItem(name, membership_id)
        self.show_payload(payload)
        self.quorum_label.setText(quorum_line)
        del blockers

    def show_payload(self, payload: dict) -> None:
        blockers = [QSignalBlocker(widget) for widget in self.fields.values()]
        set_optional_time(self.opened_edit, _time(payload["opened_at"]))
        set_optional_time(self.closed_edit, _time(payload["closed_at"]))
        index = self.chair_combo.findData(payload["chair_membership_id"])
        self.chair_combo.setCurrentIndex(max(0, index))
        if self.minute_taker_edit.text() != payload["minute_taker"]:
            self.minute_taker_edit.setText(payload["minute_taker"])
            self.minute_taker_edit.setCursorPosition(0)
        self.agenda_approved_check.setChecked(bool(payload["agenda_approved"]))
        if self.agenda_changes_edit.toPlainText() != payload["agenda_changes"]:
            self.agenda_changes_edit.setPlainText(payload["agenda_changes"])
        self.quorum_check.setChecked(bool(payload["quorum_noted"]))
        del blockers

    def payload(self) -> dict:
        return {
            "opened_at": _clock(optional_time(self.opened_edit)),
            "closed_at": _clock(optional_time(self.closed_edit)),
            "chair_membership_id": self.chair_combo.currentData(),
            "minute_taker": self.minute_taker_edit.text(),
            "agenda_approved": self.agenda_approved_check.isChecked(),
            "agenda_changes": self.agenda_changes_edit.toPlainText(),
            "quorum_noted": self.quorum_check.isChecked(),
        }

    def chair_names(self) -> dict[int, str]:
        return {
            self.chair_combo.itemData(i): self.chair_combo.itemText(i)
            for i in range(1, self.chair_combo.count())
        }

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit | QPlainTextEdit | QAbstractSpinBox):
                set_read_only(widget, read_only)  # looks read-only, the text copyable
            else:
                widget.setEnabled(not read_only)
