"""Why a settings file that is no UTF-8 is refused, and how to mend one saved as text in
another encoding."""

from __future__ import annotations

_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
_CONTROL_BYTES = frozenset(range(32)) - frozenset(b"\t\n\r")


def not_utf8_message(data: bytes) -> str:
    """Why bytes that are no UTF-8 are refused: for a text in another encoding (Windows
    Notepad's "ANSI" or "UTF-16") also how to save it as UTF-8; such a file was refused as
    "keine Textdatei in UTF-8" without a word of what to do (found by a tester)."""
    if not (data.startswith(_UTF16_MARKS) or _windows_text(data)):
        return "Die Datei ist keine Textdatei in UTF-8 und damit keine Einstellungsdatei."
    return (
        "Die Datei ist keine Textdatei in UTF-8: sie wurde in einer anderen Codierung "
        "gespeichert (etwa im Windows-Editor als „ANSI“). Bitte öffnen Sie sie im Editor, "
        "wählen Sie „Datei“ → „Speichern unter …“, stellen Sie unten „Codierung“ auf "
        "„UTF-8“, speichern Sie sie und lesen Sie sie dann erneut ein."
    )


def _windows_text(data: bytes) -> bool:
    """Whether ``data`` reads as a text in Windows-1252 (Notepad's "ANSI" in Germany)."""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return not _CONTROL_BYTES.intersection(data)
