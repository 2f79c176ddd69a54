"""The completeness check of the minutes: what German practice expects before a draft is done.

One line (:class:`~expertenrat.domain.minutes_checklist_lines.ChecklistLine`) per element
(date, place, start and end, chair, minute-taker, attendance, invitation and notice period,
quorum, agenda approved, items taken up in another order than invited, non-public
titles in the agenda's changes, previous minutes), then the lines about the agenda items
(:mod:`~expertenrat.domain.minutes_checklist_items`). Each line says in German what is
missing and where to fix it (its target). What the check looks at:
:class:`~expertenrat.domain.minutes_checklist_facts.ChecklistFacts`.
"""

from __future__ import annotations

from expertenrat.domain.attendance_order import outside_meeting, span_text
from expertenrat.domain.earlier_minutes import put_off_line
from expertenrat.domain.enums import (
    AgendaItemOutcome,
    AttendanceStatus,
    MinutesApproval,
    MinutesState,
)
from expertenrat.domain.invitation_due import invitation_deadline
from expertenrat.domain.member_guests import member_guest_lines
from expertenrat.domain.minutes import MinutesHeader
from expertenrat.domain.minutes_checklist_facts import (
    AttendanceTimes,
    ChecklistFacts,
    PreviousMinutes,
)
from expertenrat.domain.minutes_checklist_items import item_lines, recusal_lines, unnamed_lines
from expertenrat.domain.minutes_checklist_lines import (
    Checklist,
    ChecklistLine,
    ChecklistTarget,
    checked,
)
from expertenrat.domain.minutes_checklist_order import (
    dropped_lines,
    non_public_title_lines,
    order_lines,
    unsent_lines,
)
from expertenrat.domain.minutes_checklist_outcomes import outcome_lines
from expertenrat.domain.wording import listed


def checklist(facts: ChecklistFacts) -> Checklist:
    header = facts.header
    lines = [
        checked("date", True, f"Datum: {facts.meeting_day:%d.%m.%Y}", "meeting.date"),
        checked(
            "place",
            bool(facts.place.strip()),
            f"Ort: {facts.place}" if facts.place.strip() else "Der Sitzungsort fehlt.",
            "meeting.place",
        ),
        _time_line("opened_at", header, "Beginn", "Die Uhrzeit des Beginns fehlt."),
        _time_line("closed_at", header, "Ende", "Die Uhrzeit des Endes fehlt."),
        _chair_line(facts),
        checked(
            "minute_taker",
            bool(header.minute_taker.strip()),
            f"Protokoll: {header.minute_taker}"
            if header.minute_taker.strip()
            else "Die Protokollführung ist nicht angegeben.",
            "minute_taker",
        ),
        _attendance_line(facts),
        _invitation_line(facts),
        _quorum_line(facts),
        checked(
            "agenda_approved",
            header.agenda_approved,
            "Tagesordnung genehmigt"
            + (" (mit Änderungen)" if header.agenda_changes.strip() else "")
            if header.agenda_approved
            else "Es fehlt der Vermerk, dass die Tagesordnung genehmigt wurde.",
            "agenda_approved",
        ),
        *order_lines(facts.moved_items, header.agenda_changes),
        *unsent_lines(facts.unsent_items, header.agenda_changes, facts.unsent_certain),
        *dropped_lines(facts.unsent_dropped, header.agenda_changes, facts.unsent_certain),
        *non_public_title_lines(facts.items, header.agenda_changes),
        *_previous_lines(facts),
    ]
    lines += item_lines(facts.items) + outcome_lines(facts.items)
    lines += recusal_lines(facts.items, facts.undecided_conflicts)
    lines += unnamed_lines(facts) + member_guest_lines(facts.member_guests)
    return Checklist(tuple(lines))


def _chair_line(facts: ChecklistFacts) -> ChecklistLine:
    """The chair is named, and was there (one of the two entries is wrong otherwise); a
    warning where the chair came late, left early or was recused at an item: someone else
    led the meeting meanwhile, which the minutes should say (found by a tester)."""
    field, name = "chair_membership_id", facts.chair_name
    if not name:
        text = f"Die Sitzungsleitung ({facts.chair_title}) ist nicht angegeben."
        return checked("chair", False, text, field)
    status = facts.chair_status
    if status is not None and status is not AttendanceStatus.PRESENT:
        return checked(
            "chair",
            False,
            f"Die Sitzungsleitung {name} ist in der Anwesenheit als {status.label} erfasst.",
            field,
        )
    away = _chair_away(facts) if status is AttendanceStatus.PRESENT else ()
    if away:
        text = (
            f"Sitzungsleitung: {name}, {listed([a for a, _ in away])}. Wer die Sitzung "
            f"{listed([w for _, w in away])} leitete, sollte das Protokoll festhalten."
        )
        return ChecklistLine("chair", True, text, ChecklistTarget(field), warning=True)
    return checked("chair", True, f"Sitzungsleitung: {name}", field)


