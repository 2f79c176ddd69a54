"""A meeting's sign-in sheet (Anwesenheitsliste) as PDF, A4 portrait: the members with role
and primary action field, the guests known beforehand and empty rows for unannounced ones,
each with a wide "Unterschrift" column and rows tall enough to sign in (a member whose
apologies are recorded has "entschuldigt" there, muted). The columns of the three tables
line up, the signatures one under the other; a table running over a page
repeats its head. No contact data (the sheet lies open at the door)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, TableStyle

from expertenrat.domain.attendance_list import AttendanceListDocument, ListedGuest, ListedMember
from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.meeting_document_titles import council_named, meeting_heading
from expertenrat.domain.meeting_numbers import meeting_noun
from expertenrat.reports import meeting_parts as parts
from expertenrat.reports import theme
from expertenrat.reports.tables import data_table
from expertenrat.reports.theme import BOLD, PLAIN, SMALL, Lines, Paragraph

LEAD = "Bitte tragen Sie sich mit Ihrer Unterschrift ein."
SIGNATURE = "Unterschrift"
EXCUSED = "entschuldigt"  # in the signature cell of a member whose apologies are recorded
ROW_HEIGHT = 10 * mm  # room to sign in, between the row's rules
FEWEST_BLANK_ROWS = 3  # "Weitere Teilnehmende" where more would start another page

# Shares of the content width: the name, the columns between, the signature (the same
# in every table, so that the signatures stand one under the other).
_NAME, _SIGNATURE = 0.30, 0.34
_ROLE, _FIELD = 0.15, 1 - _NAME - _SIGNATURE - 0.15
_FUNCTION = 1 - _NAME - _SIGNATURE

T = TypeVar("T")


def render_attendance_list(doc: AttendanceListDocument) -> RenderedPdf:
    """The sign-in sheet of ``doc``; warnings name letters no font has; ``records``: the
    members on it. It ends with ``doc.blank_rows`` empty rows, or as many as fit on its
    last page, at least :data:`FEWEST_BLANK_ROWS`: no page holds only empty rows that
    fewer would have spared (the sheet of a council of ten fits on one page)."""
    rows = doc.blank_rows
    rendered, pages = _rendered(doc, rows)
    if rows > FEWEST_BLANK_ROWS:
        fewest = _rendered(doc, FEWEST_BLANK_ROWS)[1]
        while pages > fewest:
            rows -= 1
            rendered, pages = _rendered(doc, rows)
    return rendered


def _rendered(doc: AttendanceListDocument, blank_rows: int) -> tuple[RenderedPdf, int]:
    """The sheet with ``blank_rows`` empty rows, and its number of pages."""
    meeting = doc.meeting
    heading = meeting_heading(meeting)
    title = f"Anwesenheitsliste: {heading}"
    head = meeting.letterhead
    info = theme.DocumentInfo(
        title=title,
        council_name=head.council_name,
        city=head.city,
        date=meeting.start.date(),
        last_date=meeting.end.date(),
        logo_png=head.logo_png,
        subject=council_named(meeting, f"Anwesenheitsliste der {heading}, {parts.when(meeting)}"),
        keywords=f"Anwesenheitsliste, {heading}, {head.council_name}",
        date_label=f"{meeting_noun(meeting.number, meeting.kind)} vom",  # as the run sheet
    )
    # Time and place; not the online link, which may hold the meeting's password.
    facts = [(label, text) for label, text in parts.time_and_place(meeting) if label != "Online"]
    story = theme.title_block(title, LEAD)
    story += [parts.facts(facts), Spacer(0, 2 * mm)]
    story += theme.section_heading("Mitglieder", keep_space=3 * ROW_HEIGHT)
    if doc.members:
        story.append(_table(doc.members, _member_columns(doc.members), mark=_excused))
    else:
        text = f"Am {theme.german_date(meeting.start.date())} gehört dem Gremium kein Mitglied an."
        story.append(parts.paragraph(text, "note"))
    if doc.guests:
        story += theme.section_heading("Gäste", keep_space=3 * ROW_HEIGHT)
        story.append(_table(doc.guests, _GUEST_COLUMNS))
    story += theme.section_heading("Weitere Teilnehmende", keep_space=3 * ROW_HEIGHT)
    story.append(_table([None] * blank_rows, _BLANK_COLUMNS, ruled=True))
    return theme.build_counted_pdf(story, info, _warnings(doc), len(doc.members))


def _warnings(doc: AttendanceListDocument) -> tuple[str, ...]:
    meeting, head = doc.meeting, doc.meeting.letterhead
    council = (head.council_name, head.city, meeting.title, meeting.place, meeting.room)
    texts = [("Gremium und Sitzung", council)]
    texts += [(f"Mitglied „{m.name}“", (m.name, m.role, m.action_field)) for m in doc.members]
    texts += [(f"Gast „{g.name}“", (g.name, *g.function)) for g in doc.guests]
    return theme.script_warnings(texts)


def _member_name(m: ListedMember) -> Lines:
    return [(m.name, BOLD)]


def _role(m: ListedMember) -> Lines:
    return [(m.role, PLAIN)]


def _field(m: ListedMember) -> Lines:
    return [(m.action_field, PLAIN)] if m.action_field.strip() else [("–", SMALL)]


def _guest_name(g: ListedGuest) -> Lines:
    return [(g.name, BOLD)]


def _function(g: ListedGuest) -> Lines:
    talks = f"Vortrag TOP {', '.join(g.items)}" if g.items else ""
    return [*((line, PLAIN) for line in g.function), (talks, SMALL)]


def _nothing(_row: object) -> Lines:
    return []


def _excused(m: ListedMember) -> Lines:
    return [(EXCUSED, SMALL)] if m.excused else []


def _member_columns(
    members: Sequence[ListedMember],
) -> tuple[tuple[str, float, Callable[[ListedMember], Lines]], ...]:
    """The members' columns: the role and the field as wide as their longest word needs
    ("Stellvertretende*r Sprecher*in", "Gesundheitsversorgung" broke inside the word), the
    names giving the room; the signature's column stays where the other tables have it."""
    role = theme.word_share(members, _role, "Rolle", _ROLE)
    field = theme.word_share(members, _field, "Handlungsfeld", _FIELD)
    return (
        ("Name", 1 - _SIGNATURE - role - field, _member_name),
        ("Rolle", role, _role),
        ("Handlungsfeld", field, _field),
    )


