"""The quorum of a meeting as its minutes state it.

The meeting as a whole (:class:`MeetingQuorum`) counts presence only, as the attendance
list does: a recusal changes the quorum of its item, not the statement about the meeting.
As German minutes do, it states the quorum at the opening ("Zu Beginn der Sitzung waren 6
von 9 stimmberechtigten Mitgliedern anwesend; das Gremium war beschlussfähig"): one
arriving "ab TOP 3" is not counted there, the attendance list names the arrival. Where a
late arrival or an early departure makes the council quorate at some items and not at
others, the statement names the items (:func:`quorum_spans`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from expertenrat.domain.enums import QuorumRule
from expertenrat.domain.quorum import Attendance, QuorumResult, noun, quorum_per_item
from expertenrat.domain.wording import listed


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
                f"{self.opening} von {entitled} stimmberechtigten {noun(entitled)} anwesend; "
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
        return f"Das Gremium war {listed(parts)}"


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
    return f"{count} von {entitled} stimmberechtigten {noun(entitled)} anwesend"


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
