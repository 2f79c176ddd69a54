"""The invitation (Einladung) to a meeting as a German letter, or its cancellation (Absage).

Letterhead and page frame come from the theme; address with place and date, subject,
salutation and closing are the letter parts the reminder shares (``letter_parts``);
between them the time and place, the agenda in its public and non-public part (a changed
letter marks the items added since the invitation "(neu)" and names those dropped), the
annexes the letter comes with, the line for excuses and the notice-period statement. The
PDF states the truth: an invitation later than the notice period does not claim to keep
it, and the service gets a warning for the secretariat.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.meeting_document_titles import (
    council_named,
    letter_title,
    meeting_heading,
)
from expertenrat.domain.meeting_documents import AgendaEntry, MeetingDocument
from expertenrat.domain.meeting_numbers import meeting_name
from expertenrat.domain.wording import isolated, quoted
from expertenrat.reports import letter_parts, theme
from expertenrat.reports import meeting_parts as parts
from expertenrat.reports.invitation_agenda import agenda_columns
from expertenrat.reports.theme import Column
from expertenrat.reports.widowless_table import TableWithClosing

PUBLIC_PART = "Öffentlicher Teil"
NON_PUBLIC_PART = "Nichtöffentlicher Teil"


@dataclass(frozen=True, slots=True)
class _Spacing:
    """The letter's vertical air around and in the agenda (points)."""

    row_top: float  # an agenda row's padding above and below its text
    row_bottom: float
    before_heading: float  # above "Tagesordnung – …"
    after_facts: float  # between time and place and the agenda
    before_requests: float  # between the agenda and the excuse line
    before_closing: float  # between the notice statement and the greeting


_AIRY = _Spacing(2, 2.5, 6, 2 * mm, 3 * mm, 6 * mm)
_TIGHT = _Spacing(1.5, 2, 4, 1.5 * mm, 2.5 * mm, 5 * mm)
"""A little tighter: where it keeps an invitation on one page that would run over by a
few lines (ten items and an addressee of five lines)."""


def render_invitation(
    doc: MeetingDocument,
    *,
    reproducible: bool = False,
    mark: str = "",
    page_numbers: bool = True,
) -> RenderedPdf:
    """The invitation to ``doc`` (a cancellation letter if the meeting is cancelled);
    ``reproducible``: the same bytes for the same content (see ``theme.DocumentInfo``);
    ``mark``: a word the PDF's keywords (metadata) end with, after the German ones;
    ``page_numbers``: False for a part of a Sitzungsmappe (the bundle numbers its pages).

    Warnings: letters no bundled font has, and an invitation later than the notice period.
    """
    title = letter_title(doc)
    head = doc.letterhead
    info = letter_parts.letter_info(
        head,
        title,
        doc.letter_date,
        subject=council_named(doc, f"{title}, {parts.when(doc)}"),
        keywords=", ".join(k for k in (invitation_keywords(doc), mark) if k),
        reproducible=reproducible,
    )
    info = replace(info, page_numbers=page_numbers)
    rendered, pages = _letter(doc, title, info, _AIRY)
    if not doc.cancelled and pages > 1:
        tight, pages = _letter(doc, title, info, _TIGHT)
        rendered = tight if pages == 1 else rendered
    return rendered


def invitation_keywords(doc: MeetingDocument) -> str:
    """ "Einladung, Tagesordnung, 7. Sitzung, Smart City Expert*innenrat" (metadata); a
    cancellation has no agenda: "Absage, 7. Sitzung, …"."""
    letter = "Absage" if doc.cancelled else "Einladung, Tagesordnung"
    return f"{letter}, {meeting_heading(doc)}, {doc.letterhead.council_name}"


def _letter(
    doc: MeetingDocument, title: str, info: theme.DocumentInfo, spacing: _Spacing
) -> tuple[RenderedPdf, int]:
    """The letter laid out with ``spacing``, and its number of pages."""
    story = letter_parts.address_block(doc.addressee_lines, doc.letterhead.city, doc.letter_date)
    story += letter_parts.opening(title, doc.salutation)
    if doc.cancelled:
        story += [*_cancellation(doc), Spacer(0, 6 * mm), KeepTogether(_closing(doc))]
    else:
        closing = [Spacer(0, spacing.before_requests), *_requests(doc, spacing), *_closing(doc)]
        story += _invitation(doc, closing, spacing)
    warnings = parts.warnings(doc, late_notice=True)
    return theme.build_counted_pdf(story, info, warnings, len(doc.agenda))


def _invitation(doc: MeetingDocument, closing: list[Flowable], spacing: _Spacing) -> list[Flowable]:
    """The invitation's body and ``closing``, which follows the agenda's last rows."""
    intro = f"hiermit laden wir Sie herzlich zur {_short_heading(doc)} ein."
    if doc.change_notice:
        intro += f" {doc.change_notice}"
    closing = [*_annex_list(doc, spacing), *closing]  # under the agenda, before the requests
    if doc.dropped_listed:
        closing = [Spacer(0, spacing.before_requests), _dropped(doc), *closing]
    story: list[Flowable] = [
        parts.paragraph(intro),
        Spacer(0, 3 * mm),
        parts.facts(parts.time_and_place(doc), label_width=20 * mm),
        Spacer(0, spacing.after_facts),
    ]
    if not doc.agenda:
        return [*story, parts.paragraph("Die Tagesordnung folgt.", "note"), KeepTogether(closing)]
    agenda = {True: doc.public_items, False: doc.non_public_items}
    shown = [(public, items) for public, items in agenda.items() if items]
    columns = agenda_columns(doc.agenda)
    for n, (public, items) in enumerate(shown, start=1):
        heading = theme.section_heading(
            _agenda_name(doc, public), keep_space=30 * mm, style=_agenda_heading(spacing)
        )
        table = _agenda_table(items, columns, spacing)
        if n < len(shown):
            story += [*heading, table]
        else:  # the page break, then the heading as part of the table with the closing
            story += [*heading[:-1], TableWithClosing(table, closing, heading[-1:])]
    return story


