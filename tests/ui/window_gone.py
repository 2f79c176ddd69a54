"""A main window another took the place of (a switch to another database)."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QWidget


def closed(window: QWidget) -> bool:
    """Hidden, or already deleted: the switch deletes it once the event loop turns."""
    return not shiboken6.isValid(window) or not window.isVisible()
