"""The logo row of Einstellungen on its own: what a chosen file becomes (without a window)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from expertenrat.services.logos import LOGO_SIDE, stored_logo
from expertenrat.ui.settings_logo import LogoField, png_bytes


def _chosen(qtbot, dialogs, path) -> QImage:
    field = LogoField(dialogs)
    qtbot.addWidget(field)
    field.load_file(str(path))
    assert dialogs.warnings() == []
    assert field.png is not None
    return QImage.fromData(field.png)


def test_a_drawing_is_drawn_at_the_size_a_logo_is_stored_however_small_it_says_it_is(
    qtbot, dialogs, tmp_path
):
    # An SVG with only a viewBox of 64 × 16 came in as 64 pixels, blurred in every PDF.
    small = tmp_path / "logo klein.svg"
    small.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 16">'
        '<rect width="64" height="16" fill="#004f9f"/></svg>',
        encoding="utf-8",
    )
    huge = tmp_path / "logo-riesig.svg"  # declared huge, drawn small: no pixels to fear
    huge.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="50000">'
        '<rect width="100000" height="50000" fill="#004f9f"/></svg>',
        encoding="utf-8",
    )

    assert _chosen(qtbot, dialogs, small).size().toTuple() == (LOGO_SIDE, LOGO_SIDE // 4)
    assert _chosen(qtbot, dialogs, huge).size().toTuple() == (LOGO_SIDE, LOGO_SIDE // 2)


def test_a_logo_stored_as_chosen_is_a_compressed_png(qtbot, dialogs, tmp_path):
    image = QImage(600, 200, QImage.Format.Format_ARGB32)
    image.fill(QColor("#004f9f"))
    path = tmp_path / "logo.bmp"
    image.save(str(path))
    field = LogoField(dialogs)
    qtbot.addWidget(field)

    field.load_file(str(path))

    assert field.png is not None and stored_logo(field.png) == field.png
    assert len(field.png) < 20_000  # uncompressed: 480,000 bytes


def test_an_image_larger_than_a_stored_logo_is_handed_on_uncompressed(qtbot):
    # The service scales it down and compresses it anyway; compressing a photo of 4,000 ×
    # 4,000 pixels here as well took four seconds, with the window frozen.
    image = QImage(2000, 1000, QImage.Format.Format_RGB32)
    image.fill(QColor("#004f9f"))

    assert len(png_bytes(image)) > 2000 * 1000 * 3


def test_the_preview_shows_a_transparent_logo_on_paper_also_in_dark_mode(
    qtbot, dialogs, dark_palette
):
    # (found by a tester) Dark ink on a transparent ground vanished on the dark window.
    image = QImage(120, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    for x in range(40, 80):
        for y in range(10, 30):
            image.setPixelColor(x, y, QColor("#1a1a1a"))
    field = LogoField(dialogs)
    qtbot.addWidget(field)

    field.show_logo(png_bytes(image))

    shown = field.preview.pixmap().toImage()
    assert shown.pixelColor(2, 2) == QColor("white")  # the paper, not the window
    assert shown.pixelColor(shown.width() // 2, shown.height() // 2).lightness() < 60


def test_a_file_that_cannot_be_read_is_named_with_the_reason(qtbot, dialogs, tmp_path, monkeypatch):
    """Not "ist kein lesbares Bild" for a file gone with its USB stick or one in a folder
    without read permission (simulated: root reads any)."""
    field = LogoField(dialogs)
    qtbot.addWidget(field)
    gone = tmp_path / "USB" / "Logo Stadt.png"
    field.load_file(str(gone))

    locked = tmp_path / "Logo.png"
    QImage(60, 20, QImage.Format.Format_RGB32).save(str(locked))
    opening = Path.open

    def refused(self, *args, **kwargs):
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return opening(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refused)
    field.load_file(str(locked))

    assert dialogs.warnings() == [
        f"Die Datei „{gone}“ kann nicht gelesen werden: Der Ordner oder die Datei existiert nicht.",
        f"Die Datei „{locked}“ kann nicht gelesen werden: Keine Berechtigung.",
    ]
    assert field.png is None
