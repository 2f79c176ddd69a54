"""Genehmigung: circulation, objections, versions and approval of a meeting's minutes (a
detail tab of the meetings page, see ``widget_contract``).

The state line says where the minutes stand (Entwurf / versandt … / genehmigt …; under it
the SHA-256 of the stored PDFs, :mod:`ui.minutes_fingerprints`). "Protokoll versenden …"
asks for the day they went out; objections are raised and decided in their table
(:mod:`ui.minutes_objections_box`); "Unterschiede anzeigen" shows what changed between two
versions (the selected one and its predecessor, or two selected ones;
:mod:`ui.minutes_versions_box`); "Genehmigen …" chooses the approving meeting and approves
in the background (:mod:`ui.minutes_approving`). Buttons are disabled where a step is not
possible, and the services refuse it anyway with a German message. Approved minutes are
shown read-only with a hint.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.minutes_approval import FROZEN_HINT, Choice, MinutesStatus
from expertenrat.services.context import Services
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.minutes_approval_texts import (
    state_text,
    why_no_objections,
    why_not_approvable,
)
from expertenrat.ui.minutes_approving import MinutesApproving
from expertenrat.ui.minutes_fingerprints import MinutesFingerprints
from expertenrat.ui.minutes_objections_box import MinutesObjectionsBox
from expertenrat.ui.minutes_versions_box import MinutesVersionsBox
from expertenrat.ui.no_meeting import KeepsNoMeetingHint, no_meeting_hint
from expertenrat.ui.off_reason import OffReason
from expertenrat.ui.page import NothingPending, SaveThen, go_on_at_once, unsaved_warning
from expertenrat.ui.refusals import attempt
from expertenrat.ui.widgets import wrapping_label

_CONTEXT = "MinutesApprovalPanel"


class MinutesApprovalPanel(KeepsNoMeetingHint, NothingPending, QWidget):
    changed = Signal()

    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date],
        save_then: SaveThen = go_on_at_once,
    ) -> None:
        """``today()`` is the page's day (the shown council's): the days asked for are
        proposed from it and checked against it, as the services check them; ``save_then``
        saves the minutes typed before they are circulated or approved."""
        super().__init__(parent)
        self._services = services
        self._dialogs = dialogs
        self._today = today
        self._save_then = save_then
        self._meeting_id: int | None = None
        self._no_meeting_hint = no_meeting_hint()
        self._status: MinutesStatus | None = None
        self._approving: list[Choice] = []

        self.hint_label = wrapping_label(name="hintLabel")
        self.state_label = wrapping_label()
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprints = MinutesFingerprints()  # the SHA-256 of the approved PDFs
        self.circulate_button = QPushButton(tr(_CONTEXT, "Protokoll versenden …"))
        self.approve_button = QPushButton(tr(_CONTEXT, "Genehmigen …"))
        self.circulate_button.clicked.connect(self.circulate)
        self.approve_button.clicked.connect(self.approve)

        self.objections = MinutesObjectionsBox(
            services.minutes_objections,
            dialogs,
            lambda: self._meeting_id,
            lambda: self._approving,
            self._today,
            self._run,
        )
        self.versions = MinutesVersionsBox(
            services.minutes_approval, dialogs, lambda: self._meeting_id
        )
        self.approving = MinutesApproving(
            services.minutes_approval,
            dialogs,
            self,
            today=self._today,
            reread=self.refresh,
            approved=self.changed.emit,
        )
        self._layout()
        self.set_meeting(None)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.circulate_button)
        top.addWidget(self.approve_button)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.state_label)
        layout.addWidget(self.fingerprints)
        layout.addLayout(top)
        self.approve_reason = OffReason(self.approve_button)  # why it is off, by Tab
        layout.addWidget(self.approve_reason)
        layout.addWidget(self.objections, 2)
        layout.addWidget(self.versions, 1)

    # --- contract -------------------------------------------------------------------------

    def set_meeting(self, meeting_id: int | None) -> None:
        self._meeting_id = meeting_id
        self.refresh()

    def refresh(self) -> None:
        status, hint, self._approving = None, self._no_meeting_hint, []
        if self._meeting_id is not None:
            try:
                status, self._approving = self._services.minutes_approval.status_and_approving(
                    self._meeting_id
                )
                hint = ""
            except ExpertenratError as error:
                hint = error.message
        if status is not None and status.frozen:
            hint = tr(_CONTEXT, FROZEN_HINT)
        elif status is not None and not status.held:
            hint = tr(_CONTEXT, "Ein Protokoll gibt es erst, wenn die Sitzung stattgefunden hat.")
        self._status = status
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        self.state_label.setText(state_text(status) if status else "")
        latest = status.latest if status else None
        if latest is not None and latest.sha256:
            self.fingerprints.set_values(latest.sha256, latest.public_sha256)
        else:
            self.fingerprints.set_values("", "")
        self.versions.set_rows(status.versions if status else ())
        self._show_steps()

    # --- steps ----------------------------------------------------------------------------

    def circulate(self) -> None:
        title = tr(_CONTEXT, "Protokoll versenden")
        not_done = tr(_CONTEXT, "Das Protokoll wurde nicht versandt.")
        self._save_then(
            self._still_shown(self._ask_circulation),
            unsaved_warning(self._dialogs, self, title, not_done),
        )

    def _ask_circulation(self, meeting_id: int) -> None:
        def sent(on: date) -> None:
            note: list[str] = []
            if self._run(
                lambda: note.append(
                    self._services.minutes_approval.circulate(
                        meeting_id, on, today=self._today()
                    ).agenda_note
                )
            ):
                self._dialogs.information(self, tr(_CONTEXT, "Protokoll versandt"), note[0])

        self._dialogs.ask_date(
            self,
            tr(_CONTEXT, "Protokoll versenden"),
            tr(_CONTEXT, "Versandt am"),
            self._today(),
            sent,
        )

    def approve(self) -> None:
        title = tr(_CONTEXT, "Genehmigung des Protokolls")
        not_done = tr(_CONTEXT, "Das Protokoll wurde nicht genehmigt.")
        self._save_then(
            self._still_shown(self._ask_approval),
            unsaved_warning(self._dialogs, self, title, not_done),
        )

    def _ask_approval(self, meeting_id: int) -> None:
        self.approving.ask(meeting_id, self._status, self._approving)

    def _still_shown(self, step: Callable[[int], None]) -> Callable[[], None]:
        """``step(meeting_id)`` for the meeting shown now, once the typed input is saved,
        where it is still the one shown: the saves may take seconds on a server, and a
        meeting chosen meanwhile was asked to be circulated or approved in its place
        (found by review). Another shown: that click is over."""
        meeting_id = self._meeting_id

        def go_on() -> None:
            if meeting_id is not None and self._meeting_id == meeting_id:
                step(meeting_id)

        return go_on

    # --- helpers --------------------------------------------------------------------------

    def _show_steps(self) -> None:
        """The steps possible now, and the objections (raised and decided once the minutes
        went out)."""
        status = self._status
        live = status is not None and status.held and not status.frozen
        circulated = live and status.latest is not None  # type: ignore[union-attr]
        self.circulate_button.setEnabled(live)
        approving = status.approving(self._approving) if status else []
        why_not = why_not_approvable(status, circulated, approving, self._today())
        self.approve_button.setEnabled(circulated and not why_not)
        self.approve_button.setToolTip(why_not)
        self.objections.set_rows(
            status.objections if status else (),
            circulated=circulated,
            why_not=why_no_objections(status, circulated),
            due_on=status.latest.objections_due_on if status and status.latest else None,
        )

    def _run(self, change: Callable[[], object]) -> bool:
        done = attempt(self._dialogs, self, tr(_CONTEXT, "Genehmigung des Protokolls"), change)
        self.refresh()
        if done:
            self.changed.emit()
        return done