def _agenda_name(doc: MeetingDocument, public: bool) -> str:
    """ "Tagesordnung – Öffentlicher Teil" (or "Nichtöffentlicher Teil"), "Geänderte
    Tagesordnung – …" where that part changed since the first invitation: a change of the
    non-public items alone leaves the public part's heading as the members know it. A
    meeting without a non-public part has just "Tagesordnung" (or "Geänderte …")."""
    name = "Geänderte Tagesordnung" if doc.part_changed(public) else "Tagesordnung"
    if not doc.agenda_in_parts:
        return name
    return f"{name} – {PUBLIC_PART if public else NON_PUBLIC_PART}"


def _dropped(doc: MeetingDocument) -> Flowable:
    """ "Gegenüber der Einladung vom 01.12.2026 entfallen: „Bericht“; „Personalsache“
    (nichtöffentlich)." (the public letter lists public items only)."""
    titles = "; ".join(
        quoted(isolated(d.title)) + ("" if d.public else " (nichtöffentlich)")
        for d in doc.dropped_listed
    )
    return parts.paragraph(
        f"Gegenüber der Einladung vom {doc.invitation_date:%d.%m.%Y} entfallen: {titles}."
    )


def _annex_list(doc: MeetingDocument, spacing: _Spacing) -> list[Flowable]:
    """ "Anlagen" and the files the letter comes with, one a line, numbered and marked as
    the minutes and the Sitzungsmappe list them ("Anlage 2: Kalkulation (nichtöffentlich)");
    nothing for a meeting without annexes."""
    if not doc.annexes:
        return []
    heading = parts.paragraph("Anlagen", _agenda_heading(spacing))
    return [heading, *(parts.paragraph(a.label) for a in doc.annexes)]


def _short_heading(doc: MeetingDocument) -> str:
    """ "5. Sitzung" (or "Klausur") without the meeting's title: the subject line above
    names it."""
    return meeting_name(doc.number, doc.kind)


def _agenda_heading(spacing: _Spacing) -> ParagraphStyle:
    """The theme's heading, a size smaller and closer to its table: a letter's subheading."""
    return ParagraphStyle(
        "agenda_heading", theme.styles().heading, fontSize=11, leading=14,
        spaceBefore=spacing.before_heading, spaceAfter=4,
    )  # fmt: skip


def _agenda_table(
    items: Sequence[AgendaEntry], columns: Sequence[Column[AgendaEntry]], spacing: _Spacing
) -> Table:
    """The house table with rows a little closer than in lists: a letter's agenda of
    about ten items fits on the first page with the closing."""
    table = theme.column_table(items, columns, long_rows=True)
    rows = (0, 1), (-1, -1)
    table.setStyle(
        TableStyle(
            [("TOPPADDING", *rows, spacing.row_top), ("BOTTOMPADDING", *rows, spacing.row_bottom)]
        )
    )
    return table


def _requests(doc: MeetingDocument, spacing: _Spacing) -> list[Flowable]:
    """The excuse line and the notice statement, which precede the greeting (a council
    without a notice period has nothing to state)."""
    notice = _notice_statement(doc)
    return [
        parts.linking_paragraph(doc.excuse_request, doc.letterhead.secretariat_email),
        *([Spacer(0, 2 * mm), parts.paragraph(notice)] if notice else []),
        Spacer(0, spacing.before_closing),
    ]


def _notice_statement(doc: MeetingDocument) -> str:
    days = doc.notice_period_days
    period = "1 Tag" if days == 1 else f"{days} Tagen"
    if doc.notice_kept and days == 0:
        return ""  # never "unter Wahrung der Ladungsfrist von 0 Tagen"
    if doc.notice_kept and doc.letter_date != doc.invitation_date:  # a changed invitation
        return (
            f"Die Einladung vom {doc.invitation_date:%d.%m.%Y} erging fristgerecht unter "
            f"Wahrung der Ladungsfrist von {period}."
        )
    if doc.notice_kept:
        return f"Die Einladung ergeht fristgerecht unter Wahrung der Ladungsfrist von {period}."
    return (
        f"Die Ladungsfrist von {period} kann bei dieser Einladung nicht gewahrt werden; "
        "wir bitten um Ihr Verständnis."
    )


def _cancellation(doc: MeetingDocument) -> list[Flowable]:
    story: list[Flowable] = [
        parts.paragraph(f"die {meeting_heading(doc)} am {parts.when(doc)} findet nicht statt."),
    ]
    if doc.cancellation_reason.strip():
        story += [
            Spacer(0, 2 * mm),
            parts.paragraph(f"Grund: {isolated(doc.cancellation_reason.strip())}"),
        ]
    story += [Spacer(0, 2 * mm), parts.paragraph("Wir bitten um Ihr Verständnis.")]
    return story


def _closing(doc: MeetingDocument) -> list[Flowable]:
    return letter_parts.closing(doc.letterhead.signature, doc.letterhead.council_name)
