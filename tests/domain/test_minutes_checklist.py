"""The completeness check names every missing element and where to fix it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from expertenrat.domain.enums import (
    AgendaItemOutcome,
    AttendanceStatus,
    MinutesApproval,
    MinutesState,
    VoteMode,
)
from expertenrat.domain.minutes import ItemMinutes, MinutesHeader
from expertenrat.domain.minutes_checklist import checklist
from expertenrat.domain.minutes_checklist_facts import (
    AttendanceTimes,
    ChecklistFacts,
    PreviousMinutes,
    UndecidedConflict,
)
from expertenrat.domain.minutes_checklist_items import VOTE_MISSING
from expertenrat.domain.minutes_checklist_lines import ChecklistTarget
from expertenrat.domain.votes import RecusedMember, Vote

DAY = date(2026, 3, 10)
VOTE = Vote(1, 1, 0, VoteMode.COUNTED, "", 5, 1, 0, 0, True)


def item(item_id: int, number: str, **changes) -> ItemMinutes:
    values = {
        "item_id": item_id,
        "number": number,
        "title": f"Punkt {number}",
        "public": True,
        "discussion": "Bericht & Aussprache",
        "motion_text": "",
        "resolution_text": "",
        "result": "",
        "votes": (),
        "recommendations": (),
        "version": 1,
        "lacks_content": False,
    }
    values.update(changes)
    return ItemMinutes(**values)


COMPLETE = ChecklistFacts(
    meeting_day=DAY,
    place="Rathaus, Raum 1.23",
    invitation_sent_on=date(2026, 2, 24),
    notice_period_days=7,
    header=MinutesHeader(
        time(16, 0), time(18, 5), 3, "Frau Schulz", agenda_approved=True, quorum_noted=True
    ),
    chair_name="Prof. Dr. Anna Berg",
    unrecorded=(),
    quorum_statement="7 von 9 stimmberechtigten Mitgliedern anwesend – beschlussfähig",
    approval=MinutesApproval.VOTE,
    previous=PreviousMinutes("4. Sitzung", MinutesState.APPROVED, date(2026, 3, 10)),
    approval_item_id=11,
    items=(item(10, "1"), item(11, "2", resolution_text="Beschluss", votes=(VOTE,))),
)


def test_complete_minutes_are_green() -> None:
    result = checklist(COMPLETE)
    assert result.complete, [line.text for line in result.missing]
    assert [line.key for line in result.lines] == [
        "date", "place", "opened_at", "closed_at", "chair", "minute_taker", "attendance",
        "invitation", "quorum", "agenda_approved", "previous_minutes", "item_content",
        "item_vote", "recusals",
    ]  # fmt: skip


def test_every_element_is_named_when_missing() -> None:
    facts = replace(
        COMPLETE,
        place=" ",
        invitation_sent_on=None,
        header=MinutesHeader(),
        chair_name="",
        unrecorded=("Anna Berg", "Ödön Pál"),
        previous=PreviousMinutes("4. Sitzung", MinutesState.CIRCULATED),
        items=(
            item(10, "1", discussion="", lacks_content=True),
            item(11, "2", resolution_text="Der Rat empfiehlt …"),
            item(12, "3", recused=(RecusedMember(7, "Kim <K> & Co", ""),)),
        ),
        undecided_conflicts=(UndecidedConflict(12, "3", "Zoë Brontë"),),
    )
    missing = {(line.key, line.text, line.target) for line in checklist(facts).missing}
    assert missing == {
        ("place", "Der Sitzungsort fehlt.", ChecklistTarget("meeting.place")),
        ("opened_at", "Die Uhrzeit des Beginns fehlt.", ChecklistTarget("opened_at")),
        ("closed_at", "Die Uhrzeit des Endes fehlt.", ChecklistTarget("closed_at")),
        (
            "chair",
            "Die Sitzungsleitung (Vorsitz) ist nicht angegeben.",
            ChecklistTarget("chair_membership_id"),
        ),
        ("minute_taker", "Die Protokollführung ist nicht angegeben.",
         ChecklistTarget("minute_taker")),
        (
            "attendance",
            "Die Anwesenheit fehlt für 2 Mitglieder: Anna Berg, Ödön Pál.",
            ChecklistTarget("attendance"),
        ),
        (
            "invitation",
            "Das Versanddatum der Einladung fehlt.",
            ChecklistTarget("meeting.invitation_sent_on"),
        ),
        (
            "quorum",
            "Die Feststellung der Beschlussfähigkeit fehlt (laut Anwesenheit: 7 von 9 "
            "stimmberechtigten Mitgliedern anwesend – beschlussfähig).",
            ChecklistTarget("quorum_noted"),
        ),
        (
            "agenda_approved",
            "Es fehlt der Vermerk, dass die Tagesordnung genehmigt wurde.",
            ChecklistTarget("agenda_approved"),
        ),
        (
            "previous_minutes",
            "Das Protokoll der 4. Sitzung ist noch nicht genehmigt.",
            ChecklistTarget("previous_minutes", 11),
        ),
        ("item_content", "TOP 1 Punkt 1: Es fehlt der Protokolltext.",
         ChecklistTarget("discussion", 10)),
        ("item_vote", f"TOP 2 Punkt 2: {VOTE_MISSING}",
         ChecklistTarget("votes", 11)),
        (
            "recusals",
            "TOP 3 Punkt 3: Für die Befangenheit von Kim <K> & Co fehlt der Grund.",
            ChecklistTarget("conflicts", 12),
        ),
        (
            "recusals",
            "TOP 3: Über den Hinweis auf Befangenheit von Zoë Brontë ist nicht entschieden.",
            ChecklistTarget("conflicts", 12),
        ),
    }  # fmt: skip
    # The date is always there, and says so.
    assert checklist(facts).lines[0].text == "Datum: 10.03.2026"


def test_a_late_invitation_is_a_warning_that_does_not_block() -> None:
    line = next(
        x for x in checklist(replace(COMPLETE, invitation_sent_on=date(2026, 3, 5))).lines
        if x.key == "invitation"
    )  # fmt: skip
    assert line.ok and line.warning
    assert "nicht fristgerecht (Ladungsfrist 7 Tage, spätestens am 03.03.2026)" in line.text
    on_time = checklist(replace(COMPLETE, invitation_sent_on=date(2026, 3, 3)))
    assert not any(x.warning for x in on_time.lines)


def test_the_invitation_line_names_a_notice_period_of_0_or_1_day_right() -> None:
    """(found by a tester) the editor's checklist read "fristgerecht (Ladungsfrist 0 Tage)"
    for a council without a notice period, and "Ladungsfrist 1 Tage"."""

    def line(days: int, sent: date) -> str:
        facts = replace(COMPLETE, notice_period_days=days, invitation_sent_on=sent)
        return next(x.text for x in checklist(facts).lines if x.key == "invitation")

    assert line(0, date(2026, 3, 10)) == "Einladung am 10.03.2026 versandt"
    assert line(0, date(2026, 3, 11)).startswith(
        "Einladung am 11.03.2026 versandt – nach der Sitzung."
    )
    assert (
        line(1, date(2026, 3, 9))
        == "Einladung am 09.03.2026 versandt – fristgerecht (Ladungsfrist 1 Tag)"
    )
    assert "nicht fristgerecht (Ladungsfrist 1 Tag, spätestens am 09.03.2026)" in line(
        1, date(2026, 3, 10)
    )


SPLIT_QUORUM = (
    "Das Gremium war bis TOP 4 nicht beschlussfähig (1 von 3 stimmberechtigten Mitgliedern "
    "anwesend) und ab TOP 5 beschlussfähig (2 von 3 stimmberechtigten Mitgliedern anwesend)"
)


def test_a_quorum_at_some_items_only_is_a_warning_that_names_them() -> None:
    facts = replace(COMPLETE, quorum_statement=SPLIT_QUORUM, quorum_throughout=False)
    line = next(x for x in checklist(facts).lines if x.key == "quorum")

    assert line.ok and line.warning
    assert line.target == ChecklistTarget("quorum_noted")
    assert line.text == (
        f"Beschlussfähigkeit festgestellt, aber nicht für die ganze Sitzung: {SPLIT_QUORUM}."
    )
    unnoted = replace(facts, header=replace(COMPLETE.header, quorum_noted=False))
    missing = next(x for x in checklist(unnoted).lines if x.key == "quorum")
    assert not missing.ok
    assert missing.text == (
        f"Die Feststellung der Beschlussfähigkeit fehlt (laut Anwesenheit: {SPLIT_QUORUM})."
    )


def test_previous_minutes_under_each_approval_practice() -> None:
    def line(previous, approval=MinutesApproval.VOTE):
        facts = replace(COMPLETE, previous=previous, approval=approval)
        return next(x for x in checklist(facts).lines if x.key == "previous_minutes")

    assert line(None).ok
    circulated = PreviousMinutes("4. Sitzung", MinutesState.CIRCULATED)
    assert not line(circulated).ok
    assert line(circulated, MinutesApproval.OBJECTIONS).ok
    open_ones = replace(circulated, open_objections=2)
    assert line(open_ones, MinutesApproval.OBJECTIONS).text == (
        "Das Protokoll der 4. Sitzung: 2 Einwände sind noch nicht entschieden."
    )
    assert line(PreviousMinutes("4. Sitzung", None)).text == (
        "Das Protokoll der 4. Sitzung ist noch nicht versandt und nicht genehmigt."
    )


def test_previous_minutes_wait_rightly_where_the_meeting_put_their_approval_off() -> None:
    """(found by a tester) The 6th decided the objections to the 5th's minutes and put
    their approval off to the next meeting: its own minutes could not be finished."""

    def line(put_off, previous):
        facts = replace(COMPLETE, previous=previous, approval_put_off=put_off)
        return next(x for x in checklist(facts).lines if x.key == "previous_minutes")

    circulated = PreviousMinutes("5. Sitzung", MinutesState.CIRCULATED, meeting_id=5)
    waiting = line(None, circulated)
    assert (waiting.ok, waiting.text) == (
        False,
        "Das Protokoll der 5. Sitzung ist noch nicht genehmigt.",
    )
    postponed = line(AgendaItemOutcome.POSTPONED, replace(circulated, open_objections=1))
    assert (postponed.ok, postponed.text) == (
        True,
        "Die Genehmigung des Protokolls der 5. Sitzung wurde vertagt.",
    )
    assert postponed.target == ChecklistTarget("previous_minutes", COMPLETE.approval_item_id)
    assert line(AgendaItemOutcome.WITHDRAWN, replace(circulated, state=None)).text == (
        "Die Genehmigung des Protokolls der 5. Sitzung wurde von der Tagesordnung abgesetzt."
    )
    approved = replace(circulated, state=MinutesState.APPROVED, approved_on=DAY)
    assert line(AgendaItemOutcome.POSTPONED, approved).text == (
        "Protokoll der 5. Sitzung genehmigt am 10.03.2026"
    )


def test_a_missing_approval_points_at_the_previous_meeting_s_approval_tab() -> None:
    """It is sent, its objections decided and it is approved there, not in this item."""

    def target(previous):
        facts = replace(COMPLETE, previous=previous, approval=MinutesApproval.VOTE)
        return next(x for x in checklist(facts).lines if x.key == "previous_minutes").target

    circulated = PreviousMinutes("4. Sitzung", MinutesState.CIRCULATED, meeting_id=4)
    approval_tab = ChecklistTarget("approval", meeting_id=4)
    assert target(circulated) == approval_tab
    assert target(replace(circulated, state=None)) == approval_tab
    assert target(replace(circulated, open_objections=1)) == approval_tab
    approved = replace(circulated, state=MinutesState.APPROVED, approved_on=date(2026, 3, 10))
    assert target(approved) == ChecklistTarget("previous_minutes", COMPLETE.approval_item_id)


def test_a_chair_recorded_as_excused_or_absent_is_missing() -> None:
    """The minutes would name as chair someone they list as not there."""

    def chair(status):
        facts = replace(COMPLETE, chair_status=status)
        return next(x for x in checklist(facts).lines if x.key == "chair")

    assert chair(AttendanceStatus.PRESENT).ok and chair(None).ok
    excused = chair(AttendanceStatus.EXCUSED)
    assert not excused.ok and excused.target == ChecklistTarget("chair_membership_id")
    assert excused.text == (
        "Die Sitzungsleitung Prof. Dr. Anna Berg ist in der Anwesenheit als entschuldigt erfasst."
    )
    assert chair(AttendanceStatus.ABSENT).text.endswith("als abwesend erfasst.")


def test_a_member_coming_before_the_start_or_going_after_the_end_is_named() -> None:
    """(found by a tester) "ab TOP 6 (15:30 Uhr)" beside "Beginn 16:00", or a departure at
    19:30 (a slip for 17:30) after the end at 18:05: the PDF contradicted itself with every
    line green."""

    def line(*times: AttendanceTimes, header: MinutesHeader = COMPLETE.header):
        facts = replace(COMPLETE, header=header, attendance_times=times)
        return next(x for x in checklist(facts).lines if x.key == "attendance")

    inside = AttendanceTimes("Anna Berg", time(16, 0), time(18, 5))
    assert line(inside).ok and line(AttendanceTimes("Ödön Pál", None, time(17, 30))).ok
    early = AttendanceTimes("Anna Berg", arrived_at=time(15, 30))
    late = AttendanceTimes("Ödön Pál", arrived_at=time(16, 30), left_at=time(19, 30))
    found = line(inside, early, late)
    assert not found.ok and found.target == ChecklistTarget("attendance")
    assert found.text == (
        "Die Anwesenheit nennt Uhrzeiten außerhalb der Sitzung (16:00–18:05 Uhr): Anna Berg "
        "kommt um 15:30 Uhr, Ödön Pál geht um 19:30 Uhr."
    )
    assert line(late, header=replace(COMPLETE.header, closed_at=None)).ok
    assert line(late, header=replace(COMPLETE.header, opened_at=None)).text == (
        "Die Anwesenheit nennt Uhrzeiten außerhalb der Sitzung (bis 18:05 Uhr): Ödön Pál geht "
        "um 19:30 Uhr."
    )


def test_times_of_a_meeting_over_midnight_are_checked_round_the_clock() -> None:
    """Opened Friday 16:05, closed Saturday 12:50: 09:00 is of the Saturday, 15:30 of
    neither day; a meeting a day long or longer is not checked (found by a tester)."""
    header = replace(COMPLETE.header, opened_at=time(16, 5), closed_at=time(12, 50))
    times = (
        AttendanceTimes("Anna Berg", time(16, 30), time(9, 0)),
        AttendanceTimes("Ödön Pál", arrived_at=time(15, 30), away_at=time(13, 10)),
    )
    facts = replace(COMPLETE, header=header, attendance_times=times)

    found = next(x for x in checklist(facts).lines if x.key == "attendance")
    unchecked = replace(facts, times_checked=False)

    assert found.text == (
        "Die Anwesenheit nennt Uhrzeiten außerhalb der Sitzung (16:05–12:50 Uhr): Ödön Pál "
        "kommt um 15:30 Uhr, Ödön Pál verlässt die Sitzung um 13:10 Uhr."
    )
    assert next(x for x in checklist(unchecked).lines if x.key == "attendance").ok


def test_a_time_away_after_the_end_is_named() -> None:
    """The Ende corrected to 18:05 after a member was recorded back at 18:20: the minutes
    would say "nimmt ab TOP 6 (18:20 Uhr) wieder teil" after the meeting ended."""
    away = AttendanceTimes("Ödön Pál", away_at=time(17, 10), back_at=time(18, 20))
    facts = replace(COMPLETE, attendance_times=(away,))

    found = next(x for x in checklist(facts).lines if x.key == "attendance")

    assert found.text == (
        "Die Anwesenheit nennt Uhrzeiten außerhalb der Sitzung (16:00–18:05 Uhr): Ödön Pál "
        "kehrt um 18:20 Uhr zurück."
    )


def test_end_before_start_is_refused_by_the_header_rules() -> None:
    from expertenrat.domain.minutes import header_problems

    problems = header_problems(MinutesHeader(time(18, 0), time(16, 0)))
    assert [p.message for p in problems] == ["Das Ende (16:00) liegt vor dem Beginn (18:00)."]


def test_a_missing_chair_is_named_as_the_council_calls_its_chair() -> None:
    """(found by a tester) A council whose chair is its "Sprecher*in" read "Die
    Sitzungsleitung (Vorsitz) ist nicht angegeben."."""
    facts = replace(COMPLETE, chair_name="", chair_title="Sprecher*in & <Co>")
    (line,) = [line for line in checklist(facts).missing if line.key == "chair"]
    assert line.text == "Die Sitzungsleitung (Sprecher*in & <Co>) ist nicht angegeben."


def test_a_resolution_only_taken_note_of_is_a_warning_that_does_not_block() -> None:
    """(found by a tester) A Beschluss whose only vote was "ohne Abstimmung zur Kenntnis
    genommen" passed as "Alle Beschlüsse haben eine Abstimmung"."""
    noted = replace(VOTE, mode=VoteMode.NOTED, yes=0, adopted=False)
    facts = replace(
        COMPLETE,
        items=(
            item(10, "1"),
            item(11, "2", resolution_text="Beschluss", votes=(VOTE,)),
            item(12, "6.1", resolution_text="Der Rat empfiehlt …", votes=(noted, noted)),
            item(13, "7", votes=(noted,)),  # a report taken note of, no resolution
            item(14, "8", resolution_text="Beschluss", votes=(noted, VOTE)),  # voted too
        ),
    )

    result = checklist(facts)

    assert result.complete
    votes = [line for line in result.lines if line.key.startswith("item_vote")]
    assert [(line.text, line.ok, line.warning, line.target) for line in votes] == [
        (
            "TOP 6.1 Punkt 6.1: Beschluss ohne Abstimmung (nur zur Kenntnis genommen).",
            True,
            True,
            ChecklistTarget("votes", 12),
        )
    ]
