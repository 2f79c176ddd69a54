"""The annual report's second section, "2. Sitzungen": the meetings of the year with their
attendance and quorum, and a chart of the attendance (see
:mod:`expertenrat.reports.annual_report_pdf`)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from expertenrat.domain.annual_report import MeetingLine, MeetingsPart
from expertenrat.domain.wording import counted
from expertenrat.reports import theme
from expertenrat.reports.annual_report_headings import EMPTY_SECTION_SPACE
from expertenrat.reports.attendance_chart import attendance_per_meeting
from expertenrat.reports.bookmarks import bookmarked_heading
from expertenrat.reports.charts import captioned
from expertenrat.reports.meeting_parts import paragraph
from expertenrat.reports.page_geometry import content_height
from expertenrat.reports.theme import BOLD, PLAIN, SMALL, Column, Lines

_CAPTION = 15 * mm  # the chart's caption with the space above it
PARTLY_QUORATE = (
    "Beschlussfähig teilweise: nur bei einem Teil der Tagesordnungspunkte, weil Mitglieder "
    "später kamen oder früher gingen; welche Punkte, sagt das Protokoll der Sitzung."
)


def _attendance(meeting: MeetingLine) -> Lines:
    if not meeting.held:
        return [("abgesagt", BOLD)]
    if not meeting.recorded:
        return [("nicht erfasst", SMALL)]
    return [(f"{meeting.present} von {meeting.entitled}", PLAIN)]


def _quorum(meeting: MeetingLine) -> Lines:
    if not meeting.held or not meeting.recorded:
        return [("–", PLAIN)]
    return [(meeting.quorate.value, PLAIN)]


_MEETING_COLUMNS: tuple[Column[MeetingLine], ...] = (
    Column("Sitzung", 0.28, lambda m: [(m.label, BOLD)]),
    Column("Datum", 0.13, lambda m: [(theme.german_date(m.day), PLAIN)]),
    Column("Ort", 0.28, lambda m: [(m.place or "–", PLAIN)]),
    Column("Anwesend", 0.14, _attendance),
    Column("Beschlussfähig", 0.17, _quorum),
)


def meetings_section(part: MeetingsPart, year: int) -> list[Flowable]:
    """ "2. Sitzungen": the year's meetings in figures and as a table, the chart of their
    attendance, and those still planned or not yet recorded as held or cancelled."""
    held = part.held
    if not part.meetings:
        story = [*bookmarked_heading("2. Sitzungen", keep_space=EMPTY_SECTION_SPACE)]
        story.append(paragraph(f"Keine Sitzungen im Jahr {year}.", "note"))
    else:
        story = [*bookmarked_heading("2. Sitzungen")]
        line = (
            f"{counted(len(held), 'Sitzung', 'Sitzungen')} durchgeführt"
            if held
            else "Keine Sitzung durchgeführt"  # only cancelled ones, not "0 Sitzungen"
        )
        if held and not part.quorate and part.partly_quorate:  # not "keine … und 1 teilweise"
            line += f", davon {part.partly_quorate} teilweise beschlussfähig"
        elif held:
            line += f", davon {part.quorate or 'keine'} beschlussfähig"
            if part.partly_quorate:
                line += f" und {part.partly_quorate} teilweise"
        if part.cancelled:
            line += f"; {counted(part.cancelled, 'Sitzung', 'Sitzungen')} abgesagt"
        if part.attendance_percent is not None:
            line += f". Anwesenheit der Stimmberechtigten im Mittel: {part.attendance_percent} %"
        story += [paragraph(f"{line}."), Spacer(0, 2 * mm)]
        story.append(theme.column_table(part.meetings, _MEETING_COLUMNS))
        if part.partly_quorate:
            story.append(paragraph(PARTLY_QUORATE, "small"))
        charted = [m for m in held if m.recorded and m.entitled]
        if charted:
            story += captioned(
                paragraph("Anwesenheit je Sitzung", "table_head"),
                attendance_per_meeting(
                    charted, theme.content_width(), most=content_height() - _CAPTION
                ),
                space_above=4 * mm,
                at_least=50 * mm,
            )
    if part.ahead:
        story.append(Spacer(0, 2 * mm))
        story.append(
            paragraph(
                f"Noch geplant im Jahr {year}: {counted(part.ahead, 'Sitzung', 'Sitzungen')}."
            )
        )
    if part.unrecorded:
        story.append(Spacer(0, 2 * mm))
        story.append(
            paragraph(
                "Noch nicht als durchgeführt oder abgesagt erfasst: "
                f"{counted(part.unrecorded, 'Sitzung', 'Sitzungen')}."
            )
        )
    return story
