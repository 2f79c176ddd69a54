"""The state buttons of the Sitzungen page and the changes they store.

"Einladung versandt" (invited today, or the changed letter re-sent:
:mod:`~expertenrat.ui.meeting_invite`), "Durchgeführt", "Absagen …" (asks for the
reason), "Löschen …" (after a question; planned meetings only:
:mod:`~expertenrat.ui.meeting_delete`) and "Zurücknehmen …" (a step recorded by mistake,
:mod:`~expertenrat.ui.meeting_take_back`), each enabled when the state of the meeting
shown allows it; "Durchgeführt" also
waits for the meeting's start, its tooltip saying why meanwhile
(:mod:`~expertenrat.ui.meeting_held_readiness`), and a timer turns it on when the start
passes while the page is open. A refusal shows its German reason.
Afterwards ``changed`` names the meeting the page shows and rereads: the same one, or
``None`` once deleted.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from expertenrat.domain.enums import MeetingState
from expertenrat.domain.errors import (
    ConcurrentEditError,
    ConnectionLostError,
    ExpertenratError,
)
from expertenrat.domain.meeting_states import allowed_targets, deletable
from expertenrat.domain.meetings import Meeting, MeetingSummary
from expertenrat.services.meetings import MeetingsService
from expertenrat.ui.ask_again import ask_text_again
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.meeting_delete import DeleteButton
from expertenrat.ui.meeting_held_readiness import HELD_TIP, wait_for_start, why_not_held
from expertenrat.ui.meeting_invite import InviteButton
from expertenrat.ui.meeting_step_tips import step_tips
from expertenrat.ui.meeting_take_back import TakeBackButton

if TYPE_CHECKING:
    from expertenrat.services.invitation_sent import InvitationSent

_CONTEXT = "MeetingsPage"


def _now() -> datetime:
    return datetime.now(UTC)


class MeetingStateBar(QWidget):
    changed = Signal(object)  # the meeting id to show, None after a delete

    def __init__(
        self,
        meetings: MeetingsService,
        dialogs: DialogService,
        meeting: Callable[[], Meeting | None],
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        resend: Callable[[int, int, date], InvitationSent] | None = None,
        listed: Callable[[], MeetingSummary | None] = lambda: None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        """``meeting()`` is the meeting shown (``None``: a new one or none); ``resend``
        records a changed invitation as sent again (meeting id, version, day); ``listed()``
        is the shown meeting's line of the list as last read (what changed since the
        invitation: an agenda change leaves the meeting itself as it was); ``now()`` is the
        moment (aware) to compare with the meeting's start, the real clock unless given."""
        super().__init__(parent)
        self._meetings = meetings
        self._dialogs = dialogs
        self._meeting = meeting
        self._today = today
        self._now = now or _now
        # Fires when the shown meeting's start passes: "Durchgeführt" comes on by itself.
        self.start_timer = QTimer(self)
        self.start_timer.setSingleShot(True)
        self.start_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.start_timer.timeout.connect(self.update_buttons)
        self.invite_button = InviteButton(
            dialogs, meeting, today=today, resend=resend, listed=listed
        )
        self.invite_button.invited.connect(
            lambda sent_on: self.change_state(MeetingState.INVITED, sent_on=sent_on)
        )
        self.invite_button.resent.connect(self.changed.emit)
        self.held_button = QPushButton(tr(_CONTEXT, "Durchgeführt"))
        self.held_button.setToolTip(tr(_CONTEXT, HELD_TIP))
        self.cancel_button = QPushButton(tr(_CONTEXT, "Absagen …"))
        self.delete_button = DeleteButton(meetings, dialogs, meeting)
        self.delete_button.deleted.connect(lambda: self.changed.emit(None))
        self.take_back_button = TakeBackButton(meetings, dialogs, meeting, now=self._now)
        self.take_back_button.taken_back.connect(self.changed.emit)
        for button in (self.invite_button, self.delete_button, self.take_back_button):
            button.changed_elsewhere.connect(self._changed_elsewhere)
        # Parented by the layout in this order: Tab reaches them as they stand.
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.invite_button,
            self.held_button,
            self.cancel_button,
            self.delete_button,
            self.take_back_button,
        ):
            layout.addWidget(button)
        self.held_button.clicked.connect(lambda: self.change_state(MeetingState.HELD))
        self.cancel_button.clicked.connect(lambda: self.ask_cancel())

    def update_buttons(self) -> None:
        meeting = self._meeting()
        targets = allowed_targets(meeting.state) if meeting is not None else ()
        changed_letter = self.invite_button.changed_letter(meeting)
        invite_tip, cancel_tip, delete_tip = step_tips(meeting, changed_letter)
        self.invite_button.setEnabled(MeetingState.INVITED in targets or bool(changed_letter))
        self.invite_button.setToolTip(invite_tip)
        now = self._now()
        why_not = why_not_held(meeting, self._today(), now)
        self.held_button.setEnabled(MeetingState.HELD in targets and not why_not)
        self.held_button.setToolTip(why_not or tr(_CONTEXT, HELD_TIP))
        self._wait_for_start(meeting, now)
        self.cancel_button.setEnabled(MeetingState.CANCELLED in targets)
        self.cancel_button.setToolTip(cancel_tip)
        self.delete_button.setEnabled(meeting is not None and deletable(meeting.state))
        self.delete_button.setToolTip(delete_tip)
        self.take_back_button.update_for(meeting, now)

    def _wait_for_start(self, meeting: Meeting | None, now: datetime) -> None:
        """Look at the buttons again when the invited meeting shown begins (at the latest
        after :data:`LONGEST_WAIT`, then wait anew); no timer for any other meeting."""
        wait = wait_for_start(meeting, now)
        if wait is None:
            self.start_timer.stop()
            return
        self.start_timer.start(math.ceil(wait / timedelta(milliseconds=1)))

    def _changed_elsewhere(self, meeting_id: int, error: ConcurrentEditError) -> None:
        """A step refused because another PC changed the meeting meanwhile: the page shows
        it as stored now, and the warning says so (nothing to reload by hand)."""
        self.changed.emit(meeting_id)
        self._dialogs.warning(
            self,
            tr(_CONTEXT, "Sitzungen"),
            tr(
                _CONTEXT,
                "{changed} Die Seite zeigt sie jetzt, wie sie gespeichert ist; bitte "
                "wiederholen Sie Ihre Änderung, wenn sie noch gilt.",
            ).format(changed=error.changed),
        )

    def change_state(
        self,
        target: MeetingState,
        reason: str = "",
        *,
        sent_on: date | None = None,
        ask_again: Callable[[str], None] | None = None,
    ) -> None:
        """Take the meeting to ``target``. Refused because another PC changed the meeting
        meanwhile, the page shows it as it is now; a step with a typed reason is asked again
        with it (``ask_again`` gets a sentence saying why), as after a lost server."""
        meeting = self._meeting()
        if meeting is None:
            return
        try:
            changed = self._meetings.change_state(
                meeting.id,
                meeting.version,
                target,
                reason,
                sent_on=sent_on,
                now=self._now(),  # the moment and day the buttons were offered at
                today=self._today(),
            )
        except ConcurrentEditError as error:
            if ask_again is not None:
                self.changed.emit(meeting.id)  # the page shows the meeting as stored now
                ask_again(
                    tr(_CONTEXT, "{changed} Ihre Angabe ist erhalten.\n").format(
                        changed=error.changed
                    )
                )
                return
            self._changed_elsewhere(meeting.id, error)
            return
        except ConnectionLostError as error:
            if ask_again is not None:
                ask_again(error.message + "\n")  # OK tries again
            else:  # no reread from the lost server, which only said the same again
                self._dialogs.warning(self, tr(_CONTEXT, "Sitzungen"), error.message)
            return
        except ExpertenratError as error:
            self._dialogs.warning(self, tr(_CONTEXT, "Sitzungen"), error.message)
        else:
            if target is MeetingState.CANCELLED and meeting.state is MeetingState.INVITED:
                # The members hold the invitation and the calendar entry: tell them.
                self._dialogs.information(
                    self,
                    tr(_CONTEXT, "Sitzung abgesagt"),
                    tr(
                        _CONTEXT,
                        "„{}“ ist abgesagt. Die Mitglieder sind bereits eingeladen: Bitte "
                        "senden Sie ihnen die Absage und die Kalenderdatei, die den Termin "
                        "in ihren Kalendern als abgesagt kennzeichnet – beides zusammen als "
                        "E-Mail-Entwurf: „Absage …“ (unter Dokumente) → „Als E-Mail-Entwurf "
                        "speichern …“.",
                    ).format(changed.label),
                )
        self.changed.emit(meeting.id)

    def ask_cancel(self, reason: str = "", note: str = "") -> None:
        """Ask why and cancel; ``reason``: the one typed before, ``note``: why it is asked
        again (another PC changed the meeting meanwhile)."""
        meeting = self._meeting()
        if meeting is None:
            return

        def cancel(typed: str) -> str | None:
            why: list[str] = []
            self.change_state(MeetingState.CANCELLED, typed, ask_again=why.append)
            # asked again with the typed reason, unless the meeting is gone meanwhile
            return why[0] if why and self._meeting() is not None else None

        def label() -> str:
            shown = self._meeting() or meeting  # as it is now, after another PC's change
            return tr(_CONTEXT, "Grund der Absage von „{}“ am {:%d.%m.%Y}:").format(
                shown.label, shown.starts_at
            )

        ask_text_again(
            self._dialogs, self, tr(_CONTEXT, "Sitzung absagen"), label, reason, cancel, note
        )
