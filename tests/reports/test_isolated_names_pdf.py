"""Names the user typed in Hebrew or Arabic, joined with the program's words and numbers
on one line, are isolated (FSI … PDI): the line keeps the direction of its own words, a
name that comes first does not turn it right-to-left, and a number beside a name stays
where the sentence puts it. Read back with pypdf, which gives Hebrew in reading order.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from annual_report_sample import MEETINGS
from meeting_sample import AGENDA, LETTERHEAD, meeting
from minutes_sample import minutes
from pdf_reading import placed_text_runs, read, text
from recommendations_report_sample import ROWS, report

from expertenrat.domain.councils import ActionField, CouncilSettings
from expertenrat.domain.meeting_documents import DeclaredConflict
from expertenrat.domain.members import Member
from expertenrat.domain.minutes_attendees import AbsentMember, GuestLine
from expertenrat.domain.minutes_items import MinutesItem, VoteRecord
from expertenrat.domain.recommendation_links import AddressedProject
from expertenrat.domain.roster import RosterGrouping, build_roster
from expertenrat.domain.run_sheet_notes import ExpectedMove, with_notes
from expertenrat.reports import visual_order
from expertenrat.reports.attendance_chart import meeting_caption
from expertenrat.reports.invitation_pdf import render_invitation
from expertenrat.reports.minutes_pdf import render_minutes
from expertenrat.reports.recommendations_report_pdf import render_recommendations_report
from expertenrat.reports.roster_pdf import render_roster
from expertenrat.reports.run_sheet_pdf import render_run_sheet

HEBREW = "שרה כהן"
CITY = "תל אביב"
ARABIC = "مركز البيانات"


def in_order(printed: str, *parts: str, after: str = "") -> bool:
    """Whether ``parts`` follow each other in ``printed`` (from ``after`` on)."""
    at = printed.index(after) + len(after) if after else 0
    for part in parts:
        found = printed.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def test_minutes_lists_place_and_vote_subject_keep_their_order() -> None:
    item = MinutesItem(
        "2",
        "Beratung",
        votes=(VoteRecord(subject=HEBREW, yes=7, no=1, abstain=1, adopted=True),),
    )
    recused = MinutesItem("3", "Vergabe", recused=(DeclaredConflict(HEBREW, ""),
                          DeclaredConflict("Anna Berg", "")))  # fmt: skip
    doc = minutes(
        items=(item, recused),
        place=HEBREW,
        room="Raum 12",
        excused=(HEBREW, "Erika Süd"),
        guests=(GuestLine(HEBREW), GuestLine("Gülşen Yılmaz", "Amt 5")),
    )

    printed = text(render_minutes(doc).pdf)

    assert in_order(printed, HEBREW, "Raum 12", after="Ort")
    assert in_order(printed, HEBREW, "Erika Süd", after="Entschuldigt")
    assert in_order(printed, HEBREW, "Gülşen Yılmaz (Amt 5)", after="Gäste")
    assert in_order(printed, HEBREW, "Ja 7 · Nein 1 · Enthaltung 1 –", after="Abstimmung")
    assert in_order(printed, HEBREW, "Anna Berg", after="Befangen")


def test_an_absent_member_not_recorded_keeps_the_note_after_the_name() -> None:
    """Attendance not recorded: "محمد (nicht erfasst)", not ")nicht erfasst( محمد" – the
    note is the program's and runs left to right after the name (found by a tester)."""
    absent = (AbsentMember("Anna Berg", False), AbsentMember("محمد عبد الله", recorded=False))
    doc = minutes(absent=absent)

    runs = placed_text_runs(read(render_minutes(doc).pdf).pages[0])

    line = next(y for t, _x, y, _s in runs if t == "Abwesend")
    drawn = "".join(t for t, _x, y, _s in runs if abs(y - line) < 1)  # left to right
    assert drawn.startswith("AbwesendAnna Berg (nicht erfasst);")
    assert drawn.endswith("(nicht erfasst)") and ")nicht erfasst(" not in drawn


def test_invitation_place_and_date_of_the_letter_and_the_room_keep_their_order() -> None:
    doc = meeting(letterhead=replace(LETTERHEAD, city=CITY), place=HEBREW, room="Raum 12")

    printed = text(render_invitation(doc).pdf)

    # The address ends with the city; beside it place and date: "תל אביב, 24.02.2026".
    assert in_order(printed, CITY, CITY, "24.02.2026", after="An die Mitglieder")
    assert in_order(printed, HEBREW, "Raum 12", after="Ort")


def test_run_sheet_notes_name_the_member_first_in_their_sentence() -> None:
    entries = with_notes(
        (replace(AGENDA[0], conflicts=(DeclaredConflict(HEBREW, "Grund"),)),),
        arrivals={"1": (ExpectedMove(HEBREW, time(16, 30)),)},
        excused=(HEBREW, "Erika Süd"),
    )

    printed = text(render_run_sheet(meeting(agenda=entries)).pdf)

    assert in_order(printed, "Entschuldigt:", HEBREW, "Erika Süd")
    assert in_order(printed, "Kommt hinzu:", HEBREW, "gegen 16:30 Uhr).")
    assert in_order(printed, "16:30 Uhr).", HEBREW, "ist befangen und")


def test_roster_prints_no_hebrew_form_of_address_beside_the_role() -> None:
    """Only Frau or Herr is printed beside the role (as in letters): a Hebrew form of
    address, once kept in order before the role, is left out."""
    fields = [ActionField(1, "Stadtdaten", position=0)]
    member = Member(
        id=1, person_id=1, given_name="Sara", family_name="Cohen", form_of_address="גברת",
        term_start=date(2025, 1, 1), primary_field_id=1, publish_name=True,
    )  # fmt: skip
    council = CouncilSettings(1, "Rat", "Rostock")
    doc = build_roster(
        [member], fields, council, public=False, grouping=RosterGrouping.BY_FIELD,
        today=date(2026, 3, 5),
    )  # fmt: skip

    printed = text(render_roster(doc).pdf)

    assert "גברת" not in printed
    assert in_order(printed, "Sara Cohen", "Mitglied")


def test_recommendations_report_lists_a_hebrew_project_first_in_order() -> None:
    hebrew = AddressedProject(9, HEBREW, "אגף 3")
    overdue = replace(ROWS[2], projects=(hebrew, *ROWS[2].projects))  # and Datenplattform

    printed = text(render_recommendations_report(report([*ROWS[:2], overdue])).pdf)

    listed = ("Empfehlung 3", HEBREW, "Datenplattform", "keine Stellungnahme")
    assert in_order(printed, *listed, after="Offene und überfällige")


def test_a_chart_caption_keeps_the_date_after_a_hebrew_meeting_title() -> None:
    line = replace(MEETINGS.meetings[0], label=f"1. Sitzung – {HEBREW}")

    drawn = visual_order.visual(meeting_caption(line))  # as the chart draws it, left to right

    assert drawn.startswith("1. Sitzung – ") and drawn.endswith(", 20.03.2025")
