"""The message box every question and message of the :class:`DialogService` shows.

Message boxes wrap long unbroken text: a path of 300 characters is one "word" to Qt, which
made the box wider than the screen and cut the path off. :func:`breakable` gives the shown
text (only that: the callers' texts and the details stay as they are) a zero-width break
opportunity after each path separator of a long word, and inside a stretch still too long.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox

_LONG = 40  # characters of a word from which it gets break opportunities
_ZERO_WIDTH_SPACE = "\u200b"
_WORD_JOINER = "\u2060"
_LONG_WORD = re.compile(rf"\S{{{_LONG + 1},}}")
_AFTER_SEPARATOR = re.compile(r"(?<=[/\\])(?=[^/\\])")
_STRETCH = re.compile(rf"[^/\\]{{{_LONG}}}(?=[^/\\])")


def breakable(text: str) -> str:
    """``text`` as a message box shows it: a word longer than 40 characters (a path, a web
    address) may break after each / or \\, and a stretch between them longer than that (a
    long file name) every 40 characters, by a zero-width space; shorter words unchanged."""
    return _LONG_WORD.sub(_word_breakable, text)


def _word_breakable(match: re.Match[str]) -> str:
    word = _STRETCH.sub(lambda stretch: stretch.group() + _ZERO_WIDTH_SPACE, match.group())
    return _AFTER_SEPARATOR.sub(_ZERO_WIDTH_SPACE, word)


def _whole(match: re.Match[str]) -> str:
    """A long word that is broken nowhere (Qt breaks a path after each / or -)."""
    return _WORD_JOINER.join(match.group())


class MessageBox(QMessageBox):
    """A message box as wide as the longest path of its text, which then stays whole on
    a line; a path too long for the screen is shown :func:`breakable`. Its Ctrl+C (Qt
    copies a box's text on Windows) copies the text without the zero-width spaces: a path
    pasted elsewhere must still be found."""

    def __init__(self, icon: QMessageBox.Icon, title: str, text: str, *args, **kwargs) -> None:
        super().__init__(icon, title, text, *args, **kwargs)
        # Qt keeps a box at 400 to 500 px, which broke a database path over three lines.
        longest = max(_LONG_WORD.findall(text), key=len, default="")
        label = self.findChild(QLabel, "qt_msgbox_label")
        if not longest or label is None:
            return
        width = label.fontMetrics().horizontalAdvance(longest)
        room = self.screen().availableGeometry().width() * 3 // 5
        label.setMinimumWidth(min(width, room))
        self.setText(breakable(text) if width > room else _LONG_WORD.sub(_whole, text))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.matches(QKeySequence.StandardKey.Copy):
            clipboard = QGuiApplication.clipboard()
            copied = clipboard.text().replace(_ZERO_WIDTH_SPACE, "")
            clipboard.setText(copied.replace(_WORD_JOINER, ""))
