"""Which recommendations a reminder names: awaiting a response, overdue or due within 14
days, or answered only with an interim plan whose date has passed; per addressed project."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_sample import LETTERHEAD

from expertenrat.domain.enums import RecommendationKind, RecommendationStatus, ResponseVerdict
from expertenrat.domain.recommendation_links import AddressedProject, Origin
from expertenrat.domain.recommendation_responses import pending_plan
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.recommendations import days_overdue
from expertenrat.domain.reminders import (
    ProjectReminder,
    ReminderLetter,
    plan_lines,
    reminded_codes,
    reminded_on,
    reminder_subject,
    reminder_summary,
    reminders_due,
    response_lines,
    response_request,
    response_state,
    unaddressed_due,
)

TODAY = date(2026, 6, 1)
KLIMA = AddressedProject(1, "Klimaportal")
DATEN = AddressedProject(2, "Datenplattform")


def _row(code: str, due: date | None, *projects, status=RecommendationStatus.SENT, plan=None):
    return RecommendationRow(
        id=int(code[-2:]), code=code, kind=RecommendationKind.RECOMMENDATION, title=code,
        action_field_id=None, action_field="", projects=projects, origin=Origin(),
        adopted_on=date(2026, 1, 1), sent_on=date(2026, 1, 2), due_on=due, status=status,
        days_overdue=days_overdue(status, due, TODAY, plan), version=1, planned_by=plan,
        plans=tuple((p.id, plan) for p in projects) if plan else (),
    )  # fmt: skip


def test_the_window_ends_14_days_ahead_and_only_awaited_responses_count():
    rows = [
        _row("E-2026-01", date(2026, 6, 15), KLIMA),  # the last day of the window
        _row("E-2026-02", date(2026, 6, 16), KLIMA),  # one day beyond
        _row("E-2026-03", date(2025, 1, 1), KLIMA, status=RecommendationStatus.ANSWERED),
        _row("E-2026-04", None, KLIMA),
        _row("E-2026-05", date(2026, 5, 1)),  # addressed to no project
    ]

    (reminder,) = reminders_due(rows, TODAY)

    assert [i.code for i in reminder.items] == ["E-2026-01"]
    assert reminder.overdue == 0


def test_a_recommendation_to_two_projects_reminds_both_sorted_by_title():
    rows = [_row("E-2026-07", date(2026, 5, 1), KLIMA, DATEN), _row("E-2026-08", TODAY, KLIMA)]

    reminders = reminders_due(rows, TODAY)

    assert [(r.project.title, [i.code for i in r.items]) for r in reminders] == [
        ("Datenplattform", ["E-2026-07"]),
        ("Klimaportal", ["E-2026-07", "E-2026-08"]),
    ]
    assert [r.overdue for r in reminders] == [1, 1]


def test_due_recommendations_to_no_project_are_named_apart():
    rows = [
        _row("E-2026-09", date(2026, 6, 10)),  # due soon, no project
        _row("E-2026-10", date(2026, 5, 1)),  # overdue, no project
        _row("E-2026-11", date(2026, 6, 16)),  # beyond the window
        _row("E-2026-12", date(2026, 5, 1), status=RecommendationStatus.ANSWERED),
        _row("E-2026-13", date(2026, 5, 1), KLIMA),  # a project reminds it
    ]

    assert [r.code for r in unaddressed_due(rows, TODAY)] == ["E-2026-10", "E-2026-09"]
    assert [i.code for r in reminders_due(rows, TODAY) for i in r.items] == ["E-2026-13"]


A = RecommendationStatus.ANSWERED


@pytest.mark.parametrize(
    ("verdict", "final", "planned", "expected"),
    [
        (ResponseVerdict.PLANNED, False, date(2026, 6, 30), date(2026, 6, 30)),
        (ResponseVerdict.PLANNED, False, None, None),  # no date: nothing to chase by
        (ResponseVerdict.PLANNED, True, date(2026, 6, 30), None),  # a final answer
        (ResponseVerdict.COMPLIED, False, date(2026, 6, 30), None),  # not a plan
    ],
)
def test_only_a_latest_interim_plan_with_a_date_is_waited_for(verdict, final, planned, expected):
    assert pending_plan(verdict, final, planned) == expected


def test_a_plan_is_overdue_from_the_day_after_its_date_and_only_while_answered():
    day = date(2026, 5, 20)

    assert days_overdue(A, date(2026, 5, 1), TODAY, day) == 12  # the plan's date counts
    assert days_overdue(A, date(2026, 5, 1), TODAY, None) == 0  # answered: no due date
    assert days_overdue(A, None, TODAY, TODAY) == 0  # the planned day itself
    closed = RecommendationStatus.IMPLEMENTED
    assert days_overdue(closed, None, TODAY, day) == 0
    sent = RecommendationStatus.SENT
    assert days_overdue(sent, date(2026, 5, 30), TODAY, day) == 2  # the due date counts


def test_a_passed_plan_is_reminded_a_plan_ahead_is_not_even_within_14_days():
    rows = [
        _row("E-2026-21", date(2026, 4, 1), KLIMA, status=A, plan=date(2026, 5, 20)),
        _row("E-2026-22", date(2026, 4, 1), KLIMA, status=A, plan=TODAY),
        _row("E-2026-23", date(2026, 4, 1), KLIMA, status=A, plan=date(2026, 6, 10)),
        _row("E-2026-24", date(2026, 5, 25), KLIMA),  # a response overdue
        _row("E-2026-25", date(2026, 4, 1), DATEN, status=A, plan=date(2026, 5, 31)),
    ]

    daten, klima = reminders_due(rows, TODAY)

    assert [i.code for i in klima.items] == ["E-2026-21", "E-2026-24"]  # by date awaited
    assert ([i.code for i in klima.plans], [i.code for i in klima.responses]) == (
        ["E-2026-21"],
        ["E-2026-24"],
    )
    assert klima.overdue == 2 and daten.plans[0].overdue_text == (
        "Umsetzung geplant bis 31.05.2026, seit 1 Tag überfällig"
    )


def test_the_wording_asks_for_the_state_of_the_planned_implementation():
    plan = _row("E-2026-21", date(2026, 4, 1), KLIMA, status=A, plan=date(2026, 5, 30))
    response = _row("E-2026-24", date(2026, 5, 25), KLIMA)
    both = ReminderLetter(LETTERHEAD, ProjectReminder(KLIMA, (response, plan)), TODAY)
    only_plan = ReminderLetter(LETTERHEAD, ProjectReminder(KLIMA, (plan,)), TODAY)

    assert plan_lines(both) == [
        "E-2026-21 „E-2026-21“ – Umsetzung war geplant bis 30.05.2026 – wir bitten um eine "
        "Rückmeldung zum Stand"
    ]
    assert response_lines(both) == [
        "E-2026-24 „E-2026-24“ – Frist 25.05.2026, seit 7 Tagen überfällig"
    ]
    assert reminder_subject(only_plan) == (
        "Erinnerung: Stand der geplanten Umsetzung einer Empfehlung – Klimaportal"
    )
    assert reminder_subject(both) == (
        "Erinnerung: ausstehende Stellungnahme und Stand der geplanten Umsetzung – Klimaportal"
    )


def test_the_request_asks_by_the_due_date_or_soon_where_it_has_passed():
    late = _row("E-2026-24", date(2026, 5, 25), KLIMA)
    ahead = _row("E-2026-25", date(2026, 6, 10), KLIMA)

    assert response_state([late]) == "Ihre Antwort steht noch aus."
    assert response_request([late]).startswith(
        "Die genannte Frist ist verstrichen. Wir bitten Sie, uns möglichst bald mitzuteilen, "
        "ob und wie"
    )
    assert response_state([ahead]) == "Ihre Antwort ist in den nächsten Tagen fällig."
    assert response_request([ahead]).startswith(
        "Wir bitten Sie, uns bis zur genannten Frist mitzuteilen, ob und wie"
    )
    assert "steht noch aus oder ist in den nächsten Tagen" in response_state([late, ahead])
    assert "wo sie schon verstrichen ist, möglichst bald" in response_request([late, ahead])


@pytest.mark.parametrize(
    ("last", "recent"),
    [
        (None, False),
        (date(2026, 5, 30), True),
        (date(2026, 5, 19), True),
        (date(2026, 5, 18), False),
    ],
)
def test_a_project_reminded_in_the_last_14_days_was_reminded_recently(last, recent):
    """(found by a tester) The reminders dialog chose a project reminded two days before
    again; two weeks after a reminder it is chosen again."""
    reminder = ProjectReminder(KLIMA, (_row("E-2026-01", date(2026, 5, 1), KLIMA),), last)
    assert reminder.reminded_recently(TODAY) is recent


def test_the_day_of_a_reminder_is_read_back_from_its_audit_line():
    """Whatever the project's title holds, the day is the reminder's."""
    for title in ("Klimaportal", "Portal (01.01.2020): alt", "„Daten“ & <Co> 😀"):
        summary = reminder_summary(title, date(2026, 3, 3), ["E-2026-01", "E-2026-04"])
        assert reminded_on(summary) == date(2026, 3, 3)
        assert reminded_codes(summary) == ("E-2026-01", "E-2026-04")
    assert summary.startswith("Erinnerung an „„Daten“ & <Co> 😀“ (03.03.2026): E-2026-01")
    assert reminded_on("Projekt „Klimaportal“ geändert") is None
    assert reminded_codes("Projekt „Klimaportal“ geändert") == ()
    assert reminded_on("Erinnerung an „X“ (31.02.2026): E-2026-01") is None


def test_a_right_to_left_project_is_set_apart_in_the_audit_line_of_a_reminder():
    """Unset apart, the Änderungsprotokoll showed "Erinnerung an „(03.12.2026) “פרויקט עברי:"
    (the date ran into the Hebrew title); the day is still read back (found by a tester)"""
    summary = reminder_summary("פרויקט עברי", date(2026, 12, 3), ["E-2026-05"])

    assert summary == "Erinnerung an „\u2068פרויקט עברי\u2069“ (03.12.2026): E-2026-05"
    assert reminded_on(summary) == date(2026, 12, 3)
    assert reminder_summary("Klimaportal", date(2026, 12, 3), ["E-2026-05"]) == (
        "Erinnerung an „Klimaportal“ (03.12.2026): E-2026-05"
    )
