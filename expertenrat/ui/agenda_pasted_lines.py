"""An agenda pasted whole into one item's title ("1. Begrüßung", "2. Genehmigung …" on lines
of their own) became the one title "Begrüßung 2. Genehmigung …" (found by a tester). Now the
paste asks "Als 3 Punkte einfügen?": "Ja" gives the item the first line's title and adds an
item after it for each other line, numbers and bullets left out
(:func:`~expertenrat.domain.pasted_agenda_titles.agenda_lines`), in one transaction
(``AgendaService.add_lines``); "Nein" pastes it as one title, as before. Where the agenda
may take no items (approved minutes, a held or cancelled meeting), a warning says why and
nothing is pasted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from expertenrat.domain.agenda import Agenda, AgendaItem
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.pasted_agenda_titles import agenda_lines
from expertenrat.services.context import Services
from expertenrat.ui.agenda_editor_view import refusal
from expertenrat.ui.agenda_item_form import AgendaItemForm
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr

_CONTEXT = "AgendaEditor"


class PastedAgendaLines:
    """Offers the items of an agenda pasted into the title of ``form`` (the item shown in
    ``agenda()``); saves typed input first (``save_pending``), hands the stored agenda and
    the item pasted into to ``stored``, or calls ``refused`` after saying why."""

    def __init__(
        self,
        parent: QWidget,
        services: Services,
        dialogs: DialogService,
        form: AgendaItemForm,
        agenda: Callable[[], Agenda | None],
        save_pending: Callable[[], bool],
        *,
        stored: Callable[[Agenda, int | None], None],
        refused: Callable[[], None],
    ) -> None:
        self._parent = parent
        self._services = services
        self._dialogs = dialogs
        self._form = form
        self._agenda = agenda
        self._save_pending = save_pending
        self._stored = stored
        self._refused = refused
        form.title_edit.paste_offer = self.offer

    def offer(self, text: str) -> bool:
        """Whether ``text``, pasted into the title, is taken here (an agenda's lines)."""
        titles, item, shown = agenda_lines(text), self._form.stored(), self._agenda()
        if not titles or item is None or shown is None:
            return False
        count = len(titles)
        why = refusal(shown)
        if why is not None:
            message = tr(
                _CONTEXT,
                "Der eingefügte Text hat {count} Zeilen einer Tagesordnung. Als einzelne "
                "Punkte lassen sie sich hier nicht einfügen: {why}",
            )
            self._warn(message.format(count=count, why=why))
            return True
        question = tr(
            _CONTEXT,
            "Der eingefügte Text hat {count} Zeilen einer Tagesordnung. Als {count} Punkte "
            "einfügen?\n\nDieser Punkt erhält den Titel „{first}“, jede weitere Zeile wird ein "
            "neuer Punkt nach ihm. „Nein“ fügt den Text als einen Titel ein.",
        ).format(count=count, first=titles[0])
        self._dialogs.question(
            self._parent,
            tr(_CONTEXT, "Tagesordnung einfügen"),
            question,
            lambda: self._add(item, titles),
            lambda: self._form.title_edit.insert_pasted(text, offered=False),
        )
        return True

    def _add(self, item: AgendaItem, titles: list[str]) -> None:
        if not self._save_pending():
            return  # the typed input could not be saved: the form says why
        current = self._form.stored()
        if current is None or current.key != item.key:
            return
        try:
            agenda = self._services.agenda.add_lines(current.key, current.version, titles)
        except ExpertenratError as error:
            self._warn(error.message)
            self._refused()
            return
        self._stored(agenda, current.key)

    def _warn(self, message: str) -> None:
        self._dialogs.warning(self._parent, tr(_CONTEXT, "Tagesordnung"), message)
