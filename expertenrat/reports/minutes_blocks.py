"""The building blocks of the minutes PDF: item headings, labelled texts, vote lines,
recommendations and the approval box (its bookmarks: :mod:`~expertenrat.reports.bookmarks`)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from expertenrat.domain.enums import VoteMode
from expertenrat.domain.list_points import list_point
from expertenrat.domain.minutes_attendees import DIGITAL, GuestLine
from expertenrat.domain.minutes_document import ApprovalStamp
from expertenrat.domain.minutes_items import AdoptedRecommendation, MinutesItem, recusal_label
from expertenrat.domain.text_characters import line_feeds
from expertenrat.domain.wording import isolated
from expertenrat.reports import meeting_parts as parts
from expertenrat.reports import theme, visual_order
from expertenrat.reports.bookmarks import Bookmark
from expertenrat.reports.line_breaks import keep_indent, tab_gaps
from expertenrat.reports.list_lines import hanging_style, point_start
from expertenrat.reports.minutes_keeping import (
    LABEL_LEADING,
    TEXT_LEADING,
    RoomForHeading,
    label_over,
)
from expertenrat.reports.theme import Paragraph

INDENT = 6 * mm
_BOX_FILL = colors.HexColor("#f1f5f9")
# An item's heading and a labelled text are each set as two plain paragraphs, not as one
# paragraph of mixed markup (which costs several times as much to lay out and draw). Their
# leading and spacing put every line where the mixed paragraph had it: its first baseline
# one font size below its top, each further line one leading lower. (Space after one
# flowable and before the next overlaps: the larger counts.)
_LABEL_SIZE = 8.5
_FACTS_SIZE = 8
_BELOW_LABELLED = TEXT_LEADING - LABEL_LEADING  # what the label line lacks of a line


@dataclass(frozen=True, slots=True)
class _Styles:
    item: ParagraphStyle
    indented: ParagraphStyle
    item_title: ParagraphStyle  # an item's heading when its facts follow
    item_facts: ParagraphStyle
    label_line: ParagraphStyle  # "Antrag", outdented over its text
    label: ParagraphStyle
    tinted: ParagraphStyle
    small_indented: ParagraphStyle
    deep: ParagraphStyle


@functools.cache
def _styles() -> _Styles:
    s = theme.styles()
    indented = ParagraphStyle("indented", s.body, leftIndent=INDENT)
    item = ParagraphStyle("item", s.heading, fontSize=11.5, leading=14.5, spaceBefore=10)
    facts_gap = item.fontSize - _FACTS_SIZE
    return _Styles(
        item=item,
        item_title=ParagraphStyle("item_title", item, spaceAfter=0, keepWithNext=1),
        item_facts=ParagraphStyle(
            "item_facts",
            s.body,
            fontSize=_FACTS_SIZE,
            leading=item.leading - facts_gap,  # one line ends where the heading's did
            textColor=theme.MUTED,
            spaceBefore=facts_gap,
            spaceAfter=item.spaceAfter,
        ),
        indented=indented,
        label_line=ParagraphStyle(
            "label_line",
            indented,
            leftIndent=0,
            fontName=theme.FONT_BOLD,
            fontSize=_LABEL_SIZE,
            leading=LABEL_LEADING,
            textColor=theme.ACCENT,
            spaceBefore=4,
        ),
        label=ParagraphStyle("label", s.table_head, spaceBefore=4, spaceAfter=1.5),
        tinted=ParagraphStyle(
            "tinted",
            s.body,
            leftIndent=INDENT + 4,
            rightIndent=4,  # the tint's padding stays inside the text column
            backColor=_BOX_FILL,
            borderPadding=(2, 4, 3, 4),
            spaceBefore=2,
            spaceAfter=3,
        ),
        small_indented=ParagraphStyle("small_indented", s.small, leftIndent=INDENT),
        deep=ParagraphStyle("deep", s.body, leftIndent=2 * INDENT),
    )


def item_heading(item: MinutesItem, level: int) -> list[Flowable]:
    """An item's heading with its facts below (a new page unless room is left), bookmarked.
    The title is printed whole, however long (the record is verbatim; it flows over lines);
    only the bookmark shortens it."""
    styles = _styles()
    label = " ".join(p for p in (f"TOP {item.number}", isolated(item.title), item.mark) if p)
    title = theme.markup(label, styles.item)
    if item.withheld:
        heading = [Paragraph(title, styles.item)]
    else:
        facts = theme.esc(item_facts(item), theme.FONT)
        heading = [Paragraph(title, styles.item_title), Paragraph(facts, styles.item_facts)]
    return [RoomForHeading(heading), Bookmark(item.label, level), *heading]


def item_facts(item: MinutesItem) -> str:
    """ "öffentlich · Beratung eines Projekts · Vortrag: … · Projekt: … · vertagt aus der
    5. Sitzung" (or "abgesetzt in der 5. Sitzung")."""
    facts = [
        "öffentlich" if item.public else parts.NON_PUBLIC,
        parts.kind_beside(item.title, item.kind_label),
    ]
    if item.presenter.strip():
        facts.append(f"Vortrag: {isolated(item.presenter.strip())}")
    if item.project_title.strip():
        facts.append(f"Projekt: {isolated(item.project_title.strip())}")
    if item.postponed_in:
        facts.append(isolated(item.taken_up_note))
    return " · ".join(f for f in facts if f)


_BLANK_START = re.compile(r"\A(?:[ \t]*\n)+")  # blank lines before a text


