"""The SHA-256 checksums of approved minutes' stored PDFs (the full and the public one), as
the Genehmigung tab shows them (:mod:`ui.minutes_approval_panel`).

A checksum is one word of 64 letters that no line can break: in a narrow tab (the least
window, 720 x 480) it would make the tab scroll sideways. Each stands in a row of its own
— "SHA-256 der PDF (vollständig):", the checksum, "Kopieren" — and where the row is
too narrow the
checksum loses its middle to "…" (both ends stay, as one compares them); its tooltip shows
it whole and "Kopieren" puts it on the clipboard.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from expertenrat.ui.eliding_widgets import ElidedLabel
from expertenrat.ui.i18n import tr

_CONTEXT = "MinutesApprovalPanel"
_LEAST = 16  # average letters of room a checksum has at least: its first and last six
_WHOLE = 100  # average letters of room asked for: the whole checksum (hex digits are wide)


class MinutesFingerprints(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(3, 1)  # the button beside the checksum, the room after it
        self.full = ElidedLabel("", _LEAST, _WHOLE, elide=Qt.TextElideMode.ElideMiddle)
        self.public = ElidedLabel("", _LEAST, _WHOLE, elide=Qt.TextElideMode.ElideMiddle)
        self.copy_buttons: list[QPushButton] = []
        rows = (
            (tr(_CONTEXT, "SHA-256 der PDF (vollständig):"), self.full),
            (tr(_CONTEXT, "SHA-256 der PDF (öffentlich):"), self.public),
        )
        # (found by a tester) "SHA-256 (vollständig)" did not say of what: an archivist
        # compared it with the "Prüfsumme des genehmigten Inhalts" the PDF prints
        explained = tr(
            _CONTEXT,
            "Die SHA-256 der bei der Genehmigung gespeicherten PDF-Datei, wie „sha256sum“ "
            "sie von der gespeicherten oder exportierten Datei ergibt. Die im Protokoll "
            "abgedruckte „Prüfsumme des genehmigten Inhalts“ ist eine andere: die des "
            "Inhalts (Spalte „Prüfsumme des Inhalts“ der Fassungen; als Datei im "
            "Archivpaket).",
        )
        for row, (caption, value) in enumerate(rows):
            value.setAccessibleName(caption.rstrip(":"))
            value.setToolTip(explained)
            button = QPushButton(tr(_CONTEXT, "Kopieren"))
            button.setToolTip(
                tr(_CONTEXT, "Die Prüfsumme „{caption}“ in die Zwischenablage kopieren").format(
                    caption=caption.rstrip(":")
                )
            )
            button.clicked.connect(lambda _checked=False, value=value: _copy(value))
            grid.addWidget(QLabel(caption), row, 0)
            grid.addWidget(value, row, 1)
            grid.addWidget(button, row, 2)
            self.copy_buttons.append(button)
        self.set_values("", "")

    def set_values(self, full: str, public: str) -> None:
        """Show the checksums of the full and the public PDF; none: the rows are hidden."""
        self.full.setText(full)
        self.public.setText(public)
        self.setVisible(bool(full))


def _copy(value: QLabel) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(value.text())
