"""What the invitation and the chair's run sheet share: dates, times, place, agenda cells."""

from __future__ import annotations

from datetime import datetime, timedelta

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from expertenrat.domain.invitation_due import late_notice_warning
from expertenrat.domain.meeting_document_titles import meeting_time
from expertenrat.domain.meeting_documents import PUBLIC_ONLINE_NOTE, AgendaEntry, MeetingDocument
from expertenrat.domain.wording import isolated
from expertenrat.reports import theme
from expertenrat.reports.link_targets import anchor, link_target, linked
from expertenrat.reports.theme import BOLD, PLAIN, SMALL, Lines, Paragraph

NON_PUBLIC = "nichtöffentlich"


def clock(moment: datetime) -> str:
    return f"{moment:%H:%M}"


def when(doc: MeetingDocument) -> str:
    """The meeting's time, "Dienstag, 10. März 2026, 16:00–18:00 Uhr" (or both dates)."""
    return meeting_time(doc)


def time_and_place(doc: MeetingDocument) -> list[tuple[str, str]]:
    """Label and text of "Zeit", "Ort" (place, room) and "Online" (the link; in the public
    invitation that there is one: :data:`PUBLIC_ONLINE_NOTE`)."""
    rows = [("Zeit", when(doc))]
    if doc.location:
        rows.append(
            ("Ort", ", ".join(isolated(p.strip()) for p in (doc.place, doc.room) if p.strip()))
        )
    if doc.online_link.strip():
        rows.append(("Online", doc.online_link.strip()))
    elif doc.online_withheld:
        rows.append(("Online", PUBLIC_ONLINE_NOTE))
    return rows


def paragraph(
    text: str,
    style: str | ParagraphStyle = "body",
    markup: str = PLAIN,
    *,
    width: float | None = None,
) -> Paragraph:
    """User ``text`` (escaped, see :func:`theme.markup`) as a paragraph in ``style`` (or
    the theme's style of that name), ``width`` wide (else the page's content width)."""
    if isinstance(style, str):
        style = getattr(theme.styles(), style)
    face = theme.FONT_BOLD if "<b>" in markup else style.fontName
    return Paragraph(markup.format(theme.markup(text, style, face=face, width=width)), style)


def linking_paragraph(text: str, address: str) -> Paragraph:
    """``text`` as a body paragraph in which ``address`` (a web or e-mail address it names)
    is a link: "… mit (E-Mail: gs@stadt.de)." opens a mail to the secretariat."""
    target = link_target(address)
    before, found, after = text.partition(address) if target else (text, "", "")
    if not found:
        return paragraph(text)
    s = theme.styles().body
    link = anchor(target) + theme.markup(address, s) + "</a>"
    return Paragraph(theme.markup(before, s) + link + theme.markup(after, s), s)


def facts(
    rows: list[tuple[str, str]], label_width: float = 28 * mm, *, landscape: bool = False
) -> Flowable:
    """A two-column block "Zeit: …", "Ort: …" without lines or tints (as wide as a
    ``landscape`` page where it stands on one)."""
    s = theme.styles()
    width = theme.content_width(landscape) - label_width
    table = Table(
        [
            [
                Paragraph(f"<b>{theme.esc(label, theme.FONT_BOLD)}</b>", s.body),
                theme.cell(
                    [(value, linked(PLAIN, link_target(value)))],
                    s.body,
                    width,
                    theme.content_height() * 0.4,
                ),
            ]
            for label, value in rows
        ],
        colWidths=[label_width, width],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), theme.FONT, 10),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def number(entry: AgendaEntry) -> Lines:
    return [(f"TOP {entry.number}", BOLD)]


def kind_beside(title: str, kind: str) -> str:
    """An item's kind as the documents print it beside its title: left out where the title
    begins with it ("Bericht der Geschäftsstelle", "Verschiedenes"), so it never repeats."""
    kind = kind.strip()
    return "" if title.strip().casefold().startswith(kind.casefold()) else kind


def subject(entry: AgendaEntry) -> Lines:
    """Title, kind (:func:`kind_beside`) and the linked project of an item."""
    return [
        (entry.title, PLAIN),
        (kind_beside(entry.title, entry.kind_label), SMALL),
        (f"Projekt: {isolated(entry.project_title)}" if entry.project_title.strip() else "", SMALL),
    ]


def presenter(entry: AgendaEntry) -> Lines:
    return [(entry.presenter, PLAIN)] if entry.presenter.strip() else [("–", SMALL)]


def minutes(entry: AgendaEntry) -> str:
    return f"{entry.planned_minutes} Min." if entry.planned_minutes else ""


def planned_time(entry: AgendaEntry) -> Lines:
    """The planned span in one line, "16:05–16:15"; the start alone without a duration."""
    if entry.planned_start is None:
        return [("", PLAIN)]
    start = clock(entry.planned_start)
    if not entry.planned_minutes:
        return [(start, PLAIN)]
    end = entry.planned_start + timedelta(minutes=entry.planned_minutes)
    return [(f"{start}–{clock(end)}", PLAIN)]


def warnings(
    doc: MeetingDocument, *, late_notice: bool, run_sheet: bool = False
) -> tuple[str, ...]:
    """Letters no font has (per item) in what the document prints (the declared conflicts
    and notes only on the ``run_sheet``, the annexes not there nor in a cancellation), and,
    if asked, an invitation sent too late."""
    head = doc.letterhead
    texts: list[tuple[str, tuple[str, ...]]] = [
        ("Gremium und Sitzung", (head.council_name, head.city, doc.title, doc.place, doc.room)),
        ("Anschrift", tuple(doc.addressee or ())),
        ("Absagegrund", (doc.cancellation_reason,)),
    ]
    texts += [(f"TOP {e.number}", _item_texts(e, run_sheet)) for e in doc.agenda]
    if not run_sheet and not doc.cancelled:  # a cancellation lists none
        texts.append(("Anlagen", tuple(a.label for a in doc.annexes)))
    found = theme.script_warnings(texts)
    late = late_notice_warning(doc) if late_notice else None
    return (late, *found) if late else found


def _item_texts(e: AgendaEntry, run_sheet: bool) -> tuple[str, ...]:
    printed = (e.title, e.kind_label, e.presenter, e.project_title)
    if not run_sheet:
        return printed
    conflicts = tuple(f"{isolated(c.member_name)} {c.reason}" for c in e.conflicts)
    return (*printed, e.notes, *conflicts)
