"""Colours that follow the palette. The house's status colours (overdue red, warning
brown, done green, the city's blue) and pale washes are made for a light window; on
Windows in dark mode or with a high-contrast theme, Qt gives the program a dark palette,
and there they were dark on dark, or white text on a pale wash (found by a tester).

:func:`readable` keeps a colour where it reads on its background (WCAG's 4.5:1, which
every house colour meets on a light window, so the light look stays as it was; 7:1 under
the system's high-contrast setting) and otherwise lightens or darkens it, hue kept, until
it does. :func:`wash` is a tinted
background: the pale tint on a light palette, the accent blended into the base on a dark
one. Models ask at paint time (the application's palette), so a theme switched while the
program runs shows at the next paint; widgets that set colours on their items recolour on
``QEvent.PaletteChange``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

# The house's colours on a light window (:func:`readable` makes them read on the palette
# shown): refused, missing or overdue; a warning's text; a warning frame; done; the city's.
ERROR_RED = "#b00020"
WARNING_BROWN = "#8a5300"
WARNING_AMBER = "#c27c00"
DONE_GREEN = "#1b6e20"
CITY_BLUE = "#004f9f"
MINIMUM_CONTRAST = 4.5  # WCAG 2 AA for text
HIGH_CONTRAST = 7.0  # WCAG 2 AAA, where the user asked the system for high contrast
_STEPS = 50  # of the lightness between the colour's and white's (or black's)
_WASH_SHARE = 0.3  # of the accent in a wash on a dark base
_DIMMED = QColor("#7a828a")


def luminance(colour: QColor) -> float:
    """WCAG's relative luminance, 0 (black) to 1 (white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG's contrast ratio of two colours, 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` writes light text on a dark base (dark mode, most
    high-contrast themes)."""
    role = QPalette.ColorRole
    return luminance(palette.color(role.Base)) < luminance(palette.color(role.Text))


def text_contrast() -> float:
    """The contrast text needs: 4.5:1, and 7:1 under a high-contrast theme of the system
    (the colleague with low vision who chose one wants the most)."""
    wanted = contrast_preference()
    return HIGH_CONTRAST if wanted == Qt.ContrastPreference.HighContrast else MINIMUM_CONTRAST


def contrast_preference() -> Qt.ContrastPreference:
    """The system's wish (none before the application exists)."""
    if QGuiApplication.instance() is None:
        return Qt.ContrastPreference.NoPreference
    hints = QGuiApplication.styleHints()  # the application's, kept while asked
    return hints.accessibility().contrastPreference()


def readable(colour: QColor, *backgrounds: QColor, minimum: float | None = None) -> QColor:
    """``colour`` if it has ``minimum`` contrast (:func:`text_contrast` unless given) on
    every one of ``backgrounds``; else the first colour of its hue, lighter on dark
    backgrounds and darker on light ones, that has (white or black at the end).

    Models ask at paint time, cell by cell, and the search for a shade on a dark palette
    takes ~0.1 ms: the answer is kept for the same colours (a few house colours on the
    palette shown), a copy handed out."""
    minimum = minimum or text_contrast()
    key = (_exact(colour), tuple(_exact(back) for back in backgrounds), minimum)
    found = _READABLE.get(key)
    if found is None:
        if len(_READABLE) >= _READABLE_KEPT:  # palettes switched many times: start over
            _READABLE.clear()
        found = _READABLE[key] = QColor(_shade(colour, backgrounds, minimum))
    return QColor(found)


_READABLE: dict[tuple[object, ...], QColor] = {}
_READABLE_KEPT = 256


def _exact(colour: QColor) -> tuple[object, ...]:
    return (colour.spec(), colour.getRgbF())


def _shade(colour: QColor, backgrounds: tuple[QColor, ...], minimum: float) -> QColor:
    """:func:`readable`'s answer, worked out."""
    if all(contrast_ratio(colour, back) >= minimum for back in backgrounds):
        return colour
    darkest = min(backgrounds, key=luminance)
    lighten = contrast_ratio(QColor("white"), darkest) >= contrast_ratio(QColor("black"), darkest)
    hue, saturation, lightness, alpha = colour.getHslF()
    end = 1.0 if lighten else 0.0
    for step in range(1, _STEPS + 1):
        shifted = _as_painted(
            QColor.fromHslF(
                max(hue, 0.0), saturation, lightness + (end - lightness) * step / _STEPS, alpha
            )
        )
        if all(contrast_ratio(shifted, back) >= minimum for back in backgrounds):
            return shifted
    return QColor.fromHslF(max(hue, 0.0), saturation, end, alpha)


def _as_painted(colour: QColor) -> QColor:
    """``colour`` in the 8 bits a channel that the screen shows (a shade just at the
    contrast wanted came out 2.99:1 once painted, found by a helper)."""
    return QColor.fromRgba(colour.rgba())


def blend(under: QColor, over: QColor, share: float) -> QColor:
    """``over`` laid on ``under`` with ``share`` (0 to 1) of it showing."""
    return QColor.fromRgbF(
        *(a + (b - a) * share for a, b in zip(under.getRgbF()[:3], over.getRgbF()[:3], strict=True))
    )


def app_palette() -> QPalette:
    return QGuiApplication.palette()


def on_base(colour: QColor, palette: QPalette | None = None) -> QColor:
    """``colour`` for text in a list or table (on its base and alternate rows)."""
    palette = palette or app_palette()
    role = QPalette.ColorRole
    return readable(colour, palette.color(role.Base), palette.color(role.AlternateBase))


def dimmed() -> QColor:
    """The grey of rows no longer current (former members, completed projects, cancelled
    meetings), readable on the palette shown: #7a828a had 3.9:1 on white and 3.9:1 on
    dark alternate rows (found by a tester)."""
    return on_base(_DIMMED)


def wash(tint: QColor, accent: QColor, palette: QPalette | None = None) -> QColor:
    """A tinted background for rows or cells: ``tint`` (pale) on a light palette; on a
    dark one ``accent`` blended into the base, so the palette's text still reads on it."""
    palette = palette or app_palette()
    if not is_dark(palette):
        return tint
    return blend(palette.color(QPalette.ColorRole.Base), accent, _WASH_SHARE)


def on_wash(colour: QColor, tint: QColor, palette: QPalette | None = None) -> QColor:
    """``colour`` for text on its :func:`wash` of ``tint``."""
    return readable(colour, wash(tint, colour, palette))
