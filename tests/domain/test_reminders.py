"""Which recommendations a reminder names: awaiting a response, overdue or due within 14
days, per addressed project."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.enums import RecommendationKind, RecommendationStatus
from expertenrat.domain.recommendation_views import AddressedProject, Origin, RecommendationRow
from expertenrat.domain.recommendations import days_overdue
from expertenrat.domain.reminders import reminders_due, unaddressed_due

TODAY = date(2026, 6, 1)
KLIMA = AddressedProject(1, "Klimaportal")
DATEN = AddressedProject(2, "Datenplattform")


def _row(code: str, due: date | None, *projects, status=RecommendationStatus.SENT):
    return RecommendationRow(
        id=int(code[-2:]), code=code, kind=RecommendationKind.RECOMMENDATION, title=code,
        action_field_id=None, action_field="", projects=projects, origin=Origin(),
        adopted_on=date(2026, 1, 1), sent_on=date(2026, 1, 2), due_on=due, status=status,
        days_overdue=days_overdue(status, due, TODAY), version=1,
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
