"""The line under the agenda tree: when the time plan ends ("Geplantes Ende: 18:45 Uhr (165
Minuten)"), as a warning where it runs past the meeting's planned end, which the
invitation promises ("… – 15 Minuten nach dem Ende der Sitzung (18:30 Uhr)")."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from PySide6.QtWidgets import QLabel

from expertenrat.domain.agenda import Agenda, AgendaItem, PlacedItem, end_time
from expertenrat.ui.form_errors import plain_message, set_message_kind
from expertenrat.ui.i18n import tr

_CONTEXT = "AgendaEditor"


class AgendaEndLabel(QLabel):
    def show_plan(
        self, agenda: Agenda | None, items: Sequence[AgendaItem], placed: Sequence[PlacedItem]
    ) -> None:
        """The end of ``agenda``'s time plan with ``items`` as shown (typed minutes too),
        ``placed`` in agenda order; empty without an agenda or items."""
        if agenda is None or not placed:
            self.clear()
            plain_message(self)
            return
        minutes = sum(p.item.planned_minutes for p in placed)
        end = end_time(items, agenda.starts_at)
        text = tr(_CONTEXT, "Geplantes Ende: {end} Uhr ({minutes})").format(
            end=end.strftime("%H:%M"), minutes=_minutes(minutes)
        )
        over = agenda.ends_at is not None and end > agenda.ends_at
        if over:  # the invitation promises the meeting's end; the plan runs past it
            text += tr(_CONTEXT, " – {over} nach dem Ende der Sitzung ({ends} Uhr)").format(
                over=_minutes((end - agenda.ends_at) // timedelta(minutes=1)),
                ends=f"{agenda.ends_at:%H:%M}",
            )
        self.setText(text)
        if over:
            set_message_kind(self, warning=True)
        else:
            plain_message(self)


def _minutes(count: int) -> str:
    """ "1 Minute", "145 Minuten"."""
    return tr(_CONTEXT, "1 Minute") if count == 1 else tr(_CONTEXT, "{} Minuten").format(count)
