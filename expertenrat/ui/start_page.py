"""What the window shows before a database is open: "wird geöffnet …", or why the database
cannot be opened, with "Erneut versuchen" (a server that was down, a network drive not yet
connected, a file another program held) and the ways out: for a server "Anderen Server …",
"Standarddatei verwenden" and "Andere Datei öffnen …", for a file "Standarddatei verwenden"
(unless it is the one), "Andere Datei öffnen …" and "Neue Datenbank anlegen …", and for a
damaged file "Sicherung wiederherstellen …"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from expertenrat.paths import default_database_file
from expertenrat.ui.i18n import tr

_CONTEXT = "StartPage"
Offer = Callable[[], object]


@dataclass(frozen=True, slots=True)
class WaysOut:
    """What the start page offers besides "Erneut versuchen" (``None``: not offered)."""

    other_server: Offer | None = None  # "Anderen Server …"
    default_file: Offer | None = None  # "Standarddatei verwenden"
    open_other: Offer | None = None  # "Andere Datei öffnen …"
    create_new: Offer | None = None  # "Neue Datenbank anlegen …"
    restore: Offer | None = None  # "Sicherung wiederherstellen …" (a damaged file)


class StartPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._retry: Offer | None = None
        self._offers: dict[QPushButton, Offer | None] = {}
        self.message_label = QLabel()
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setMargin(24)
        # The original text of a cause the message could not name (a server's, in English).
        self.detail_label = QLabel()
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setContentsMargins(24, 0, 24, 12)
        self.detail_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.retry_button = QPushButton(tr(_CONTEXT, "Erneut versuchen"))
        self.retry_button.clicked.connect(self._try_again)
        self.server_button = QPushButton(tr(_CONTEXT, "Anderen Server …"))
        self.default_button = QPushButton(tr(_CONTEXT, "Standarddatei verwenden"))
        self.default_button.setToolTip(
            tr(_CONTEXT, "Die Datei dieses PCs öffnen: {}").format(default_database_file())
        )
        self.open_button = QPushButton(tr(_CONTEXT, "Andere Datei öffnen …"))
        self.new_button = QPushButton(tr(_CONTEXT, "Neue Datenbank anlegen …"))
        self.restore_button = QPushButton(tr(_CONTEXT, "Sicherung wiederherstellen …"))
        self._offer_buttons = (
            self.server_button,
            self.default_button,
            self.open_button,
            self.new_button,
            self.restore_button,
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in self._offer_buttons:
            button.clicked.connect(lambda _checked=False, button=button: self._offer(button))
            buttons.addWidget(button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.detail_label)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.show_opening()

    def show_opening(self) -> None:
        self._retry = None
        self._offers = {}
        self.message_label.setText(tr(_CONTEXT, "Die Datenbank wird geöffnet …"))
        self.detail_label.hide()
        for button in (*self._offer_buttons, self.retry_button):
            button.hide()

    def show_unusable(
        self, message: str, retry: Offer | None, ways_out: WaysOut, detail: str = ""
    ) -> None:
        """Say why the database cannot be opened (``detail``: the original text of a cause
        the message could not name); ``retry`` opens it again, ``ways_out`` are the other
        choices offered."""
        self._retry = retry
        self._offers = {
            self.server_button: ways_out.other_server,
            self.default_button: ways_out.default_file,
            self.open_button: ways_out.open_other,
            self.new_button: ways_out.create_new,
            self.restore_button: ways_out.restore,
        }
        self.message_label.setText(
            tr(_CONTEXT, "Die Datenbank kann nicht geöffnet werden.\n\n{}").format(message)
        )
        self.detail_label.setText(tr(_CONTEXT, "Einzelheiten: {}").format(detail))
        self.detail_label.setVisible(bool(detail))
        self.retry_button.setVisible(retry is not None)
        for button, offer in self._offers.items():
            button.setVisible(offer is not None)

    def _offer(self, button: QPushButton) -> None:
        offer = self._offers.get(button)
        if offer is not None:
            offer()

    def _try_again(self) -> None:
        retry = self._retry
        self.show_opening()
        self.message_label.repaint()  # the opening may take the server's connect timeout
        if retry is not None:
            retry()
