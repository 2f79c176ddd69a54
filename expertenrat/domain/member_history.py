"""A membership's place in the council's meetings: its term must cover every meeting that
records it (attendance, chair, a recusal), or those meetings would lose the member from
their attendance, quorum and minutes, and the database check would report them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.members import Member


class Record(StrEnum):
    """How a meeting records a membership, as a refusal names it: a member set as the
    chair of a meeting ahead was "als Mitglied erfasst" there, and the secretariat looked
    for them in its empty attendance (found by a tester)."""

    ATTENDANCE = "in der Anwesenheit erfasst"
    CHAIR = "als Sitzungsleitung eingetragen"
    RECUSAL = "bei einem Tagesordnungspunkt als befangen erfasst"


@dataclass(frozen=True, slots=True)
class RecordedMeeting:
    """A meeting that records a membership: "6. Sitzung am 16.04.2026", its day and how."""

    label: str
    day: date
    how: Record = Record.ATTENDANCE


@dataclass(frozen=True, slots=True)
class RecordedSpan:
    """The first and the last meeting that record a membership."""

    first: RecordedMeeting
    last: RecordedMeeting

    def widened(self, meeting: RecordedMeeting) -> RecordedSpan:
        """The span that also holds ``meeting``."""
        first = meeting if meeting.day < self.first.day else self.first
        last = meeting if meeting.day > self.last.day else self.last
        return RecordedSpan(first, last)


def term_covers(member: Member, span: RecordedSpan | None) -> bool:
    """Whether the member's term covers every meeting of ``span`` (None: none records it)."""
    return span is None or (
        member.term_start <= span.first.day
        and (member.term_end is None or member.term_end >= span.last.day)
    )


def history_problems(member: Member, span: RecordedSpan | None) -> list[FieldProblem]:
    """Errors where the member's term would leave out a meeting that records it."""
    if span is None:
        return []
    who = member.full_name or "Das Mitglied"
    problems = []
    if member.term_start > span.first.day:
        problems.append(
            FieldProblem(
                "term_start",
                f"Die Amtszeit kann nicht nach dem {span.first.day:%d.%m.%Y} beginnen: "
                f"{who} ist in der {span.first.label} {span.first.how}.",
            )
        )
    if member.term_end is not None and member.term_end < span.last.day:
        problems.append(
            FieldProblem(
                "term_end",
                f"Die Amtszeit kann nicht vor dem {span.last.day:%d.%m.%Y} enden: "
                f"{who} ist in der {span.last.label} {span.last.how}.",
            )
        )
    return problems
