"""The values in the "Sitzung" tab's widgets: a meeting's draft, notes and chair put into
them and read back, and the members offered as chair.

:class:`MeetingFields` adds this to the widgets (:mod:`~expertenrat.ui.meeting_form_view`);
:class:`~expertenrat.ui.meeting_form_merge.MeetingMerging` adds merging,
:class:`~expertenrat.ui.meeting_form.MeetingForm` reading and saving.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QTime

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.members import Member
from expertenrat.ui.i18n import tr
from expertenrat.ui.meeting_form_view import MeetingFormView
from expertenrat.ui.text_fields import show_text

_CONTEXT = "MeetingForm"


class MeetingFields(MeetingFormView):
    """The meeting form's widgets with what they show and hold."""

    def show_chairs(self, members: list[Member], day: date, chair: int | None) -> None:
        """Offer the ``members`` active on ``day`` as chair (and ``chair``, whatever its
        term) and choose ``chair``."""
        self.chair_combo.blockSignals(True)
        self.chair_combo.clear()
        self.chair_combo.addItem(tr(_CONTEXT, "– noch offen –"), None)
        for member in members:
            if member.is_active(day) or member.id == chair:
                self.chair_combo.addItem(member.full_name, member.id)
        self.chair_combo.setCurrentIndex(max(0, self.chair_combo.findData(chair)))
        self.chair_combo.blockSignals(False)

    def select_chair(self, membership_id: int | None) -> None:
        self.chair_combo.setCurrentIndex(max(0, self.chair_combo.findData(membership_id)))

    def chair_name(self, membership_id: int | None) -> str:
        index = self.chair_combo.findData(membership_id)
        return self.chair_combo.itemText(index) if membership_id is not None and index >= 0 else ""

    def fill(self, draft: MeetingDraft, notes: str) -> None:
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(draft.kind.value)))
        show_text(self.title_edit, draft.title)
        start, end = draft.start, draft.end
        self.date_edit.setDate(QDate(start.year, start.month, start.day))
        self.end_date_edit.setDate(QDate(end.year, end.month, end.day))
        self.start_edit.setTime(QTime(start.hour, start.minute))
        self.end_edit.setTime(QTime(end.hour, end.minute))
        show_text(self.place_edit, draft.place)
        show_text(self.room_edit, draft.room)
        show_text(self.link_edit, draft.online_link)
        self.notes_edit.setPlainText(notes)

    def follow_start_day(self, before: date, after: date) -> None:
        """The start's date moved from ``before`` to ``after``: the end's date moves along,
        so that a meeting over two days stays so and a one-day meeting on one day."""
        end_day: date = self.end_date_edit.date().toPython()
        self.end_date_edit.setDate(QDate(end_day + (after - before)))

    def draft(self) -> MeetingDraft:
        """The meeting as typed; times are the council's wall clock (naive)."""
        day: date = self.date_edit.date().toPython()
        end_day: date = self.end_date_edit.date().toPython()
        return MeetingDraft(
            MeetingKind(self.kind_combo.currentData()),
            datetime.combine(day, self.start_edit.time().toPython()),
            datetime.combine(end_day, self.end_edit.time().toPython()),
            self.title_edit.text(),
            self.place_edit.text(),
            self.room_edit.text(),
            self.link_edit.text(),
        )

    def notes(self) -> str:
        return self.notes_edit.toPlainText()

    def chair_id(self) -> int | None:
        return self.chair_combo.currentData()

    def entered(self) -> tuple:
        """Draft, notes and chair as typed."""
        return (self.draft(), self.notes(), self.chair_id())
