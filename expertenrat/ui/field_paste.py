"""What was pasted into a date or time field: Qt puts the clipboard's text into the part of
the field that is selected (the day, selected as the focus comes with the Tab key, or the
part clicked into) and checks the whole, "15.01.2027.12.2026"; read so, a date or time as
it is copied was refused without a word, and the field kept its old one (found by review:
only a field whose whole text was selected took it)."""

from __future__ import annotations

from PySide6.QtGui import QClipboard, QGuiApplication


def copied_texts(text: str, field_text: str, shown: str) -> list[str]:
    """What a field's refused ``text`` may be as copied: ``field_text`` (``text`` without
    the field's empty mark: a paste over the whole field), and the clipboard's text (or the
    X11 selection's) where ``text`` holds it and the text ``shown`` before did not: pasted
    into a part (a key the field refuses, "x" in "16:30", is no paste of a "6:30" copied)."""
    found = [field_text]
    clipboard = QGuiApplication.clipboard()
    modes = [QClipboard.Mode.Clipboard]
    if clipboard.supportsSelection():  # X11's middle click pastes the selection
        modes.append(QClipboard.Mode.Selection)
    for mode in modes:
        pasted = clipboard.text(mode).strip()
        if pasted and pasted in text and pasted not in shown and pasted != field_text.strip():
            found.append(pasted)
    return found