def text_block(
    text: str, style: ParagraphStyle | None = None, *, label: str = ""
) -> list[Flowable]:
    """User ``text`` as one paragraph per line, so that any length flows across pages;
    a ``label`` ("Antrag") stands outdented on the first paragraph's first line."""
    styles = _styles()
    style = style or styles.indented
    story: list[Flowable] = []
    # Blank lines around the text go, a first line's indentation stays; the tabs of a
    # list's points are read before they become spaces.
    for line in _BLANK_START.sub("", line_feeds(text).rstrip()).split("\n"):
        if not line.strip():
            story.append(Spacer(0, style.leading / 2))
            continue
        paragraph = _line_paragraph(line, style)
        if label:
            markup = theme.esc(label, theme.FONT_BOLD)
            story += [
                *label_over(markup, styles.label_line, [paragraph]),
                Spacer(0, _BELOW_LABELLED),
            ]
            label = ""
        else:
            story.append(paragraph)
    return story


def _line_paragraph(line: str, style: ParagraphStyle) -> Paragraph:
    """One line of user text as a paragraph; a list's point with a hanging indent (see
    :mod:`~expertenrat.reports.list_lines`; a right-to-left line as before); a tab between
    words as a wide gap (:func:`~expertenrat.reports.line_breaks.tab_gaps`)."""
    point = None if visual_order.has_rtl(line) else list_point(line)
    if point is not None:
        start = point_start(theme.printable(point[0]))
        markup = theme.esc(start + theme.printable(tab_gaps(point[1])), style.fontName)
        return Paragraph(markup, hanging_style(style, start))
    width = theme.content_width() - style.leftIndent - style.rightIndent
    wrapped = theme.wrap_rtl(
        keep_indent(theme.printable(tab_gaps(line))), theme.FONT_BOLD, style.fontSize, width
    )
    return Paragraph(theme.esc(wrapped, style.fontName), style)


def _label(text: str, below: list[Flowable]) -> list[Flowable]:
    """A label in the style of a table's head over the flowables ``below``."""
    return label_over(f"<b>{theme.esc(text, theme.FONT_BOLD)}</b>", _styles().label, below)


def labelled(label: str, text: str, *, boxed: bool = False) -> list[Flowable]:
    """A label ("Beschluss") over an indented text; ``boxed``: on a light tint."""
    if boxed:
        return _label(label, text_block(text, _styles().tinted))
    return text_block(text, label=label)


def votes(item: MinutesItem) -> list[Flowable]:
    """ "Abstimmung" ("Wahl" where all are elections): one line per vote, its subject first
    when it has one."""
    elections = all(v.mode is VoteMode.ELECTION for v in item.votes)
    label = ("Wahl" if elections else "Abstimmung") + ("" if len(item.votes) == 1 else "en")
    story: list[Flowable] = []
    for vote, line in zip(item.votes, item.vote_lines(), strict=True):
        # "… aufzugreifen.: Ja 5" reads badly: the subject's own closing mark gives way.
        subject = " ".join(vote.subject.split()).rstrip(".:;")
        story += text_block(f"{isolated(subject)}: {line}" if subject else line, label=label)
        label = ""
    return story


def recommendations(found: tuple[AdoptedRecommendation, ...]) -> list[Flowable]:
    """ "Beschlossene Empfehlungen": each with its code and title, projects and action
    field, and its text; the head of each kept with the first line of its text (and the
    label with the first of them), never at a page's foot with the text overleaf."""
    story: list[Flowable] = []
    for r in found:
        head = text_block(f"{r.code} – {r.kind_label}: {isolated(r.title)}")
        projects = "Projekte" if r.project_count > 1 else "Projekt"
        facts = [f"{projects}: {isolated(r.project_title)}" if r.project_title else ""]
        facts.append(f"Handlungsfeld: {isolated(r.action_field)}" if r.action_field else "")
        line = " · ".join(f for f in facts if f)
        if line:
            head += text_block(line, _styles().small_indented)
        body = text_block(r.text, _styles().deep) if r.text.strip() else []
        for flowable in head[: len(head) if body else -1]:
            flowable.keepWithNext = 1
        story += head + body
    labelled = _label("Beschlossene Empfehlungen", story)
    labelled[0].keepWithNext = 1
    return labelled


def approval_box(stamp: ApprovalStamp) -> Flowable:
    s = theme.styles()
    mono = ParagraphStyle("fingerprint", s.small, fontSize=7.5)
    rows = [
        [parts.paragraph(stamp.statement, "body", theme.BOLD)],
        [parts.paragraph("Prüfsumme des genehmigten Inhalts (SHA-256):", "small")],
        [Paragraph(theme.esc(stamp.fingerprint), mono)],
    ]
    box = Table(rows, colWidths=[theme.content_width()], hAlign="LEFT")
    box.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), theme.FONT, 10),  # else a Helvetica not embedded
                ("BOX", (0, 0), (-1, -1), 0.8, theme.ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return box


def guest_text(guest: GuestLine) -> str:
    """ "Ole Fründt (Amt für Mobilität, Projektleitung)", "… (Amt; digital zugeschaltet)"."""
    extra = ", ".join(isolated(p.strip()) for p in (guest.organisation, guest.role) if p.strip())
    extra = "; ".join(p for p in (extra, DIGITAL if guest.digital else "") if p)
    name = isolated(guest.name)  # in a list: "A (Amt); B"
    return f"{name} ({extra})" if extra else name


def item_texts(item: MinutesItem) -> tuple[str, ...]:
    """The texts of an item that the PDF prints (for the missing-letters warnings)."""
    recs = tuple(f"{r.code} {r.title} {r.text} {r.project_title}" for r in item.recommendations)
    return (
        item.title,
        item.presenter,
        item.project_title,
        item.discussion,
        item.motion,
        item.resolution,
        item.result,
        *(v.subject for v in item.votes),
        *(recusal_label(c) for c in item.recused),
        *recs,
    )
