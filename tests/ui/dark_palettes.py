"""Palettes of a Windows PC in dark mode and with a high-contrast theme, for the tests of
what stays readable there (the ``dark_palette`` and ``high_contrast_palette`` fixtures of
tests/ui/conftest.py set one on the application)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

_ROLE = QPalette.ColorRole
DARK = {
    _ROLE.Window: "#2d2d2d",
    _ROLE.WindowText: "#ffffff",
    _ROLE.Base: "#1e1e1e",
    _ROLE.AlternateBase: "#262626",
    _ROLE.Text: "#ffffff",
    _ROLE.Button: "#3a3a3a",
    _ROLE.ButtonText: "#ffffff",
    _ROLE.Highlight: "#2a82da",
    _ROLE.HighlightedText: "#ffffff",
    _ROLE.PlaceholderText: "#9a9a9a",
    _ROLE.ToolTipBase: "#3a3a3a",
    _ROLE.ToolTipText: "#ffffff",
}
HIGH_CONTRAST = {  # Windows' "Nachthimmel"-like: black, white and yellow
    _ROLE.Window: "#000000",
    _ROLE.WindowText: "#ffffff",
    _ROLE.Base: "#000000",
    _ROLE.AlternateBase: "#000000",
    _ROLE.Text: "#ffffff",
    _ROLE.Button: "#000000",
    _ROLE.ButtonText: "#ffff00",
    _ROLE.Highlight: "#1aebff",
    _ROLE.HighlightedText: "#000000",
    _ROLE.PlaceholderText: "#c0c0c0",
    _ROLE.ToolTipBase: "#000000",
    _ROLE.ToolTipText: "#ffffff",
}


def palette_of(colours: dict[QPalette.ColorRole, str]) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette
