"""The quorum statement of a whole meeting when members come late or leave early."""

from __future__ import annotations

from dataclasses import replace

from expertenrat.domain.enums import AttendanceStatus, QuorumRule
from expertenrat.domain.meeting_quorum import MeetingQuorum, Quorate, QuorumSpan, quorum_spans
from expertenrat.domain.quorum import (
    Attendance,
    attendance_quorum,
    present_at_opening,
    quorum_per_item,
)

PRESENT, EXCUSED = AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED
TWO_THIRDS, MAJORITY = QuorumRule.TWO_THIRDS, QuorumRule.MORE_THAN_HALF
ITEMS = [(10 * n, str(n)) for n in range(1, 9)]  # TOP 1 … TOP 8


def meeting_quorum(attendance: list[Attendance], rule: QuorumRule) -> MeetingQuorum:
    return MeetingQuorum(
        attendance_quorum(attendance, rule),
        quorum_spans(ITEMS, attendance, rule),
        present_at_opening([key for key, _number in ITEMS], attendance),
    )


def opening(count: int, entitled: int, quorate: bool = True) -> str:
    verb = "war" if count == 1 else "waren"
    return (
        f"Zu Beginn der Sitzung {verb} {count} von {entitled} stimmberechtigten Mitgliedern "
        f"anwesend; das Gremium war {'' if quorate else 'nicht '}beschlussfähig"
    )


def test_a_member_arriving_at_top_5_makes_the_council_quorate_from_there():
    attendance = [Attendance(1, PRESENT), Attendance(2, PRESENT, arrives_at=50)]
    quorum = meeting_quorum([*attendance, Attendance(3, EXCUSED)], TWO_THIRDS)

    assert quorum.overall.quorate  # 2 of 3 counted over the whole meeting …
    assert not quorum.throughout  # … but not at TOP 1–4
    assert quorum.statement == (
        "Das Gremium war bis TOP 4 nicht beschlussfähig (1 von 3 stimmberechtigten "
        "Mitgliedern anwesend) und ab TOP 5 beschlussfähig (2 von 3 stimmberechtigten "
        "Mitgliedern anwesend)"
    )


def test_a_member_leaving_after_top_3_ends_the_quorum_there():
    attendance = [
        Attendance(1, PRESENT),
        Attendance(2, PRESENT, leaves_after=30),
        Attendance(3, EXCUSED),
    ]

    assert meeting_quorum(attendance, TWO_THIRDS).statement == (
        "Das Gremium war bis TOP 3 beschlussfähig (2 von 3 stimmberechtigten Mitgliedern "
        "anwesend) und ab TOP 4 nicht beschlussfähig (1 von 3 stimmberechtigten Mitgliedern "
        "anwesend)"
    )


def test_a_quorum_only_in_the_middle_names_both_ends_and_single_items():
    attendance = [
        Attendance(1, PRESENT),
        Attendance(2, PRESENT, arrives_at=20, leaves_after=20),
        Attendance(3, EXCUSED),
    ]

    assert meeting_quorum(attendance, TWO_THIRDS).statement == (
        "Das Gremium war bei TOP 1 nicht beschlussfähig (1 von 3 stimmberechtigten "
        "Mitgliedern anwesend), bei TOP 2 beschlussfähig (2 von 3 stimmberechtigten "
        "Mitgliedern anwesend) und ab TOP 3 nicht beschlussfähig (1 von 3 stimmberechtigten "
        "Mitgliedern anwesend)"
    )


def test_a_changing_count_within_a_span_says_what_decides():
    attendance = [
        *(Attendance(m, PRESENT) for m in range(3)),
        Attendance(3, PRESENT, arrives_at=30),
        Attendance(4, PRESENT, arrives_at=50),
        Attendance(5, PRESENT, leaves_after=10),
        *(Attendance(m, EXCUSED) for m in range(6, 9)),
    ]  # 4, 3, 4, 4, 5, 5, 5, 5 of 9

    assert meeting_quorum(attendance, MAJORITY).statement == (
        "Das Gremium war bis TOP 4 nicht beschlussfähig (höchstens 4 von 9 stimmberechtigten "
        "Mitgliedern anwesend) und ab TOP 5 beschlussfähig (5 von 9 stimmberechtigten "
        "Mitgliedern anwesend)"
    )
    later = [
        *(Attendance(m, PRESENT) for m in range(4)),
        Attendance(4, PRESENT, arrives_at=30),
        Attendance(5, PRESENT, arrives_at=50),
        *(Attendance(m, EXCUSED) for m in range(6, 9)),
    ]  # 4, 4, 5, 5, 6, 6, 6, 6 of 9
    assert meeting_quorum(later, MAJORITY).statement == (
        "Das Gremium war bis TOP 2 nicht beschlussfähig (4 von 9 stimmberechtigten "
        "Mitgliedern anwesend) und ab TOP 3 beschlussfähig (mindestens 5 von 9 "
        "stimmberechtigten Mitgliedern anwesend)"
    )


def test_never_quorate_with_members_who_were_never_there_together():
    attendance = [
        Attendance(1, PRESENT),
        Attendance(2, PRESENT, leaves_after=20),
        Attendance(3, PRESENT, arrives_at=30),
        Attendance(4, EXCUSED),
    ]
    quorum = meeting_quorum(attendance, MAJORITY)

    assert quorum.overall.quorate  # 3 of 4 came, but never more than 2 at once
    assert quorum.statement == (
        "Das Gremium war während der ganzen Sitzung nicht beschlussfähig "
        "(2 von 4 stimmberechtigten Mitgliedern anwesend)"
    )


