"""The minutes (Protokoll) of a meeting as PDF, full or public, draft or approved.

Layout, top to bottom: title and state, the facts (body, date, time, place, chair,
minute-taker), attendance, the opening statements (invitation, quorum, agenda), the agenda
at a glance, each item with its bookmark, the closing, the annexes, the signature lines
and, once approved, the approval with the content's fingerprint
(:mod:`~expertenrat.reports.minutes_closing`). Every page of a version
before approval carries a large "ENTWURF". User text is escaped and set in paragraphs of
one line of input each, so that 20,000 characters flow across pages.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.enums import VoteMode
from expertenrat.domain.german_dates import long_date
from expertenrat.domain.meeting_documents import PUBLIC_ONLINE_NOTE
from expertenrat.domain.meeting_numbers import meeting_noun
from expertenrat.domain.minutes_attendees import (
    DIGITAL,
    NOT_RECORDED,
    AbsentMember,
    PresentMember,
)
from expertenrat.domain.minutes_document import DRAFT_MARK, WITHHELD_LINE, MinutesDocument
from expertenrat.domain.minutes_items import MinutesItem, recusal_label
from expertenrat.domain.wording import isolated
from expertenrat.reports import meeting_parts as parts
from expertenrat.reports import minutes_blocks as blocks
from expertenrat.reports import theme
from expertenrat.reports.bookmarks import bookmarked_heading
from expertenrat.reports.minutes_closing import minutes_closing
from expertenrat.reports.theme import BOLD, PLAIN, SMALL, Column, Lines

PUBLIC_NOTE = "Öffentliche Fassung – nichtöffentliche Tagesordnungspunkte sind nicht enthalten."
PUBLIC_ONLY_NOTE = "Öffentliche Fassung."  # a meeting without non-public items
FULL_NOTE = "Vollständige Fassung – enthält nichtöffentliche Tagesordnungspunkte."
_LABEL_WIDTH = 34 * mm

_PRESENT_COLUMNS: tuple[Column[PresentMember], ...] = (
    Column("Name", 0.32, lambda m: [(m.name, PLAIN)]),
    # wide enough for a council's own title of the role on one line: "Stellvertretende"
    Column("Funktion", 0.20, lambda m: [(m.role_label, PLAIN)]),
    # "–" as wherever the documents have nothing to print (a member without a field)
    Column("Handlungsfeld", 0.24, lambda m: [(m.action_field or "–", PLAIN)]),
    Column("Anwesend", 0.24, lambda m: _presence(m)),
)
_AGENDA_COLUMNS: tuple[Column[MinutesItem], ...] = (
    Column("TOP", 0.10, lambda i: [(f"TOP {i.number}", BOLD)]),
    Column(
        "Gegenstand",
        0.70,
        lambda i: [
            (i.title, PLAIN),
            *((mark, SMALL) for mark in i.agenda_marks),
            (parts.kind_beside(i.title, i.kind_label), SMALL),
        ],
    ),
    Column("Teil", 0.20, lambda i: [("öffentlich" if i.public else parts.NON_PUBLIC, PLAIN)]),
)


def render_minutes(
    doc: MinutesDocument, *, reproducible: bool = False, page_numbers: bool = True
) -> RenderedPdf:
    """The minutes as PDF; warnings name texts with letters no bundled font has.
    ``reproducible``: the same bytes for the same document (no creation time);
    ``page_numbers``: False for a part of a Sitzungsmappe (the bundle numbers its pages)."""
    heading = doc.heading
    head = doc.letterhead
    variant = "öffentliche Fassung" if doc.public else "vollständige Fassung"
    state = "genehmigt" if doc.approval else doc.state.label
    info = theme.DocumentInfo(
        title=heading,
        pdf_title=heading + _public_mark(doc),
        council_name=head.council_name,
        city=head.city,
        date=doc.day,
        last_date=doc.last_day,
        logo_png=head.logo_png,
        subject=f"{heading}, {head.council_name}, {long_date(doc.day)}{_public_mark(doc)}",
        keywords=", ".join(("Protokoll", head.council_name, f"{doc.day:%d.%m.%Y}", state, variant)),
        date_label=f"{meeting_noun(doc.number, doc.kind)} vom",
        footer_note=_footer_note(doc),
        watermark=DRAFT_MARK if doc.draft else "",
        reproducible=reproducible,
        page_numbers=page_numbers,
    )
    story = theme.title_block(heading, head.council_name)
    story += [parts.paragraph(doc.state_line, "body", BOLD), Spacer(0, 3 * mm)]
    story += [parts.facts(_facts(doc), _LABEL_WIDTH)]
    story += _attendance(doc)
    story += _opening(doc)
    story += _agenda(doc)
    for item in doc.items:
        story += _item(doc, item)
    story += minutes_closing(doc)
    return theme.build_pdf(story, info, _warnings(doc), len(doc.items))


def _public_mark(doc: MinutesDocument) -> str:
    """What tells the public version's title and subject from the full one's, as the
    public Sitzungsmappe's bookmark and subject say it (its page header is the same)."""
    return " (öffentliche Fassung)" if doc.public else ""


