"""The member roster (Mitgliederliste) as PDF: internal with contact data, or public."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.roster import RosterDocument, RosterEntry, RosterGrouping
from expertenrat.domain.salutations import printed_form_of_address
from expertenrat.domain.wording import council_with_city, counted_or_none, isolated
from expertenrat.reports import theme
from expertenrat.reports.link_targets import link_target, linked
from expertenrat.reports.theme import BOLD, PLAIN, SMALL, Column, Lines, Paragraph
from expertenrat.reports.widowless_table import ContinuedTable

TITLE_INTERNAL = "Mitgliederliste – intern (enthält Kontaktdaten)"
TITLE_PUBLIC = "Mitgliederliste – öffentlich"
NO_FIELD = "Ohne primäres Handlungsfeld"

_PADDING = 2 * theme.CELL_PADDING


def render_roster(doc: RosterDocument) -> RenderedPdf:
    """The roster as PDF: the internal one in A4 landscape, the public one in A4 portrait.

    The warnings name each member with letters that no bundled font has, and their script.
    """
    title = TITLE_PUBLIC if doc.public else TITLE_INTERNAL
    info = theme.DocumentInfo(
        title=title,
        council_name=doc.council_name,
        city=doc.city,
        date=doc.printed_on,
        logo_png=doc.logo_png,
        landscape=not doc.public,
        subject=f"Mitgliederliste {council_with_city(doc.council_name, doc.city)}",
        keywords=", ".join(
            ("Mitgliederliste", "öffentlich" if doc.public else "intern", doc.council_name)
        ),
        footer_note=""
        if doc.public
        else "Vertraulich – enthält personenbezogene Daten, nur für den internen Gebrauch.",
    )
    story = theme.title_block(title, _lead(doc), landscape=not doc.public)
    story += _body(doc)
    story += _footnote(doc)
    return theme.build_pdf(story, info, _warnings(doc), len(doc.entries))


def _warnings(doc: RosterDocument) -> tuple[str, ...]:
    council = (doc.council_name, doc.city, doc.period, *doc.field_names)
    texts = [(f"Gremium „{doc.council_name}“", council)]
    texts += [(f"Mitglied „{e.name}“", _texts(e)) for e in doc.entries]
    return theme.script_warnings(texts)


def _texts(e: RosterEntry) -> tuple[str, ...]:
    """The member's own texts the roster prints."""
    return (
        e.name,
        printed_form_of_address(e.form_of_address),
        e.affiliation,
        e.position,
        e.email,
        e.phone,
        e.postal_address,
    )


def _lead(doc: RosterDocument) -> str:
    members = counted_or_none(len(doc.entries), "Mitglied", "Mitglieder")
    order = "nach Handlungsfeldern" if doc.grouping is RosterGrouping.BY_FIELD else "alphabetisch"
    return " · ".join(part for part in (doc.period, members, order) if part)


def _body(doc: RosterDocument) -> list[Flowable]:
    s = theme.styles()
    if not doc.entries:
        text = "Keine aktiven Mitglieder."
        if doc.public and doc.withheld_count:
            text = "Kein aktives Mitglied hat einer Veröffentlichung zugestimmt."
        return [Paragraph(text, s.body)]
    grouped = doc.grouping is RosterGrouping.BY_FIELD
    columns = _columns(doc, grouped)
    if not grouped:
        return [theme.column_table(doc.entries, columns, not doc.public)]
    story: list[Flowable] = []
    known = set(doc.field_names)
    groups = [
        (name, [e for e in doc.entries if e.primary_field == name]) for name in doc.field_names
    ]
    groups.append((NO_FIELD, [e for e in doc.entries if e.primary_field not in known]))
    for name, entries in groups:
        if not entries and name == NO_FIELD:
            continue
        story += theme.section_heading(name, landscape=not doc.public)
        if entries:
            table = theme.column_table(entries, columns, not doc.public)
            story.append(ContinuedTable(table, functools.partial(_continued, name, doc.public)))
        else:
            story.append(Paragraph("Kein Mitglied mit diesem primären Handlungsfeld.", s.note))
    return story


def _continued(name: str, public: bool) -> list[Flowable]:
    """The heading of a field's group again, over its rows on the next page."""
    return theme.section_heading(f"{name} (Fortsetzung)", landscape=not public)