_GUEST_COLUMNS: tuple[tuple[str, float, Callable[[ListedGuest], Lines]], ...] = (
    ("Name", _NAME, _guest_name),
    ("Funktion / Organisation", _FUNCTION, _function),
)
_BLANK_COLUMNS: tuple[tuple[str, float, Callable[[None], Lines]], ...] = (
    ("Name", _NAME, _nothing),
    ("Funktion / Organisation", _FUNCTION, _nothing),
)


def _table(
    rows: Sequence[T],
    columns: Sequence[tuple[str, float, Callable[[T], Lines]]],
    *,
    ruled: bool = False,
    mark: Callable[[T], Lines] = _nothing,
) -> Flowable:
    """A house table (:func:`~expertenrat.reports.tables.data_table`: tinted head repeated
    on every page, zebra rows) of ``rows`` in ``columns`` and the "Unterschrift" column,
    each row at least :data:`ROW_HEIGHT` tall and ruled below, the text in its middle;
    ``ruled``: a rule between every two columns (empty rows, written in by hand);
    ``mark``: what a row's signature cell says (mostly nothing, room to sign)."""
    s = theme.styles()
    width = theme.content_width()
    widths = [share * width for _head, share, _lines in columns] + [_SIGNATURE * width]
    pad = 2 * theme.CELL_PADDING
    heads = [*(head for head, _share, _lines in columns), SIGNATURE]
    cells: list[list[Flowable | str]] = [[Paragraph(h, s.table_head) for h in heads]]
    for row in rows:
        texts: list[Flowable | str] = [
            theme.cell(lines(row), s.cell, w - pad, ROW_HEIGHT * 3)
            for (_head, _share, lines), w in zip(columns, widths, strict=False)
        ]
        cells.append([*texts, _signature(mark(row), widths[-1] - pad)])
    table = data_table(cells, widths)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 1), (-1, -1), 0.5, theme.RULE),
                ("LINEBEFORE", (1 if ruled else -1, 0), (-1, -1), 0.5, theme.RULE),
            ]
        )
    )
    return table


def _signature(lines: Lines, width: float) -> Flowable | list[Flowable]:
    """A signature cell: ``lines`` (most often none) in the middle of room to sign in."""
    room = ROW_HEIGHT - 8  # less the cell's paddings
    if not lines:
        return Spacer(0, room)
    text = theme.cell(lines, theme.styles().cell, width, room)
    margin = max(0.0, room - text.wrap(width, room)[1]) / 2
    return [Spacer(0, margin), text, Spacer(0, margin)]
