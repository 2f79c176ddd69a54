"""A word longer than its line – a video conference link – breaks where the line ends and
stays within the margin (found by a tester: "https://…/j/" broke after its slash and the
rest, "8473…?pwd=…&lang=de", ran past the right edge of the invitation and the minutes)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from annual_report_sample import COUNCIL, FIELDS, MEMBERS, ON, YEAR, report
from meeting_sample import meeting
from minutes_sample import minutes
from pdf_reading import placed_text_runs, read, text, text_runs
from reportlab.pdfbase import pdfmetrics

from expertenrat.domain.annual_report_council import council_part
from expertenrat.domain.councils import ActionField
from expertenrat.domain.members import Member
from expertenrat.domain.minutes_document import DRAFT_MARK
from expertenrat.domain.roster import RosterGrouping, build_roster
from expertenrat.reports.annual_report_pdf import render_annual_report
from expertenrat.reports.house_style import FONT
from expertenrat.reports.invitation_pdf import render_invitation
from expertenrat.reports.minutes_pdf import render_minutes
from expertenrat.reports.page_geometry import MARGINS, page_size
from expertenrat.reports.roster_pdf import render_roster

LINK = (
    "https://meet.example-videokonferenz.de/j/84736251923847562?pwd=QWxhZGRpbjpvcGVuIHNlc2Ft"
    "ZQQWxhZGRpbjpvcGVuIHNlc2FtZQ&lang=de&skipLobby=true"
)
DOCUMENTS = {
    "Einladung": lambda: render_invitation(meeting(online_link=LINK)).pdf,
    "Protokoll": lambda: render_minutes(minutes(online_link=LINK)).pdf,
}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_long_link_stays_within_the_right_margin(name):
    pdf = DOCUMENTS[name]()

    right = page_size()[0] - MARGINS.right + 1  # a point of rounding
    page = read(pdf).pages[0]
    runs = [r for r in placed_text_runs(page) if r[0] != DRAFT_MARK]  # the slanted mark
    ends = [x + pdfmetrics.stringWidth(t, FONT, size) for t, x, _y, size in runs]
    assert max(ends) <= right
    assert "skipLobby=true" in text(pdf).replace(" ", "")  # the whole link is printed


def test_a_role_title_and_a_field_are_not_broken_inside_a_word():
    """(found by a tester) The Tätigkeitsbericht's narrow "Rolle" and "Handlungsfeld"
    columns broke the vice chair's title "Stellvertretende*r Sprecher*in" as
    "Stellvertretende" and "*r Sprecher*in", and a field as "Wirtschaftsförderu" and
    "ng, Tourismus": a word of a role or field now fits its column."""
    titled = replace(COUNCIL, vice_chair_title="Stellvertretende*r Sprecher*in")
    fields = [replace(FIELDS[0], name="Wirtschaftsförderung, Tourismus"), *FIELDS[1:]]
    part = council_part(MEMBERS, fields, titled, YEAR, ON)
    done = replace(report(fields=fields), council=part)

    page = read(render_annual_report(done).pdf).pages[0]

    lines = [run for run, _y, _size in text_runs(page)]
    assert "Stellvertretende*r" in lines and "Sprecher*in" in lines
    assert "Wirtschaftsförderung," in lines
    assert not any(line.startswith(("*r", "ng")) for line in lines)


@pytest.mark.parametrize("public", [True, False])
@pytest.mark.parametrize("grouping", list(RosterGrouping))
def test_the_roster_breaks_an_action_field_between_words_only(public, grouping):
    """(found by a tester) The public roster broke "Gesundheitsversorgung" as
    "Gesundheitsversor" and "gung", "Wirtschaftsförderung," as "Wirtschaftsförderu" and
    "ng,": the fields' column is as wide as its longest word needs."""
    fields = [
        ActionField(1, "Wirtschaftsförderung, Tourismus und Hafenwirtschaft", position=0),
        ActionField(2, "Gesundheitsversorgung", position=1),
    ]
    members = [
        Member(1, "Sascha", "Behrens", term_start=ON, primary_field_id=1, further_field_ids=(2,),
               affiliation="Chaos Computer Club Rostock", email="s@example.org",
               publish_name=True, publish_contact=True),
        Member(2, "Gülşen", "Yılmaz", term_start=ON, primary_field_id=2, further_field_ids=(1,),
               publish_name=True),
    ]  # fmt: skip
    doc = build_roster(members, fields, COUNCIL, public=public, grouping=grouping, today=ON)

    lines = [run for page in read(render_roster(doc).pdf).pages for run, _y, _s in text_runs(page)]

    assert "Gesundheitsversorgung" in lines
    assert not any(line.startswith(("gung", "ng,")) for line in lines)
