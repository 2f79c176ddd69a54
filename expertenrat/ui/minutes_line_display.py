"""What the right side of the minutes editor shows for a line of its list.

The line "Kopfdaten" shows the header form with the members who may chair and the
meeting's quorum line, an agenda item the item form with that item's quorum line; both
from the attendance (read again with the minutes, :meth:`MinutesLineDisplay.read_attendance`).
The same split by key kind renders a payload readably for the autosave's questions
(:meth:`describer`), names a line (:meth:`label_of`) and shows a chosen payload
(:meth:`show_payload`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt

from expertenrat.domain.enums import AttendanceStatus, MinutesStyle
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.minutes import Minutes
from expertenrat.services.context import Services
from expertenrat.ui.i18n import tr
from expertenrat.ui.minutes_editor_view import MinutesEditorView
from expertenrat.ui.minutes_header_form import header_payload, header_text
from expertenrat.ui.minutes_item_form import texts_payload, texts_text

_CONTEXT = "MinutesEditor"


class MinutesLineDisplay:
    def __init__(
        self,
        view: MinutesEditorView,
        services: Services,
        minutes: Callable[[], Minutes | None],
    ) -> None:
        """``minutes()`` are the minutes shown."""
        self._view = view
        self._services = services
        self._minutes = minutes
        self._presence: dict[int, str] = {}
        self._away: dict[int, AttendanceStatus] = {}  # recorded entschuldigt or abwesend

    def read_attendance(self, meeting_id: int) -> None:
        """The quorum line of the meeting (key 0) and of each item, from the attendance;
        who is recorded as not present (``_away``)."""
        self._presence, self._away = {}, {}
        try:
            sheet = self._services.attendance.sheet(meeting_id)
        except ExpertenratError:
            return
        self._away = {
            e.membership_id: e.status
            for e in sheet.entries
            if e.status is not None and e.status is not AttendanceStatus.PRESENT
        }
        if sheet.unrecorded:  # no quorum to state yet, only that (as Anwesenheit says)
            self._presence = {0: sheet.quorum_statement}
            for quorum in sheet.item_quorums:
                self._presence[quorum.item.id] = sheet.item_statement(quorum)
            return
        according = tr(_CONTEXT, "Laut Anwesenheit: {}")
        self._presence = {0: according.format(sheet.meeting_quorum.statement)}
        for quorum in sheet.item_quorums:
            self._presence[quorum.item.id] = according.format(quorum.quorum.statement)

    def show(self, key: str, newer: dict | None) -> None:
        """The form of the line ``key``, with ``newer`` text than the minutes as read if
        there is any (typed and not saved yet, or saved since they were read)."""
        minutes, view = self._minutes(), self._view
        if minutes is None:
            return
        if key.startswith("header:"):
            choices = self._chair_choices(minutes)
            quorum = self._presence.get(0, "")
            payload = newer or header_payload(minutes.header)
            view.header_form.show_header(payload, choices, quorum)
            view.pages.setCurrentWidget(view.header_form)
            view.phrase_button.setEnabled(False)
            return
        item = minutes.item(int(key.partition(":")[2]))
        payload = newer or texts_payload(item.texts)
        view.item_form.votes.set_members(self._candidates(minutes))
        view.item_form.show_item(item, self._presence.get(item.item_id, ""), payload)
        view.pages.setCurrentWidget(view.item_form)
        view.phrase_button.setEnabled(not minutes.frozen)

    def _chair_choices(self, minutes: Minutes) -> list[tuple[int, str]]:
        """The members who may chair: those active on the day, the ones the attendance
        records as entschuldigt or abwesend after the others and marked so (the checklist
        reports such a chair as missing); the stored chair always, even if excused."""
        day, stored = minutes.meeting_day, minutes.header.chair_membership_id
        members = [
            m
            for m in self._services.members.members(minutes.council_id)
            if m.is_active(day) or m.id == stored
        ]
        members.sort(key=lambda m: m.id in self._away)  # stable: the service's order else
        return [
            (
                m.id,
                f"{m.full_name} – {self._away[m.id].label}" if m.id in self._away else m.full_name,
            )
            for m in members
        ]

    def _candidates(self, minutes: Minutes) -> list[tuple[int, str]]:
        """The members offered as persons who stood in an election: those active on the day."""
        return [
            (m.id, m.full_name)
            for m in self._services.members.members(minutes.council_id)
            if m.is_active(minutes.meeting_day)
        ]

    def show_payload(self, key: str, payload: dict) -> None:
        """``payload`` in the form, if the line ``key`` is the one shown."""
        if self._view.items.current_key() != key:
            return
        if key.startswith("header:"):
            self._view.header_form.show_payload(payload)
        else:
            self._view.item_form.show_payload(payload)

    def describer(self, key: str) -> Callable[[dict], str]:
        """How a payload of the line ``key`` reads in a question."""
        if key.startswith("header:"):
            chairs = self._view.header_form.chair_names()
            return lambda payload: header_text(payload, chairs)
        minutes = self._minutes()
        style = minutes.style if minutes is not None else MinutesStyle.RESULTS
        return lambda payload: texts_text(payload, style)

    def label_of(self, key: str) -> str:
        line = self._view.items.line(key)
        if line is not None:
            return str(line.data(Qt.ItemDataRole.UserRole + 1)).strip("\u2068\u2069")
        return key
