"""What was pasted into a date or time field: Qt puts the clipboard's text into the part of
the field that is selected (the day, selected as the focus comes with the Tab key, or the
part clicked into) and checks the whole, "15.01.2027.12.2026"; read so, a date or time as
it is copied was refused without a word, and the field kept its old one (found by review:
only a field whose whole text was selected took it). A paste the field cannot read is said
under it (:func:`say_under`), as a one-line field says a paste too long."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QToolTip, QWidget

_SHOWN_AT_MOST = 40  # characters of a paste quoted in a message


def pasted_in(text: str, shown: str) -> str | None:
    """The clipboard's text (or the X11 selection's) where a field's refused ``text`` holds
    it and the text ``shown`` before did not: pasted over the field or into a part of it (a
    key the field refuses, "x" at the end of "16:30", is no paste of a "6:30" copied)."""
    clipboard = QGuiApplication.clipboard()
    modes = [QClipboard.Mode.Clipboard]
    if clipboard.supportsSelection():  # X11's middle click pastes the selection
        modes.append(QClipboard.Mode.Selection)
    for mode in modes:
        pasted = clipboard.text(mode).strip()
        if len(pasted) > 1 and pasted in text and pasted not in shown:
            return pasted
    return None


def copied_texts(field_text: str, pasted: str | None) -> list[str]:
    """What a field's refused text may be as copied: what was ``pasted`` into a part, then
    ``field_text`` (its text without the field's empty mark: a paste over the whole field).
    The paste comes first: "16:30" pasted into the minutes of 14:00 makes "14:16:30", which
    reads as 14:16 and 30 seconds (found by a tester: a wrong time without a word)."""
    return [field_text] if pasted in (None, field_text.strip()) else [pasted, field_text]


def quoted(pasted: str) -> str:
    """``pasted`` on one line, cut where it is long, for a message: „Protokoll vom …“."""
    line = " ".join(pasted.split())
    return f"„{line[:_SHOWN_AT_MOST]}…“" if len(line) > _SHOWN_AT_MOST else f"„{line}“"


def say_under(field: QWidget, message: str) -> None:
    """Show ``message`` in a tooltip under ``field``."""
    QToolTip.showText(field.mapToGlobal(QPoint(0, field.height())), message, field)
