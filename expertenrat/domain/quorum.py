"""Who is present at which agenda item, and whether the council has a quorum there.

Arrival and departure refer to agenda items by key: a member who arrives at item X is
present from X on; one who leaves after item Y is present up to and including Y; one who
steps out during item A and takes part again from item B is absent from A up to, not
including, B (absent at A: the vote there was without them). The
base of the quorum is the number of members with a voting right in this meeting. A member
recused from an item (befangen) does not count as present at that item; the base stays.
The statement about the meeting as a whole is :mod:`expertenrat.domain.meeting_quorum`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from expertenrat.domain.enums import AttendanceStatus, QuorumRule
from expertenrat.domain.errors import FieldProblem, ValidationError

LEAVING_BEFORE_COMING = "Ein Mitglied kann nicht gehen, bevor es gekommen ist."
BACK_BEFORE_AWAY = "Ein Mitglied kann nicht zurückkehren, bevor es die Sitzung verlassen hat."
AWAY_OUTSIDE = (
    "Die Zeit außerhalb der Sitzung muss zwischen Kommen und Gehen liegen: das Mitglied "
    "verlässt die Sitzung nach dem Punkt, zu dem es kommt, und kehrt spätestens zu dem "
    "Punkt zurück, nach dem es geht."
)
AWAY_UNFINISHED = (
    "Bitte geben Sie an, bei welchem Tagesordnungspunkt das Mitglied die Sitzung verlässt "
    "und zu welchem es zurückkehrt (wer nicht zurückkehrt, geht: „geht nach TOP“)."
)


@dataclass(frozen=True, slots=True)
class Attendance:
    member: int
    status: AttendanceStatus
    voting: bool = True
    arrives_at: int | None = None
    leaves_after: int | None = None
    away_from: int | None = None  # steps out during this item …
    back_at: int | None = None  # … and takes part again from this one


@dataclass(frozen=True, slots=True)
class QuorumResult:
    present_voting: int
    entitled: int
    recused: int
    quorate: bool

    @property
    def presence(self) -> str:
        """ "7 von 9 stimmberechtigten Mitgliedern anwesend", with the recused counted among
        those there and said not to count for the quorum: "6 von 9 … anwesend, davon 1
        befangen und nicht mitgezählt" (no verdict: see statement; "davon 1 befangen" alone
        left open why 5 of 9 present were not quorate, found by a tester)."""
        there = f"{self.present_voting + self.recused} von {self.entitled} stimmberechtigten"
        uncounted = " und nicht mitgezählt" if self.recused else ""
        return f"{there} {noun(self.entitled)} {present_recused(self.recused)}{uncounted}"

    @property
    def statement(self) -> str:
        """ "7 von 9 stimmberechtigten Mitgliedern anwesend – beschlussfähig"."""
        return f"{self.presence} – {'' if self.quorate else 'nicht '}beschlussfähig"


def present_recused(recused: int) -> str:
    """ "anwesend, davon 1 befangen" (or "anwesend"): the recused among those there, as the
    quorum lines and the vote messages say it; "5 … anwesend (1 befangen)" read as if five
    had been there where six were."""
    return f"anwesend, davon {recused} befangen" if recused else "anwesend"


def noun(entitled: int) -> str:
    """ "1 von 1 stimmberechtigten Mitglied", "… von 9 stimmberechtigten Mitgliedern"."""
    return "Mitglied" if entitled == 1 else "Mitgliedern"


def is_quorate(present: int, entitled: int, rule: QuorumRule) -> bool:
    if entitled <= 0:
        return False
    if rule is QuorumRule.MORE_THAN_HALF:
        return 2 * present > entitled
    if rule is QuorumRule.AT_LEAST_HALF:
        return 2 * present >= entitled
    return 3 * present >= 2 * entitled


def validate_attendance(order: Sequence[int], attendance: Sequence[Attendance]) -> None:
    """Raise :class:`ValidationError` for arrivals, departures or times away that do not
    fit the agenda."""
    index = {key: i for i, key in enumerate(order)}
    problems = []
    seen: set[int] = set()
    for a in attendance:
        if a.member in seen:
            problems.append(FieldProblem("attendance", "Ein Mitglied ist doppelt erfasst."))
        seen.add(a.member)
        marks = (a.arrives_at, a.leaves_after, a.away_from, a.back_at)
        if a.status is not AttendanceStatus.PRESENT and marks != (None,) * 4:
            problems.append(
                FieldProblem(
                    "attendance",
                    "Kommen und Gehen lassen sich nur für anwesende Mitglieder erfassen.",
                )
            )
        elif any(m is not None and m not in index for m in marks):
            problems.append(
                FieldProblem(
                    "attendance",
                    "Kommen oder Gehen verweist auf einen fehlenden Tagesordnungspunkt.",
                )
            )
        elif None not in marks[:2] and index[a.arrives_at] > index[a.leaves_after]:  # type: ignore[index]
            problems.append(FieldProblem("attendance", LEAVING_BEFORE_COMING))
        else:
            problems += _away_problems(index, a)
    if problems:
        raise ValidationError(problems)


def _away_problems(index: Mapping[int, int], a: Attendance) -> list[FieldProblem]:
    """A time away with one end only, back before away, or not between arrival and
    departure (``index``: the position of each item in the agenda)."""
    if (a.away_from, a.back_at) == (None, None):
        return []
    if a.away_from is None or a.back_at is None:
        return [FieldProblem("attendance", AWAY_UNFINISHED)]
    away, back = index[a.away_from], index[a.back_at]
    if back <= away:
        return [FieldProblem("attendance", BACK_BEFORE_AWAY)]
    first = 0 if a.arrives_at is None else index[a.arrives_at]
    last = len(index) - 1 if a.leaves_after is None else index[a.leaves_after]
    if away <= first or back > last:
        return [FieldProblem("attendance", AWAY_OUTSIDE)]
    return []


def present_per_item(
    order: Sequence[int], attendance: Sequence[Attendance]
) -> dict[int, frozenset[int]]:
    """The members present at each item (keys in agenda ``order``)."""
    validate_attendance(order, attendance)
    index = {key: i for i, key in enumerate(order)}
    last = len(order) - 1
    present: dict[int, set[int]] = {key: set() for key in order}
    for a in attendance:
        if a.status is not AttendanceStatus.PRESENT:
            continue
        first = 0 if a.arrives_at is None else index[a.arrives_at]
        until = last if a.leaves_after is None else index[a.leaves_after]
        away = set()
        if a.away_from is not None and a.back_at is not None:
            away = set(order[index[a.away_from] : index[a.back_at]])
        for key in order[first : until + 1]:
            if key not in away:
                present[key].add(a.member)
    return {key: frozenset(members) for key, members in present.items()}


def present_at_opening(order: Sequence[int], attendance: Sequence[Attendance]) -> int:
    """The voting members present at the opening, that is at the first agenda item of
    ``order`` (one arriving later is not); without items every voting member present."""
    voting = {a.member for a in attendance if a.voting}
    if not order:
        return sum(a.status is AttendanceStatus.PRESENT for a in attendance if a.voting)
    return len(present_per_item(order, attendance)[order[0]] & voting)


def quorum_per_item(
    order: Sequence[int],
    attendance: Sequence[Attendance],
    rule: QuorumRule,
    recusals: Mapping[int, set[int] | frozenset[int]] | None = None,
) -> dict[int, QuorumResult]:
    """The quorum at every agenda item under ``rule``."""
    voting = {a.member for a in attendance if a.voting}
    recusals = recusals or {}
    results = {}
    for key, members in present_per_item(order, attendance).items():
        recused = (members & voting) & set(recusals.get(key, ()))
        count = len((members & voting) - recused)
        results[key] = QuorumResult(
            count, len(voting), len(recused), is_quorate(count, len(voting), rule)
        )
    return results


def attendance_quorum(attendance: Sequence[Attendance], rule: QuorumRule) -> QuorumResult:
    """The quorum counting every voting member recorded present, whenever they came."""
    voting = [a for a in attendance if a.voting]
    count = sum(a.status is AttendanceStatus.PRESENT for a in voting)
    return QuorumResult(count, len(voting), 0, is_quorate(count, len(voting), rule))
