"""Versenden: a recommendation goes to its project(s) on a date. Before the user confirms,
the dialog shows the due date of the project's response: the send date plus the council's
response period (``domain.recommendations.default_due_date``; where that ends on a weekend
or public holiday of the council's Bundesland, the next working day), following the send date
until the user sets another; the line under it says which (the history keeps the send
date and the note; a refusal of the service stays in the dialog). A project addressed that
is marked as finished is named under the send date: "Erinnerungen …" leaves it out unless
chosen there, so that sending to it is not sending into silence unawares.

"E-Mail-Entwurf erstellen" (on where a project addressed has a contact e-mail address): once
the sending is recorded, a covering e-mail draft per project is saved into a folder the
user chooses (:mod:`expertenrat.ui.transmittal_drafts`); the line under it names the
projects without an address, which get none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QWidget

from expertenrat.domain.german_dates import long_date
from expertenrat.domain.mail_addresses import looks_like_email
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.recommendations import default_due_date, period_end
from expertenrat.domain.wording import counted
from expertenrat.domain.working_days import closed_day_note
from expertenrat.ui.date_fields import date_edit
from expertenrat.ui.i18n import tr
from expertenrat.ui.step_dialog import StepDialog
from expertenrat.ui.text_boxes import plain_text_edit
from expertenrat.ui.widgets import hint_label

_CONTEXT = "SendRecommendationDialog"


@dataclass(frozen=True)
class Sending:
    sent_on: date
    due_on: date
    note: str
    draft: bool = False  # save a covering e-mail draft per project once recorded


class SendRecommendationDialog(StepDialog):
    def __init__(
        self,
        parent: QWidget,
        row: RecommendationRow,
        period_months: int,
        today: date,
        save: Callable[[Sending], None],
        *,
        bundesland: str,
    ) -> None:
        title = tr(_CONTEXT, "{} versenden").format(row.code)
        super().__init__(parent, title, tr(_CONTEXT, "Versenden"), save)
        self.resize(560, 320)
        self._period = period_months
        self._bundesland = bundesland  # whose public holidays move the due date
        self._due_follows = True  # until the user sets another due date
        self._following = False
        self.sent_edit = date_edit(today)
        self.due_edit = date_edit(default_due_date(today, period_months, bundesland))
        self.due_label = hint_label("")
        self.note_edit = plain_text_edit(3, grows=True)
        self.note_edit.setPlaceholderText(tr(_CONTEXT, "z. B. per E-Mail an die Federführung"))
        self.form.addRow(_sent_label(row), self.sent_edit)
        self.ended_label = hint_label(_ended_note(row))
        self.ended_label.setTextFormat(Qt.TextFormat.PlainText)  # titles as typed: "<b>"
        if self.ended_label.text():
            self.form.addRow("", self.ended_label)
        self.form.addRow(tr(_CONTEXT, "Frist für die Stellungnahme"), self.due_edit)
        self.form.addRow("", self.due_label)
        self.form.addRow(tr(_CONTEXT, "Vermerk"), self.note_edit)
        self.draft_check = QCheckBox(tr(_CONTEXT, "E-Mail-Entwurf erstellen"))
        mailed = [p for p in row.projects if looks_like_email(p.contact_email.strip())]
        self.draft_check.setChecked(bool(mailed))
        self.draft_check.setEnabled(bool(mailed))
        self.draft_check.setToolTip(
            tr(
                _CONTEXT,
                "Nach dem Versenden wird nach einem Ordner gefragt: dort wird je Projekt ein "
                "E-Mail-Entwurf (.eml) für Ihr E-Mail-Programm gespeichert.",
            )
        )
        self.form.addRow("", self.draft_check)
        self.draft_label = hint_label(_without_email_note(row, bool(mailed)))
        self.draft_label.setTextFormat(Qt.TextFormat.PlainText)
        if self.draft_label.text():
            self.form.addRow("", self.draft_label)
        self.sent_edit.dateChanged.connect(self._sent_changed)
        self.due_edit.dateChanged.connect(self._due_changed)
        self._show_due()

    def value(self) -> Sending:
        return Sending(
            self.sent_edit.date().toPython(),
            self.due_edit.date().toPython(),
            self.note_edit.toPlainText(),
            self.draft_check.isChecked(),
        )

    def _default_due(self) -> date:
        return default_due_date(self.sent_edit.date().toPython(), self._period, self._bundesland)

    def _sent_changed(self) -> None:
        if self._due_follows:
            self._following = True
            self.due_edit.setDate(self._default_due())
            self._following = False
        self._show_due()

    def _due_changed(self) -> None:
        if not self._following:
            self._due_follows = self.due_edit.date().toPython() == self._default_due()
        self._show_due()

    def _show_due(self) -> None:
        """ "Antwort erbeten bis Mittwoch, 27. Januar 2027: 2 Monate nach der Übermittlung, die
        Frist für Stellungnahmen des Gremiums" (the setting's name in the Einstellungen;
        with "; der 29.03.2026 ist ein Sonntag, die Frist endet am nächsten Werktag" where
        the period ends on a day off), or that it differs (with "; der 27.12.2026 ist ein
        Sonntag" where the date set falls on a day off)."""
        due, default = self.due_edit.date().toPython(), self._default_due()
        end = period_end(self.sent_edit.date().toPython(), self._period)
        months = counted(self._period, tr(_CONTEXT, "Monat"), tr(_CONTEXT, "Monate"))
        if due == default:
            why = tr(
                _CONTEXT, "{} nach der Übermittlung, die Frist für Stellungnahmen des Gremiums"
            ).format(months)
            if end != default:
                why += tr(_CONTEXT, "; {}, die Frist endet am nächsten Werktag").format(
                    closed_day_note(end, self._bundesland)
                )
        else:
            when = f"{end:%d.%m.%Y}"
            if end != default:
                when += tr(_CONTEXT, ", am nächsten Werktag {}").format(f"{default:%d.%m.%Y}")
            why = tr(
                _CONTEXT,
                "abweichend von der Frist für Stellungnahmen des Gremiums ({} nach der "
                "Übermittlung: {})",
            ).format(months, when)
            typed_off = closed_day_note(due, self._bundesland)
            if typed_off:  # a hint only: a date typed on a day off is kept
                why += f"; {typed_off}"
        self.due_label.setText(
            tr(_CONTEXT, "Antwort erbeten bis {}: {}.").format(long_date(due), why)
        )


def _sent_label(row: RecommendationRow) -> str:
    """ "An das Projekt übermittelt am", to two "An die Projekte", to none "Übermittelt am"."""
    if not row.projects:
        return tr(_CONTEXT, "Übermittelt am")
    if len(row.projects) == 1:
        return tr(_CONTEXT, "An das Projekt übermittelt am")
    return tr(_CONTEXT, "An die Projekte übermittelt am")


def _ended_note(row: RecommendationRow) -> str:
    """ "„Klimaportal“ ist abgeschlossen: …" for the addressed projects marked as finished
    (as "Abschließen" on Projekte warns), else empty."""
    ended = [f"„{project.title}“" for project in row.projects if project.ended]
    if not ended:
        return ""
    text = (
        tr(_CONTEXT, "Das Projekt {} ist abgeschlossen")
        if len(ended) == 1
        else tr(_CONTEXT, "Die Projekte {} sind abgeschlossen")
    ).format(", ".join(ended))
    return text + tr(
        _CONTEXT,
        ": Erinnerungen gehen an ein abgeschlossenes Projekt nur, wenn Sie es unter "
        "„Erinnerungen …“ auswählen.",
    )


def _without_email_note(row: RecommendationRow, any_mailed: bool) -> str:
    """Which projects addressed get no e-mail draft for want of a contact e-mail address
    (set under Projekte), else empty."""
    missing = [
        f"„{p.title}“" for p in row.projects if not looks_like_email(p.contact_email.strip())
    ]
    if not row.projects:
        return tr(_CONTEXT, "Die Empfehlung ist an kein Projekt gerichtet: kein E-Mail-Entwurf.")
    if not missing:
        return ""
    if not any_mailed:
        return tr(
            _CONTEXT,
            "Kein E-Mail-Entwurf: Für {} ist keine Kontakt-E-Mail eingetragen (unter Projekte).",
        ).format(", ".join(missing))
    return tr(
        _CONTEXT,
        "Ohne E-Mail-Entwurf: {} (keine Kontakt-E-Mail eingetragen, unter Projekte).",
    ).format(", ".join(missing))
