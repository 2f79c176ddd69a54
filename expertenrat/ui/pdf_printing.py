"""Printing, print preview and "save as" for the PDF documents of ``expertenrat.reports``.

The printer gets the pages of the very PDF that is saved: QtPdf rasterises each page and
QPainter puts it on the paper, so paper, preview and file never differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QObject, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from expertenrat.domain.errors import ExpertenratError
from expertenrat.services.files import FileWriteError, write_file
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.save_location import FileKind

PRINT_DPI = 300  # at most, on paper: sharp, and one A4 page is about 35 MB while it prints
PREVIEW_DPI = 150  # the preview holds every page in memory (about 9 MB per A4 page)
_CONTEXT = "PdfPrinting"
# A day in a document's name, which is also its file's stem ("Mitgliederliste intern
# 2026-12-02": sorts in a folder); a window title shows it as the UI does (02.12.2026).
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def shown_title(name: str) -> str:
    """A document's ``name`` as a window title shows it: its days as dd.MM.yyyy."""
    return _ISO_DAY.sub(r"\3.\2.\1", name)


class PrintError(ExpertenratError):
    """A document cannot be printed: not a readable PDF, or the printer refused."""


def render_pdf_to_printer(pdf: bytes, printer: QPrinter, *, match_orientation: bool = True) -> int:
    """Print the pages of ``pdf`` selected on ``printer``; returns how many were printed.

    Each page is fitted to the paper keeping its aspect ratio (on the PDF's own paper size
    it is printed 1:1, the margins are the PDF's). With ``match_orientation`` the printer
    takes the orientation of the pages when they all share one.
    """
    with _opened(pdf) as document:
        pages = _selected_pages(printer, document.pageCount())
        if not pages:
            return 0
        if match_orientation and (orientation := _common_orientation(document)) is not None:
            printer.setPageOrientation(orientation)
        printer.setFullPage(True)
        dpi = _dpi(printer)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(
                tr(
                    _CONTEXT,
                    "Der Druck kann nicht beginnen: Der Drucker ist nicht bereit, oder die "
                    "Ausgabedatei kann nicht geschrieben werden.",
                )
            )
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for index, page in enumerate(pages):
                if index and not printer.newPage():
                    raise PrintError(tr(_CONTEXT, "Der Drucker hat den Druck abgebrochen."))
                _draw_page(painter, printer, document, page, dpi)
        finally:
            painter.end()
    return len(pages)


@contextmanager
def _opened(pdf: bytes) -> Iterator[QPdfDocument]:
    # A QBuffer is random access, so QPdfDocument loads it synchronously: the status is
    # Ready or Error when load() returns.
    buffer = QBuffer()
    buffer.setData(pdf)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    try:
        if pdf:
            document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
            raise PrintError(
                tr(_CONTEXT, "Das Dokument ist kein lesbares PDF und kann nicht gedruckt werden.")
            )
        yield document
    finally:
        document.close()
        buffer.close()


def _dpi(printer: QPrinter) -> int:
    if printer.paintEngine().type() == QPaintEngine.Type.Picture:  # a print preview
        return PREVIEW_DPI
    # A printer in ScreenResolution mode says 96 dpi but puts the whole image on paper.
    return min(max(printer.resolution(), PREVIEW_DPI), PRINT_DPI)


def _selected_pages(printer: QPrinter, count: int) -> list[int]:
    """Zero-based page indexes in print order."""
    ranges = printer.pageRanges()
    pages = [p for p in range(count) if ranges.isEmpty() or ranges.contains(p + 1)]
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def _orientation(size: QSizeF) -> QPageLayout.Orientation:
    if size.width() > size.height():
        return QPageLayout.Orientation.Landscape
    return QPageLayout.Orientation.Portrait


def _common_orientation(document: QPdfDocument) -> QPageLayout.Orientation | None:
    found = {_orientation(document.pagePointSize(p)) for p in range(document.pageCount())}
    return found.pop() if len(found) == 1 else None


def _draw_page(
    painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int, dpi: int
) -> None:
    points = document.pagePointSize(page)
    image = document.render(page, (points * dpi / 72).toSize())
    if image.isNull():  # pdfium could not load the page, or no memory for the bitmap
        raise PrintError(tr(_CONTEXT, "Seite {} kann nicht gedruckt werden.").format(page + 1))
    # QtPdf renders onto transparency; put white paper under it so the printer gets no mask.
    backing = QPainter(image)
    backing.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationOver)
    backing.fillRect(image.rect(), Qt.GlobalColor.white)
    backing.end()
    image.convertTo(QImage.Format.Format_RGB32)
    paper = printer.paperRect(QPrinter.Unit.DevicePixel).size()
    target = QRectF(QPointF(), points.scaled(paper, Qt.AspectRatioMode.KeepAspectRatio))
    target.moveCenter(QRectF(QPointF(), paper).center())
    painter.drawImage(target, image)


