"""What the questions that add items to an agenda from the Tagesordnung's button row share
(:mod:`ui.agenda_urgent_item`, :mod:`ui.agenda_postponed_items`): the shown agenda, saving a
pending form first, and handing the stored agenda and its first new item on."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from expertenrat.domain.agenda import Agenda
from expertenrat.domain.errors import ExpertenratError
from expertenrat.services.context import Services
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr

_CONTEXT = "AgendaEditor"
Offer = TypeVar("Offer")


@dataclass(frozen=True, slots=True)
class OfferTexts:
    """What a question offering things for an agenda says (translated)."""

    title: str
    none_waiting: str  # nothing to offer
    label: str  # above the check boxes
    none_checked: str  # "OK" with none checked


class AgendaAddition:
    """Asks for items to add to the ``agenda`` shown (after ``save_pending`` saved a form);
    hands the stored agenda to ``stored`` (with no item to select) and the key of the first
    new item to ``added``, or calls ``refused``."""

    def __init__(
        self,
        parent: QWidget,
        services: Services,
        dialogs: DialogService,
        agenda: Callable[[], Agenda | None],
        save_pending: Callable[[], bool],
        *,
        stored: Callable[[Agenda, int | None], None],
        refused: Callable[[], None],
        added: Callable[[int | None], None],
    ) -> None:
        self._parent = parent
        self._services = services
        self._dialogs = dialogs
        self._agenda = agenda
        self._save_pending = save_pending
        self._stored = stored
        self._refused = refused
        self._added = added

    def _ask_checked(
        self,
        read: Callable[[int], Sequence[Offer]],
        texts: OfferTexts,
        shown_as: Callable[[Offer], str],
        store: Callable[[int, list[Offer]], Agenda],
    ) -> None:
        """Offer what ``read`` offers the agenda shown (after saving a pending form), each
        a check box ``shown_as`` names, all checked first, and ``store`` those checked;
        where nothing is offered, or it cannot be read, say why."""
        if self._agenda() is None or not self._save_pending():
            return
        shown = self._agenda()
        assert shown is not None
        try:
            offered = read(shown.meeting_id)
        except ExpertenratError as error:  # its meeting deleted elsewhere: the editor rereads
            self._refuse(error)
            return
        if not offered:
            self._dialogs.information(self._parent, texts.title, texts.none_waiting)
            return
        self._dialogs.ask_checks(
            self._parent,
            texts.title,
            texts.label,
            ([shown_as(o) for o in offered], texts.none_checked),
            lambda checked: self._store_by(
                lambda meeting_id: store(meeting_id, [offered[i] for i in checked])
            ),
        )

    def _store_by(self, change: Callable[[int], Agenda]) -> None:
        """Store ``change`` of the agenda shown (given its meeting) and hand the stored
        agenda on, or say why it was refused."""
        shown = self._agenda()
        if shown is None:
            return
        known = {i.key for i in shown.items}
        try:
            agenda = change(shown.meeting_id)
        except ExpertenratError as error:
            self._refuse(error)
            return
        self._hand_on(agenda, known)

    def _hand_on(self, agenda: Agenda, known: set[int]) -> None:
        """Hand on the stored ``agenda`` and its first item whose key is not ``known``."""
        self._stored(agenda, None)
        self._added(next((i.key for i in agenda.items if i.key not in known), None))

    def _refuse(self, error: ExpertenratError) -> None:
        """Say why the agenda was not changed and call ``refused``."""
        self._dialogs.warning(self._parent, tr(_CONTEXT, "Tagesordnung"), error.message)
        self._refused()
