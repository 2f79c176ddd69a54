"""Taking postponed items up on a planned or invited meeting's agenda.

"Vertagte Punkte übernehmen …" of :mod:`ui.agenda_structure_bar` offers the items the
council postponed ("vertagt") or took off the agenda ("abgesetzt") in earlier meetings and
has not taken up again (:mod:`~expertenrat.services.postponed_items`), each a check box
saying which it was, all checked first; those
checked become new items with their title, project, presenter and public flag where a new
item goes (a sub-item under its parent's copy). With none waiting it says so.
"""

from __future__ import annotations

from expertenrat.domain.wording import shortened
from expertenrat.services.postponed_items import PostponedItem
from expertenrat.ui.agenda_addition import AgendaAddition, OfferTexts
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
        service = self._services.postponed_items
        texts = OfferTexts(
            tr(_CONTEXT, TITLE),
            tr(
                _CONTEXT,
                "Es warten keine vertagten oder abgesetzten Punkte aus früheren Sitzungen "
                "auf eine Tagesordnung.",
            ),
            tr(
                _CONTEXT,
                "Diese Punkte hat das Gremium in früheren Sitzungen vertagt oder von der "
                "Tagesordnung abgesetzt. Die gewählten werden neue Punkte dieser Tagesordnung; "
                "Titel, Projekt, Vortragende*r und „öffentlich“ werden übernommen:",
            ),
            tr(_CONTEXT, "Bitte wählen Sie einen Punkt."),
        )
        self._ask_checked(
            service.offered,
            texts,
            check_text,
            lambda meeting_id, chosen: service.take_up(meeting_id, [p.key for p in chosen]),
        )


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
