"""What changed since an invited meeting's members got their invitation (its time or
place, its agenda), and so what its next letter is: "Einladung", "Geänderte Einladung",
"Geänderte Tagesordnung" or both; for a meeting and a line of the list alike."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.enums import MeetingState


def invitation_changed(changed_on: date | None, *, cancelled: bool) -> bool:
    """Whether something changed after the invitation went out (``changed_on``, the day of
    the last such change: of time or place, or of the agenda), so that the letter replaces
    the first one; a cancelled meeting's letter is the cancellation. (The calendar SEQUENCE
    says nothing about it: it also rises when a planned meeting, which may be in calendars
    already, moves.)"""
    return changed_on is not None and not cancelled


def letter_change(changed_on: date | None, day: date) -> date | None:
    """The day of a change after the invitation that a letter to the meeting on ``day``
    names: ``changed_on``, unless it came after that day (``None`` then). No letter goes
    out for a meeting that has taken place: a correction made after its day, before it was
    set "durchgeführt" (another presenter, the room), changes the record, not the letter,
    which stays the one sent last (found by a tester: the Sitzungsmappe held a "Geänderte
    Tagesordnung" dated after the meeting, inviting to it)."""
    return changed_on if changed_on is not None and changed_on <= day else None


def changed_letter(moved: bool, agenda: bool, *, plural: bool = False) -> str:
    """What a letter to an invited meeting is, by what changed since the first invitation:
    "Einladung", after a new time or place "Geänderte Einladung", after a change of the
    agenda "Geänderte Tagesordnung", after both "Geänderte Einladung und Tagesordnung";
    ``plural`` for one letter per member ("Geänderte Tagesordnungen")."""
    s = "en" if plural else ""
    if moved and agenda:
        return f"Geänderte Einladung{s} und Tagesordnung{s}"
    if moved:
        return f"Geänderte Einladung{s}"
    if agenda:
        return f"Geänderte Tagesordnung{s}"
    return f"Einladung{s}"


class InvitationChanges:
    """What changed since an invited meeting's members got their invitation, for a meeting
    and a line of the list alike: the list's line carries it, so that a button reading it
    needs no second look into the database."""

    __slots__ = ()
    state: MeetingState
    invitation_changed_on: date | None
    invitation_agenda_changed_on: date | None

    @property
    def invitation_changed(self) -> bool:
        """Time or place changed since the members were invited: its letter is a changed
        invitation that replaces the first one (:func:`invitation_changed`)."""
        return invitation_changed(
            self.invitation_changed_on, cancelled=self.state is MeetingState.CANCELLED
        )

    @property
    def invitation_agenda_changed(self) -> bool:
        """The agenda changed since the members were invited: its letter is a "Geänderte
        Tagesordnung" that replaces the first one."""
        return invitation_changed(
            self.invitation_agenda_changed_on, cancelled=self.state is MeetingState.CANCELLED
        )

    def letter_name(self, *, plural: bool = False) -> str:
        """What its letter is: "Einladung", "Geänderte Tagesordnung" … (:func:`changed_letter`)."""
        return changed_letter(
            self.invitation_changed, self.invitation_agenda_changed, plural=plural
        )
