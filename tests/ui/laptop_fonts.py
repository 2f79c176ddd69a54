"""The application's font for the small-laptop tests: the bundled DejaVu Sans at 9 pt
(``dejavu_sans``), or at 12 pt (``big_font``, a user's larger text). Import both
fixtures into a test module that measures widths."""

from __future__ import annotations

from functools import cache

import pytest
from PySide6.QtGui import QFont, QFontDatabase

from expertenrat.paths import resource_path


@cache
def _bundled_family() -> str:
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", "DejaVuSans.ttf")))
    assert font_id != -1
    (family,) = QFontDatabase.applicationFontFamilies(font_id)
    return family


@pytest.fixture(autouse=True)
def dejavu_sans(qapp):
    """The widths measured in the bundled DejaVu Sans at 9 pt (Debian's sans-serif), not
    in whatever font the machine running the tests has as its default: another one (wider
    or narrower) would move the columns left out and the text cut, and the tests would
    pass or fail by the machine."""
    before = qapp.font()
    pinned = QFont(_bundled_family())
    pinned.setPointSize(9)
    qapp.setFont(pinned)
    yield
    qapp.setFont(before)


@pytest.fixture
def big_font(qapp, dejavu_sans):
    """The application's font at 12 pt (a user's larger text), as before afterwards."""
    before = qapp.font()
    larger = QFont(before)
    larger.setPointSize(12)
    qapp.setFont(larger)
    yield
    qapp.setFont(before)
