"""The application's style sheet (``resources/style/app.qss``) in the palette's colours,
kept so when the palette changes while the program runs (Windows switched to dark mode or
to a high-contrast theme).

On a light palette the sheet shows the house's colours as they are. On a dark one the
pale surfaces (the sidebar, the Übersicht's cards) take the palette's base, and the
coloured texts (the city's blue, error red, warning brown) are made readable on it
(:func:`~expertenrat.ui.theme_colours.readable`): before, the sidebar's entries were
white on pale grey and the cards white islands (found by a tester)."""

from __future__ import annotations

from string import Template

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from expertenrat.paths import resource_path
from expertenrat.ui.theme_colours import (
    CITY_BLUE,
    ERROR_RED,
    WARNING_AMBER,
    WARNING_BROWN,
    blend,
    is_dark,
    readable,
)

# The sheet's colours on a light palette.
_SURFACES = {"sidebar": "#f3f5f8", "card": "#ffffff"}  # the base on a dark palette
_TEXTS = {"accent": CITY_BLUE, "caption": "#5b6670", "error": ERROR_RED, "warning": WARNING_BROWN}
_LINE = "#d6dbe1"  # frames; on a dark palette a quarter of the text in the base
_WARNING_FRAME = WARNING_AMBER  # around a field; a frame needs 3:1 (WCAG, non-text)


def sheet_colours(palette: QPalette) -> dict[str, str]:
    """The sheet's colour names for ``palette``, as ``#rrggbb``."""
    role = QPalette.ColorRole
    base, window = palette.color(role.Base), palette.color(role.Window)
    # Coloured text stands on fields, the window, alternate rows and (in an invalid
    # combo box) a button.
    backgrounds = (base, window, palette.color(role.AlternateBase), palette.color(role.Button))
    dark = is_dark(palette)
    colours = {name: base if dark else QColor(light) for name, light in _SURFACES.items()}
    colours |= {name: readable(QColor(light), *backgrounds) for name, light in _TEXTS.items()}
    colours["line"] = blend(base, palette.color(role.Text), 0.25) if dark else QColor(_LINE)
    colours["warning_frame"] = readable(QColor(_WARNING_FRAME), base, minimum=3.0)
    return {name: colour.name() for name, colour in colours.items()}


def style_sheet(palette: QPalette) -> str:
    """The application's style sheet in ``palette``'s colours."""
    template = Template(resource_path("style", "app.qss").read_text("utf-8"))
    return template.substitute(sheet_colours(palette))


def apply_style_sheet(app: QApplication) -> None:
    """Set the application's style sheet in its palette's colours."""
    sheet = style_sheet(app.palette())
    if sheet != app.styleSheet():  # the same again would restyle every widget for nothing
        app.setStyleSheet(sheet)


def follow_palette(app: QApplication) -> None:
    """After a change of the palette: the style sheet in its colours (where it has one;
    a test without it stays without)."""
    if app.styleSheet():
        apply_style_sheet(app)
