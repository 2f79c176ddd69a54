"""Who is present at which agenda item, and whether the council has a quorum there.

Arrival and departure refer to agenda items by key: a member who arrives at item X is
present from X on; one who leaves after item Y is present up to and including Y. The
base of the quorum is the number of members with a voting right in this meeting. A member
recused from an item (befangen) does not count as present at that item; the base stays.

The meeting as a whole (:class:`MeetingQuorum`) counts presence only, as the attendance
list does: a recusal changes the quorum of its item, not the statement about the meeting.
As German minutes do, it states the quorum at the opening ("Zu Beginn der Sitzung waren 6
von 9 stimmberechtigten Mitgliedern anwesend; das Gremium war beschlussfähig"): one
arriving "ab TOP 3" is not counted there, the attendance list names the arrival. Where a
late arrival or an early departure makes the council quorate at some items and not at
others, the statement names the items (:func:`quorum_spans`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from expertenrat.domain.enums import AttendanceStatus, QuorumRule
from expertenrat.domain.errors import FieldProblem, ValidationError

LEAVING_BEFORE_COMING = "Ein Mitglied kann nicht gehen, bevor es gekommen ist."


@dataclass(frozen=True, slots=True)
class Attendance:
    member: int
    status: AttendanceStatus
    voting: bool = True
    arrives_at: int | None = None
    leaves_after: int | None = None


@dataclass(frozen=True, slots=True)
class QuorumResult:
    present_voting: int
    entitled: int
    recused: int
    quorate: bool

    @property
    def presence(self) -> str:
        """ "7 von 9 stimmberechtigten Mitgliedern anwesend" (no verdict: see statement)."""
        recused = f" ({self.recused} befangen)" if self.recused else ""
        counted = f"{self.present_voting} von {self.entitled} stimmberechtigten"
        return f"{counted} {_noun(self.entitled)} anwesend{recused}"

    @property
    def statement(self) -> str:
        """ "7 von 9 stimmberechtigten Mitgliedern anwesend – beschlussfähig"."""
        return f"{self.presence} – {'' if self.quorate else 'nicht '}beschlussfähig"


@dataclass(frozen=True, slots=True)
class QuorumSpan:
    """Consecutive agenda items (by number) at which the council was quorate, or was not,
    with the fewest and the most voting members present at one of them."""

    first_item: str
    last_item: str
    quorate: bool
    fewest: int
    most: int


class Quorate(StrEnum):
    """Whether a meeting had a quorum, in a word: at every item, at none, or at some."""

    YES = "ja"
    NO = "nein"
    PARTLY = "teilweise"


@dataclass(frozen=True, slots=True)
class MeetingQuorum:
    """The quorum of the meeting as the minutes state it: ``overall`` counts every voting
    member recorded present, whenever they came; ``spans`` follow the agenda; ``opening``
    counts those present at the opening (:func:`present_at_opening`). ``None``: not known
    (minutes approved before it was kept); the statement then counts the most present at
    one time, as those minutes did."""

    overall: QuorumResult
    spans: tuple[QuorumSpan, ...] = ()
    opening: int | None = None

    @property
    def throughout(self) -> bool:
        """Whether ``overall`` tells the whole truth: the council was quorate at every item,
        or at none with the same members present all along (or there are no items)."""
        if all(s.quorate for s in self.spans):
            return True
        present = self.overall.present_voting
        return len(self.spans) == 1 and self.spans[0].fewest == self.spans[0].most == present

    def _overall_at_once(self) -> QuorumResult:
        """``overall`` with the members present at one time: where one left before another
        came, "7 von 9 … anwesend", never a count of 8 that was not there together."""
        most = _never_more_at_once(self.spans, self.overall)
        return self.overall if most is None else replace(self.overall, present_voting=most)

    @property
    def quorate(self) -> Quorate:
        """The :attr:`statement` in a word: ``YES`` where the council was quorate at every
        item, ``NO`` at none, ``PARTLY`` where the statement names the items that had a
        quorum; without items (or where the agenda does not fit the attendance) as
        ``overall``."""
        if not self.spans:
            return Quorate.YES if self.overall.quorate else Quorate.NO
        held = {span.quorate for span in self.spans}
        if held == {True}:
            return Quorate.YES
        return Quorate.NO if held == {False} else Quorate.PARTLY

    @property
    def statement(self) -> str:
        """The quorum at the opening where it holds for the whole meeting ("Zu Beginn der
        Sitzung waren 6 von 9 stimmberechtigten Mitgliedern anwesend; das Gremium war
        beschlussfähig"); otherwise which items had a quorum: "Das Gremium war bis TOP 4
        nicht beschlussfähig (1 von 3 stimmberechtigten Mitgliedern anwesend) und ab TOP 5
        beschlussfähig (…)"."""
        if self.throughout and self.opening is None:
            return self._overall_at_once().statement
        if self.throughout:
            entitled = self.overall.entitled
            quorate = self.spans[0].quorate if self.spans else self.overall.quorate
            return (
                f"Zu Beginn der Sitzung {'war' if self.opening == 1 else 'waren'} "
                f"{self.opening} von {entitled} stimmberechtigten {_noun(entitled)} anwesend; "
                f"das Gremium war {'' if quorate else 'nicht '}beschlussfähig"
            )
        entitled = self.overall.entitled
        if len(self.spans) == 1:
            span = self.spans[0]
            return (
                "Das Gremium war während der ganzen Sitzung nicht beschlussfähig "
                f"({_span_count(span, entitled)})"
            )
        last = len(self.spans) - 1
        parts = [
            f"{_span_items(span, i == 0, i == last)} "
            f"{'beschlussfähig' if span.quorate else 'nicht beschlussfähig'} "
            f"({_span_count(span, entitled)})"
            for i, span in enumerate(self.spans)
        ]
        return f"Das Gremium war {', '.join(parts[:-1])} und {parts[-1]}"


def _never_more_at_once(spans: tuple[QuorumSpan, ...], overall: QuorumResult) -> int | None:
    """The most voting members present at one item where fewer than ``overall`` counts
    were ever there together (one left before another came), else ``None``."""
    if not spans:
        return None
    most = max(span.most for span in spans)
    return most if most < overall.present_voting else None


def _span_items(span: QuorumSpan, first: bool, last: bool) -> str:
    """ "bis TOP 4", "ab TOP 5", "von TOP 2 bis TOP 4", or "bei TOP 3" for one item."""
    if span.first_item == span.last_item:
        return f"bei TOP {span.first_item}"
    if first:
        return f"bis TOP {span.last_item}"
    if last:
        return f"ab TOP {span.first_item}"
    return f"von TOP {span.first_item} bis TOP {span.last_item}"


def _span_count(span: QuorumSpan, entitled: int) -> str:
    """ "1 von 3 stimmberechtigten Mitgliedern anwesend"; where the number changed within
    the span, the one that decides: "mindestens 5 …" (quorate), "höchstens 4 …" (not)."""
    if span.fewest == span.most:
        count = str(span.fewest)
    elif span.quorate:
        count = f"mindestens {span.fewest}"
    else:
        count = f"höchstens {span.most}"
    return f"{count} von {entitled} stimmberechtigten {_noun(entitled)} anwesend"


def _noun(entitled: int) -> str:
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
    """Raise :class:`ValidationError` for arrivals or departures that do not fit the agenda."""
    index = {key: i for i, key in enumerate(order)}
    problems = []
    seen: set[int] = set()
    for a in attendance:
        if a.member in seen:
            problems.append(FieldProblem("attendance", "Ein Mitglied ist doppelt erfasst."))
        seen.add(a.member)
        marks = (a.arrives_at, a.leaves_after)
        if a.status is not AttendanceStatus.PRESENT and marks != (None, None):
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
        elif None not in marks and index[a.arrives_at] > index[a.leaves_after]:  # type: ignore[index]
            problems.append(FieldProblem("attendance", LEAVING_BEFORE_COMING))
    if problems:
        raise ValidationError(problems)


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
        for key in order[first : until + 1]:
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


def quorum_spans(
    items: Sequence[tuple[int, str]], attendance: Sequence[Attendance], rule: QuorumRule
) -> tuple[QuorumSpan, ...]:
    """The runs of agenda ``items`` (key, number; in agenda order) with and without a quorum
    under ``rule``, counting presence only (a recusal does not split a run)."""
    results = quorum_per_item([key for key, _number in items], attendance, rule)
    spans: list[QuorumSpan] = []
    for key, number in items:
        result = results[key]
        count = result.present_voting
        if spans and spans[-1].quorate is result.quorate:
            run = spans[-1]
            spans[-1] = QuorumSpan(
                run.first_item, number, run.quorate, min(run.fewest, count), max(run.most, count)
            )
        else:
            spans.append(QuorumSpan(number, number, result.quorate, count, count))
    return tuple(spans)
