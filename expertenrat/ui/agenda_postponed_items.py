"""Taking postponed items up on a planned or invited meeting's agenda.

"Vertagte Punkte übernehmen …" of :mod:`ui.agenda_structure_bar` offers the items the
council postponed ("vertagt") or took off the agenda ("abgesetzt") in earlier meetings and
has not taken up again (:mod:`~expertenrat.services.postponed_items`), each a check box
saying which it was, all checked first; those
checked become new items with their title, project, presenter and public flag where a new
item goes (a sub-item under its parent's copy). With none waiting it says so.
"""

from __future__ import annotations

from collections.abc import Sequence

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.wording import shortened
from expertenrat.services.postponed_items import PostponedItem
from expertenrat.ui.agenda_addition import AgendaAddition
from expertenrat.ui.i18n import tr

_CONTEXT = "AgendaEditor"
TITLE = "Vertagte Punkte übernehmen"
POSTPONED_TOOLTIP = (
    "Punkte, die das Gremium in einer früheren Sitzung vertagt oder von der Tagesordnung "
    "abgesetzt hat, in diese Tagesordnung übernehmen"
)


class PostponedItemsQuestion(AgendaAddition):
    """Asks which postponed items to take up and stores them; hands the stored agenda to
    ``stored`` and the key of the first new item to ``added``, or calls ``refused``."""

    def ask(self) -> None:
        if self._agenda() is None or not self._save_pending():
            return
        shown = self._agenda()
        assert shown is not None
        try:
            offered = self._services.postponed_items.offered(shown.meeting_id)
        except ExpertenratError as error:
            self._dialogs.warning(self._parent, tr(_CONTEXT, "Tagesordnung"), error.message)
            return
        if not offered:
            self._dialogs.information(
                self._parent,
                tr(_CONTEXT, TITLE),
                tr(
                    _CONTEXT,
                    "Es warten keine vertagten oder abgesetzten Punkte aus früheren Sitzungen "
                    "auf eine Tagesordnung.",
                ),
            )
            return
        self._dialogs.ask_checks(
            self._parent,
            tr(_CONTEXT, TITLE),
            tr(
                _CONTEXT,
                "Diese Punkte hat das Gremium in früheren Sitzungen vertagt oder von der "
                "Tagesordnung abgesetzt. Die gewählten werden neue Punkte dieser Tagesordnung; "
                "Titel, Projekt, Vortragende*r und „öffentlich“ werden übernommen:",
            ),
            ([check_text(item) for item in offered], tr(_CONTEXT, "Bitte wählen Sie einen Punkt.")),
            lambda checked: self._store([offered[i].key for i in checked]),
        )

    def _store(self, keys: Sequence[int]) -> None:
        shown = self._agenda()
        if shown is None:
            return
        known = {i.key for i in shown.items}
        try:
            agenda = self._services.postponed_items.take_up(shown.meeting_id, keys)
        except ExpertenratError as error:
            self._refuse(error)
            return
        self._hand_on(agenda, known)


def check_text(item: PostponedItem) -> str:
    """ "TOP 3.1 der 5. Sitzung (abgesetzt): Datenschutz (nichtöffentlich)", the title cut
    at 100."""
    text = tr(_CONTEXT, "TOP {number} {meeting} ({outcome}): {title}").format(
        number=item.number,
        meeting=item.meeting,
        outcome=item.outcome.label,
        title=shortened(item.title, 100),
    )
    if not item.public:
        text += " " + tr(_CONTEXT, "(nichtöffentlich)")
    return text