def _footer_note(doc: MinutesDocument) -> str:
    """The version on every page; the public one says that it leaves out non-public items
    only where there are any (found by a tester). A draft says so first, in words that a
    screen reader reads, a search finds and a printer that leaves out the light watermark
    prints (found by a tester)."""
    if doc.public:
        note = PUBLIC_NOTE if any(i.withheld for i in doc.items) else PUBLIC_ONLY_NOTE
    else:
        note = FULL_NOTE if any(not i.public for i in doc.items) else ""
    if not doc.draft:
        return note
    return f"{DRAFT_MARK} · {note}" if note else DRAFT_MARK


def _facts(doc: MinutesDocument) -> list[tuple[str, str]]:
    head = doc.letterhead
    day = long_date(doc.day)
    if doc.last_day > doc.day:  # a Klausur Friday to Saturday, a meeting past midnight
        day = f"{day} bis {long_date(doc.last_day)}"
    rows = [("Gremium", head.council_name), ("Datum", day)]
    rows.append(("Beginn / Ende", doc.time_line))
    if doc.location:
        rows.append(("Ort", doc.location))
    if doc.online_link.strip():
        rows.append(("Online", PUBLIC_ONLINE_NOTE if doc.public else doc.online_link.strip()))
    if doc.kind_label:
        rows.append(("Art", doc.kind_label))
    rows.append(("Sitzungsleitung", doc.chair or "–"))
    rows.append(("Protokoll", doc.minute_taker or "–"))
    return rows


def _presence(member: PresentMember) -> Lines:
    lines: Lines = [(member.partial or "ganze Sitzung", PLAIN)]
    if member.digital:
        lines.append((f"({DIGITAL})", PLAIN))
    if not member.voting:
        lines.append(("ohne Stimmrecht", SMALL))
    return lines


def _absent(member: AbsentMember) -> str:
    """An absent member, the name alone isolated: an Arabic or Hebrew one must not turn
    " (nicht erfasst)" after it right to left (")nicht erfasst( …")."""
    return isolated(member.name) + ("" if member.recorded else NOT_RECORDED)


def _attendance(doc: MinutesDocument) -> list[Flowable]:
    story = [*bookmarked_heading("Anwesenheit")]
    if doc.present:
        story.append(theme.column_table(doc.present, _PRESENT_COLUMNS))
    else:
        story.append(parts.paragraph("Es ist keine Anwesenheit erfasst.", "note"))
    story.append(Spacer(0, 2 * mm))
    rows = [
        ("Entschuldigt", "; ".join(map(isolated, doc.excused)) or "–"),
        ("Abwesend", "; ".join(map(_absent, doc.absent)) or "–"),
    ]
    # A guest a line: one cell of them all was cut short ("…") and could not break.
    rows += [("Gäste" if n == 0 else "", blocks.guest_text(g)) for n, g in enumerate(doc.guests)]
    story.append(parts.facts(rows, _LABEL_WIDTH))
    return story


