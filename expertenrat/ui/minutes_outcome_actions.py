"""Recording what became of the agenda item the minutes editor shows: dealt with
("beraten"), postponed ("vertagt") or taken off the agenda ("abgesetzt").

A choice in the item form's "Behandlung" is saved at once (one small UPDATE, as taking a
recommendation out is); the editor then rereads the minutes, so the item's line, its heading
and the completeness check show the mark. A refusal (the minutes approved meanwhile, another
PC set another outcome) is said in German and the editor shows what is stored ("… wurde
inzwischen an einem anderen PC geändert; angezeigt ist jetzt der gespeicherte Stand.").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from expertenrat.domain.enums import AgendaItemOutcome
from expertenrat.domain.errors import ConcurrentEditError, ExpertenratError
from expertenrat.domain.minutes import ItemMinutes
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr

_CONTEXT = "MinutesEditor"

SetOutcome = Callable[[int, AgendaItemOutcome, AgendaItemOutcome], None]


class OutcomeActions:
    def __init__(
        self,
        parent: QWidget,
        dialogs: DialogService,
        set_outcome: SetOutcome,
        current_item: Callable[[], ItemMinutes | None],
        refresh: Callable[[], None],
    ) -> None:
        self._parent = parent
        self._dialogs = dialogs
        self._set_outcome = set_outcome
        self._current_item = current_item
        self._refresh = refresh

    def choose(self, outcome: AgendaItemOutcome) -> None:
        item = self._current_item()
        if item is None or outcome is item.outcome:
            return
        try:
            self._set_outcome(item.item_id, outcome, item.outcome)
        except ExpertenratError as error:
            self._refresh()  # what is stored
            self._dialogs.warning(
                self._parent, tr(_CONTEXT, "Behandlung"), self._refused(item, error)
            )
            return
        self._refresh()  # the mark

    def _refused(self, item: ItemMinutes, error: ExpertenratError) -> str:
        """Why the choice for ``item`` was refused, read after the reread: another PC set
        another outcome meanwhile, which the form shows now (a reload is no longer asked
        for), else the error's own words."""
        shown = self._current_item()
        if (
            not isinstance(error, ConcurrentEditError)
            or shown is None
            or shown.outcome is item.outcome
        ):
            return error.message
        return tr(
            _CONTEXT,
            "Die Behandlung von TOP {number} wurde inzwischen an einem anderen PC geändert; "
            "angezeigt ist jetzt der gespeicherte Stand.",
        ).format(number=item.number)
