"""What the agenda item form offers to choose (:mod:`ui.agenda_editor`): the council's
projects, the templates for the meeting and the members serving on its day, read once per
meeting."""

from __future__ import annotations

from expertenrat.domain.agenda import Agenda
from expertenrat.services.context import Services
from expertenrat.ui.agenda_item_form import AgendaItemForm


class AgendaFormChoices:
    def __init__(self, services: Services, form: AgendaItemForm) -> None:
        self._services = services
        self._form = form
        self._loaded_for: tuple[int, int | None] | None = None

    def forget(self) -> None:
        """Read them anew on the next :meth:`load` (changed elsewhere, perhaps)."""
        self._loaded_for = None

    def load(self, agenda: Agenda) -> None:
        # Per meeting: the templates offer corrections of the minutes approved before it.
        council_id, meeting_id = agenda.council_id, agenda.meeting_id
        if (council_id, meeting_id) == self._loaded_for:
            return
        day = agenda.starts_at.date()
        self._form.set_choices(
            self._services.agenda.projects(council_id),
            self._services.agenda.templates(council_id, meeting_id),
            # In the members' order (name_sort_key: "Dr. Eva Dahl" under D, "von Hohenzollern"
            # under H), not by the shown name, which starts with titles and given names. Only
            # those whose term covers the meeting's day: after ten years a council has had
            # forty members and more, most long gone (found by a tester); another name may
            # still be typed.
            [m.full_name for m in self._services.members.members(council_id) if m.is_active(day)],
        )
        self._loaded_for = (council_id, meeting_id)