def _chair_away(facts: ChecklistFacts) -> tuple[tuple[str, str], ...]:
    """Where the chair present could not lead: what the attendance or the recusals say,
    each with the time someone else led ("in der übrigen Zeit", "bei TOP 6.1")."""
    away = []
    partial = facts.chair_partial
    if partial:
        only = partial if partial.startswith("nur ") else f"nur {partial}"  # "nur TOP 4"
        away.append((f"laut Anwesenheit {only} anwesend", "in der übrigen Zeit"))
    chair = facts.header.chair_membership_id
    recused = [i.number for i in facts.items if any(r.membership_id == chair for r in i.recused)]
    if recused:
        at = f"bei TOP {listed(recused)}"
        away.append((f"{at} befangen", at))
    return tuple(away)


def _time_line(key: str, header: MinutesHeader, name: str, missing: str) -> ChecklistLine:
    value = getattr(header, key)
    if value is None:
        return checked(key, False, missing, key)
    return checked(key, True, f"{name}: {value:%H:%M} Uhr", key)


def _attendance_line(facts: ChecklistFacts) -> ChecklistLine:
    if facts.no_members:  # not "vollständig erfasst" with "0 von 0 … anwesend"
        text = (
            f"Am {facts.meeting_day:%d.%m.%Y} gehört dem Gremium kein Mitglied an; bitte "
            "erfassen Sie zuerst die Mitglieder (mit dem Beginn ihrer Amtszeit)."
        )
        return checked("attendance", False, text, "attendance")
    unrecorded = facts.unrecorded
    if unrecorded:
        shown = ", ".join(unrecorded[:5]) + (" …" if len(unrecorded) > 5 else "")
        count = len(unrecorded)
        who = "ein Mitglied" if count == 1 else f"{count} Mitglieder"
        text = f"Die Anwesenheit fehlt für {who}: {shown}."
        return checked("attendance", False, text, "attendance")
    if facts.attendance_problem:
        return checked("attendance", False, facts.attendance_problem, "attendance")
    outside = _times_outside(facts.header, facts.attendance_times) if facts.times_checked else ""
    if outside:
        return checked("attendance", False, outside, "attendance")
    return checked("attendance", True, "Anwesenheit vollständig erfasst", "attendance")


def _times_outside(header: MinutesHeader, times: tuple[AttendanceTimes, ...]) -> str:
    """A member recorded to come before the meeting began or to go after it ended: the
    minutes would contradict themselves ("ab TOP 6 (06:30 Uhr)" beside "Beginn 07:05")."""
    opened, closed = header.opened_at, header.closed_at

    found = [
        f"{t.name} {said.format(f'{moment:%H:%M}')}"
        for t in times
        for said, moment in (
            ("kommt um {} Uhr", t.arrived_at),
            ("geht um {} Uhr", t.left_at),
            ("verlässt die Sitzung um {} Uhr", t.away_at),
            ("kehrt um {} Uhr zurück", t.back_at),
        )
        if outside_meeting(moment, opened, closed)
    ]
    if not found:
        return ""
    span = span_text(opened, closed)
    return f"Die Anwesenheit nennt Uhrzeiten außerhalb der Sitzung ({span}): {', '.join(found)}."


def _quorum_line(facts: ChecklistFacts) -> ChecklistLine:
    """Noted or not; a warning where the council was not quorate for the whole meeting (a
    resolution at an item without quorum is warned at the item's votes)."""
    statement = facts.quorum_statement
    if not facts.attendance_taken:  # no "0 von 9 … nicht beschlussfähig" before it is taken
        if not facts.header.quorum_noted:
            text = (
                "Die Feststellung der Beschlussfähigkeit fehlt (die Anwesenheit ist noch "
                "nicht erfasst)."
            )
            return checked("quorum", False, text, "quorum_noted")
        text = "Beschlussfähigkeit festgestellt; die Anwesenheit ist noch nicht erfasst."
        return ChecklistLine("quorum", True, text, ChecklistTarget("quorum_noted"), warning=True)
    if not facts.header.quorum_noted:
        text = f"Die Feststellung der Beschlussfähigkeit fehlt (laut Anwesenheit: {statement})."
        return checked("quorum", False, text, "quorum_noted")
    if facts.quorum_throughout:
        return checked(
            "quorum", True, f"Beschlussfähigkeit festgestellt: {statement}", "quorum_noted"
        )
    text = f"Beschlussfähigkeit festgestellt, aber nicht für die ganze Sitzung: {statement}."
    return ChecklistLine("quorum", True, text, ChecklistTarget("quorum_noted"), warning=True)


