"""The building blocks of the minutes PDF: bookmarked headings, labelled texts, vote lines,
recommendations and the approval box."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from expertenrat.domain.meeting_documents import DeclaredConflict
from expertenrat.domain.minutes_document import (
    AdoptedRecommendation,
    ApprovalStamp,
    GuestLine,
    MinutesItem,
)
from expertenrat.reports import meeting_parts as parts
from expertenrat.reports import theme
from expertenrat.reports.theme import Paragraph

INDENT = 6 * mm
_BOX_FILL = colors.HexColor("#f1f5f9")
_MUTED = theme.MUTED.hexval().replace("0x", "#")
_LABEL_FONT = (
    f'<font face="{theme.FONT_BOLD}" size="8.5" color="{theme.ACCENT.hexval().replace("0x", "#")}">'
)


class Bookmark(Flowable):
    """An invisible mark that puts ``title`` into the PDF outline where it is drawn."""

    def __init__(self, title: str, level: int = 0) -> None:
        super().__init__()
        self.title = theme.clip(" ".join(title.split()), 120)
        self.level = level

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.outline_entry(self.title, self.level)  # type: ignore[attr-defined]


def bookmarked_heading(text: str, *, keep_space: float = 40 * mm) -> list[Flowable]:
    heading = theme.section_heading(text, keep_space=keep_space)
    return [heading[0], Bookmark(text), *heading[1:]]


@dataclass(frozen=True, slots=True)
class _Styles:
    item: ParagraphStyle
    indented: ParagraphStyle
    labelled: ParagraphStyle  # the first paragraph of a labelled text: label line outdented
    label: ParagraphStyle
    tinted: ParagraphStyle
    small_indented: ParagraphStyle
    deep: ParagraphStyle


@functools.cache
def _styles() -> _Styles:
    s = theme.styles()
    indented = ParagraphStyle("indented", s.body, leftIndent=INDENT)
    return _Styles(
        item=ParagraphStyle("item", s.heading, fontSize=11.5, leading=14.5, spaceBefore=10),
        indented=indented,
        labelled=ParagraphStyle("labelled", indented, firstLineIndent=-INDENT, spaceBefore=4),
        label=ParagraphStyle("label", s.table_head, spaceBefore=4, spaceAfter=1.5),
        tinted=ParagraphStyle(
            "tinted",
            s.body,
            leftIndent=INDENT + 4,
            backColor=_BOX_FILL,
            borderPadding=(2, 4, 3, 4),
            spaceBefore=2,
            spaceAfter=3,
        ),
        small_indented=ParagraphStyle("small_indented", s.small, leftIndent=INDENT),
        deep=ParagraphStyle("deep", s.body, leftIndent=2 * INDENT),
    )


def item_heading(item: MinutesItem, level: int) -> list[Flowable]:
    """An item's heading with its facts below (a new page unless room is left), bookmarked."""
    style = _styles().item
    markup = f"<b>{theme.esc(theme.clip(item.label, 300), theme.FONT_BOLD)}</b>"
    if not item.withheld:
        facts = theme.esc(item_facts(item), theme.FONT)
        markup += f'<br/><font face="{theme.FONT}" size="8" color="{_MUTED}">{facts}</font>'
    return [CondPageBreak(35 * mm), Bookmark(item.label, level), Paragraph(markup, style)]


def item_facts(item: MinutesItem) -> str:
    """ "öffentlich · Beratung eines Projekts · Vortrag: … · Projekt: …"."""
    facts = ["öffentlich" if item.public else parts.NON_PUBLIC, item.kind_label]
    if item.presenter.strip():
        facts.append(f"Vortrag: {item.presenter.strip()}")
    if item.project_title.strip():
        facts.append(f"Projekt: {item.project_title.strip()}")
    return " · ".join(f for f in facts if f)


def text_block(
    text: str, style: ParagraphStyle | None = None, *, label: str = ""
) -> list[Flowable]:
    """User ``text`` as one paragraph per line, so that any length flows across pages;
    a ``label`` ("Antrag") stands outdented on the first paragraph's first line."""
    styles = _styles()
    style = style or styles.indented
    width = theme.content_width() - style.leftIndent - style.rightIndent
    story: list[Flowable] = []
    for line in theme.printable(text).strip().split("\n"):
        if not line.strip():
            story.append(Spacer(0, style.leading / 2))
            continue
        wrapped = theme.wrap_rtl(line, theme.FONT_BOLD, style.fontSize, width)
        markup = theme.esc(wrapped, style.fontName)
        if label:
            head = theme.esc(label, theme.FONT_BOLD)
            markup = f"{_LABEL_FONT}{head}</font><br/>{markup}"
            story.append(Paragraph(markup, styles.labelled))
            label = ""
        else:
            story.append(Paragraph(markup, style))
    return story


def _label(text: str) -> Paragraph:
    return Paragraph(f"<b>{theme.esc(text, theme.FONT_BOLD)}</b>", _styles().label)


def labelled(label: str, text: str, *, boxed: bool = False) -> list[Flowable]:
    """A label ("Beschluss") over an indented text; ``boxed``: on a light tint."""
    if boxed:
        return [_label(label), *text_block(text, _styles().tinted)]
    return text_block(text, label=label)


def recusal_text(conflict: DeclaredConflict) -> str:
    reason = " ".join(conflict.reason.split())
    return f"{conflict.member_name} ({reason})" if reason else conflict.member_name


def votes(item: MinutesItem) -> list[Flowable]:
    """ "Abstimmung": one line per vote, its subject first when it has one."""
    label = "Abstimmung" if len(item.votes) == 1 else "Abstimmungen"
    story: list[Flowable] = []
    for vote, line in zip(item.votes, item.vote_lines(), strict=True):
        # "… aufzugreifen.: Ja 5" reads badly: the subject's own closing mark gives way.
        subject = " ".join(vote.subject.split()).rstrip(".:;")
        story += text_block(f"{subject}: {line}" if subject else line, label=label)
        label = ""
    return story


def recommendations(found: tuple[AdoptedRecommendation, ...]) -> list[Flowable]:
    story: list[Flowable] = [_label("Beschlossene Empfehlungen")]
    for r in found:
        story += text_block(f"{r.code} – {r.kind_label}: {r.title}")
        facts = [f"Projekt: {r.project_title}" if r.project_title else ""]
        facts.append(f"Handlungsfeld: {r.action_field}" if r.action_field else "")
        line = " · ".join(f for f in facts if f)
        if line:
            story += text_block(line, _styles().small_indented)
        if r.text.strip():
            story += text_block(r.text, _styles().deep)
    return story


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
                ("BOX", (0, 0), (-1, -1), 0.8, theme.ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return box


def guest_text(guest: GuestLine) -> str:
    extra = ", ".join(p.strip() for p in (guest.organisation, guest.role) if p.strip())
    return f"{guest.name} ({extra})" if extra else guest.name


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
        *(recusal_text(c) for c in item.recused),
        *recs,
    )
