"""What the attendance tab says about the quorum: the meeting's line above the members
("Beschlussfähigkeit: 7 von 9 … · 2 noch nicht erfasst") and the lines per agenda item
beside the guests, as rich text with hanging indents (:mod:`ui.attendance_panel`)."""

from __future__ import annotations

import html

from expertenrat.domain.attendance_sheet import AttendanceSheet
from expertenrat.ui.i18n import tr

_CONTEXT = "AttendancePanel"


def quorum_text(sheet: AttendanceSheet) -> str:
    """The meeting's quorum, with the lines not recorded yet where the statement does not
    say so already; before a meeting, the warning where the apologies leave too few for
    a quorum on a line of its own."""
    text = tr(_CONTEXT, "Beschlussfähigkeit: {statement}").format(statement=sheet.quorum_statement)
    open_lines = len(sheet.entries) - sheet.recorded
    if open_lines and not sheet.unrecorded:  # else the statement says so already
        text += tr(_CONTEXT, " · {count} noch nicht erfasst").format(count=open_lines)
    if sheet.quorum_warning:
        text += f"\n{sheet.quorum_warning}"
    return text


def item_quorum_text(sheet: AttendanceSheet) -> str:
    """The quorum per agenda item (or why it cannot be told) as rich text; "" without
    items."""
    # The title is isolated (FSI … PDI): an Arabic or Hebrew one keeps the ":" after it.
    lines = [f"\u2068{q.item.label}\u2069: {sheet.item_statement(q)}" for q in sheet.item_quorums]
    if sheet.problem:
        lines = [sheet.problem]
    return _paragraphs(tr(_CONTEXT, "Je Tagesordnungspunkt:"), lines) if lines else ""


def _paragraphs(heading: str, lines: list[str]) -> str:
    """``heading`` and ``lines`` as rich text: each line a paragraph whose wrapped
    continuation is indented, so that each item stays apart from the next."""
    para = "<p style='margin-top:0; margin-bottom:3px; margin-left:{0}px; text-indent:-{0}px'>"
    return "".join(
        para.format(indent) + html.escape(text) + "</p>"
        for indent, text in [(0, heading), *((16, line) for line in lines)]
    )