def _opening(doc: MinutesDocument) -> list[Flowable]:
    story = [*bookmarked_heading("Feststellungen")]
    lines = [doc.invitation.statement(doc.day) if doc.invitation else ""]
    lines += [doc.quorum_line, doc.agenda_line, doc.added_line, doc.dropped_line]
    lines += [doc.extension_line, doc.order_line]
    lines += doc.earlier_minutes
    for line in lines:
        if line:
            story += [parts.paragraph(line), Spacer(0, 1.5 * mm)]
    return story


def _agenda(doc: MinutesDocument) -> list[Flowable]:
    story = [*bookmarked_heading("Tagesordnung")]
    if not doc.items:
        return [*story, parts.paragraph("Die Tagesordnung ist leer.", "note")]
    return [*story, theme.column_table(doc.items, _AGENDA_COLUMNS, long_rows=True)]


def _item(doc: MinutesDocument, item: MinutesItem) -> list[Flowable]:
    level = 1 if "." in item.number else 0
    story = blocks.item_heading(item, level)
    if item.withheld:
        return [*story, parts.paragraph(WITHHELD_LINE, "note")]
    shown = bool(item.outcome_line)  # "Der Tagesordnungspunkt wurde vertagt."
    story += [parts.paragraph(item.outcome_line)] if shown else []
    # Both styles print the discussion (§ 93 VwVfG asks for its essential content): a
    # Verlaufsprotokoll as "Verlauf der Beratung", an Ergebnisprotokoll as "Wesentlicher
    # Inhalt", the field the editor offers for it (and counts as the item's text).
    if item.discussion.strip():
        story += blocks.labelled(doc.style.discussion_label, item.discussion)
        shown = True
    for label, text in (("Antrag", item.motion), ("Beschluss", item.resolution)):
        if text.strip():
            story += blocks.labelled(label, text, boxed=label == "Beschluss")
            shown = True
    if item.votes:
        story += blocks.votes(item)
        shown = True
    # A vote line names the recused members; "zur Kenntnis genommen" has no counts and
    # names none, so they stand on their own line as where nothing was voted on.
    if item.recused and all(v.mode is VoteMode.NOTED for v in item.votes):
        story += blocks.labelled("Befangen", "; ".join(recusal_label(c) for c in item.recused))
    if item.quorum_note:  # allowed, but the minutes say that the quorum was missing
        story += blocks.labelled("Hinweis", item.quorum_note)
    if item.result.strip():
        story += blocks.labelled("Ergebnis", item.result)
        shown = True
    if item.recommendations:
        story += blocks.recommendations(item.recommendations)
        shown = True
    if item.written_decisions:
        label = "Im Umlaufverfahren beschlossen"
        story += blocks.labelled(label, "\n".join(item.written_decisions))
        shown = True
    if not shown:
        story.append(parts.paragraph("Keine Eintragungen.", "note"))
    return story


def _warnings(doc: MinutesDocument) -> tuple[str, ...]:
    head = doc.letterhead
    texts: list[tuple[str, tuple[str, ...]]] = [
        ("Gremium und Sitzung", (head.council_name, head.city, doc.title, doc.place, doc.room)),
        (
            "Anwesenheit",
            (*(m.name for m in doc.present), *doc.excused, *(a.name for a in doc.absent)),
        ),
        ("Gäste", tuple(blocks.guest_text(g) for g in doc.guests)),
        ("Sitzungsleitung und Protokoll", (doc.chair, doc.minute_taker, doc.agenda_changes)),
    ]
    texts += [(f"TOP {i.number}", blocks.item_texts(i)) for i in doc.items]
    texts.append(("Anlagen", tuple(a.label for a in doc.annexes)))
    return theme.script_warnings(texts)
