"""The question for an urgent item (Dringlichkeitsantrag) of a held meeting.

"Dringlichkeitsantrag …" of :mod:`ui.agenda_structure_bar` asks for the title of an item
the council takes up at the meeting and where it goes: before a closing "Verschiedenes",
else at the end, or before another top-level item. A title refused (none, too long) is
asked for again with what was typed; another refusal shows its German reason.
"""

from __future__ import annotations

from collections.abc import Sequence

from expertenrat.domain.agenda import AgendaItem, children_by_parent, numbers
from expertenrat.domain.agenda_placement import closing_item
from expertenrat.domain.enums import AgendaItemKind
from expertenrat.domain.errors import ExpertenratError, ValidationError
from expertenrat.domain.wording import shortened
from expertenrat.ui.agenda_addition import AgendaAddition
from expertenrat.ui.i18n import tr

_CONTEXT = "AgendaEditor"
URGENT_TOOLTIP = (
    "Einen Punkt, den das Gremium in der Sitzung aufnimmt, der Tagesordnung hinzufügen "
    "(solange das Protokoll ein offener Entwurf ist)"
)


class UrgentItemQuestion(AgendaAddition):
    """Asks for an urgent item and stores it; hands the stored agenda to ``stored`` (with
    no item to select) and the new item's key to ``added``, or calls ``refused``."""

    def ask(self, title: str = "") -> None:
        """Ask for the title of an urgent item (offering ``title``) and where it goes:
        before the closing "Verschiedenes" where the agenda ends with it
        (``domain.agenda_placement.closing_item``), else at the end, or before another top-level
        item."""
        if self._agenda() is None or not self._save_pending():
            return
        shown = self._agenda()  # a saved form gave it a new version
        closing = closing_item(shown.items) if shown is not None else None
        self._ask(title, closing.key if closing is not None else None)

    def _ask(self, title: str, before: int | None) -> None:
        """The question of :meth:`ask`, ``before`` chosen first (None: the end)."""
        shown = self._agenda()
        if shown is None:
            return
        places = urgent_places(shown.items)
        keys = [key for key, _text in places]
        self._dialogs.ask_text_and_choice(
            self._parent,
            tr(_CONTEXT, "Dringlichkeitsantrag"),
            tr(
                _CONTEXT,
                "Titel des Punkts, um den das Gremium die Tagesordnung in der Sitzung "
                "erweitert (die Punkte nach ihm werden neu nummeriert):",
            ),
            title,
            (
                tr(_CONTEXT, "Stelle"),
                [text for _key, text in places],
                keys.index(before) if before in keys else len(keys) - 1,
            ),
            lambda text, index: self._store(text, keys[index] if index >= 0 else None),
        )

    def _store(self, title: str, before: int | None) -> None:
        shown = self._agenda()
        if shown is None:
            return
        item = AgendaItem(0, title, kind=AgendaItemKind.CONSULTATION)
        known = {i.key for i in shown.items}
        try:
            agenda = self._services.agenda.add_urgent(shown.meeting_id, item, before)
        except ExpertenratError as error:
            if isinstance(error, ValidationError) and any(
                p.field == "title" for p in error.problems
            ):  # a title refused (none, too long): asked again with what was typed
                self._dialogs.warning(
                    self._parent,
                    tr(_CONTEXT, "Dringlichkeitsantrag"),
                    error.message,
                    on_closed=lambda: self._ask(title, before),
                )
                return
            self._refuse(error)
            return
        self._hand_on(agenda, known)


def urgent_places(items: Sequence[AgendaItem]) -> list[tuple[int | None, str]]:
    """Where an urgent item may go: before each top-level item ("vor TOP 8
    „Verschiedenes“", by its key), or at the end (``None``)."""
    by_number = numbers(items)
    places: list[tuple[int | None, str]] = [
        (
            item.key,
            tr(_CONTEXT, "vor TOP {number} „{title}“").format(
                number=by_number[item.key], title=shortened(item.title, 80)
            ),
        )
        for item in children_by_parent(items).get(None, [])
    ]
    return [*places, (None, tr(_CONTEXT, "am Ende der Tagesordnung"))]
