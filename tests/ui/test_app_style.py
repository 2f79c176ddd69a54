"""The style sheet in the palette's colours (found by a tester): on Windows in dark mode
the sidebar's entries were white on pale grey and the Übersicht's cards white islands, its
links and warnings dark blue and dark red on dark grey."""

from __future__ import annotations

import pytest
from dark_palettes import DARK, HIGH_CONTRAST, palette_of
from PySide6.QtGui import QColor, QPalette

from expertenrat.ui.app_style import sheet_colours, style_sheet
from expertenrat.ui.main_window_view import MainWindowView
from expertenrat.ui.theme_colours import contrast_ratio

ROLE = QPalette.ColorRole
TEXTS = ("accent", "caption", "error", "warning")


@pytest.mark.parametrize("colours", [DARK, HIGH_CONTRAST], ids=["dark", "high contrast"])
def test_on_a_dark_palette_the_sheet_reads(qapp, colours) -> None:
    palette = palette_of(colours)
    sheet = {name: QColor(value) for name, value in sheet_colours(palette).items()}
    base, window, button = (palette.color(r) for r in (ROLE.Base, ROLE.Window, ROLE.Button))
    # The surfaces are the palette's base: its text reads on them.
    assert sheet["sidebar"] == base and sheet["card"] == base
    for name in TEXTS:  # the coloured texts read on fields, the window, an invalid combo box
        backs = (base, window, button)
        assert min(contrast_ratio(sheet[name], back) for back in backs) >= 4.5, name
    assert contrast_ratio(sheet["warning_frame"], base) >= 3.0


def test_on_a_light_palette_the_sheet_keeps_the_house_colours(qapp) -> None:
    palette = QPalette()  # Fusion's light one
    assert sheet_colours(palette) == {
        "sidebar": "#f3f5f8",
        "card": "#ffffff",
        "accent": "#004f9f",
        "caption": "#5b6670",
        "error": "#b00020",
        "warning": "#8a5300",
        "line": "#d6dbe1",
        "warning_frame": "#c27c00",
    }
    assert "$" not in style_sheet(palette)


def test_a_palette_changed_while_the_program_runs_restyles(qapp, qtbot, app_style_sheet) -> None:
    view = MainWindowView()
    qtbot.addWidget(view)
    assert "background: #f3f5f8" in qapp.styleSheet()
    before = qapp.palette()
    try:
        qapp.setPalette(palette_of(DARK))  # Windows switched to dark mode
        qtbot.waitUntil(lambda: f"background: {DARK[ROLE.Base]}" in qapp.styleSheet())
        assert "#f3f5f8" not in qapp.styleSheet()
    finally:
        qapp.setPalette(before)
