"""Presence per agenda item and the quorum under changing attendance."""

from __future__ import annotations

import pytest

from expertenrat.domain.enums import AttendanceStatus, QuorumRule
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.quorum import (
    Attendance,
    attendance_quorum,
    is_quorate,
    present_per_item,
    quorum_per_item,
)

PRESENT, EXCUSED, ABSENT = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.EXCUSED,
    AttendanceStatus.ABSENT,
)
ORDER = [10, 20, 21, 30]  # keys in agenda order


def council(present: int, total: int) -> list[Attendance]:
    return [Attendance(m, PRESENT if m < present else EXCUSED) for m in range(total)]


def test_the_statement_for_seven_of_nine():
    result = quorum_per_item(ORDER, council(7, 9), QuorumRule.MORE_THAN_HALF)[10]

    assert result.statement == "7 von 9 stimmberechtigten Mitgliedern anwesend – beschlussfähig"


@pytest.mark.parametrize(
    ("present", "total", "rule", "quorate"),
    [
        (5, 9, QuorumRule.MORE_THAN_HALF, True),
        (4, 9, QuorumRule.MORE_THAN_HALF, False),
        (5, 10, QuorumRule.MORE_THAN_HALF, False),
        (5, 10, QuorumRule.AT_LEAST_HALF, True),
        (6, 9, QuorumRule.TWO_THIRDS, True),
        (5, 9, QuorumRule.TWO_THIRDS, False),
        (0, 0, QuorumRule.AT_LEAST_HALF, False),
    ],
)
def test_rules(present, total, rule, quorate):
    assert is_quorate(present, total, rule) is quorate


def test_late_arrival_and_early_departure_change_the_quorum_per_item():
    attendance = [
        Attendance(1, PRESENT),
        Attendance(2, PRESENT, arrives_at=20),
        Attendance(3, PRESENT, leaves_after=20),
        Attendance(4, EXCUSED),
        Attendance(5, ABSENT),
        Attendance(6, PRESENT, voting=False),  # guest-like member without a vote today
    ]

    present = present_per_item(ORDER, attendance)
    results = quorum_per_item(ORDER, attendance, QuorumRule.MORE_THAN_HALF)

    assert present[10] == {1, 3, 6}
    assert present[21] == {1, 2, 6}
    assert [results[k].present_voting for k in ORDER] == [2, 3, 2, 2]
    assert [results[k].quorate for k in ORDER] == [False, True, False, False]
    assert results[30].statement == (
        "2 von 5 stimmberechtigten Mitgliedern anwesend – nicht beschlussfähig"
    )


def test_a_recused_member_does_not_count_at_that_item():
    results = quorum_per_item(ORDER, council(5, 9), QuorumRule.MORE_THAN_HALF, {21: {0}})

    assert results[20].quorate and not results[21].quorate
    # (found by a tester) "4 von 9 … anwesend (1 befangen)" read as if four were there
    assert results[21].statement == (
        "5 von 9 stimmberechtigten Mitgliedern anwesend, davon 1 befangen und nicht mitgezählt "
        "– nicht beschlussfähig"
    )


def test_singular_member():
    assert attendance_quorum([Attendance(1, PRESENT)], QuorumRule.MORE_THAN_HALF).statement == (
        "1 von 1 stimmberechtigten Mitglied anwesend – beschlussfähig"
    )


@pytest.mark.parametrize(
    ("attendance", "message"),
    [
        ([Attendance(1, PRESENT, arrives_at=30, leaves_after=10)], "bevor es gekommen ist"),
        ([Attendance(1, PRESENT, arrives_at=99)], "fehlenden Tagesordnungspunkt"),
        ([Attendance(1, EXCUSED, arrives_at=20)], "nur für anwesende Mitglieder"),
        ([Attendance(1, PRESENT), Attendance(1, ABSENT)], "doppelt"),
    ],
)
def test_impossible_attendance_is_refused(attendance, message):
    with pytest.raises(ValidationError, match=message):
        present_per_item(ORDER, attendance)


def test_a_member_away_is_missing_from_the_item_left_up_to_the_one_returned_to():
    """Away during TOP 20 and 21, back at 30 (arrived at 20 would be refused: see below)."""
    present = present_per_item(ORDER, [Attendance(1, PRESENT, away_from=20, back_at=30)])

    assert [1 in present[key] for key in ORDER] == [True, False, False, True]


def test_stepping_out_and_a_late_arrival_add_up():
    attendance = [Attendance(1, PRESENT, arrives_at=20, away_from=21, back_at=30)]

    present = present_per_item(ORDER, attendance)

    assert [1 in present[key] for key in ORDER] == [False, True, False, True]


@pytest.mark.parametrize(
    ("marks", "message"),
    [
        ({"away_from": 20}, "zu welchem es zurückkehrt"),
        ({"away_from": 30, "back_at": 20}, "nicht zurückkehren, bevor"),
        ({"away_from": 10, "back_at": 20}, "zwischen Kommen und Gehen"),
        ({"arrives_at": 20, "away_from": 20, "back_at": 30}, "zwischen Kommen und Gehen"),
        ({"leaves_after": 20, "away_from": 20, "back_at": 30}, "zwischen Kommen und Gehen"),
    ],
)
def test_a_time_away_that_does_not_fit_is_refused(marks, message):
    with pytest.raises(ValidationError, match=message):
        present_per_item(ORDER, [Attendance(1, PRESENT, **marks)])
