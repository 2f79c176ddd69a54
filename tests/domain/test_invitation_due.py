"""When an invitation is due (the Übersicht's line) and when it keeps the notice period."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from meeting_sample import meeting

from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.invitation_due import (
    invitation_deadline,
    invitation_due_line,
    invitation_send_by,
    late_notice_warning,
)
from expertenrat.domain.meeting_document_titles import calendar_summary, meeting_heading
from expertenrat.domain.meeting_numbers import meeting_name
from expertenrat.domain.meetings import meeting_label
from expertenrat.domain.overview import invitation_state

MEETING_DAY = date(2026, 3, 12)  # notice period 7 days: invite by 05.03.2026


def test_deadline_is_the_notice_period_before_the_meeting_day() -> None:
    assert invitation_deadline(MEETING_DAY, 7) == date(2026, 3, 5)
    assert invitation_deadline(MEETING_DAY, 0) == MEETING_DAY


@pytest.mark.parametrize(
    ("today", "line"),
    [
        (date(2026, 2, 25), None),  # 8 days before the deadline: not yet
        (date(2026, 2, 26), "5. Sitzung am 12.03.2026: Einladung bis 05.03.2026 versenden"),
        (date(2026, 3, 5), "5. Sitzung am 12.03.2026: Einladung bis 05.03.2026 versenden"),
        (
            date(2026, 3, 6),
            "5. Sitzung am 12.03.2026: Einladung überfällig "
            "(Ladungsfrist seit 05.03.2026 verstrichen)",
        ),
        (
            MEETING_DAY,
            "5. Sitzung am 12.03.2026: Einladung überfällig "
            "(Ladungsfrist seit 05.03.2026 verstrichen)",
        ),
        (date(2026, 3, 13), None),  # the meeting is over
    ],
)
def test_due_line_within_a_week_of_the_deadline_or_after_it(today, line) -> None:
    assert invitation_due_line("5. Sitzung", MEETING_DAY, 7, today, "DE-MV") == line


def test_late_notice_warning_only_for_an_invitation_later_than_the_period() -> None:
    start = meeting().start.date()  # 10.03.2026, notice period 7 days
    assert late_notice_warning(meeting(invitation_date=date(2026, 3, 3))) is None
    assert late_notice_warning(meeting(invitation_date=date(2026, 3, 4))) == (
        "Die Einladung zur 5. Sitzung ergeht 6 Tage vor der Sitzung – "
        "die Ladungsfrist von 7 Tagen ist nicht gewahrt."
    )
    assert late_notice_warning(meeting(invitation_date=start, cancelled=True)) is None


@pytest.mark.parametrize(
    ("sent", "when"),
    [
        (date(2026, 3, 9), "ergeht 1 Tag vor der Sitzung"),
        (date(2026, 3, 10), "ergeht am Tag der Sitzung"),
        (date(2026, 4, 1), "ist nach der Sitzung datiert"),  # recorded late: no "-22 Tage"
    ],
)
def test_a_late_invitation_says_its_day_in_words(sent, when) -> None:
    assert late_notice_warning(meeting(invitation_date=sent)) == (
        f"Die Einladung zur 5. Sitzung {when} – die Ladungsfrist von 7 Tagen ist nicht gewahrt."
    )


def test_a_meeting_without_a_number_is_called_sitzung() -> None:
    assert meeting_heading(meeting(number=None)) == "Sitzung"
    assert meeting_heading(meeting(number=None, title="Klausur")) == "Sitzung – Klausur"
    assert meeting_heading(meeting(title="Klausur")) == "5. Sitzung – Klausur"


def test_documents_call_an_unnumbered_klausur_what_the_window_calls_it() -> None:
    workshop = meeting(number=None, kind=MeetingKind.WORKSHOP, title="Datenstrategie  2030")

    assert meeting_heading(workshop) == "Klausur – Datenstrategie 2030"
    assert meeting_heading(workshop) == meeting_label(
        None, MeetingKind.WORKSHOP, "Datenstrategie 2030"
    )
    assert calendar_summary(workshop) == "SCER: Klausur – Datenstrategie 2030"
    assert (
        meeting_heading(replace(workshop, number=6)) == "6. Sitzung – Klausur: Datenstrategie 2030"
    )
    assert [meeting_name(None, kind) for kind in MeetingKind] == [
        "Sitzung", "Sitzung", "Sitzung", "Klausur",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("sent_on", "said"),
    [
        (date(2026, 3, 5), ("eingeladen am 05.03.2026", False)),  # the last day: in time
        (date(2026, 3, 6), ("eingeladen am 06.03.2026 – Ladungsfrist nicht gewahrt", True)),
        (None, ("eingeladen", False)),
    ],
)
def test_the_overview_marks_an_invitation_sent_too_late(sent_on, said) -> None:
    state = invitation_state(
        MeetingState.INVITED, MEETING_DAY, 7, sent_on, date(2026, 3, 8), "DE-MV"
    )
    assert state == said


@pytest.mark.parametrize(
    ("today", "line"),
    [
        (date(2026, 5, 5), None),  # 8 days before the working day: not yet
        (date(2026, 5, 6), "Einladung bis 13.05.2026 versenden"),
        (date(2026, 5, 13), "Einladung bis 13.05.2026 versenden"),
        (date(2026, 5, 14), "Einladung bis 14.05.2026 versenden"),  # still kept, if sent
        (date(2026, 5, 15), "Einladung überfällig (Ladungsfrist seit 14.05.2026 verstrichen)"),
    ],
)
def test_the_last_day_to_invite_moves_before_a_holiday(today, line) -> None:
    """(found by a tester) A meeting on 28.05.2026 with 14 days' notice was to be invited
    by 14.05.2026, Christi Himmelfahrt: the last working day before it is named, so the
    notice is kept; an invitation sent on the holiday itself still keeps it."""
    said = invitation_due_line("5. Sitzung", date(2026, 5, 28), 14, today, "DE-MV")
    assert said == (line and f"5. Sitzung am 28.05.2026: {line}")
    state = invitation_state(MeetingState.PLANNED, date(2026, 5, 28), 14, None, today, "DE-MV")
    if line:
        assert state == (line, line.startswith("Einladung überfällig"))


@pytest.mark.parametrize(
    ("meeting_day", "days", "bundesland", "send_by"),
    [
        (date(2026, 5, 28), 14, "DE-MV", date(2026, 5, 13)),  # Christi Himmelfahrt
        (date(2026, 4, 13), 7, "DE-MV", date(2026, 4, 2)),  # Ostermontag .. Karfreitag
        (date(2026, 6, 1), 7, "DE-MV", date(2026, 5, 22)),  # Pfingstmontag, the weekend
        (date(2026, 3, 21), 7, "DE-MV", date(2026, 3, 13)),  # a Saturday: Friday before
        (date(2027, 9, 27), 7, "DE-TH", date(2027, 9, 17)),  # Weltkindertag in Thüringen
        (date(2027, 9, 27), 7, "DE-MV", date(2027, 9, 20)),  # a working day in MV
        (date(2027, 1, 8), 7, "DE-MV", date(2026, 12, 31)),  # Neujahr: into the old year
        (date(2026, 3, 12), 7, "DE-MV", date(2026, 3, 5)),  # a Thursday stays
    ],
)
def test_the_last_working_day_to_invite(meeting_day, days, bundesland, send_by) -> None:
    assert invitation_send_by(meeting_day, days, bundesland) == send_by
    assert invitation_deadline(meeting_day, days) >= send_by  # the notice is judged by it
