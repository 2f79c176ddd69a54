"""A time span pasted into a time field ("16:00–18:00 Uhr" from an invitation): refused as
no time that can be read before, though a date field takes a date followed by it (found by
a tester). The field takes its own time of the span (a start field the start, an end field
the end); the other goes into the field paired with it (:func:`pair_times`) where that is
empty or already shows it. Never a time unsaid: what was taken, and what was not, is said
under the field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTime, QTimer
from PySide6.QtWidgets import QTimeEdit

from expertenrat.domain.pasted_time_spans import span_times
from expertenrat.ui.field_paste import say_under
from expertenrat.ui.i18n import tr

_CONTEXT = "TimeFields"


class SpanPaste(QObject):
    """What a time ``field`` does with a time span pasted into it; ``read`` reads one time
    as the field reads a time pasted alone."""

    def __init__(self, field: QTimeEdit, read: Callable[[str], QTime | None]) -> None:
        super().__init__(field)
        self._field = field
        self._read = read
        self._other: QTimeEdit | None = None  # the field paired with it
        self._is_start = True  # the field is the start of the pair, or one alone

    def pair(self, other: QTimeEdit, *, is_start: bool) -> None:
        self._other, self._is_start = other, is_start

    def taken(self, texts: list[str]) -> bool:
        """Whether one of ``texts`` (what the field's refused text may be as copied) is a
        time span; its times are then taken once Qt has put the field's text back."""
        spans = (self._span(text) for text in texts)
        if (span := next(filter(None, spans), None)) is None:
            return False
        QTimer.singleShot(0, self, lambda: self._take(*span))
        return True

    def _span(self, text: str) -> tuple[QTime, QTime] | None:
        names = span_times(text)
        if names is None:
            return None
        start, end = self._read(names[0]), self._read(names[1])
        return None if start is None or end is None else (start, end)

    def _take(self, start: QTime, end: QTime) -> None:
        own, others = (start, end) if self._is_start else (end, start)
        self._field.setTime(own)
        span = tr(_CONTEXT, "Eingefügt war die Zeitspanne {start}–{end} Uhr").format(
            start=start.toString("HH:mm"), end=end.toString("HH:mm")
        )
        other = self._other
        if other is None:
            message = tr(_CONTEXT, "{span}; übernommen ist ihr Beginn.")
        elif _empty(other) or other.time() == others:
            other.setTime(others)
            message = tr(_CONTEXT, "{span}: Beginn und Ende sind übernommen.")
        elif self._is_start:
            message = tr(
                _CONTEXT,
                "{span}; übernommen ist ihr Beginn. Das Ende bleibt {kept} Uhr: bitte prüfen.",
            )
        else:
            message = tr(
                _CONTEXT,
                "{span}; übernommen ist ihr Ende. Der Beginn bleibt {kept} Uhr: bitte prüfen.",
            )
        kept = "" if other is None else other.time().toString("HH:mm")
        say_under(self._field, message.format(span=span, kept=kept))


def _empty(field: QTimeEdit) -> bool:
    """Whether ``field`` shows no time ("––:––": its special value, at its minimum)."""
    return bool(field.specialValueText()) and field.time() == field.minimumTime()
