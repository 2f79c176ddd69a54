"""What was pasted into a date or time field: Qt puts the clipboard's text into the part of
the field that is selected (the day, selected as the focus comes with the Tab key, or the
part clicked into) and checks the whole, "15.01.2027.12.2026"; read so, a date or time as
it is copied was refused without a word, and the field kept its old one (found by review:
only a field whose whole text was selected took it). A paste the field cannot read is said
under it (:func:`say_under`), as a one-line field says a paste too long."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QClipboard, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QToolTip, QWidget

from expertenrat.domain.text_characters import copied_value
from expertenrat.ui.widgets import broken_into_lines

_SHOWN_AT_MOST = 40  # characters of a paste quoted in a message


class PasteWatch(QObject):
    """Knows what is pasted into a date or time ``field`` as it is pasted: Ctrl+V or
    Shift+Insert, the context menu's "Einfügen", X11's middle click (its selection; Qt's
    spin boxes take no drop). The clipboard is read then, once, and not at each key typed:
    Qt's check of a text it refuses read it at most keys of a date, and on X11 reading a
    clipboard another program owns waits until it answers, so typing a date could freeze
    the window (found by a tester)."""

    def __init__(self, field: QAbstractSpinBox) -> None:
        super().__init__(field)
        self._mode: QClipboard.Mode | None = None  # what a paste under way reads
        self._pasted: str | None = None  # what it read, once read
        field.installEventFilter(self)  # the keys and the context menu come to the field
        field.lineEdit().installEventFilter(self)  # the mouse to the text in it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        mode = _mode_pasted_by(event)
        if mode is None or self._mode is not None:
            return False
        self._mode, self._pasted = mode, None
        try:  # handed on here, so that the paste is known while Qt checks its text
            watched.event(event)
        finally:
            self._mode = self._pasted = None
        return True

    def pasted_in(self, text: str, shown: str) -> str | None:
        """The text pasted where a field's refused ``text`` holds it and the text ``shown``
        before did not: pasted over the field or into a part of it (``None`` where nothing
        is being pasted). Read as :func:`~expertenrat.domain.text_characters.copied_value`:
        without the invisible marks and quotation marks copied along."""
        if self._mode is None:
            return None
        if self._pasted is None:
            self._pasted = copied_value(QGuiApplication.clipboard().text(self._mode))
        pasted = self._pasted
        found = pasted in copied_value(text) and pasted not in copied_value(shown)
        return pasted if len(pasted) > 1 and found else None


def _mode_pasted_by(event: QEvent) -> QClipboard.Mode | None:
    """Where the paste ``event`` makes takes its text from; ``None`` for no paste."""
    kind = event.type()
    if kind is QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Paste):
        return QClipboard.Mode.Clipboard
    if kind is QEvent.Type.ContextMenu:  # "Einfügen" may be chosen in it
        return QClipboard.Mode.Clipboard
    middle = (
        kind is QEvent.Type.MouseButtonRelease and event.button() is Qt.MouseButton.MiddleButton
    )
    return QClipboard.Mode.Selection if middle else None


def copied_texts(field_text: str, pasted: str | None) -> list[str]:
    """What a field's refused text may be as copied: what was ``pasted`` into a part, then
    ``field_text`` (its text without the field's empty mark: a paste over the whole field).
    The paste comes first: "16:30" pasted into the minutes of 14:00 makes "14:16:30", which
    reads as 14:16 and 30 seconds (found by a tester: a wrong time without a word)."""
    if pasted is None:
        return [field_text]
    return [pasted] if pasted == copied_value(field_text) else [pasted, field_text]


def quoted(pasted: str) -> str:
    """``pasted`` on one line, cut where it is long, for a message: „Protokoll vom …“."""
    line = " ".join(pasted.split())
    return f"„{line[:_SHOWN_AT_MOST]}…“" if len(line) > _SHOWN_AT_MOST else f"„{line}“"


def say_under(field: QWidget, message: str) -> None:
    """Show ``message`` in a tooltip under ``field``, on lines of at most about 450 px: the
    message for "3/1/2025" (both days named) was one line of about 1,000 px, as wide as a
    window of 1024 px (found by a tester)."""
    where = field.mapToGlobal(QPoint(0, field.height()))
    QToolTip.showText(where, broken_into_lines(message), field)
