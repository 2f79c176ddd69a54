"""The Übersicht's lines about recommendations, with titles and projects in any script."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.enums import RecommendationKind, RecommendationStatus
from expertenrat.domain.overview_register import response_line, responses_due
from expertenrat.domain.recommendation_links import AddressedProject, Origin
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.recommendations import days_overdue

TODAY = date(2026, 12, 3)


def _row(title: str, *projects: AddressedProject) -> RecommendationRow:
    due = date(2026, 10, 27)
    status = RecommendationStatus.SENT
    return RecommendationRow(
        id=5, code="E-2026-05", kind=RecommendationKind.RECOMMENDATION, title=title,
        action_field_id=None, action_field="", projects=projects, origin=Origin(),
        adopted_on=date(2026, 8, 20), sent_on=date(2026, 8, 27), due_on=due, status=status,
        days_overdue=days_overdue(status, due, TODAY, None), version=1,
    )  # fmt: skip


def test_a_right_to_left_title_and_project_keep_their_places_in_the_line():
    # Unset apart, "… مرحبا (פרויקט)" is one right-to-left run: the project shows before
    # the title's end, and the colon after it moves to the left.
    row = _row("Empfehlung مرحبا", AddressedProject(3, "פרויקט עברי"))

    assert response_line(row, TODAY) == (
        "E-2026-05 \u2068Empfehlung مرحبا\u2069 (\u2068פרויקט עברי\u2069): seit 37 Tagen überfällig"
    )


def test_a_left_to_right_line_stays_as_it_was():
    row = _row("Offene Daten", AddressedProject(3, "Klimaportal"))

    assert response_line(row, TODAY) == (
        "E-2026-05 Offene Daten (Klimaportal): seit 37 Tagen überfällig"
    )


def test_of_two_projects_only_the_one_awaited_is_named():
    from dataclasses import replace

    row = replace(
        _row("Offene Daten", AddressedProject(3, "Klimaportal"), AddressedProject(4, "Parkhaus")),
        answered=frozenset({3}),
    )

    assert response_line(row, TODAY) == (
        "E-2026-05 Offene Daten (Parkhaus): seit 37 Tagen überfällig"
    )


def test_a_project_marked_as_finished_is_named_so_without_brackets_in_brackets():
    """(found by a tester; the brackets in brackets found by the lead)"""
    row = _row(
        "Offene Daten", AddressedProject(3, "Klimaportal", ended=True), AddressedProject(4, "Bad")
    )

    assert response_line(row, TODAY) == (
        "E-2026-05 Offene Daten (Klimaportal, abgeschlossen; Bad): seit 37 Tagen überfällig"
    )


def test_a_line_says_when_the_projects_named_were_last_reminded_found_by_a_tester():
    """Covering the secretariat, a newcomer read "seit 37 Tagen überfällig" and could not
    tell whether anyone had reminded the project. A reminder before the response came due
    (14 days before 27.10.2026) or to another project does not count."""
    row = _row("Offene Daten", AddressedProject(3, "Klimaportal"), AddressedProject(4, "Bad"))

    def note(reminded: dict[tuple[int, str], date]) -> str:
        (line,) = responses_due([row], TODAY, reminded)
        return line.text.split("überfällig", 1)[1]

    code = row.code
    assert note({}) == ", noch nicht erinnert"
    assert note({(3, code): date(2026, 10, 12), (4, code): date(2026, 10, 12)}) == (
        ", noch nicht erinnert"
    )
    assert note({(3, code): date(2026, 11, 2), (4, "E-2026-99"): date(2026, 11, 2)}) == (
        ", noch nicht jedes Projekt erinnert"
    )
    assert note({(3, code): date(2026, 11, 20), (4, code): date(2026, 10, 13)}) == (
        ", zuletzt erinnert am 13.10.2026"
    )
    unaddressed = _row("Ohne Projekt")
    assert responses_due([unaddressed], TODAY, {})[0].text.endswith("überfällig")
