"""A meeting as entered, its states and its running numbers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.meeting_draft import (
    MeetingDraft,
    lead_time,
    proposed_draft,
    validate_meeting,
)
from expertenrat.domain.meeting_numbers import (
    NumberedMeeting,
    changed_numbers,
    fixed_after,
    next_number,
    renumber_planned,
)
from expertenrat.domain.meeting_states import (
    allowed_targets,
    check_transition,
    keeps_number_when_cancelled,
)
from expertenrat.domain.meetings import (
    dated_meeting_label,
    list_label,
    meeting_label,
    meeting_topic,
)

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 3, 10, 16, tzinfo=BERLIN)
P, INV, H, C = MeetingState.PLANNED, MeetingState.INVITED, MeetingState.HELD, MeetingState.CANCELLED


def draft(**changes) -> MeetingDraft:
    values = {
        "kind": MeetingKind.REGULAR,
        "start": START,
        "end": START + timedelta(hours=2),
        "place": "Rathaus & <Saal> „Bürgerschaft“ 🏛️",
    }
    values.update(changes)
    return MeetingDraft(**values)


def messages(d: MeetingDraft) -> list[str]:
    return [p.message for p in validate_meeting(d)]


def test_a_plain_meeting_is_fine_without_title():
    assert validate_meeting(draft()) == []
    assert validate_meeting(draft(place="", online_link="https://meet.example/x?a=1&b=2")) == []


def test_end_before_or_at_start_is_refused():
    assert messages(draft(end=START)) == ["Das Ende muss nach dem Beginn liegen."]
    assert messages(draft(end=START - timedelta(minutes=1))) == [
        "Das Ende muss nach dem Beginn liegen. Endet die Sitzung erst am folgenden Tag, "
        "wählen Sie bitte beim Ende dessen Datum."
    ]
    assert messages(draft(end=START - timedelta(days=1))) == [
        "Das Ende muss nach dem Beginn liegen."
    ]


def test_a_meeting_may_run_past_midnight_and_over_days():
    """19:00 to 00:30, and a Klausur Friday 16:00 to Saturday 13:00 without a warning;
    an ordinary meeting over 12 hours stays a warning (found by a tester)."""
    evening = START.replace(hour=19)
    assert validate_meeting(draft(start=evening, end=evening + timedelta(hours=5.5))) == []
    friday = datetime(2026, 12, 11, 16, tzinfo=BERLIN)
    saturday = datetime(2026, 12, 12, 13, tzinfo=BERLIN)
    retreat = draft(kind=MeetingKind.WORKSHOP, title="Klausur", start=friday, end=saturday)
    assert validate_meeting(retreat) == []
    (problem,) = validate_meeting(draft(start=friday, end=saturday))
    assert problem.warning


def test_an_end_more_than_three_days_after_the_start_is_refused():
    """A Klausur may last up to three days; an end a week on is a typo of its date."""
    retreat = draft(kind=MeetingKind.WORKSHOP, title="Klausur")
    assert validate_meeting(replace(retreat, end=START + timedelta(days=3))) == []
    (problem,) = validate_meeting(replace(retreat, end=START + timedelta(days=3, minutes=1)))
    assert not problem.warning
    assert problem.message == (
        "Das Ende (13.03.2026) liegt mehr als 3 Tage nach dem Beginn. "
        "Bitte prüfen Sie das Datum des Endes."
    )


def test_a_very_long_meeting_is_only_a_warning():
    (problem,) = validate_meeting(draft(end=START + timedelta(hours=13)))
    assert problem.warning


def test_a_time_the_clocks_skip_is_refused():
    """02:30 on 28.03.2027 does not exist in Berlin (the clocks go from 2 to 3 h): the
    invitation said 02:30, the calendars 03:30 (found by a tester)."""
    night = datetime(2027, 3, 28, 2, 30, tzinfo=BERLIN)
    skipped = (
        "Am 28.03.2027 gibt es 02:30 Uhr nicht: In dieser Nacht wird die Uhr auf Sommerzeit "
        "vorgestellt. Bitte wählen Sie eine andere Uhrzeit."
    )
    assert messages(draft(start=night, end=night.replace(hour=4))) == [skipped]
    early = night.replace(hour=1)
    assert messages(draft(start=early, end=night)) == [skipped]
    assert messages(draft(start=early, end=night.replace(hour=3))) == []  # 3 h exists
    autumn = datetime(2027, 10, 31, 2, 30, tzinfo=BERLIN)  # twice, but it exists
    assert messages(draft(start=autumn, end=autumn.replace(hour=4))) == []


def test_a_workshop_needs_a_title():
    assert messages(draft(kind=MeetingKind.WORKSHOP, title="  ")) == [
        "Bitte geben Sie das Thema der Klausur an."
    ]
    assert messages(draft(title="x" * 201)) == ["Der Titel darf höchstens 200 Zeichen lang sein."]


def test_place_or_link_is_needed_and_the_link_must_be_a_web_address():
    assert messages(draft(place=" ")) == [
        "Bitte geben Sie einen Ort oder einen Link zur Online-Sitzung an."
    ]
    (problem,) = validate_meeting(draft(online_link="javascript:alert('x')"))
    assert problem.field == "online_link"


@pytest.mark.parametrize(
    ("link", "message"),
    [
        (
            'https://meet.luebeck.de/digitalbeirat?pwd=a&b="c"',
            'Der Link enthält Zeichen, die in einer Internet-Adresse nicht stehen dürfen: „"“. '
            "Bitte kopieren Sie ihn ohne Anführungszeichen und spitze Klammern oder schreiben "
            'Sie sie kodiert (z. B. %22 für „"“).',
        ),
        (
            "<https://meet.example/x'y>",
            "Der Link muss mit https:// oder http:// beginnen.",
        ),
        (
            "https://meet.example/x'<y>",
            "Der Link enthält Zeichen, die in einer Internet-Adresse nicht stehen dürfen: "
            "„'“, „<“, „>“. Bitte kopieren Sie ihn ohne Anführungszeichen und spitze Klammern "
            'oder schreiben Sie sie kodiert (z. B. %22 für „"“).',
        ),
        ("https://meet.example/ein raum", "Der Link darf keine Leerzeichen enthalten."),
        ("www.example.org", "Der Link muss mit https:// oder http:// beginnen."),
        (
            "https://meet.example/" + "x" * 500,
            "Der Link darf höchstens 500 Zeichen lang sein.",
        ),
    ],
)
def test_a_refused_link_is_told_what_is_wrong_with_it(link, message):
    """A link with a quote was refused as "muss mit https:// oder http:// beginnen, darf
    keine Leerzeichen enthalten und höchstens 500 Zeichen lang sein", none of which was
    the matter (found by a tester): the message names what is."""
    assert messages(draft(online_link=link)) == [message]


def test_states_move_forward_only():
    assert allowed_targets(P) == (INV, C)
    assert allowed_targets(INV) == (H, C)
    assert allowed_targets(H) == allowed_targets(C) == ()
    check_transition(P, INV)
    check_transition(INV, H, start=START, now=START + timedelta(hours=1))
    check_transition(INV, C, reason="Krankheit")


@pytest.mark.parametrize(
    ("current", "target", "message"),
    [
        (P, H, "Bitte erfassen Sie zuerst den Versand der Einladung."),
        (INV, P, "nicht wieder auf „geplant“"),
        (H, C, "Die Sitzung ist bereits durchgeführt;"),
        (C, P, "Die Sitzung ist bereits abgesagt;"),
        (P, P, "Eine geplante Sitzung kann nicht auf „geplant“ gesetzt werden."),
    ],
)
def test_refused_transitions_say_why(current, target, message):
    with pytest.raises(ValidationError, match=message):
        check_transition(current, target, reason="x")


def test_cancelling_needs_a_reason():
    with pytest.raises(ValidationError, match="Grund für die Absage"):
        check_transition(P, C, reason="  \n")
    with pytest.raises(ValidationError, match="höchstens 500 Zeichen"):
        check_transition(P, C, reason="x" * 501)


def test_a_future_meeting_cannot_be_held_yet():
    with pytest.raises(ValidationError, match=r"beginnt erst am 10\.03\.2026 um 16:00 Uhr"):
        check_transition(INV, H, start=START, now=START - timedelta(days=1))


def test_an_invitation_cannot_have_gone_out_after_the_meeting_s_day():
    """The rule of the meeting states, not of the service alone (found by review)."""
    check_transition(P, INV, start=START, sent_on=START.date())  # on the day: allowed
    with pytest.raises(ValidationError, match=r"am 11\.03\.2026, nach der Sitzung"):
        check_transition(P, INV, start=START, sent_on=START.date() + timedelta(days=1))


def test_an_invitation_cannot_have_gone_out_after_today():
    """Found by review: the state change took an invitation sent on a day still to come, as
    the correction of the day (``sent_on_problem``) does not."""
    today = START.date() - timedelta(days=7)
    check_transition(P, INV, start=START, sent_on=today, today=today)  # today: allowed
    with pytest.raises(ValidationError, match=r"Der 04\.03\.2026 liegt in der Zukunft"):
        check_transition(P, INV, start=START, sent_on=today + timedelta(days=1), today=today)


def test_only_meetings_cancelled_after_the_invitation_keep_their_number():
    assert not keeps_number_when_cancelled(P)
    assert keeps_number_when_cancelled(INV)


def test_next_number_is_max_plus_one():
    assert next_number([]) == 1
    assert next_number([3, None, 1]) == 4


def meeting(id_: int, state: MeetingState, day: int, number: int | None) -> NumberedMeeting:
    return NumberedMeeting(id_, state, START + timedelta(days=day), number)


def test_renumbering_after_a_deletion_changes_only_planned_meetings():
    # 1 held, 2 invited, 3 cancelled after invitation, 4 deleted, 5 and 6 planned
    meetings = [
        meeting(1, H, 0, 1),
        meeting(2, INV, 10, 2),
        meeting(3, C, 20, 3),
        meeting(5, P, 40, 5),
        meeting(6, P, 30, 6),  # moved before meeting 5
        meeting(7, C, 50, None),  # cancelled while planned: no number
    ]

    assert renumber_planned(meetings) == {6: 4, 5: 5}
    assert changed_numbers(meetings) == {6: 4}


def test_a_planned_meeting_dated_before_an_invited_one_still_comes_after_it():
    meetings = [meeting(1, INV, 10, 1), meeting(2, P, 0, 2)]

    assert renumber_planned(meetings) == {2: 2}


def test_the_first_fixed_meeting_after_a_planned_one_is_found_with_the_number_it_gets():
    held, invited, cancelled = meeting(1, H, 10, 1), meeting(2, INV, 20, 2), meeting(3, C, 30, 3)
    unannounced, planned = meeting(4, C, 5, None), meeting(5, P, 40, 4)
    meetings = [held, invited, cancelled, unannounced, planned]

    assert fixed_after(meetings, None, START + timedelta(days=1)) == (4, held)  # 5 gets 5
    assert fixed_after(meetings, 5, START + timedelta(days=15)) == (4, invited)
    assert fixed_after(meetings, 5, START + timedelta(days=25)) == (4, cancelled)
    assert fixed_after(meetings, None, START + timedelta(days=35)) is None


@given(
    st.lists(
        st.tuples(st.sampled_from(list(MeetingState)), st.integers(0, 400)),
        max_size=30,
    )
)
def test_renumbering_never_touches_fixed_numbers_and_numbers_planned_ones_densely(rows):
    meetings = [
        meeting(i, state, day, None if state is C and i % 2 else i + 1)
        for i, (state, day) in enumerate(rows)
    ]
    fixed = {m.number for m in meetings if m.state is not P and m.number is not None}

    numbers = renumber_planned(meetings)

    assert set(numbers) == {m.id for m in meetings if m.state is P}
    assert not fixed & set(numbers.values())
    start = max(fixed, default=0) + 1
    assert sorted(numbers.values()) == list(range(start, start + len(numbers)))


@pytest.mark.parametrize(
    ("number", "kind", "title", "label"),
    [
        (None, MeetingKind.WORKSHOP, "Klausur Datenethik", "Klausur Datenethik"),
        (None, MeetingKind.WORKSHOP, "Klausurtagung Mobilität", "Klausurtagung Mobilität"),
        (None, MeetingKind.WORKSHOP, "Datenethik", "Klausur – Datenethik"),
        (None, MeetingKind.REGULAR, "Sitzung zum Haushalt", "Sitzung zum Haushalt"),
        (5, MeetingKind.WORKSHOP, "Klausur Datenethik", "5. Sitzung – Klausur Datenethik"),
        # (found by a tester) the topic alone hid that the 5. Sitzung is a Klausur
        (5, MeetingKind.WORKSHOP, "Datenethik", "5. Sitzung – Klausur: Datenethik"),
        (5, MeetingKind.WORKSHOP, "Strategie-Klausur", "5. Sitzung – Strategie-Klausur"),
        (5, MeetingKind.REGULAR, "Datenethik", "5. Sitzung – Datenethik"),
        (5, MeetingKind.REGULAR, "", "5. Sitzung"),
    ],
)
def test_a_title_that_begins_with_the_meeting_s_word_is_not_repeated(number, kind, title, label):
    """A cancelled Klausur titled "Klausur Datenethik" stood in the Tätigkeitsbericht as
    "Klausur – Klausur Datenethik" (found by a tester)."""
    assert meeting_label(number, kind, title) == label


@pytest.mark.parametrize(
    ("number", "kind", "title", "label"),
    [
        (8, MeetingKind.WORKSHOP, "Datenethik", "8. Sitzung – Klausur: Datenethik"),
        (8, MeetingKind.WORKSHOP, "", "8. Sitzung – Klausur"),
        (8, MeetingKind.REGULAR, "Haushalt", "8. Sitzung"),
        (8, MeetingKind.CONSTITUENT, "", "8. Sitzung"),
        (None, MeetingKind.WORKSHOP, "", "Klausur"),
        (None, MeetingKind.WORKSHOP, "Klausur  Datenethik", "Klausur"),
        (None, MeetingKind.WORKSHOP, "Datenstrategie 2030", "Klausur"),
        (None, MeetingKind.REGULAR, "Haushalt", "Sitzung"),
    ],
)
def test_lists_without_titles_still_name_a_klausur(number, kind, title, label):
    """The Tätigkeitsbericht, the minutes' lists and a project's consultations called a
    numbered Klausur "8. Sitzung"."""
    assert list_label(number, kind, title) == label
    assert meeting_label(8, MeetingKind.WORKSHOP, "") == "8. Sitzung – Klausur"
    assert dated_meeting_label(number, kind, date(2027, 3, 12), title) == f"{label} am 12.03.2027"


def test_a_new_meeting_of_a_council_without_meetings_is_proposed_in_two_weeks_16_to_18():
    draft = proposed_draft(None, date(2026, 3, 2))
    assert draft == MeetingDraft(
        MeetingKind.REGULAR, datetime(2026, 3, 16, 16), datetime(2026, 3, 16, 18)
    )


def test_a_council_with_a_longer_notice_period_gets_meetings_it_can_still_invite_to_in_time():
    """Two weeks ahead, but never closer than the Ladungsfrist: a council with three
    weeks' notice was proposed a meeting in two weeks, its invitation overdue at once
    (found by a tester)."""
    assert lead_time(7) == lead_time(14) == timedelta(days=14)
    assert lead_time(21) == timedelta(days=21)
    draft = proposed_draft(None, date(2026, 3, 2), lead=lead_time(21))
    assert draft.start == datetime(2026, 3, 23, 16)
    previous = MeetingDraft(
        MeetingKind.REGULAR, datetime(2026, 1, 20, 17, 30), datetime(2026, 1, 20, 19, 30)
    )  # a Tuesday
    later = proposed_draft(previous, date(2026, 3, 2), lead=lead_time(21))
    assert later.start == datetime(2026, 3, 24, 17, 30)  # the 23rd is the earliest


def test_a_new_meeting_takes_the_previous_ones_place_times_and_weekday():
    previous = MeetingDraft(
        MeetingKind.WORKSHOP,
        datetime(2026, 1, 20, 17, 30, tzinfo=BERLIN),  # a Tuesday
        datetime(2026, 1, 20, 19, 45, tzinfo=BERLIN),
        "Thema",
        "Rathaus",
        "Raum 1a",
        "https://meet.example.org/rat",
    )
    draft = proposed_draft(previous, date(2026, 3, 2))  # a Monday: the 16th is two weeks away
    assert draft == MeetingDraft(
        MeetingKind.REGULAR,
        datetime(2026, 3, 17, 17, 30),
        datetime(2026, 3, 17, 19, 45),
        "",
        "Rathaus",
        "Raum 1a",
        "https://meet.example.org/rat",
    )


def test_a_new_meeting_follows_one_planned_further_ahead_in_the_councils_rhythm():
    previous = MeetingDraft(
        MeetingKind.REGULAR, datetime(2026, 4, 7, 16), datetime(2026, 4, 7, 18), place="Rathaus"
    )
    quarterly = proposed_draft(previous, date(2026, 3, 2), before=date(2026, 1, 6))
    assert (quarterly.start, quarterly.end) == (
        datetime(2026, 7, 7, 16),  # 13 weeks after, as the one before it: a Tuesday
        datetime(2026, 7, 7, 18),
    )
    uneven = proposed_draft(previous, date(2026, 3, 2), before=date(2026, 1, 1))  # 96 days
    assert uneven.start == datetime(2026, 7, 14, 16)  # 12.07. is a Sunday: the next Tuesday
    alone = proposed_draft(previous, date(2026, 3, 2))
    assert alone.start == datetime(2026, 5, 5, 16)  # four weeks after


@pytest.mark.parametrize(
    ("kind", "title", "topic"),
    [
        (MeetingKind.WORKSHOP, "Datenethik", "Klausur: Datenethik"),
        (MeetingKind.WORKSHOP, "Klausur: Datenstrategie 2030", "Klausur: Datenstrategie 2030"),
        (MeetingKind.WORKSHOP, "", "Klausur"),
        (MeetingKind.REGULAR, " Haushalt  2027 ", "Haushalt 2027"),
        (MeetingKind.REGULAR, "", ""),
    ],
)
def test_the_topic_of_a_meeting_says_klausur(kind, title, topic):
    assert meeting_topic(kind, title) == topic
