"""What the agenda item form offers to choose (:mod:`ui.agenda_editor`): the council's
projects, the templates for the meeting and the members, read once per meeting."""

from __future__ import annotations

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

    def load(self, council_id: int, meeting_id: int | None) -> None:
        # Per meeting: the templates offer corrections of the minutes approved before it.
        if (council_id, meeting_id) == self._loaded_for:
            return
        self._form.set_choices(
            self._services.agenda.projects(council_id),
            self._services.agenda.templates(council_id, meeting_id),
            # In the members' order (name_sort_key: "Dr. Eva Dahl" under D, "von Hohenzollern"
            # under H), not by the shown name, which starts with titles and given names.
            [m.full_name for m in self._services.members.members(council_id)],
        )
        self._loaded_for = (council_id, meeting_id)