class PdfPrintActions(QObject):
    """What a page offers for a finished PDF: preview, print, save as.

    Dialogs open with ``open()`` and are parented to ``parent``; problems are reported
    through the dialog service as German warnings.
    """

    saved = Signal(str)

    def __init__(self, dialogs: DialogService, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._dialogs = dialogs
        self._open: dict[int, tuple[QDialog, QPrinter]] = {}

    def preview(self, pdf: bytes, title: str) -> None:
        layout = self._layout_or_warn(pdf)
        if layout is None:
            return
        printer = _printer(title, layout[1])
        dialog = QPrintPreviewDialog(printer, self._parent)
        dialog.setWindowTitle(tr(_CONTEXT, "Druckvorschau – {}").format(shown_title(title)))
        available = self._parent.screen().availableGeometry()
        dialog.resize(available.width() * 3 // 4, available.height() * 7 // 8)
        # The preview paints again with the printer the user picks in its print dialog.
        dialog.paintRequested.connect(lambda target: self._render(pdf, target))
        self._keep(dialog, printer)

    def print(self, pdf: bytes, title: str) -> None:
        layout = self._layout_or_warn(pdf)
        if layout is None:
            return
        printer = _printer(title, layout[1])
        dialog = QPrintDialog(printer, self._parent)
        dialog.setWindowTitle(tr(_CONTEXT, "Drucken – {}").format(shown_title(title)))
        dialog.setMinMax(1, layout[0])
        dialog.finished.connect(
            lambda result: (
                self._render(pdf, printer) if result == QDialog.DialogCode.Accepted else None
            )
        )
        self._keep(dialog, printer)

    def save_as(
        self, pdf: bytes, suggested_name: str, title: str, *, private: bool = False
    ) -> None:
        """Ask where to save ``pdf``; ``title`` names the document as the meetings' save
        dialogs do ("Mitgliederliste speichern"); ``private``: personal data, saved for the
        user's eyes alone (:func:`~expertenrat.services.files.writing_file`)."""
        self._dialogs.ask_save_file(
            self._parent,
            title,
            tr(_CONTEXT, "PDF-Dokumente (*.pdf)"),
            _with_pdf_suffix(suggested_name),
            lambda path: self._write(pdf, path, title, private),
            FileKind.PDF,
        )

    def _layout_or_warn(self, pdf: bytes) -> tuple[int, QPageLayout.Orientation] | None:
        """Page count and the orientation to start with; None (after a warning) if unreadable."""
        try:
            with _opened(pdf) as document:
                orientation = _common_orientation(document)
                if orientation is None:  # mixed pages: each is fitted to portrait paper
                    orientation = QPageLayout.Orientation.Portrait
                return document.pageCount(), orientation
        except PrintError as error:
            self._dialogs.warning(self._parent, tr(_CONTEXT, "Drucken"), error.message)
            return None

    def _render(self, pdf: bytes, printer: QPrinter) -> None:
        try:
            # The orientation was set before the dialog opened; keep what the user chose.
            render_pdf_to_printer(pdf, printer, match_orientation=False)
        except PrintError as error:
            self._dialogs.warning(self._parent, tr(_CONTEXT, "Drucken"), error.message)

    def _keep(self, dialog: QDialog, printer: QPrinter) -> None:
        """Hold dialog and printer until Qt has deleted the dialog: the printer outlives it."""
        key = id(dialog)
        self._open[key] = (dialog, printer)
        dialog.finished.connect(dialog.deleteLater)
        dialog.destroyed.connect(lambda: self._open.pop(key, None))
        # PySide6 exposes only QPrintDialog.open(receiver, member); QDialog.open() is the
        # plain window-modal open.
        QDialog.open(dialog)

    def _write(self, pdf: bytes, chosen: str, title: str, private: bool) -> None:
        path = Path(chosen)
        try:
            write_file(path, pdf, private=private)
        except FileWriteError as error:
            self._dialogs.warning(self._parent, title, error.message, error.detail)
            return
        self._dialogs.file_saved(
            self._parent,
            title,
            tr(_CONTEXT, "„{}“ wurde gespeichert.").format(path.name),
            str(path),
        )
        self.saved.emit(str(path))


def _printer(title: str, orientation: QPageLayout.Orientation) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(orientation)
    return printer


def _with_pdf_suffix(name: str) -> str:
    # Not "no suffix at all": "Mitgliederliste 27.11.2026" would count ".2026" as one.
    return name if name.lower().endswith(".pdf") else f"{name}.pdf"
