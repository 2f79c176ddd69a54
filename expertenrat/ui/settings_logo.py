"""The council's logo in Einstellungen: a small preview, "Logo wählen …" and "Logo entfernen".

A chosen image is handed on as PNG, read at no more than
:data:`~expertenrat.services.logos.MAX_LOGO_SIDE` pixels a side, the most a logo may come in
with; saving stores it as the settings service stores every logo, checked and scaled down to
at most 600 pixels on its longer side (``services.logos.stored_logo``). A file that is no
readable image, or one too large to read (judged from its header, before reading a pixel),
is refused with a German message. A drawing (SVG) is drawn at the size a logo is stored, so
it stays sharp.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from expertenrat.domain.errors import os_error_text
from expertenrat.services.file_reading import NotAFileError, check_regular_file
from expertenrat.services.logos import LOGO_SIDE, MAX_LOGO_SIDE
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr

_CONTEXT = "SettingsPage"
# What the chooser reads at all (a photo of 40 MP is 160 MB in memory, under Qt's limit).
MAX_SOURCE_PIXELS = 40_000_000
_DRAWINGS = (b"svg", b"svgz")  # image formats without pixels of their own
_SMOOTH = Qt.TransformationMode.SmoothTransformation


def png_bytes(image: QImage) -> bytes:
    """``image`` as PNG, as the logo is handed to the settings service (which scales it)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # A logo no larger than a stored one is stored as it is: compressed (uncompressed, one of
    # 600 × 200 pixels took 480 kB in the database, every backup and settings file). A larger
    # one is scaled down and compressed by the service: compressing it here took seconds.
    stored_as_is = max(image.width(), image.height()) <= LOGO_SIDE
    image.save(buffer, "PNG", -1 if stored_as_is else 100)
    return bytes(data.data())


def on_paper(logo: QPixmap) -> QPixmap:
    """``logo`` on white, as the documents print it: a logo of dark ink on a transparent
    ground vanished in the preview on a dark window (found by a tester)."""
    paper = QPixmap(logo.size())
    paper.setDevicePixelRatio(logo.devicePixelRatio())
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawPixmap(0, 0, logo)
    painter.end()
    return paper


class LogoField(QWidget):
    """The logo row of the council's form; ``png`` is the logo shown (``None``: none)."""

    def __init__(self, dialogs: DialogService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dialogs = dialogs
        self.png: bytes | None = None
        self.preview = QLabel(tr(_CONTEXT, "kein Logo"))
        self.preview.setMinimumHeight(48)
        self.choose_button = QPushButton(tr(_CONTEXT, "Logo wählen …"))
        self.remove_button = QPushButton(tr(_CONTEXT, "Logo entfernen"))
        row = QHBoxLayout(self)
        row.addWidget(self.preview, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.remove_button)
        self.choose_button.clicked.connect(self._choose)
        self.remove_button.clicked.connect(lambda: self.show_logo(None))

    def show_logo(self, png: bytes | None) -> None:
        self.png = png
        self.remove_button.setEnabled(png is not None)
        if png is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(tr(_CONTEXT, "kein Logo"))
            return
        pixmap = QPixmap()
        if not pixmap.loadFromData(png, "PNG"):  # stored before logos were checked
            self.preview.setPixmap(QPixmap())
            self.preview.setText(tr(_CONTEXT, "Logo nicht lesbar – bitte ein neues wählen"))
            return
        self.preview.setPixmap(on_paper(pixmap.scaledToHeight(48, _SMOOTH)))

    def load_file(self, path: str) -> None:
        if unreadable := _why_unreadable(Path(path)):
            self._dialogs.warning(self, tr(_CONTEXT, "Logo"), unreadable)
            return
        reader = QImageReader(path)
        size = reader.size()  # from the file's header, before any pixel is read
        if bytes(reader.format().data()) in _DRAWINGS and size.isValid() and not size.isEmpty():
            # A drawing has no pixels of its own: drawn at the size a logo is stored, it stays
            # sharp however small or large its file says it is (one of viewBox="0 0 64 16"
            # came out 64 pixels wide and blurred in print; found by a tester).
            reader.setScaledSize(
                size.scaled(LOGO_SIDE, LOGO_SIDE, Qt.AspectRatioMode.KeepAspectRatio)
            )
        elif size.isValid() and size.width() * size.height() > MAX_SOURCE_PIXELS:
            self._dialogs.warning(
                self,
                tr(_CONTEXT, "Logo"),
                tr(
                    _CONTEXT,
                    "Das Bild „{path}“ ist mit {width} × {height} Pixeln zu groß für ein Logo "
                    "(höchstens {limit} Millionen Bildpunkte). Bitte verkleinern Sie es vorher.",
                ).format(
                    path=path,
                    width=f"{size.width():,}".replace(",", "."),
                    height=f"{size.height():,}".replace(",", "."),
                    limit=MAX_SOURCE_PIXELS // 1_000_000,
                ),
            )
            return
        elif size.isValid() and max(size.width(), size.height()) > MAX_LOGO_SIDE:
            reader.setScaledSize(
                size.scaled(MAX_LOGO_SIDE, MAX_LOGO_SIDE, Qt.AspectRatioMode.KeepAspectRatio)
            )
        image = reader.read() if reader.canRead() else QImage()
        if image.isNull():
            self._dialogs.warning(
                self,
                tr(_CONTEXT, "Logo"),
                tr(_CONTEXT, "Die Datei „{}“ ist kein lesbares Bild.").format(path),
            )
            return
        self.show_logo(png_bytes(image))

    def _choose(self) -> None:
        self._dialogs.ask_open_file(
            self,
            tr(_CONTEXT, "Logo wählen"),
            tr(_CONTEXT, "Bilder (*.png *.jpg *.jpeg *.bmp *.gif *.svg)"),
            self.load_file,
        )


def _why_unreadable(path: Path) -> str | None:
    """Why ``path`` cannot be read at all (gone with its USB stick, a folder without read
    permission, no regular file), or ``None``: "ist kein lesbares Bild" sent the user to
    look at an image that was fine (found by a tester)."""
    try:
        check_regular_file(path)
        with path.open("rb"):
            return None
    except NotAFileError as error:
        return error.message
    except OSError as error:
        return tr(_CONTEXT, "Die Datei „{path}“ kann nicht gelesen werden: {reason}").format(
            path=path, reason=os_error_text(error)
        )
