"""Recording what became of the agenda item the minutes editor shows: dealt with
("beraten"), postponed ("vertagt") or taken off the agenda ("abgesetzt").

A choice in the open list of the item form's "Behandlung" is saved at once (one small UPDATE,
as taking a recommendation out is). A step of the closed combo by the arrow keys is pending
and saved once, with one entry in the history: when the focus leaves the combo, before
another item is shown, on the editor's flush or reread, or ``DELAY_MS`` after the last step,
whichever comes first (saved at each step, the walk from "beraten" to "abgesetzt" stored
"vertagt" on the way); a walk back to the stored one saves nothing. After a save the editor
rereads the minutes, so the item's line, its heading and the completeness check show the
mark. Where the save put the approval of minutes on a later agenda, a message says so
("„Genehmigung des Protokolls der 5. Sitzung“ wurde als TOP 4 in die Tagesordnung der 7.
Sitzung aufgenommen. TOP 5 heißt jetzt „Genehmigung des Protokolls der 6. Sitzung“.").
A refusal (the minutes approved meanwhile, another PC set another outcome) is said in
German and the editor shows what is stored ("… wurde inzwischen an einem anderen PC
geändert; angezeigt ist jetzt der gespeicherte Stand.").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from expertenrat.domain.enums import AgendaItemOutcome
from expertenrat.domain.errors import ConcurrentEditError, ExpertenratError
from expertenrat.domain.minutes import ItemMinutes, Minutes
from expertenrat.ui.autosave import DELAY_MS
from expertenrat.ui.autosave_saves import single_shot
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr

_CONTEXT = "MinutesEditor"

SetOutcome = Callable[[int, AgendaItemOutcome, AgendaItemOutcome], str]


class OutcomeActions:
    def __init__(
        self,
        parent: QWidget,
        dialogs: DialogService,
        set_outcome: SetOutcome,
        minutes: Callable[[], Minutes | None],
        refresh: Callable[[], None],
        stored: Callable[[int], None],
    ) -> None:
        """``stored(item_id)`` follows a save, for what else shows the minutes."""
        self._parent = parent
        self._dialogs = dialogs
        self._set_outcome = set_outcome
        self._minutes = minutes
        self._refresh = refresh
        self._stored = stored
        self._pending: tuple[ItemMinutes, AgendaItemOutcome] | None = None
        self._timer = single_shot(parent, DELAY_MS, self.commit)

    def choose(self, item_id: int | None, outcome: AgendaItemOutcome) -> None:
        """A choice in the open list: saved at once (over a step still pending)."""
        self._drop_pending()
        item = self._item(item_id)
        if item is not None:
            self._save(item, outcome)

    def step(self, item_id: int | None, outcome: AgendaItemOutcome) -> None:
        """A step of the closed combo: pending until :meth:`commit` (at the latest after
        ``DELAY_MS`` without another step)."""
        item = self._item(item_id)
        if item is None:
            return
        self._pending = (item, outcome)  # the item as read: nothing saved since the first step
        self._timer.start()

    def commit(self) -> None:
        """Save the step pending, if any, for the item it was made on."""
        pending = self._pending
        self._drop_pending()
        if pending is not None:
            self._save(*pending)

    def idle(self) -> bool:
        """No step waits to be saved."""
        return self._pending is None

    def _item(self, item_id: int | None) -> ItemMinutes | None:
        """The item as last read (``None``: no longer there, or no minutes shown)."""
        minutes = self._minutes()
        items = minutes.items if minutes is not None else ()
        return next((item for item in items if item.item_id == item_id), None)

    def _drop_pending(self) -> None:
        self._pending = None
        self._timer.stop()

    def _save(self, item: ItemMinutes, outcome: AgendaItemOutcome) -> None:
        if outcome is item.outcome:
            return
        try:
            note = self._set_outcome(item.item_id, outcome, item.outcome)
        except ExpertenratError as error:
            self._refresh()  # what is stored
            self._dialogs.warning(
                self._parent, tr(_CONTEXT, "Behandlung"), self._refused(item, error)
            )
            return
        self._refresh()  # the mark
        self._stored(item.item_id)
        if note:  # in the service's German words
            self._dialogs.information(self._parent, tr(_CONTEXT, "Behandlung"), note)

    def _refused(self, item: ItemMinutes, error: ExpertenratError) -> str:
        """Why the choice for ``item`` was refused, read after the reread: another PC set
        another outcome meanwhile, which the form shows now (a reload is no longer asked
        for), else the error's own words."""
        shown = self._item(item.item_id)
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
