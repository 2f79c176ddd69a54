"""The register's steps taken by answering one question: a new due date (with a hint
where it falls on a weekend or holiday of the council's Land), withdrawing (both through
the dialog service) and a sending corrected (:mod:`~expertenrat.ui.
sending_correction_dialog`). A refusal shows as a warning; where another PC changed the
recommendation meanwhile, the question comes again with what was given and says so. A
stored step (or a refused one) calls ``stored`` with the recommendation's id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import ConcurrentEditError, ExpertenratError
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.working_days import closed_day_note
from expertenrat.services.context import Services
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.sending_correction_dialog import SendingCorrectionDialog

_CONTEXT = "RecommendationQuestions"


@dataclass(frozen=True, slots=True)
class RecommendationQuestions:
    parent: QWidget  # of the questions and warnings
    services: Services
    dialogs: DialogService
    today: Callable[[], date]
    stored: Callable[[int], None]
    bundesland: Callable[[], str]  # the council's, whose holidays a due date is checked on

    def change_due_date(
        self, row: RecommendationRow, typed: date | None = None, changed: str = ""
    ) -> None:
        """Ask for the new due date and set it; ``typed``: the date chosen before,
        ``changed``: a sentence saying that another PC changed the recommendation since
        (asked again)."""
        self.dialogs.ask_date(
            self.parent,
            tr(_CONTEXT, "Frist ändern"),
            changed + tr(_CONTEXT, "Neue Frist für die Stellungnahme zu {}:").format(row.code),
            typed or row.due_on or self.today(),
            lambda due_on: self._set_due_date(row, due_on),
            self._day_off_hint,
        )

    def _day_off_hint(self, day: date) -> str:
        """ "Der 25.12.2026 ist ein Feiertag (Erster Weihnachtstag)." as the send dialog
        says it; a hint only, the date is set as chosen."""
        note = closed_day_note(day, self.bundesland())
        return f"{note[0].upper()}{note[1:]}." if note else ""

    def _set_due_date(self, row: RecommendationRow, due_on: date) -> None:
        """Set ``due_on`` on ``row``; refused because another PC changed it meanwhile, the
        question comes again with the date chosen."""

        def ask_again(now: RecommendationRow) -> None:
            due = (
                now.due_on.strftime("%d.%m.%Y") if now.due_on is not None else tr(_CONTEXT, "keine")
            )
            changed = tr(
                _CONTEXT,
                "Die Empfehlung {code} wurde inzwischen von jemand anderem geändert (Stand "
                "jetzt: {status}, Frist {due}); Ihr Datum ist erhalten.\n",
            ).format(code=now.code, status=now.status.label, due=due)
            self.change_due_date(now, due_on, changed)

        self._asked_step(
            row,
            lambda: self.services.recommendations.set_due_date(
                row.id, row.version, due_on, self.today()
            ),
            ask_again,
        )

    def withdraw(self, row: RecommendationRow, note: str = "", changed: str = "") -> None:
        """Ask why and withdraw; ``note``: the reason typed before, ``changed``: a sentence
        saying that another PC changed the recommendation since (asked again)."""
        self.dialogs.ask_text(
            self.parent,
            tr(_CONTEXT, "Empfehlung zurückziehen"),
            changed + tr(_CONTEXT, "Warum wird {} zurückgezogen?").format(row.code),
            note,
            lambda note: self._withdraw(row, note),
        )

    def _withdraw(self, row: RecommendationRow, note: str) -> None:
        """Withdraw ``row``; refused because another PC changed it meanwhile, the question
        comes again with the reason typed."""

        def ask_again(now: RecommendationRow) -> None:
            changed = tr(
                _CONTEXT,
                "Die Empfehlung {code} wurde inzwischen von jemand anderem geändert (Stand "
                "jetzt: {status}); Ihre Begründung ist erhalten.\n",
            ).format(code=now.code, status=now.status.label)
            self.withdraw(now, note, changed)

        self._asked_step(
            row,
            lambda: self.services.recommendations.withdraw(row.id, row.version, self.today(), note),
            ask_again,
        )

    def correct_sending(self, row: RecommendationRow) -> None:
        """Ask for the day ``row`` went out, or whether it did not, and correct it; refused
        because another PC changed it meanwhile, the page shows it as it is now and a
        warning says so."""
        if row.sent_on is None:
            return
        recommendations = self.services.recommendations
        try:
            kept = recommendations.sending_kept(row.id)
        except ExpertenratError as error:
            self.dialogs.warning(self.parent, tr(_CONTEXT, "Empfehlungen"), error.message)
            return
        dialog = SendingCorrectionDialog(self.parent, row.code, row.sent_on, kept)
        dialog.corrected.connect(
            lambda day: self._asked_step(
                row,
                lambda: recommendations.correct_sent_on(
                    row.id, row.version, day, today=self.today()
                ),
                self._changed_meanwhile,
            )
        )
        dialog.taken_back.connect(
            lambda: self._asked_step(
                row,
                lambda: recommendations.take_back_sending(row.id, row.version, today=self.today()),
                self._changed_meanwhile,
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _changed_meanwhile(self, now: RecommendationRow) -> None:
        self.dialogs.warning(
            self.parent,
            tr(_CONTEXT, "Empfehlungen"),
            tr(
                _CONTEXT,
                "Die Empfehlung {code} wurde inzwischen von jemand anderem geändert (Stand "
                "jetzt: {status}); bitte prüfen Sie den Versand und berichtigen Sie ihn "
                "gegebenenfalls erneut.",
            ).format(code=now.code, status=now.status.label),
        )

    def _asked_step(
        self,
        row: RecommendationRow,
        step: Callable[[], object],
        ask_again: Callable[[RecommendationRow], None],
    ) -> None:
        """Run a step answered in a question; refused because another PC changed ``row``
        meanwhile, the page shows it as it is now and ``ask_again`` gets it as it is now."""
        try:
            step()
        except ConcurrentEditError as error:
            try:
                now = self.services.recommendations.get(row.id).row
            except ExpertenratError:
                self.dialogs.warning(self.parent, tr(_CONTEXT, "Empfehlungen"), error.message)
                self.stored(row.id)
                return
            self.stored(row.id)
            ask_again(now)
            return
        except ExpertenratError as error:
            self.dialogs.warning(self.parent, tr(_CONTEXT, "Empfehlungen"), error.message)
        self.stored(row.id)
