"""A council's appointment periods (Berufungsperioden): the span for which its members are
appointed ("Berufungsperiode 2024–2027", 25.09.2024 to 24.09.2027; the end may be open).

They are what OParl calls a body's LegislativeTerm, give a new member's term its default
end (and a further term in a new period its role: member), and name the current period on
the roster. The periods of one council never overlap
(both days of a period count, as in a member's term) and have names of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from expertenrat.domain.enums import MemberRole
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.field_limits import (
    APPOINTMENT_PERIOD,
    cleaned_texts,
    date_problems,
    text_problems,
)
from expertenrat.domain.members import Member
from expertenrat.domain.wording import listed, quoted

USUAL_YEARS = 3  # a period's usual length, for a default end


@dataclass(frozen=True, slots=True)
class AppointmentPeriod:
    id: int | None
    name: str
    start: date
    end: date | None = None  # None: open
    version: int = 0


def clean_period(period: AppointmentPeriod) -> AppointmentPeriod:
    return replace(period, **cleaned_texts(period, APPOINTMENT_PERIOD))


def period_problems(period: AppointmentPeriod) -> list[FieldProblem]:
    """What is wrong with a cleaned period on its own (name, dates, their order)."""
    problems: list[FieldProblem] = []
    if not period.name:
        problems.append(FieldProblem("name", "Bitte geben Sie der Berufungsperiode einen Namen."))
    problems += text_problems("name", period.name, APPOINTMENT_PERIOD["name"])
    problems += date_problems("start", period.start, "Der Beginn")
    problems += date_problems("end", period.end, "Das Ende")
    if period.end is not None and period.end < period.start:
        problems.append(
            FieldProblem(
                "end",
                f"Das Ende ({period.end:%d.%m.%Y}) liegt vor dem Beginn ({period.start:%d.%m.%Y}).",
            )
        )
    return problems


def overlap_problems(
    period: AppointmentPeriod, others: Iterable[AppointmentPeriod]
) -> list[FieldProblem]:
    """The council's other periods (``period`` itself is skipped by id) that share a day
    with ``period``, in one problem that names each with its span (and, after an open one,
    that it needs an end first)."""
    others = list(others)
    shared = [
        f"{quoted(other.name)} ({span(other)})"
        for other in others
        if (period.id is None or other.id != period.id) and overlap(period, other)
    ]
    if not shared:
        return []
    before = [o for o in others if o.end is None and o.start < period.start and o.id != period.id]
    advice = f" {_end_first(before[0])}" if before else ""
    return [
        FieldProblem(
            "start",
            f"Die Berufungsperiode überschneidet sich mit {listed(shared)}. "
            f"Die Berufungsperioden eines Gremiums dürfen sich nicht überschneiden.{advice}",
        )
    ]


def open_advice(period: AppointmentPeriod) -> str:
    """What to do before a period can follow the open ``period``."""
    return (
        f"{quoted(period.name)} ist offen ({span(period)}): Eine neue Berufungsperiode kann "
        f"erst nach ihrem Ende beginnen. {_end_first(period)}"
    )


def _end_first(period: AppointmentPeriod) -> str:
    return f"Geben Sie {quoted(period.name)} zuerst ein Ende."


def name_problems(
    period: AppointmentPeriod, others: Iterable[AppointmentPeriod]
) -> list[FieldProblem]:
    """A cleaned name another period of the council has already (in any case): two OParl
    terms of one name could not be told apart."""
    same = next(
        (
            other
            for other in others
            if (period.id is None or other.id != period.id)
            and other.name.casefold() == period.name.casefold()
        ),
        None,
    )
    if same is None or not period.name:
        return []
    return [
        FieldProblem(
            "name",
            f"Die Berufungsperiode {quoted(same.name)} ({span(same)}) gibt es schon. "
            "Bitte geben Sie dieser einen anderen Namen.",
        )
    ]


def usual_end(start: date) -> date:
    """The last day of a period from ``start`` as long as usual (``USUAL_YEARS``, as
    Rostock's 25.09.2024 to 24.09.2027): a default where no end is known yet."""
    try:
        later = start.replace(year=start.year + USUAL_YEARS)
    except ValueError:  # 29 February: the period ends on the 28th
        later = date(start.year + USUAL_YEARS, 3, 1)
    return later - timedelta(days=1)


def overlap(a: AppointmentPeriod, b: AppointmentPeriod) -> bool:
    return a.start <= (b.end or date.max) and b.start <= (a.end or date.max)


def covers(period: AppointmentPeriod, day: date) -> bool:
    return period.start <= day <= (period.end or date.max)


def period_on(periods: Iterable[AppointmentPeriod], day: date) -> AppointmentPeriod | None:
    """The period that holds ``day`` (at most one: they do not overlap)."""
    return next((p for p in periods if covers(p, day)), None)


def end_of_period_on(periods: Iterable[AppointmentPeriod], day: date) -> date | None:
    """The end of the period that holds ``day``: a term starting that day ends then by
    default. None where that period is open or no period holds the day."""
    period = period_on(periods, day)
    return period.end if period is not None else None


def start_of_further_term(periods: Iterable[AppointmentPeriod], ended: Member, today: date) -> date:
    """The first day a further term of ``ended``'s person is proposed to begin: the first
    day of the council's next appointment period, where one is set up to begin then or
    later; else the day after the ended term's end, or today where that lies before (found
    by a tester: opened on 20.11., a re-appointment was proposed for 20.11. to 30.11.2026,
    the rest of the old period, with the new one set up from 01.12.)."""
    assert ended.term_end is not None  # a further term follows a term with an end
    earliest = max(ended.term_end + timedelta(days=1), today)
    ahead = [p.start for p in periods if p.start >= earliest]
    return min(ahead, default=earliest)


def role_of_further_term(
    periods: Iterable[AppointmentPeriod], ended: Member, start: date
) -> MemberRole:
    """The role a further term of ``ended``'s person starting on ``start`` begins with: the
    ended term's where the further term continues it the day after its end within one
    appointment period (or where no period is set up for the further term's start), else
    member:

    - where the further term begins in an appointment period other than the one the ended
      term ended in, also where none is set up for that end (found by a tester: a vice
      chair re-appointed for the next period came back as vice chair before the new
      council's constituent meeting elected one, and the composition did not say the role
      was to be filled; where only the new period was set up, still so);
    - where days lie between the two terms (found by a tester): the person was away, and
      the role was someone else's or vacant meanwhile; it is given anew."""
    assert ended.term_end is not None  # a further term follows a term with an end
    if start > ended.term_end + timedelta(days=1):
        return MemberRole.MEMBER
    periods = list(periods)
    after = period_on(periods, start)
    if after is None or after == period_on(periods, ended.term_end):
        return ended.role
    return MemberRole.MEMBER


def span(period: AppointmentPeriod) -> str:
    """ "25.09.2024 bis 24.09.2027", "ab 25.09.2024"."""
    if period.end is None:
        return f"ab {period.start:%d.%m.%Y}"
    return f"{period.start:%d.%m.%Y} bis {period.end:%d.%m.%Y}"
