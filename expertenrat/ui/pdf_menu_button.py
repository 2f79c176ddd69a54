"""A document button whose menu saves, previews or prints one PDF document.

The menu holds "Als PDF speichern …", "Vorschau …" and "Drucken …" (the same words as
the roster's buttons); the owner renders the document and hands the PDF to
:class:`~expertenrat.ui.pdf_printing.PdfPrintActions` for preview and print. Another
version of the same document (the public Sitzungsmappe) can sit in a submenu of the same
three entries, so a row of buttons does not grow by a button per version.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from expertenrat.ui.i18n import tr

_CONTEXT = "PdfMenuButton"


class PdfMenu(QMenu):
    """ "Als PDF speichern …", "Vorschau …" and "Drucken …" of one PDF document."""

    def __init__(
        self,
        title: str,
        parent: QWidget,
        *,
        save: Callable[[], None],
        preview: Callable[[], None],
        print_: Callable[[], None],
    ) -> None:
        super().__init__(title, parent)
        self.save_action = self.addAction(tr(_CONTEXT, "Als &PDF speichern …"))
        self.preview_action = self.addAction(tr(_CONTEXT, "&Vorschau …"))
        self.print_action = self.addAction(tr(_CONTEXT, "&Drucken …"))
        self.save_action.triggered.connect(save)
        self.preview_action.triggered.connect(preview)
        self.print_action.triggered.connect(print_)


class PdfMenuButton(QPushButton):
    def __init__(
        self,
        text: str,
        tip: str,
        *,
        save: Callable[[], None],
        preview: Callable[[], None],
        print_: Callable[[], None],
        parent: QWidget,
    ) -> None:
        super().__init__(text, parent)
        self.setToolTip(tip)
        menu = PdfMenu("", self, save=save, preview=preview, print_=print_)
        menu.setToolTipsVisible(True)
        self.save_action = menu.save_action
        self.preview_action = menu.preview_action
        self.print_action = menu.print_action
        self.setMenu(menu)

    def add_action(self, text: str, slot: Callable[[], None]) -> QAction:
        """A further entry of the menu, after "Drucken …" ("Als E-Mail-Entwurf …")."""
        action = self.menu().addAction(text)
        action.triggered.connect(slot)
        return action

    def add_version(self, version: PdfMenu, tip: str) -> PdfMenu:
        """Another version of the document as a submenu after a separator ("Öffentliche
        Fassung" → "Als PDF speichern …", "Vorschau …", "Drucken …")."""
        menu = self.menu()
        menu.addSeparator()
        menu.addMenu(version).setToolTip(tip)
        return version
