"""The bar under the state buttons of the Sitzungen page that names, for an invited meeting,
the members its invitation did not reach with the others (they joined after it went out),
as the Übersicht does ("7. Sitzung am 11.12.2026: Dr. Jana Petersen ist nach der
Einladung vom 27.11.2026 ins Gremium gekommen – Einladung nachsenden"), with what to do:
"Als E-Mail-Entwurf speichern …" (the invitation mail to them alone, saved as the
documents' entry of that name saves it to all) and "Einladung nachgesandt …" (asks the
day and, for several, to whom of them, and records it for those: they leave the line; the
meeting's day of invitation, from which the notice period counts, stays). Hidden for every
other meeting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from expertenrat.domain.enums import MeetingState
from expertenrat.domain.errors import ExpertenratError, NotFoundError
from expertenrat.domain.late_invitations import Latecomer, send_on_text
from expertenrat.domain.meetings import MeetingSummary
from expertenrat.domain.wording import listed
from expertenrat.services.late_invitations import LateInvitationsService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr

_CONTEXT = "MeetingLatecomers"


class MeetingLatecomers(QWidget):
    def __init__(
        self,
        late_invitations: LateInvitationsService,
        dialogs: DialogService,
        today: Callable[[], date],
        mail: Callable[[tuple[int, ...]], None],
        parent: QWidget | None = None,
    ) -> None:
        """``mail(membership_ids)`` asks where to save the invitation mail to them alone."""
        super().__init__(parent)
        self._late = late_invitations
        self._dialogs = dialogs
        self._today = today
        self._mail = mail
        self._line: MeetingSummary | None = None
        self.latecomers: tuple[Latecomer, ...] = ()
        self.label = QLabel()
        self.label.setObjectName("warningLabel")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.mail_button = QPushButton(tr(_CONTEXT, "Als E-Mail-Entwurf speichern …"))
        self.sent_button = QPushButton(tr(_CONTEXT, "Einladung nachgesandt …"))
        self.sent_button.setToolTip(
            tr(
                _CONTEXT,
                "Erfassen, dass die Einladung den hier Genannten nachgesandt wurde; der Tag "
                "der Einladung (Ladungsfrist) bleibt, wie er ist",
            )
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.mail_button)
        layout.addWidget(self.sent_button)
        self.mail_button.clicked.connect(lambda: self._mail(self._ids()))
        self.sent_button.clicked.connect(self.ask_sent)
        self.hide()

    def show_for(self, line: MeetingSummary | None) -> None:
        """Read who is missing for the meeting shown, by its ``line`` in the list (``None``:
        no meeting shown); only an invited one is read. None either for one deleted on
        another PC while its form keeps what was typed."""
        self._line = line
        try:
            invited = line is not None and line.state is MeetingState.INVITED
            self.latecomers = self._late.missing(line.id) if invited and line else ()
        except NotFoundError:
            self.latecomers = ()
        if line is not None and line.invitation_sent_on and self.latecomers:
            self.label.setText(
                send_on_text(
                    line.label,
                    line.starts_at.date(),
                    line.invitation_sent_on,
                    self.latecomers,
                )
            )
            self.mail_button.setToolTip(
                tr(_CONTEXT, "Die Einladung als E-Mail-Entwurf nur an {}").format(
                    listed([m.name for m in self.latecomers])
                )
            )
        self.setVisible(bool(self.latecomers))

    def ask_sent(self) -> None:
        """Ask on which day the invitation was sent on to them (today unless changed) and,
        for several, to whom (each a check box, all checked first; one at least), then
        record it for those checked; a refusal shows its German reason."""
        line, shown = self._line, self.latecomers
        if line is None or not shown:
            return
        title = tr(_CONTEXT, "Einladung nachgesandt")

        def record(sent_on: date, chosen: tuple[int, ...]) -> None:
            try:
                self._late.record_sent(line.id, [shown[i].membership_id for i in chosen], sent_on)
            except ExpertenratError as error:
                self._dialogs.warning(self, title, error.message)
            self.show_for(line)

        if len(shown) == 1:
            label = tr(_CONTEXT, "Die Einladung zu „{}“ am {:%d.%m.%Y} wurde {} nachgesandt am")
            self._dialogs.ask_date(
                self,
                title,
                label.format(line.label, line.starts_at, shown[0].name),
                self._today(),
                lambda sent_on: record(sent_on, (0,)),
            )
            return
        label = tr(_CONTEXT, "Die Einladung zu „{}“ am {:%d.%m.%Y} wurde nachgesandt am")
        none_checked = tr(_CONTEXT, "Bitte mindestens ein Mitglied ankreuzen.")
        self._dialogs.ask_date_and_checks(
            self,
            title,
            label.format(line.label, line.starts_at),
            self._today(),
            ([m.name for m in shown], none_checked),
            record,
        )

    def _ids(self) -> tuple[int, ...]:
        return tuple(m.membership_id for m in self.latecomers)
