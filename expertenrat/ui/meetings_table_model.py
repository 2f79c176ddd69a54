"""Table model of a council's meetings: one line per meeting, in the house's column specs."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtGui import QColor

from expertenrat.domain.enums import MeetingState
from expertenrat.domain.meetings import MeetingSummary, meeting_topic
from expertenrat.domain.state_help import MEETING_STATE_HELP
from expertenrat.domain.wording import isolated
from expertenrat.ui.i18n import tr
from expertenrat.ui.recommendations_table_model import overdue_background, overdue_foreground
from expertenrat.ui.table_model import Column, RowsTableModel
from expertenrat.ui.theme_colours import dimmed

_CONTEXT = "MeetingsTableModel"


class MeetingsTableModel(RowsTableModel):
    """Meetings in rows (:class:`MeetingSummary`); the view's proxy sorts by any column."""

    (
        COLUMN_NUMBER,
        COLUMN_DATE,
        COLUMN_TIME,
        COLUMN_PLACE,
        COLUMN_STATE,
        COLUMN_INVITATION,
        COLUMN_MINUTES,
    ) = range(7)

    def __init__(self, parent=None) -> None:
        super().__init__(_columns(), parent)

    def foreground(self, row: MeetingSummary) -> QColor | None:
        if row.invitation_late:
            return overdue_foreground()
        return dimmed() if row.state is MeetingState.CANCELLED else None

    def background(self, row: MeetingSummary) -> QColor | None:
        return overdue_background() if row.invitation_late else None


def _number(row: MeetingSummary) -> str:
    return f"{row.number}." if row.number else "–"


def _time(row: MeetingSummary) -> str:
    """ "16:00–18:00"; a meeting ending on a later day names that day: "16:00–13:00 (bis
    12.12.)" (found by a tester)."""
    if row.ends_at is None:
        return f"{row.starts_at:%H:%M}"
    span = f"{row.starts_at:%H:%M}–{row.ends_at:%H:%M}"
    return (
        span if row.ends_at.date() == row.starts_at.date() else f"{span} (bis {row.ends_at:%d.%m.})"
    )


def _topic_and_place(row: MeetingSummary) -> str:
    """ "Klausur: Datenstrategie 2030 – Rathaus, Raum 1a": the list tells a Klausur (and a
    meeting with a title) from an ordinary meeting; without a title only the place."""
    parts = (meeting_topic(row.kind, row.title), row.where)
    shown = [part for part in parts if part]
    if len(shown) < 2:
        return "".join(shown)
    return " – ".join(isolated(part) for part in shown)  # Arabic keeps the dash between


def _state(row: MeetingSummary) -> str:
    return row.state.label


def _state_tooltip(row: MeetingSummary) -> str:
    """What the state means and what comes next; a cancelled meeting's reason."""
    if row.state is MeetingState.CANCELLED and row.cancellation_reason:
        return tr(_CONTEXT, "Abgesagt: {}").format(row.cancellation_reason)
    return MEETING_STATE_HELP[row.state]


def _invitation(row: MeetingSummary) -> str:
    """The day the invitation went out; "überfällig" for a planned meeting whose notice
    period can no longer be kept (its tooltip says since when, and what to do; that of an
    invitation sent too late says so)."""
    if row.invitation_sent_on:
        return f"{row.invitation_sent_on:%d.%m.%Y}"
    return tr(_CONTEXT, "überfällig") if row.invitation_late else "–"


def _columns() -> tuple[Column[MeetingSummary], ...]:
    return (
        Column(
            tr(_CONTEXT, "Nr."),
            _number,
            sort_value=lambda row: row.number or 0,
            tooltip=lambda row: row.label,
        ),
        Column(
            tr(_CONTEXT, "Datum"),
            lambda row: f"{row.starts_at:%d.%m.%Y}",
            sort_value=lambda row: _naive(row.starts_at),
        ),
        Column(tr(_CONTEXT, "Zeit"), _time, sort_value=lambda row: row.starts_at.strftime("%H%M")),
        Column(tr(_CONTEXT, "Titel, Ort"), _topic_and_place, tooltip=_topic_and_place),
        Column(tr(_CONTEXT, "Status"), _state, tooltip=_state_tooltip),
        Column(
            # The date; short, so that it shows whole in a 1006 px window (1366 x 768 at
            # 125 %): "Eingeladen" was cut there (found by a tester).
            tr(_CONTEXT, "Ladung"),
            _invitation,
            sort_value=lambda row: row.invitation_sent_on or date.min,
            tooltip=lambda row: row.invitation_note or None,
            header_tooltip=tr(_CONTEXT, "Einladung versandt am"),
            # a screen reader says the note, not the bare date of the red row (the tooltip
            # is the mouse's alone)
            spoken=lambda row: row.invitation_note or None,
        ),
        Column(
            tr(_CONTEXT, "Protokoll"),
            lambda row: row.minutes_text or "–",  # none yet, as the CLI's list says it
            tooltip=lambda row: row.minutes_tooltip or None,
        ),
    )


def _naive(moment: datetime) -> datetime:
    """The wall clock: Qt compares ``QDateTime`` values, which need no zone here."""
    return moment.replace(tzinfo=None)
