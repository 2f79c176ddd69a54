"""The widgets of the "Sitzung" tab and where they sit: date, time, place or link, kind,
title, chair, the day the invitation went out and notes of one meeting, messages under the
fields, "Verwerfen" and "Speichern"; :class:`~expertenrat.ui.meeting_form.MeetingForm` adds
the behaviour (the view/controller split of the house style).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meeting_draft import MAX_LINK_LENGTH, MAX_PLACE_LENGTH, MAX_TITLE_LENGTH
from expertenrat.domain.meeting_numbers import NUMBER_ORDER_FIELD
from expertenrat.domain.pasted_links import pasted_link
from expertenrat.ui.date_fields import date_edit
from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.i18n import tr
from expertenrat.ui.key_actions import SaveKeys
from expertenrat.ui.scroll_areas import plain_scroll_area
from expertenrat.ui.text_boxes import plain_text_edit
from expertenrat.ui.text_fields import LineEdit
from expertenrat.ui.time_fields import pair_times, time_edit
from expertenrat.ui.widgets import FocusCombo

_CONTEXT = "MeetingForm"


class MeetingFormView(QWidget):
    """The fields and buttons of one meeting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.kind_combo = FocusCombo()
        for kind in MeetingKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.title_edit = LineEdit()
        self.title_edit.setMaxLength(MAX_TITLE_LENGTH)
        self.title_edit.setPlaceholderText(tr(_CONTEXT, "optional; bei einer Klausur ihr Thema"))
        self.date_edit = date_edit()
        self.start_edit = time_edit()
        # The day the meeting ends: a Klausur Friday to Saturday, a meeting past midnight.
        self.end_date_edit = date_edit()
        self.end_date_edit.setToolTip(
            tr(
                _CONTEXT,
                "Endet die Sitzung an einem späteren Tag (nach Mitternacht), hier dessen Datum",
            )
        )
        self.end_edit = time_edit()
        pair_times(self.start_edit, self.end_edit)  # a span pasted into either fills both
        # One row "Termin" holds the four: a screen reader names each itself.
        self.date_edit.setAccessibleName(tr(_CONTEXT, "Datum"))
        self.start_edit.setAccessibleName(tr(_CONTEXT, "Beginn"))
        self.end_date_edit.setAccessibleName(tr(_CONTEXT, "Datum des Endes"))
        self.end_edit.setAccessibleName(tr(_CONTEXT, "Ende"))
        self.place_edit = LineEdit()
        self.place_edit.setMaxLength(MAX_PLACE_LENGTH)
        self.place_edit.setPlaceholderText(tr(_CONTEXT, "z. B. Rathaus, Markt 1"))
        self.room_edit = LineEdit()
        self.room_edit.setMaxLength(MAX_PLACE_LENGTH)
        self.link_edit = LineEdit(cleaning=pasted_link)  # the address of a line copied
        self.link_edit.setMaxLength(MAX_LINK_LENGTH)
        self.link_edit.setPlaceholderText("https://")
        self.chair_combo = FocusCombo()
        self.chair_combo.setToolTip(
            tr(_CONTEXT, "Zur Wahl stehen die Mitglieder, die am Tag der Sitzung Mitglied sind")
        )
        # The day the invitation went out, and its correction (ui.invitation_day).
        self.invitation_label = QLabel()
        self.invitation_label.setTextFormat(Qt.TextFormat.PlainText)
        self.invitation_button = QPushButton(tr(_CONTEXT, "Versanddatum ändern …"))
        self.notes_edit = plain_text_edit(3, grows=True)  # never squeezed to one line
        self.notes_edit.setMaximumHeight(120)
        self.save_button = QPushButton(tr(_CONTEXT, "Speichern"))
        self.save_button.setDefault(True)
        self.discard_button = QPushButton(tr(_CONTEXT, "Verwerfen"))
        self._inputs: tuple[QWidget, ...] = (
            self.kind_combo,
            self.title_edit,
            self.date_edit,
            self.start_edit,
            self.end_date_edit,
            self.end_edit,
            self.place_edit,
            self.room_edit,
            self.link_edit,
            self.chair_combo,
            self.notes_edit,
        )

        form = QFormLayout()
        # No empty line under the fields that may have a message: the rows stood unevenly
        # apart, those with one 12 px further than "Art" and "Raum" (found by a tester).
        self.errors = FormErrors(form, collapsed=True)
        form.addRow(tr(_CONTEXT, "Art"), self.kind_combo)
        self.kind_combo.setAccessibleName(tr(_CONTEXT, "Art"))  # a combo says only its entry
        self.errors.add_row(tr(_CONTEXT, "Titel"), "title", self.title_edit)
        # Two lines: the end's date beside the times asked 534 px of a form that has 496
        # at 1024 × 640, and the Sitzung tab scrolled sideways (found by the lead's CI).
        when = QWidget()
        when_lines = QVBoxLayout(when)
        when_lines.setContentsMargins(0, 0, 0, 0)
        when_row, end_row = QHBoxLayout(), QHBoxLayout()
        when_row.addWidget(self.date_edit)
        when_row.addWidget(QLabel(tr(_CONTEXT, "von")))
        when_row.addWidget(self.start_edit)
        when_row.addWidget(QLabel(tr(_CONTEXT, "bis")))
        when_row.addWidget(self.end_edit)
        when_row.addStretch(1)
        end_row.addWidget(QLabel(tr(_CONTEXT, "Ende am")))
        end_row.addWidget(self.end_date_edit)
        end_row.addStretch(1)
        when_lines.addLayout(when_row)
        when_lines.addLayout(end_row)
        # A problem of the end is framed, and the cursor put, in the end time; the row
        # around it took the focus and the keyboard's input went nowhere (found by a
        # tester). The number the date gives the meeting is framed in the date.
        self.errors.add_row(tr(_CONTEXT, "Termin"), "end", when, self.end_edit)
        self.errors.show_under(NUMBER_ORDER_FIELD, "end", self.date_edit)
        self.errors.add_row(tr(_CONTEXT, "Ort"), "place", self.place_edit)
        form.addRow(tr(_CONTEXT, "Raum"), self.room_edit)
        self.errors.add_row(tr(_CONTEXT, "Online-Link"), "online_link", self.link_edit)
        self.errors.add_row(tr(_CONTEXT, "Sitzungsleitung"), "chair", self.chair_combo)
        self.invitation_row = QWidget()
        invitation = QHBoxLayout(self.invitation_row)
        invitation.setContentsMargins(0, 0, 0, 0)
        invitation.addWidget(self.invitation_label)
        invitation.addWidget(self.invitation_button)
        invitation.addStretch(1)
        form.addRow(tr(_CONTEXT, "Einladung"), self.invitation_row)
        self.invitation_label.setAccessibleName(tr(_CONTEXT, "Einladung"))
        self._form = form
        self.show_invitation_row(False)  # until a meeting with one is shown
        self.errors.add_row(tr(_CONTEXT, "Notizen"), "notes", self.notes_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.save_button)
        fields = QWidget()
        inner = QVBoxLayout(fields)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.heading)
        inner.addWidget(self.hint)
        inner.addLayout(form)
        inner.addStretch(1)
        # A short window scrolls the fields; it never squeezes the notes to one line. The
        # messages about the whole meeting (holiday, overlap, a changed invitation) stay
        # in sight under it, not below the notes where a short window hides them.
        self.fields_scroll = plain_scroll_area(fields)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields_scroll, 1)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        SaveKeys(self, self.save_button)

    def focus_field(self, name: str) -> None:
        """Put the cursor in the field a minutes checklist line names ("date", "place": the
        online link where only it is given, as the line then shows it; "invitation_sent_on":
        "Versanddatum ändern …"); none for another."""
        fields = {
            "date": self.date_edit,
            "place": self.place_edit,
            "invitation_sent_on": self.invitation_button,
        }
        if name == "place" and not self.place_edit.text().strip() and self.link_edit.text():
            fields["place"] = self.link_edit
        if name in fields:
            fields[name].setFocus()

    def show_invitation_row(self, shown: bool) -> None:
        """The "Einladung" line only where an invitation went out."""
        self._form.setRowVisible(self.invitation_row, shown)

    def focus_first_field(self) -> bool:
        """Put the cursor in the first input that takes it (Art, unless the meeting only
        shows); whether one did."""
        for widget in self._inputs:
            if widget.isEnabled():
                widget.setFocus()
                return True
        return False
