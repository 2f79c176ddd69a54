"""The step buttons beside a record: two columns where the panel is wide enough, one where
it is narrower, never a button narrower than its label."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from expertenrat.ui.button_grid import ButtonGrid
from tests.ui.settling import exposed

LABELS = ("Bearbeiten …", "Beschließen …", "Stellungnahme …", "Zurückziehen …", "Versenden …")


def panel(qtbot, width: int) -> tuple[QWidget, ButtonGrid, list[QPushButton]]:
    buttons = [QPushButton(label) for label in LABELS]
    grid = ButtonGrid(buttons, 2)
    host = QWidget()
    QVBoxLayout(host).addWidget(grid)
    qtbot.addWidget(host)
    host.resize(width, 300)
    host.show()
    exposed(host)
    return host, grid, buttons


def whole(buttons: list[QPushButton]) -> bool:
    return all(b.width() >= b.sizeHint().width() for b in buttons)


def test_a_wide_panel_shows_two_columns(qtbot) -> None:
    _host, grid, buttons = panel(qtbot, 400)

    assert grid.columns == 2 and whole(buttons)
    assert buttons[0].y() == buttons[1].y() < buttons[2].y()


def test_a_narrow_panel_shows_one_column_and_every_label_whole(qtbot) -> None:
    host, grid, buttons = panel(qtbot, 400)
    one_column = max(b.sizeHint().width() for b in buttons) + 30
    host.resize(one_column, 300)

    qtbot.waitUntil(lambda: grid.columns == 1 and whole(buttons))  # laid out again
    assert len({b.x() for b in buttons}) == 1
    assert host.minimumSizeHint().width() <= one_column  # the panel may get that narrow
    host.resize(400, 300)
    qtbot.waitUntil(lambda: grid.columns == 2)
