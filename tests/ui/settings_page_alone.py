"""An Einstellungen page on its own, without the window around it (cheaper than a window)."""

from __future__ import annotations

from expertenrat.services.context import Services
from expertenrat.ui.settings_page import SettingsPage


def settings_page_alone(qtbot, services: Services, dialogs) -> SettingsPage:
    """The page on ``services`` asking through ``dialogs``, closed with the test."""
    page = SettingsPage(services, dialogs)
    qtbot.addWidget(page)
    return page
