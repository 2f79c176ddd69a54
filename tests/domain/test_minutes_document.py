"""The lines of the minutes document that the domain words itself."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from expertenrat.domain.earlier_minutes import earlier_minutes_line
from expertenrat.domain.enums import AgendaItemOutcome
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.minutes_attendees import (
    PresentMember,
    first_sub_item,
    partial_attendance,
)
from expertenrat.domain.minutes_document import MinutesDocument


def test_the_earlier_minutes_line_names_objections_decided_outside_a_meeting() -> None:
    meeting = "der 1. Sitzung"
    assert earlier_minutes_line(meeting, True, 1, 1, 1, 0) == (
        "Das Protokoll der 1. Sitzung wurde genehmigt; über 2 Einwände wurde entschieden "
        "(1 berücksichtigt, 1 zurückgewiesen); außerhalb einer Sitzung war über 1 Einwand "
        "entschieden worden (1 berücksichtigt, 0 zurückgewiesen)."
    )
    assert earlier_minutes_line(meeting, False, 0, 1, 0, 1) == (
        "Über die Einwände gegen das Protokoll der 1. Sitzung wurde entschieden "
        "(0 berücksichtigt, 1 zurückgewiesen); außerhalb einer Sitzung war über 1 Einwand "
        "entschieden worden (0 berücksichtigt, 1 zurückgewiesen)."
    )
    assert (
        earlier_minutes_line(meeting, True, 0, 0) == "Das Protokoll der 1. Sitzung wurde genehmigt."
    )


def test_the_earlier_minutes_line_says_the_approval_was_put_off() -> None:
    meeting, postponed = "der 5. Sitzung", AgendaItemOutcome.POSTPONED
    assert earlier_minutes_line(meeting, False, 1, 1, put_off=postponed) == (
        "Über die Einwände gegen das Protokoll der 5. Sitzung wurde entschieden "
        "(1 berücksichtigt, 1 zurückgewiesen); die Genehmigung wurde vertagt."
    )
    assert earlier_minutes_line(meeting, False, 0, 0, put_off=postponed) == (
        "Die Genehmigung des Protokolls der 5. Sitzung wurde vertagt."
    )
    assert earlier_minutes_line(meeting, False, 0, 0, 0, 1, AgendaItemOutcome.WITHDRAWN) == (
        "Über 1 Einwand gegen das Protokoll der 5. Sitzung wurde außerhalb einer Sitzung "
        "entschieden (0 berücksichtigt, 1 zurückgewiesen); die Genehmigung wurde von der "
        "Tagesordnung abgesetzt."
    )


def test_the_time_line_of_a_draft_printed_during_the_meeting_reads_as_german() -> None:
    # Found by a tester: a draft printed before the times were entered said "––– Uhr",
    # one printed after the opening "16:05–– Uhr".
    head = MinutesDocument(Letterhead("Rat", "Rostock"), 7, date(2026, 12, 11))
    assert replace(head, opened_at=time(16, 5), closed_at=time(18, 10)).time_line == (
        "16:05–18:10 Uhr"
    )
    assert replace(head, opened_at=time(16, 5)).time_line == "ab 16:05 Uhr"
    assert replace(head, closed_at=time(18, 10)).time_line == "bis 18:10 Uhr"
    assert head.time_line == "–"


def test_a_member_present_at_one_item_only_reads_so() -> None:
    """(found by a tester) "ab TOP 6.1 bis TOP 6.1 (08:10 Uhr)"."""

    def partial(came: time | None, went: time | None) -> str:
        return PresentMember(
            "Gülşen Yılmaz", "Mitglied", "", True, "6.1", "6.1", came, went
        ).partial

    assert partial(time(8, 0), time(8, 10)) == "nur TOP 6.1 (08:00–08:10 Uhr)"
    assert partial(None, time(8, 10)) == "nur TOP 6.1 (bis 08:10 Uhr)"
    assert partial(time(8, 0), None) == "nur TOP 6.1 (ab 08:00 Uhr)"
    assert partial(None, None) == "nur TOP 6.1"
    other = PresentMember("Sascha Behrens", "", "", True, "6", "6.1", time(7, 40))
    assert other.partial == "ab TOP 6 (07:40 Uhr) bis TOP 6.1"


def test_one_wording_rule_for_arrivals_and_departures() -> None:
    """The minutes and the Auskunft word them alike; a time without an item (only the
    Auskunft meets one) reads "ab 16:10 Uhr"."""
    assert partial_attendance("3", time(16, 10), "", None) == "ab TOP 3 (16:10 Uhr)"
    assert partial_attendance("", time(16, 10), "", time(17, 40)) == "ab 16:10 Uhr bis 17:40 Uhr"
    assert partial_attendance("", None, "5", time(17, 40)) == "bis TOP 5 (17:40 Uhr)"
    assert partial_attendance("", None, "", None) == ""


def test_a_departure_before_the_sub_items_of_an_item_says_so() -> None:
    """(found by review) Who left after TOP 6's own discussion, before 6.1, read "bis TOP 6",
    as if they had stayed through 6.1 and 6.2, which belong to TOP 6; then (found by a
    tester) "bis vor TOP 7.1 (17:50 Uhr)", which is no German one writes."""
    numbers = ["1", "6", "6.1", "6.2", "7"]
    assert first_sub_item(numbers, "6") == "6.1"
    assert first_sub_item(numbers, "6.1") == first_sub_item(numbers, "7") == ""
    assert partial_attendance("", None, "6", time(17, 40), "6.1") == (
        "bis TOP 6 ohne Unterpunkte (17:40 Uhr)"
    )
    assert partial_attendance("3", None, "6", None, "6.1") == "ab TOP 3 bis TOP 6 ohne Unterpunkte"
    # came to TOP 6 and left before 6.1: not "nur TOP 6" (which holds 6.1 and 6.2)
    assert partial_attendance("6", None, "6", time(17, 40), "6.1") == (
        "nur TOP 6 ohne Unterpunkte (bis 17:40 Uhr)"
    )
    assert PresentMember("Ina Lang", left_after_item="6.2").partial == "bis TOP 6.2"
