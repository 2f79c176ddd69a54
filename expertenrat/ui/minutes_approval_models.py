"""Table models of the Genehmigung tab: the versions of the minutes and the objections."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from expertenrat.domain.minutes_approval import VersionRecord
from expertenrat.domain.minutes_objections import ObjectionRecord
from expertenrat.domain.wording import shortened
from expertenrat.ui.i18n import tr
from expertenrat.ui.table_model import Column, RowsTableModel, number_column

_CONTEXT = "MinutesApprovalModels"


def _day(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


def _first_line(text: str, limit: int = 80) -> str:
    """The first line of ``text``, shortened with "…" where something is left out."""
    line = text.split("\n", 1)[0]
    if len(line) > limit:
        return shortened(line, limit)
    return line if line == text else f"{line} …"


def _approved(version: VersionRecord) -> str:
    """ "17.07.2025 (3. Sitzung)"; the day alone where no approving meeting is known
    (minutes approved before version 0012 recorded one, or its meeting deleted)."""
    if version.approved_on is None:
        return ""
    if not version.approved_in:
        return _day(version.approved_on)
    return f"{_day(version.approved_on)} ({version.approved_in})"


def _origin_tooltip(version: VersionRecord) -> str:
    if version.sent:
        return ""
    return tr(
        _CONTEXT,
        "Diese Fassung wurde nicht versandt; es gelten Versand und Frist für Einwände der "
        "Fassung davor ({}).",
    ).format(_day(version.circulated_on))


class VersionsTableModel(RowsTableModel):
    (
        COLUMN_NUMBER,
        COLUMN_STATE,
        COLUMN_CIRCULATED,
        COLUMN_DUE,
        COLUMN_APPROVED,
        COLUMN_FINGERPRINT,
    ) = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        columns: tuple[Column[VersionRecord], ...] = (
            number_column(tr(_CONTEXT, "Fassung"), lambda v: v.number),
            Column(tr(_CONTEXT, "Stand"), lambda v: v.state_text),
            Column(
                tr(_CONTEXT, "Versandt / entstanden"),
                lambda v: v.origin_text,
                sort_value=lambda v: v.made_on or v.circulated_on or date.min,
                tooltip=_origin_tooltip,
            ),
            Column(
                tr(_CONTEXT, "Einwände bis"),
                lambda v: _day(v.objections_due_on),
                sort_value=lambda v: v.objections_due_on or date.min,
            ),
            Column(
                tr(_CONTEXT, "Genehmigt"),
                _approved,
                sort_value=lambda v: v.approved_on or date.min,
            ),
            Column(
                tr(_CONTEXT, "Prüfsumme des Inhalts"),  # as the approved PDF prints it
                lambda v: v.fingerprint[:16] + "…",
                tooltip=lambda v: tr(
                    _CONTEXT,
                    "SHA-256 des Inhalts dieser Fassung: {}. Ein genehmigtes Protokoll druckt "
                    "sie als „Prüfsumme des genehmigten Inhalts“ ab; sie ist nicht die der "
                    "PDF-Datei.",
                ).format(v.fingerprint),
            ),
        )
        super().__init__(columns, parent)


class ObjectionsTableModel(RowsTableModel):
    (
        COLUMN_RAISED_BY,
        COLUMN_RAISED_ON,
        COLUMN_ITEM,
        COLUMN_TEXT,
        COLUMN_STATE,
        COLUMN_DECIDED,
        COLUMN_REASON,
    ) = range(7)

    def __init__(self, parent: QWidget | None = None) -> None:
        columns: tuple[Column[ObjectionRecord], ...] = (
            Column(tr(_CONTEXT, "Von"), lambda o: o.raised_by),
            Column(
                tr(_CONTEXT, "Am"),
                _raised_on,
                sort_value=lambda o: o.raised_on,
                tooltip=lambda o: o.late_note() or None,
            ),
            Column(tr(_CONTEXT, "Punkt"), lambda o: o.item_label, tooltip=lambda o: o.item_label),
            Column(
                tr(_CONTEXT, "Einwand"),
                lambda o: _first_line(o.text),
                tooltip=lambda o: _details(o),
            ),
            Column(tr(_CONTEXT, "Entscheidung"), lambda o: o.state.label),
            Column(
                tr(_CONTEXT, "Entschieden am"),
                _decided,
                sort_value=lambda o: o.decided_on or date.max,
                tooltip=_decided_in,
            ),
            Column(
                tr(_CONTEXT, "Begründung"),
                lambda o: _first_line(o.decision),
                tooltip=lambda o: o.decision or None,
            ),
        )
        super().__init__(columns, parent)


def _raised_on(objection: ObjectionRecord) -> str:
    """The day the objection came in: "04.12.2026", and where that was after the deadline
    "04.12.2026 – nach Ablauf der Frist (bis 09.02.2026) eingegangen"."""
    late = objection.late_note()
    return f"{_day(objection.raised_on)} – {late}" if late else _day(objection.raised_on)


def _decided(objection: ObjectionRecord) -> str:
    """When and where the objection was decided: "16.04.2026 (6. Sitzung)", "25.03.2026
    (ohne Sitzung)" (the next meeting's minutes report those too), "" while it is open."""
    if objection.decided_on is None:
        return ""
    where = objection.decided_in or tr(_CONTEXT, "ohne Sitzung")
    return f"{_day(objection.decided_on)} ({where})"


def _decided_in(objection: ObjectionRecord) -> str | None:
    """Where the objection was decided: "am … in der 6. Sitzung" or "am … außerhalb einer
    Sitzung" (``None`` while it is open)."""
    if objection.decided_on is None:
        return None
    if not objection.decided_in:
        return tr(_CONTEXT, "am {day} außerhalb einer Sitzung").format(
            day=_day(objection.decided_on)
        )
    return tr(_CONTEXT, "am {day} in der {meeting}").format(
        day=_day(objection.decided_on), meeting=objection.decided_in
    )


def _details(objection: ObjectionRecord) -> str:
    parts = [objection.text]
    if objection.passage:
        parts.append(tr(_CONTEXT, "Stelle: {text}").format(text=objection.passage))
    if objection.proposed_text:
        parts.append(tr(_CONTEXT, "Vorschlag: {text}").format(text=objection.proposed_text))
    return "\n\n".join(parts)