def _invitation_line(facts: ChecklistFacts) -> ChecklistLine:
    field = "meeting.invitation_sent_on"
    sent = facts.invitation_sent_on
    if sent is None:
        return checked("invitation", False, "Das Versanddatum der Einladung fehlt.", field)
    days = facts.notice_period_days
    deadline = invitation_deadline(facts.meeting_day, days)
    period = "1 Tag" if days == 1 else f"{days} Tage"
    if sent <= deadline:
        if days == 0:  # never "Ladungsfrist 0 Tage": the council has none
            return checked("invitation", True, f"Einladung am {sent:%d.%m.%Y} versandt", field)
        text = f"Einladung am {sent:%d.%m.%Y} versandt – fristgerecht (Ladungsfrist {period})"
        return checked("invitation", True, text, field)
    late = (
        "nach der Sitzung"
        if days == 0
        else f"nicht fristgerecht (Ladungsfrist {period}, spätestens am {deadline:%d.%m.%Y})"
    )
    text = (
        f"Einladung am {sent:%d.%m.%Y} versandt – {late}. "
        "Das Protokoll sollte festhalten, dass niemand die Ladung gerügt hat."
    )
    return ChecklistLine("invitation", True, text, ChecklistTarget(field), warning=True)


def _previous_lines(facts: ChecklistFacts) -> list[ChecklistLine]:
    """One line per earlier minutes the meeting was to approve: those of the previous
    meeting, or with more than one approval item on the agenda those each names."""
    if facts.approvals:
        return [_minutes_line(m, m.item_id, m.put_off, facts.approval) for m in facts.approvals]
    if facts.previous is None:
        return [
            checked(
                "previous_minutes",
                True,
                "Keine vorherige Sitzung: kein Protokoll zu genehmigen",
                "previous_minutes",
                facts.approval_item_id,
            )
        ]
    return [
        _minutes_line(
            facts.previous, facts.approval_item_id, facts.approval_put_off, facts.approval
        )
    ]


def _minutes_line(
    previous: PreviousMinutes,
    item: int | None,
    put_off: AgendaItemOutcome | None,
    approval: MinutesApproval,
) -> ChecklistLine:
    """Whether the minutes ``previous`` are approved, their objections handled or their
    approval item ``item`` put off (``put_off``); else what is missing."""
    key, field = "previous_minutes", "previous_minutes"
    name = f"Das Protokoll der {previous.meeting_label}"
    if previous.state is MinutesState.APPROVED:
        on = f" am {previous.approved_on:%d.%m.%Y}" if previous.approved_on else ""
        return checked(
            key, True, f"Protokoll der {previous.meeting_label} genehmigt{on}", field, item
        )
    if put_off is not None:  # the meeting put it off: nothing is missing
        text = put_off_line(f"der {previous.meeting_label}", put_off)
        return checked(key, True, text, field, item)
    if (
        previous.state is MinutesState.CIRCULATED
        and not previous.open_objections
        and (approval is MinutesApproval.OBJECTIONS)
    ):
        return checked(
            key, True, f"Protokoll der {previous.meeting_label}: Einwände behandelt", field, item
        )
    # What is missing is done in the Genehmigung tab of the previous meeting.
    target = (
        ChecklistTarget("approval", meeting_id=previous.meeting_id)
        if previous.meeting_id is not None
        else ChecklistTarget(field, item)
    )
    if previous.open_objections:
        count = previous.open_objections
        objections = "ein Einwand ist" if count == 1 else f"{count} Einwände sind"
        text = f"{name}: {objections} noch nicht entschieden."
    elif previous.state is None:
        text = f"{name} ist noch nicht versandt und nicht genehmigt."
    else:
        text = f"{name} ist noch nicht genehmigt."
    return ChecklistLine(key, False, text, target)
