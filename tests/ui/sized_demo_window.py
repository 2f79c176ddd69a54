"""The fixtures of the tests of what a window's size shows: the main window on a copy of
the demo council (``services``), with the app's style sheet, shown at a size
(``window(SMALL)``). A test module takes both: ``services = sized_demo_window.services``
(a name bound by assignment, which a test's argument of that name may shadow)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from shown_windows import window_at

from expertenrat.services.context import Services
from expertenrat.ui.main_window import MainWindow


@pytest.fixture
def services(demo_services) -> Services:
    return demo_services


@pytest.fixture
def window(app_style_sheet, make_window) -> Callable[[tuple[int, int]], MainWindow]:
    """``window((1024, 640))``: a window from ``make_window``, shown at that size and on
    screen."""
    return lambda size: window_at(make_window, size)
