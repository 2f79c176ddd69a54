"""The message box every question and message of the :class:`DialogService` shows.

Message boxes wrap long unbroken text: a path of 300 characters is one "word" to Qt, which
made the box wider than the screen and cut the path off. :func:`breakable` gives the shown
text (only that: the callers' texts and the details stay as they are) a zero-width break
opportunity after each path separator of a long word, and inside a stretch still too long.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMessageBox

_LONG = 40  # characters of a word from which it gets break opportunities
_ZERO_WIDTH_SPACE = "\u200b"
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


class MessageBox(QMessageBox):
    """A message box whose Ctrl+C (Qt copies a box's text on Windows) copies its text
    without the zero-width spaces :func:`breakable` put in: a path pasted elsewhere must
    still be found."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.matches(QKeySequence.StandardKey.Copy):
            clipboard = QGuiApplication.clipboard()
            clipboard.setText(clipboard.text().replace(_ZERO_WIDTH_SPACE, ""))
