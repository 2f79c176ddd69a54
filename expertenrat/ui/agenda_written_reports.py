"""Reporting recommendations adopted in writing (Umlaufverfahren) on a planned or invited
meeting's agenda.

"Umlaufbeschlüsse berichten …" of :mod:`ui.agenda_structure_bar` offers the
recommendations adopted in writing up to the meeting's day that no agenda reports yet
(:mod:`~expertenrat.services.written_procedures`), each a check box, all checked first;
those checked are reported by the item "Bericht über die im Umlaufverfahren gefassten
Beschlüsse" (the one the agenda has, else a new one), under which the minutes name them.
With none waiting it says so.
"""

from __future__ import annotations

from expertenrat.domain.wording import shortened
from expertenrat.domain.written_procedures import WrittenDecision
from expertenrat.ui.agenda_addition import AgendaAddition, OfferTexts
from expertenrat.ui.i18n import tr

_CONTEXT = "AgendaEditor"
TITLE = "Umlaufbeschlüsse berichten"
WRITTEN_TOOLTIP = (
    "Einen Punkt „Bericht über die im Umlaufverfahren gefassten Beschlüsse“ anlegen, der die "
    "zwischen den Sitzungen schriftlich beschlossenen Empfehlungen nennt"
)


class WrittenReportQuestion(AgendaAddition):
    """Asks which written decisions to report and stores the item reporting them."""

    def ask(self) -> None:
        service = self._services.written_procedures
        texts = OfferTexts(
            tr(_CONTEXT, TITLE),
            tr(
                _CONTEXT,
                "Es warten keine im Umlaufverfahren beschlossenen Empfehlungen auf einen "
                "Bericht in einer Sitzung.",
            ),
            tr(
                _CONTEXT,
                "Diese Empfehlungen wurden zwischen den Sitzungen im Umlaufverfahren "
                "beschlossen. Der Punkt „Bericht über die im Umlaufverfahren gefassten "
                "Beschlüsse“ berichtet die gewählten (der schon vorhandene, sonst ein neuer); "
                "das Protokoll nennt sie mit dem Ergebnis:",
            ),
            tr(_CONTEXT, "Bitte wählen Sie eine Empfehlung."),
        )
        self._ask_checked(
            service.offered,
            texts,
            decision_text,
            lambda meeting_id, chosen: service.report(meeting_id, [d.key for d in chosen]),
        )


def decision_text(decision: WrittenDecision) -> str:
    """ "E-2026-07 Offene Daten (beschlossen am 27.03.2026)", the title cut at 100."""
    return tr(_CONTEXT, "{code} {title} (beschlossen am {day})").format(
        code=decision.code,
        title=shortened(decision.title, 100),
        day=f"{decision.adopted_on:%d.%m.%Y}",
    )
