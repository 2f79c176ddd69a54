"""The text boxes of several lines the forms share (:class:`PlainTextEdit`): they keep what
copying brings along out of the text, and paste text copied from a PDF as flowing text on
request."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip

from expertenrat.domain.flowing_text import flowing_text
from expertenrat.domain.text_characters import line_feeds, pasted_text
from expertenrat.ui.i18n import tr

_CONTEXT = "TextBoxes"

FLOWING_PASTE = QKeySequence("Ctrl+Shift+V")

# What Qt's own toPlainText makes line feeds of: the paragraph and line separators (Enter,
# Shift+Enter) and the frame marks a document may hold.
_QT_LINE_BREAKS = str.maketrans(dict.fromkeys("\u2028\u2029\ufdd0\ufdd1", "\n"))


class PlainTextEdit(QPlainTextEdit):
    """A text box that drops the invisible characters pasted or dropped text brings along
    (a soft hyphen from a PDF: :func:`~expertenrat.domain.text_characters.pasted_text`);
    otherwise the text could not be saved, and nobody could see why. The cleaned text goes in
    as Qt's own paste puts it (a fragment), so one Ctrl+Z takes the paste back, not the
    text typed before it as well.

    An image pasted (a screenshot) puts nothing in, and a tooltip says so and where an image
    can go; Qt left the box as it was without a word.

    "Als Fließtext einfügen" (the context menu, Ctrl+Shift+V) pastes text copied from a PDF
    with the lines of each paragraph joined and its divided words whole again
    (:func:`~expertenrat.domain.flowing_text.flowing_text`).

    Its text keeps the no-break spaces typed or pasted into it (:meth:`toPlainText`)."""

    paste_refused = Signal(str)  # the German message why a paste put nothing in

    def toPlainText(self) -> str:
        """The text as typed, its line breaks as line feeds. Qt's own also makes every
        no-break space (U+00A0) an ordinary space, so "§ 5" or "Dr. Steffens" kept
        together by one lost it when the minutes or a recommendation were saved, although
        the texts keep them as typed (:func:`~expertenrat.domain.field_limits.clean_text`;
        found by a helper)."""
        return self.document().toRawText().translate(_QT_LINE_BREAKS)

    def text_or_original(self, original: str) -> str:
        """:meth:`toPlainText`, or ``original`` exactly while the box still shows it: the
        line ends of other programs ("\\r\\n" in a stored text) stay until it is edited."""
        text = self.toPlainText()
        return original if text == line_feeds(original).translate(_QT_LINE_BREAKS) else text

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self._insert_cleaned(pasted_text(source.text()))
        elif source.hasImage():  # a screenshot, a chart copied from Excel: nothing went in
            message = tr(
                _CONTEXT,
                "Hier lässt sich nur Text einfügen, kein Bild. Ein Bild oder eine Grafik kann "
                "einer Sitzung als PDF-Anlage beigefügt werden (Reiter „Anlagen“).",
            )
            at = self.viewport().mapToGlobal(self.cursorRect().bottomLeft())
            QToolTip.showText(at, message, self)
            self.paste_refused.emit(message)
        else:
            super().insertFromMimeData(source)

    def paste_flowing(self) -> None:
        """Paste the clipboard's text as flowing text, cleaned as any paste."""
        text = QGuiApplication.clipboard().text()
        if text and not self.isReadOnly():
            self._insert_cleaned(flowing_text(pasted_text(text)))

    def _insert_cleaned(self, text: str) -> None:
        cursor = self.textCursor()
        cursor.insertFragment(QTextDocumentFragment.fromPlainText(text))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if QKeySequence(event.keyCombination()) == FLOWING_PASTE and not self.isReadOnly():
            self.paste_flowing()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        actions = menu.actions()
        paste = next((a for a in actions if a.objectName() == "edit-paste"), None)
        if paste is not None:
            flowing = QAction(tr(_CONTEXT, "Als &Fließtext einfügen"), menu)
            flowing.setObjectName("edit-paste-flowing")
            flowing.setShortcut(FLOWING_PASTE)
            flowing.setEnabled(paste.isEnabled())
            flowing.triggered.connect(self.paste_flowing)  # a method: see LineEdit's menu
            after = actions.index(paste) + 1
            menu.insertAction(actions[after] if after < len(actions) else None, flowing)
        menu.popup(event.globalPos())


def plain_text_edit(lines: int, *, grows: bool) -> PlainTextEdit:
    """A text box ``lines`` high that only grows with the dialog if ``grows``."""
    edit = PlainTextEdit()
    edit.setTabChangesFocus(True)
    height = edit.fontMetrics().lineSpacing() * lines + 2 * edit.frameWidth() + 8
    edit.setMinimumHeight(height)
    if not grows:
        edit.setMaximumHeight(height)
    return edit
