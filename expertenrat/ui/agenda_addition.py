"""What the questions that add items to an agenda from the Tagesordnung's button row share
(:mod:`ui.agenda_urgent_item`, :mod:`ui.agenda_postponed_items`): the shown agenda, saving a
pending form first, and handing the stored agenda and its first new item on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from expertenrat.domain.agenda import Agenda
from expertenrat.domain.errors import ExpertenratError
from expertenrat.services.context import Services
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr

_CONTEXT = "AgendaEditor"


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

    def _hand_on(self, agenda: Agenda, known: set[int]) -> None:
        """Hand on the stored ``agenda`` and its first item whose key is not ``known``."""
        self._stored(agenda, None)
        self._added(next((i.key for i in agenda.items if i.key not in known), None))

    def _refuse(self, error: ExpertenratError) -> None:
        """Say why the agenda was not changed and call ``refused``."""
        self._dialogs.warning(self._parent, tr(_CONTEXT, "Tagesordnung"), error.message)
        self._refused()
