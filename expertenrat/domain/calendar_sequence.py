"""A meeting's calendar SEQUENCE (RFC 5545): calendars replace the entry they hold for a
meeting only with one of a higher SEQUENCE (at an equal one they fall back on DTSTAMP,
and keep either).

The invitation draft of a planned meeting already carries the entry as the invitation
makes it, with the SEQUENCE one higher (:func:`invited_sequence`): the one it gets once
"Einladung versandt" is recorded. Mailed but never recorded, a move or a cancellation
raised the SEQUENCE by one to that same number, and the members' calendars kept the
invitation's entry (found by a tester). So a change of a planned meeting raises it by two
(:func:`raised_sequence`): above any file handed out for it, with no column to keep."""

from __future__ import annotations

from expertenrat.domain.enums import MeetingState


def invited_sequence(sequence: int) -> int:
    """The SEQUENCE of a planned meeting (``sequence`` now) once its invitation is sent:
    the one its invitation draft carries."""
    return sequence + 1


def raised_sequence(sequence: int, state: MeetingState) -> int:
    """The SEQUENCE after a change a calendar entry shows of a meeting in ``state`` (before
    the change), higher than any handed out for it: a planned meeting's invitation draft
    may carry :func:`invited_sequence`."""
    return invited_sequence(sequence) + 1 if state is MeetingState.PLANNED else sequence + 1
