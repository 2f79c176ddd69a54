"""The "Sitzung" tab: date, time, place or link, kind, title and notes of one meeting
(its widgets: :mod:`~expertenrat.ui.meeting_form_view`, the values in them:
:mod:`~expertenrat.ui.meeting_form_fields`, the merge after a conflicting save:
:mod:`~expertenrat.ui.meeting_form_merge`).

The form saves through the meetings service itself ("Speichern"), shows errors and
warnings (holiday, overlap) under the fields, and tells the page whether something typed
is not saved yet (:meth:`MeetingForm.has_unsaved_changes`). A meeting deleted on another
PC while typed here keeps what was typed; the next "Speichern" makes a new meeting of it.
A cancelled meeting is shown read-only with its reason.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QWidget

from expertenrat.domain.enums import MeetingState
from expertenrat.domain.errors import (
    ConcurrentEditError,
    ExpertenratError,
    NotFoundError,
    ValidationError,
)
from expertenrat.domain.meeting_numbers import NUMBER_ORDER_FIELD
from expertenrat.domain.meetings import Meeting
from expertenrat.domain.members import Member
from expertenrat.domain.minutes_approval import FROZEN_HINT
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.members import MembersService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.invitation_day import InvitationDay
from expertenrat.ui.meeting_form_merge import MeetingMerging
from expertenrat.ui.meeting_proposal import proposal_hint, proposed_meeting
from expertenrat.ui.save_retry import SaveRetry
from expertenrat.ui.save_stops import SaveStops

_CONTEXT = "MeetingForm"


class MeetingForm(MeetingMerging):
    """Edits one meeting, or a new one (``set_meeting(None)`` after ``start_new``)."""

    saved = Signal(int)  # the id of the saved meeting

    def __init__(
        self,
        meetings: MeetingsService,
        members: MembersService,
        today: Callable[[], date],
        parent: QWidget | None = None,
        *,
        dialogs: DialogService,
    ) -> None:
        super().__init__(parent)
        self._meetings = meetings
        self._members = members
        self._today = today
        self._council_id: int | None = None
        self.meeting: Meeting | None = None
        # A new meeting stored whose reading back failed (the server lost): its id.
        self._unread: int | None = None
        self._loaded: tuple = ()

        self.invitation = InvitationDay(
            meetings, dialogs, today, self.invitation_label, self.invitation_button, self
        )
        self.invitation.corrected.connect(self._invitation_corrected)
        # Changed on another PC: the page rereads it, as after a save (unless typed here).
        self.invitation.stale.connect(lambda: self.saved.emit(self.meeting.id))
        self.save_button.clicked.connect(self.save)
        self.retry = SaveRetry(self.save_button)
        self._stops = SaveStops(self.errors, frozenset({NUMBER_ORDER_FIELD}))
        self.discard_button.clicked.connect(self.reload)
        for edit in (self.title_edit, self.place_edit, self.room_edit, self.link_edit):
            edit.textChanged.connect(self._update_buttons)
        self.notes_edit.textChanged.connect(self._update_buttons)
        self.kind_combo.currentIndexChanged.connect(self._update_buttons)
        self.chair_combo.currentIndexChanged.connect(self._update_buttons)
        self._start_day: date = self.date_edit.date().toPython()
        self.date_edit.dateChanged.connect(self._start_day_changed)
        self.date_edit.dateChanged.connect(self._update_buttons)
        self.end_date_edit.dateChanged.connect(self._update_buttons)
        self.start_edit.timeChanged.connect(self._update_buttons)
        self.end_edit.timeChanged.connect(self._update_buttons)
        self._frozen = False
        self.set_meeting(None, council_id=None)

    def _start_day_changed(self, day: QDate) -> None:
        self.follow_start_day(self._start_day, day.toPython())
        self._start_day = day.toPython()

    # --- showing ------------------------------------------------------------------------

    def set_meeting(
        self, meeting: Meeting | None, *, council_id: int | None, frozen: bool = False
    ) -> None:
        """Show ``meeting``; ``None`` with a council starts a new meeting, without one the
        form is empty and disabled. ``frozen``: its minutes are approved (the services refuse
        every change), so the form only shows it. What it reads is read first: a lost server
        leaves the form as it was."""
        members = self._members.members(council_id) if council_id is not None else []
        proposed, pattern = (
            (None, None) if meeting else proposed_meeting(self._meetings, council_id, self._today())
        )
        self.meeting = meeting
        self._unread = None
        self._council_id = council_id
        self._frozen = frozen
        self.errors.clear()
        self._stops.forget()
        self.retry.after(None)
        self._fill_chairs(meeting, members)
        if meeting is not None:
            self.fill(meeting.draft(), meeting.notes)
            self.heading.setText(f"{meeting.label}, {meeting.starts_at:%d.%m.%Y}")
        else:
            assert proposed is not None
            self.fill(proposed, "")
            self.heading.setText(
                tr(_CONTEXT, "Neue Sitzung") if council_id is not None else tr(_CONTEXT, "Sitzung")
            )
        self.show_invitation_row(self.invitation.show_for(meeting, frozen=frozen))
        cancelled = meeting is not None and meeting.state is MeetingState.CANCELLED
        frozen = meeting is not None and frozen
        editable = council_id is not None and not cancelled and not frozen
        for widget in self._inputs:
            widget.setEnabled(editable)
        if frozen:
            self.hint.setText(tr(_CONTEXT, FROZEN_HINT))
        elif cancelled:
            self.hint.setText(
                tr(
                    _CONTEXT,
                    "Diese Sitzung ist abgesagt und kann nicht mehr geändert werden. Grund: {}",
                ).format(meeting.cancellation_reason)
            )
        elif council_id is None:
            self.hint.setText(tr(_CONTEXT, "Bitte wählen Sie eine Sitzung oder legen Sie eine an."))
        elif pattern is not None:
            self.hint.setText(proposal_hint(pattern))
        else:
            self.hint.clear()
        self.hint.setVisible(bool(self.hint.text()))
        self._loaded = self.entered()
        self._update_buttons()

    @property
    def frozen(self) -> bool:
        """The shown meeting's minutes are approved: the form only shows it."""
        return self._frozen

    def reload(self) -> None:
        """Drop what was typed and show the meeting as saved."""
        self.set_meeting(self.meeting, council_id=self._council_id, frozen=self._frozen)

    def refill_chairs(self) -> None:
        """Reread the members offered as chair (changed elsewhere); the chosen one stays.
        Only for a form without typed input."""
        self._fill_chairs(self.meeting)

    def _fill_chairs(self, meeting: Meeting | None, members: list[Member] | None = None) -> None:
        """The members active on the meeting's day (and its chair, whatever its term), of
        ``members`` if they were read already."""
        if members is None:
            members = self._members.members(self._council_id) if self._council_id else []
        chair = meeting.chair_membership_id if meeting is not None else None
        day = meeting.starts_at.date() if meeting is not None else self._today()
        self.show_chairs(members, day, chair)

    def _invitation_corrected(self, meeting: Meeting) -> None:
        """The day the invitation went out corrected: what is typed stays, saved later on
        the meeting's new version."""
        self.meeting = meeting
        self.invitation.show_for(meeting, frozen=self._frozen)
        self.saved.emit(meeting.id)

    # --- editing ------------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        if self._council_id is None:
            return False
        if self.meeting is not None and self.meeting.state is MeetingState.CANCELLED:
            return False
        return self.entered() != self._loaded

    def _update_buttons(self) -> None:
        dirty = self.has_unsaved_changes()
        focus = self.window().focusWidget()
        # A new meeting's proposal can be saved as it is, though leaving it untouched asks
        # nothing (found by a tester).
        proposal = self.meeting is None and self._council_id is not None
        self.save_button.setEnabled(dirty or proposal)
        self.discard_button.setEnabled(dirty)
        if focus in (self.save_button, self.discard_button) and not focus.isEnabled():
            # "Speichern" or "Verwerfen" pressed from the keyboard goes off: the cursor goes
            # back into the form. Qt passed it on past the form's end, to the sidebar,
            # where the next arrow key switched the area (found by a tester).
            self.focus_first_field()

    def save(self) -> bool:
        """Save what was typed; errors show under the fields, warnings after saving."""
        if self._council_id is None:
            return False
        draft, notes, draft_chair = self.draft(), self.notes(), self.chair_id()
        meeting_id = self.meeting.id if self.meeting is not None else self._unread
        self.retry.after(None)
        try:
            if self.meeting is None and self._unread is not None:
                # Stored by the last click, but the server went away before the form read
                # it back: that meeting is saved again, not a second one made.
                self.meeting = self._meetings.get(self._unread)
                self._unread = None
            problems = self._meetings.problems(
                self._council_id,
                draft,
                meeting_id=meeting_id,
                notes=notes,
                chair_membership_id=draft_chair,
            )
            if self._stops.stop(problems):  # errors; a higher number said before saving
                return False
            if self.meeting is None:
                meeting_id = self._meetings.create(
                    self._council_id, draft, notes=notes, chair_membership_id=self.chair_id()
                )
                self._unread = meeting_id
            else:
                self._meetings.update(
                    self.meeting.id,
                    self.meeting.version,
                    draft,
                    notes=notes,
                    chair_membership_id=self.chair_id(),
                )
            self.meeting = self._meetings.get(meeting_id)
            self._unread = None
        except ValidationError as error:
            self.errors.show(error.problems)
            self.errors.focus_first_error()
            return False
        except ConcurrentEditError as error:
            self._offer_merge(error)
            return False
        except NotFoundError as error:
            self._unread = None  # deleted meanwhile: the next click makes a new one
            if self.meeting is None or meeting_id is None:
                self.errors.show_general(error.message)
                return False
            # Deleted on another PC while typed here: what was typed stays in the form,
            # which now makes a new meeting of it on the next click (or drops it).
            self.meeting = None
            self._fill_chairs(None)
            self.select_chair(draft_chair)
            self.errors.show_general(
                error.message
                + tr(
                    _CONTEXT,
                    " Ihre Eingaben stehen noch im Formular: „Speichern“ legt sie als neue "
                    "Sitzung an, „Verwerfen“ lässt sie fallen.",
                )
            )
            self._update_buttons()
            return False
        except ExpertenratError as error:
            self.errors.show_general(error.message)
            self.retry.after(error)
            return False
        self.set_meeting(self.meeting, council_id=self._council_id, frozen=self._frozen)
        self.errors.show(problems)  # the warnings: holiday, overlap, long duration
        self.saved.emit(self.meeting.id)
        return True
