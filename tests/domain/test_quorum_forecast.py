"""The quorum forecast of a meeting ahead: the apologies recorded against the council's rule."""

from __future__ import annotations

import pytest

from expertenrat.domain.enums import AttendanceStatus, QuorumRule
from expertenrat.domain.quorum import Attendance
from expertenrat.domain.quorum_forecast import needed_for_quorum, quorum_forecast

EXCUSED = AttendanceStatus.EXCUSED
ABSENT = AttendanceStatus.ABSENT  # a line without a status reads as absent: may still come


def sheet(total: int, excused: int, *, non_voting_excused: int = 0) -> list[Attendance]:
    lines = [Attendance(m, EXCUSED if m < excused else ABSENT) for m in range(total)]
    lines += [Attendance(100 + m, EXCUSED, voting=False) for m in range(non_voting_excused)]
    return lines


def test_five_apologies_of_nine_leave_the_meeting_inquorate_and_say_so():
    forecast = quorum_forecast(sheet(9, 5), QuorumRule.MORE_THAN_HALF)

    assert forecast.at_risk
    assert forecast.warning == (
        "Nach 5 Entschuldigungen sind höchstens 4 von 9 stimmberechtigten Mitgliedern zu "
        "erwarten – die Sitzung wäre nicht beschlussfähig (nötig: mehr als die Hälfte, also "
        "mindestens 5)"
    )


def test_four_apologies_of_nine_still_leave_a_quorum_possible():
    forecast = quorum_forecast(sheet(9, 4), QuorumRule.MORE_THAN_HALF)

    assert (forecast.expected, forecast.at_risk, forecast.warning) == (5, False, "")


def test_the_warning_follows_the_councils_rule():
    """Three of nine excused: more than half can still come, two thirds cannot."""
    assert not quorum_forecast(sheet(9, 3), QuorumRule.MORE_THAN_HALF).at_risk
    two_thirds = quorum_forecast(sheet(9, 4), QuorumRule.TWO_THIRDS)
    assert two_thirds.warning.endswith("(nötig: mindestens zwei Drittel, also mindestens 6)")
    half = quorum_forecast(sheet(10, 6), QuorumRule.AT_LEAST_HALF)
    assert half.warning.endswith("(nötig: mindestens die Hälfte, also mindestens 5)")


def test_members_without_a_voting_right_do_not_count():
    forecast = quorum_forecast(sheet(9, 4, non_voting_excused=2), QuorumRule.MORE_THAN_HALF)

    assert (forecast.entitled, forecast.excused, forecast.at_risk) == (9, 4, False)


def test_without_apologies_there_is_no_warning_even_without_voting_members():
    assert quorum_forecast([], QuorumRule.MORE_THAN_HALF).warning == ""
    assert quorum_forecast(sheet(1, 0), QuorumRule.TWO_THIRDS).warning == ""


def test_one_apology_in_the_singular():
    forecast = quorum_forecast(sheet(2, 1), QuorumRule.MORE_THAN_HALF)

    assert forecast.warning.startswith(
        "Nach 1 Entschuldigung ist höchstens 1 von 2 stimmberechtigten Mitgliedern zu erwarten"
    )


@pytest.mark.parametrize(
    ("entitled", "rule", "needed"),
    [
        (9, QuorumRule.MORE_THAN_HALF, 5),
        (10, QuorumRule.MORE_THAN_HALF, 6),
        (10, QuorumRule.AT_LEAST_HALF, 5),
        (9, QuorumRule.TWO_THIRDS, 6),
        (0, QuorumRule.MORE_THAN_HALF, None),
    ],
)
def test_the_fewest_needed_is_the_quorum_rules_threshold(entitled, rule, needed):
    assert needed_for_quorum(entitled, rule) == needed


def test_the_run_sheet_line_names_the_quorum_and_what_the_apologies_leave():
    rule = QuorumRule.MORE_THAN_HALF

    assert quorum_forecast(sheet(9, 0), rule).run_sheet_line == (
        "ab 5 von 9 stimmberechtigten Mitgliedern (mehr als die Hälfte); "
        "bisher keine Entschuldigungen."
    )
    assert quorum_forecast(sheet(9, 2), rule).run_sheet_line == (
        "ab 5 von 9 stimmberechtigten Mitgliedern (mehr als die Hälfte); "
        "2 entschuldigt, höchstens 7 zu erwarten."
    )
    assert quorum_forecast(sheet(9, 5), rule).run_sheet_line.startswith(
        "Nach 5 Entschuldigungen sind höchstens 4 von 9"
    )
    assert quorum_forecast([], rule).run_sheet_line == ""
