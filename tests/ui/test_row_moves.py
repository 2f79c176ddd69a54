"""Moving a row of an ordered list: the new order, and the buttons at the ends."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtWidgets import QPushButton

from expertenrat.ui.row_moves import enable_moves, moved

ROWS = [SimpleNamespace(id=4), SimpleNamespace(id=7), SimpleNamespace(id=9)]


def test_a_row_moves_one_place_and_not_past_the_ends() -> None:
    first, middle, last = ROWS
    assert moved(ROWS, middle, -1) == [7, 4, 9]
    assert moved(ROWS, middle, 1) == [4, 9, 7]
    assert moved(ROWS, first, -1) is None
    assert moved(ROWS, last, 1) is None
    assert moved(ROWS, None, 1) is None


def test_the_buttons_follow_the_selected_row(qtbot) -> None:
    up, down = QPushButton(), QPushButton()
    for row, expected in zip(ROWS, ((False, True), (True, True), (True, False)), strict=True):
        enable_moves(up, down, ROWS, row)
        assert (up.isEnabled(), down.isEnabled()) == expected
    enable_moves(up, down, [], None)
    assert (up.isEnabled(), down.isEnabled()) == (False, False)
