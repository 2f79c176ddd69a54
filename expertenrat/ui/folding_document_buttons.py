"""The Sitzungen page's document buttons in columns, or folded into one "Dokumente" button
where the page is too narrow for the columns beside the meetings list (720 px, or 837 px
with a 12 pt font). The one button's menu holds each button's own menu as a submenu
("Einladung" → "Als PDF speichern …", "Vorschau …", "Drucken …" …), named, enabled and
explained as the button, so every document stays a few keys away."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QGridLayout, QMenu, QPushButton, QVBoxLayout, QWidget


class FoldingDocumentButtons(QWidget):
    def __init__(
        self,
        columns: Sequence[Sequence[QPushButton]],
        text: str,
        tip: str,
        parent: QWidget | None = None,
    ) -> None:
        """``columns`` of buttons, each with a menu; ``text`` and ``tip``: the one button's."""
        super().__init__(parent)
        self._buttons = tuple(button for column in columns for button in column)
        self._columns = QWidget(self)
        grid = QGridLayout(self._columns)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, buttons in enumerate(columns):
            for row, button in enumerate(buttons):
                grid.addWidget(button, row, column)
        self.menu_button = QPushButton(text, self)
        self.menu_button.setToolTip(tip)
        menu = QMenu(self.menu_button)
        menu.setToolTipsVisible(True)
        for button in self._buttons:
            menu.addMenu(button.menu())
        self.menu_button.setMenu(menu)
        self.menu_button.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._columns)
        layout.addWidget(self.menu_button)
        self.sync()

    def set_folded(self, folded: bool) -> None:
        """The one button (``folded``) or the columns of buttons."""
        if folded == self._columns.isHidden():
            return
        focused = QApplication.focusWidget()
        had_focus = focused is not None and self.isAncestorOf(focused)
        self._columns.setVisible(not folded)
        self.menu_button.setVisible(folded)
        if had_focus:  # the keyboard stays in the documents
            (self.menu_button if folded else self._buttons[0]).setFocus()

    def columns_width(self) -> int:
        """The least width of the columns of buttons (whichever shows)."""
        return self._columns.minimumSizeHint().width()

    def sync(self) -> None:
        """Each submenu named, enabled and explained as its button is now ("Absage" for
        a cancelled meeting's "Absage …"), each with a letter of its own: the open menu
        answers the keyboard as the buttons' menus do (found by a tester)."""
        taken: set[str] = set()
        for button in self._buttons:
            action = button.menu().menuAction()
            action.setText(with_letter(button.text().removesuffix(" …"), taken))
            action.setEnabled(button.isEnabled())
            action.setToolTip(button.toolTip())


def with_letter(text: str, taken: set[str]) -> str:
    """``text`` with its first letter not in ``taken`` marked as its key ("S&itzungsmappe"
    after "&Serienbrief"), which joins ``taken``; unmarked where every letter is taken.
    A letter from A to Z first: a keyboard set to English has no key for Ö or Ü
    ("Ö&ffentliches Protokoll"; found by a tester)."""
    for usable in (str.isascii, lambda character: True):
        for position, character in enumerate(text):
            if character.isalpha() and usable(character) and character.lower() not in taken:
                taken.add(character.lower())
                return f"{text[:position]}&{text[position:]}"
    return text
