"""The Übersicht's lists of recommendations, from the register's rows: what is overdue or
due soon (as the reminders name it), what was adopted but not yet sent, what was answered
only in the interim (the final answer awaited by no date) and what was answered finally
but not closed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.follow_through import adopted_waiting
from expertenrat.domain.overview import Area, Line, Target, TargetFilter
from expertenrat.domain.recommendation_links import AddressedProject
from expertenrat.domain.recommendation_views import DUE_TODAY, RecommendationRow
from expertenrat.domain.reminders import REMINDER_WINDOW, due_in_order
from expertenrat.domain.wording import isolated


def responses_due(
    rows: Iterable[RecommendationRow], today: date, reminded: Mapping[tuple[int, str], date]
) -> tuple[Line, ...]:
    """Of the register's ``rows``, those a reminder would name (``due_in_order``): overdue
    (urgent: the response, or the state of a planned implementation) or a response due
    within :data:`DUE_SOON_DAYS` days, soonest first; a line opens the recommendation (and
    names the projects it is addressed to) and says when the projects named were last
    reminded of it (``reminded``: by project id and code) or that they were not yet."""
    return tuple(
        Line(
            response_line(row, today) + _reminder_note(row, reminded),
            Target(
                Area.RECOMMENDATIONS,
                record_id=row.id,
                filter=TargetFilter.OVERDUE if row.overdue else TargetFilter.OPEN,
            ),
            urgent=row.overdue,
        )
        for row in due_in_order(rows, today)
    )


def _reminder_note(row: RecommendationRow, reminded: Mapping[tuple[int, str], date]) -> str:
    """ ", zuletzt erinnert am 02.12.2025" (of several projects named, the earliest of
    their latest reminders), ", noch nicht erinnert", or ", noch nicht jedes Projekt
    erinnert"; "" for a recommendation addressed to no project, which no reminder can
    name. A reminder before what is awaited now came due (:data:`REMINDER_WINDOW` before
    its date: that of the response, or of a plan answered since) chased something else."""
    projects = row.awaited_projects or row.projects
    if not projects:
        return ""
    since = row.awaited_on - REMINDER_WINDOW if row.awaited_on else date.min
    days = [reminded.get((project.id, row.code)) for project in projects]
    current = [day for day in days if day is not None and day >= since]
    if not current:
        return ", noch nicht erinnert"
    if len(current) < len(days):
        return ", noch nicht jedes Projekt erinnert"
    return f", zuletzt erinnert am {min(current):%d.%m.%Y}"


def to_send(rows: Iterable[RecommendationRow], today: date, draft_weeks: int) -> tuple[Line, ...]:
    """Of the register's ``rows``, those adopted but not yet sent to the projects, the
    oldest first: the secretariat's to send, no answer owed yet ("Zu übermitteln"); a line
    opens the recommendation, says how long it waits and is late past the day the draft
    minutes of its meeting were due (``draft_weeks``, the council's period:
    :func:`~expertenrat.domain.follow_through.adopted_waiting`)."""
    adopted = [row for row in rows if row.status is RecommendationStatus.ADOPTED]
    adopted.sort(key=lambda row: (row.adopted_on or date.max, row.code))
    lines = []
    for row in adopted:
        waiting, late = adopted_waiting(row.adopted_on, draft_weeks, today)
        said = ", ".join(part for part in (waiting, "noch nicht übermittelt", late) if part)
        lines.append(
            Line(
                f"{_head(row, row.projects)}: {said}",
                Target(Area.RECOMMENDATIONS, record_id=row.id, filter=TargetFilter.TO_SEND),
                urgent=bool(late),
            )
        )
    return tuple(lines)


def closable(rows: Iterable[RecommendationRow]) -> tuple[Line, ...]:
    """Of the register's ``rows``, those answered finally by every addressed project
    (``RecommendationRow.settled``) but still "beantwortet", in the register's order:
    nothing more is awaited, so nothing reminds of them; the council can close them
    ("Abschluss möglich"). A line opens the recommendation."""
    return tuple(
        Line(
            f"{_head(row, row.projects)}: abschließend beantwortet, noch nicht abgeschlossen",
            Target(Area.RECOMMENDATIONS, record_id=row.id, filter=TargetFilter.CLOSABLE),
        )
        for row in rows
        if row.settled
    )


def awaiting_final(rows: Iterable[RecommendationRow]) -> tuple[Line, ...]:
    """Of the register's ``rows``, those "beantwortet" of which some project's standing
    answer is interim (not ``settled``) and no dated plan awaits the outcome
    (``awaits_plan``), in the register's order: the final answer is still awaited (the
    domain's rule: only a final answer of every project settles it), but no date brings
    it to the overdue or due lists, nor does "Abschluss möglich". A line opens the
    recommendation."""
    return tuple(
        Line(
            f"{_head(row, row.projects)}: Zwischenantwort erhalten, abschließende "
            "Stellungnahme steht aus",
            Target(Area.RECOMMENDATIONS, record_id=row.id, filter=TargetFilter.ANSWERED),
        )
        for row in rows
        if row.status is RecommendationStatus.ANSWERED and not row.settled and not row.awaits_plan
    )


def response_line(row: RecommendationRow, today: date) -> str:
    """ "E-2026-07 Offene Daten (Mobilitätsplattform): seit 12 Tagen überfällig", or for a
    passed interim plan ": Umsetzung geplant bis 30.06.2026, seit 3 Tagen überfällig".
    The projects named are those awaited (of several, not one that has answered). Title
    and projects are set apart for the bidi algorithm (:func:`isolated`)."""
    head = _head(row, row.awaited_projects or row.projects)
    if row.overdue:
        return f"{head}: {row.overdue_text}"
    if row.due_today(today):
        return f"{head}: {DUE_TODAY}"
    return f"{head}: fällig am {row.awaited_on:%d.%m.%Y}"


def _head(row: RecommendationRow, projects: Sequence[AddressedProject]) -> str:
    """Code, title and (in brackets) the ``projects``, one marked as finished "…,
    abgeschlossen" (not brackets in brackets), title and projects set apart for the bidi
    algorithm (:func:`isolated`)."""
    names = "; ".join(isolated(p.title) + (", abgeschlossen" if p.ended else "") for p in projects)
    return f"{row.code} {isolated(row.title)}" + (f" ({names})" if names else "")