def _footnote(doc: RosterDocument) -> list[Flowable]:
    count = doc.withheld_count
    if not doc.public or count <= 0:
        return []
    if not doc.entries:
        text = f"{count} aktive Mitglieder haben einer Veröffentlichung nicht zugestimmt."
        if count == 1:
            text = "1 aktives Mitglied hat einer Veröffentlichung nicht zugestimmt."
    elif count == 1:
        text = "Ein weiteres Mitglied hat einer Veröffentlichung nicht zugestimmt."
    else:
        text = f"Weitere {count} Mitglieder haben einer Veröffentlichung nicht zugestimmt."
    return [Spacer(0, 4 * mm), Paragraph(text, theme.styles().note)]


def _columns(doc: RosterDocument, grouped: bool) -> list[Column[RosterEntry]]:
    wide = not doc.public
    contact = wide or any(e.email or e.phone or e.postal_address for e in doc.entries)
    if not contact:
        shares: tuple[float, ...] = (0.27, 0.31, 0.24, 0.18)
    else:
        shares = (0.20, 0.22, 0.16, 0.12, 0.30) if wide else (0.21, 0.22, 0.19, 0.16, 0.22)
    fields = (
        ("Weitere Handlungsfelder", _further_fields) if grouped else ("Handlungsfelder", _fields)
    )
    specs: list[tuple[str, Callable[[RosterEntry], Lines]]] = [
        ("Name", _name),
        ("Institution / Funktion", _institution),
        fields,
        ("Amtszeit", _term),
    ]
    # a field's longest word on one line ("Gesundheitsversor" / "gung" in the public
    # roster); the names, of shorter words, give the room (the institution's and the
    # contact's words and phone numbers need theirs)
    needed = theme.word_share(doc.entries, fields[1], fields[0], shares[2], wide)
    shares = (shares[0] - (needed - shares[2]), shares[1], needed, *shares[3:])
    if contact:
        width = shares[-1] * theme.content_width(wide) - _PADDING
        specs.append(("Kontakt", functools.partial(_contact, width=width)))
    return [Column(h, share, f) for (h, f), share in zip(specs, shares, strict=True)]


def _name(e: RosterEntry) -> Lines:
    """The name, below it "Frau · Mitglied": only Frau or Herr, not "Divers" (as letters)."""
    form = printed_form_of_address(e.form_of_address)
    below = " · ".join(isolated(p) for p in (form, e.role) if p)
    return [(e.name, BOLD), (below, SMALL)]


def _institution(e: RosterEntry) -> Lines:
    return [(e.affiliation, PLAIN), (e.position, PLAIN), (e.sector, SMALL)]


def _fields(e: RosterEntry) -> Lines:
    return [(e.primary_field, BOLD), *((f, PLAIN) for f in e.further_fields)]


def _further_fields(e: RosterEntry) -> Lines:
    return [(f, PLAIN) for f in e.further_fields] or [("–", SMALL)]


def _term(e: RosterEntry) -> Lines:
    start, end = e.term_start, e.term_end
    if start and end:
        text = f"{theme.german_date(start)}\u00a0– {theme.german_date(end)}"
    elif start:
        text = f"seit {theme.german_date(start)}"
    elif end:
        text = f"bis {theme.german_date(end)}"
    else:
        text = ""
    return [(text, PLAIN)]


def _contact(e: RosterEntry, *, width: float) -> Lines:
    """The member's contact data; "–" where there is none to print (the public roster's
    member who did not consent to publish it, or a member without any)."""
    if not (e.email.strip() or e.phone.strip() or e.postal_address.strip()):
        return [("–", SMALL)]
    return [
        (_email_lines(e.email.strip(), width), linked(PLAIN, link_target(e.email))),
        (f"Tel. {e.phone}" if e.phone.strip() else "", PLAIN),
        (e.postal_address, SMALL),
    ]


def _email_lines(email: str, width: float) -> str:
    """The address broken into lines of ``width``: after the @, and where a part is still
    too wide after a dot, hyphen or underscore, the sign kept at the line's end.

    Left to itself, the paragraph broke a local part too wide for the cell before the @,
    which then stood alone on a line ("zoe.hartmann-okafor" / "@" / "example.org").
    """
    size = theme.styles().cell.fontSize

    def fits(text: str) -> bool:
        return stringWidth(text, theme.FONT, size) <= width

    if "@" not in email or fits(email):
        return email
    local, domain = email.split("@", 1)
    lines: list[str] = []
    for part in (f"{local}@", domain):
        pieces = re.findall(r"[^.\-_]*(?:[.\-_]+|$)", part)
        line = ""
        for piece in filter(None, pieces):
            if line and not fits(line + piece):
                lines.append(line)
                line = ""
            line += piece
        lines.append(line)
    return "\n".join(lines)
