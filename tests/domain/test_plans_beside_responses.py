"""A recommendation to several projects still awaiting a response from one, while another
answered with an interim plan whose date has passed: each project is followed up for what
it owes, the one its response by the due date, the other the state of the implementation
(``RecommendationRow.follow_ups``), and the reminders group them so."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from meeting_sample import LETTERHEAD

from expertenrat.domain.enums import RecommendationKind, RecommendationStatus
from expertenrat.domain.recommendation_links import AddressedProject, Origin
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.recommendations import days_overdue
from expertenrat.domain.reminders import (
    ReminderLetter,
    due_in_order,
    plan_lines,
    reminder_subject,
    reminders_due,
)

TODAY = date(2026, 6, 1)
KLIMA = AddressedProject(1, "Klimaportal")
DATEN = AddressedProject(2, "Datenplattform")
SENT = RecommendationStatus.SENT


def _mixed(due: date, plan: date) -> RecommendationRow:
    """E-2026-07 to both, sent: Klimaportal answered with a plan by ``plan``, Datenplattform
    has not answered."""
    return RecommendationRow(
        id=7, code="E-2026-07", kind=RecommendationKind.RECOMMENDATION, title="Offene Daten",
        action_field_id=None, action_field="", projects=(KLIMA, DATEN), origin=Origin(),
        adopted_on=date(2026, 1, 1), sent_on=date(2026, 1, 2), due_on=due, status=SENT,
        days_overdue=days_overdue(SENT, due, TODAY), version=1,
        answered=frozenset({KLIMA.id}), plans=((KLIMA.id, plan),), on=TODAY,
    )  # fmt: skip


def test_the_late_plan_is_awaited_from_its_project_the_response_from_the_other():
    row = _mixed(date(2026, 5, 1), date(2026, 5, 20))

    response, plan = row.follow_ups

    assert response is row  # the register's row stays as it was
    assert (row.status_text, row.overdue_text) == (
        "übermittelt (1 von 2 geantwortet)",
        "seit 31 Tagen überfällig",
    )
    assert [p.title for p in response.awaited_projects] == ["Datenplattform"]
    assert not response.awaits_plan
    assert [p.title for p in plan.awaited_projects] == ["Klimaportal"]
    assert (plan.awaits_plan, plan.planned_by, plan.awaited_on) == (
        True,
        date(2026, 5, 20),
        date(2026, 5, 20),
    )
    assert plan.overdue_text == "Umsetzung geplant bis 20.05.2026, seit 12 Tagen überfällig"
    assert row.follow_up_for(KLIMA.id) == plan
    assert row.follow_up_for(DATEN.id) is response


def test_each_project_is_reminded_of_what_it_owes_on_the_same_recommendation():
    row = _mixed(date(2026, 5, 1), date(2026, 5, 20))

    daten, klima = reminders_due([row], TODAY)

    assert (daten.project, [i.code for i in daten.responses], daten.plans) == (
        DATEN,
        ["E-2026-07"],
        (),
    )
    assert (klima.project, klima.responses, [i.code for i in klima.plans]) == (
        KLIMA,
        (),
        ["E-2026-07"],
    )
    assert daten.overdue == klima.overdue == 1
    letter = ReminderLetter(LETTERHEAD, klima, TODAY)
    assert reminder_subject(letter) == (
        "Erinnerung: Stand der geplanten Umsetzung einer Empfehlung – Klimaportal"
    )
    assert plan_lines(letter) == [
        "E-2026-07 „Offene Daten“ – Umsetzung war geplant bis 20.05.2026 – wir bitten um "
        "eine Rückmeldung zum Stand"
    ]
    assert [r.awaits_plan for r in due_in_order([row], TODAY)] == [False, True]  # by date


def test_a_passed_plan_is_chased_though_the_others_response_is_not_yet_due():
    row = _mixed(date(2026, 7, 1), date(2026, 5, 20))  # the response: beyond 14 days

    (klima,) = reminders_due([row], TODAY)

    assert klima.project == KLIMA and [i.code for i in klima.plans] == ["E-2026-07"]
    assert not row.overdue and row.any_overdue  # the register's filter "überfällig" finds it


def test_a_plan_not_yet_passed_is_not_chased_beside_the_awaited_response():
    row = _mixed(date(2026, 5, 1), TODAY)  # the planned day itself

    assert row.follow_ups == (row,)
    assert row.follow_up_for(KLIMA.id) is None
    assert [r.project.title for r in reminders_due([row], TODAY)] == ["Datenplattform"]


def test_each_project_whose_plan_passed_is_followed_up_by_its_own_plans_date():
    """Of three projects, one has not answered, two answered with plans that have both
    passed: "Ausstehend von", the line under each project and the reminders give each its
    own plan's date and days, not those of the earliest plan."""
    park = AddressedProject(3, "Parkhaus")
    row = replace(
        _mixed(date(2026, 5, 1), date(2026, 5, 20)),
        projects=(KLIMA, DATEN, park),
        answered=frozenset({KLIMA.id, DATEN.id}),
        plans=((KLIMA.id, date(2026, 5, 20)), (DATEN.id, date(2026, 5, 25))),
    )

    assert row.outstanding_text == (
        "Parkhaus; "
        "Klimaportal (Umsetzung geplant bis 20.05.2026, seit 12 Tagen überfällig); "
        "Datenplattform (Umsetzung geplant bis 25.05.2026, seit 7 Tagen überfällig)"
    )
    assert row.follow_up_for(DATEN.id).overdue_text == (
        "Umsetzung geplant bis 25.05.2026, seit 7 Tagen überfällig"
    )
    by_project = {r.project.title: r.items for r in reminders_due([row], TODAY)}
    assert [i.planned_by for i in by_project["Datenplattform"]] == [date(2026, 5, 25)]
    assert [i.planned_by for i in by_project["Klimaportal"]] == [date(2026, 5, 20)]
    assert [i.awaits_plan for i in by_project["Parkhaus"]] == [False]


def test_all_answered_with_plans_each_owes_its_own_plan():
    """Every project answered with a plan (the register's row awaits the outcome, by the
    earliest plan): each project's part names its own plan's date."""
    answered = RecommendationStatus.ANSWERED
    row = replace(
        _mixed(date(2026, 5, 1), date(2026, 5, 20)),
        status=answered,
        answered=frozenset({KLIMA.id, DATEN.id}),
        plans=((KLIMA.id, date(2026, 5, 20)), (DATEN.id, date(2026, 5, 25))),
        planned_by=date(2026, 5, 20),
        days_overdue=days_overdue(answered, date(2026, 5, 1), TODAY, date(2026, 5, 20)),
    )

    assert row.outstanding_text == (
        "Klimaportal (Umsetzung geplant bis 20.05.2026, seit 12 Tagen überfällig); "
        "Datenplattform (Umsetzung geplant bis 25.05.2026, seit 7 Tagen überfällig)"
    )