def test_a_quorum_held_throughout_is_stated_at_the_opening_before_a_late_arrival():
    # Found by testers: "6 von 9 … anwesend" where one of them came at TOP 5.
    attendance = [
        *(Attendance(m, PRESENT) for m in range(5)),
        Attendance(5, PRESENT, arrives_at=50),
        *(Attendance(m, EXCUSED) for m in range(6, 9)),
    ]
    quorum = meeting_quorum(attendance, MAJORITY)

    assert quorum.throughout
    assert quorum.statement == opening(5, 9)


def test_a_quorum_held_throughout_counts_an_early_departure_at_the_opening():
    attendance = [
        *(Attendance(m, PRESENT) for m in range(5)),
        Attendance(5, PRESENT, leaves_after=30),
        *(Attendance(m, EXCUSED) for m in range(6, 9)),
    ]

    assert meeting_quorum(attendance, MAJORITY).statement == opening(6, 9)


def test_minutes_approved_before_the_opening_was_kept_read_as_they_were_approved():
    attendance = [
        *(Attendance(m, PRESENT) for m in range(5)),
        Attendance(5, PRESENT, arrives_at=50),
        *(Attendance(m, EXCUSED) for m in range(6, 9)),
    ]
    quorum = meeting_quorum(attendance, MAJORITY)

    assert replace(quorum, opening=None).statement == (
        "6 von 9 stimmberechtigten Mitgliedern anwesend – beschlussfähig"
    )


def test_a_quorum_held_throughout_counts_only_members_there_together():
    # Found by a tester: one member left after TOP 2 and another came at TOP 3, so never
    # more than 5 were there at once; the minutes said "6 von 9 … anwesend".
    attendance = [
        *(Attendance(m, PRESENT) for m in range(4)),
        Attendance(4, PRESENT, leaves_after=20),
        Attendance(5, PRESENT, arrives_at=30),
        *(Attendance(m, EXCUSED) for m in range(6, 9)),
    ]
    quorum = meeting_quorum(attendance, MAJORITY)

    assert quorum.overall.present_voting == 6  # who came at all, as the attendance lists
    assert quorum.throughout
    assert quorum.statement == opening(5, 9)
    legacy = replace(quorum, opening=None)  # as approved before the opening was kept
    assert legacy.statement == "5 von 9 stimmberechtigten Mitgliedern anwesend – beschlussfähig"


def test_no_quorum_with_nobody_coming_or_going_reads_as_before():
    attendance = [Attendance(1, PRESENT), Attendance(2, EXCUSED), Attendance(3, EXCUSED)]

    assert meeting_quorum(attendance, MAJORITY).statement == opening(1, 3, quorate=False)


def test_a_recusal_changes_the_item_but_not_the_meeting_statement():
    attendance = [Attendance(1, PRESENT), Attendance(2, PRESENT), Attendance(3, EXCUSED)]

    assert not quorum_per_item([k for k, _ in ITEMS], attendance, TWO_THIRDS, {30: {2}})[30].quorate
    quorum = meeting_quorum(attendance, TWO_THIRDS)
    assert quorum.throughout
    assert quorum.statement == opening(2, 3)


def test_without_agenda_items_the_attendance_decides():
    overall = attendance_quorum([Attendance(1, PRESENT), Attendance(2, EXCUSED)], TWO_THIRDS)

    assert MeetingQuorum(overall).statement == overall.statement
    assert present_at_opening([], [Attendance(1, PRESENT), Attendance(2, EXCUSED)]) == 1
    assert MeetingQuorum(overall, opening=1).statement == opening(1, 2, quorate=False)


def test_sub_items_are_named_by_their_numbers():
    spans = (QuorumSpan("1", "2.1", False, 1, 1), QuorumSpan("2.2", "3", True, 2, 2))
    overall = attendance_quorum([Attendance(1, PRESENT), Attendance(2, PRESENT)], MAJORITY)

    assert MeetingQuorum(overall, spans).statement.startswith(
        "Das Gremium war bis TOP 2.1 nicht beschlussfähig (1 von 2 stimmberechtigten "
        "Mitgliedern anwesend) und ab TOP 2.2 beschlussfähig"
    )


def test_in_a_word_yes_no_or_partly_as_the_statement_says():
    late = [Attendance(1, PRESENT), Attendance(2, PRESENT, arrives_at=50), Attendance(3, EXCUSED)]
    there = [Attendance(1, PRESENT), Attendance(2, PRESENT), Attendance(3, EXCUSED)]
    alone = [Attendance(1, PRESENT), Attendance(2, EXCUSED), Attendance(3, EXCUSED)]
    apart = [  # 2 of 3 over the meeting, never two at one item
        Attendance(1, PRESENT, leaves_after=40),
        Attendance(2, PRESENT, arrives_at=50),
        Attendance(3, EXCUSED),
    ]

    assert meeting_quorum(late, TWO_THIRDS).quorate is Quorate.PARTLY
    assert meeting_quorum(there, TWO_THIRDS).quorate is Quorate.YES
    assert meeting_quorum(alone, TWO_THIRDS).quorate is Quorate.NO
    assert meeting_quorum(apart, TWO_THIRDS).quorate is Quorate.NO
    assert "während der ganzen Sitzung nicht beschlussfähig" in (
        meeting_quorum(apart, TWO_THIRDS).statement
    )
    no_items = MeetingQuorum(attendance_quorum(there, TWO_THIRDS))
    assert no_items.quorate is Quorate.YES
