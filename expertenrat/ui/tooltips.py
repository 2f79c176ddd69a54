"""Tooltips that show a user's text literally.

Qt shows a tooltip as rich text when it merely looks like markup (``Qt.mightBeRichText``):
"Kosten a < b und Nutzen c > d" or a text with "<i>" lost words in the tooltip. Such a
text goes as rich text made from it; any other stays as it is.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt


def literal_tip(text: str) -> str:
    """``text`` as a tooltip shows it, character for character."""
    if QtGui.Qt.mightBeRichText(text):
        return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
    return text
