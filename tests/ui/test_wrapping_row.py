"""WrappingRow: groups of buttons on one row where they fit, on more rows where not; never
a button cut, never narrower than its widest group."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from expertenrat.ui.wrapping_row import WrappingRow
from tests.ui.settling import exposed

WAIT = 30_000  # ms: layouts on a busy machine; waits end as soon as they are done


@pytest.fixture
def page(qtbot):
    """A table over a row of actions, as on the Mitglieder page."""
    page = QWidget()
    qtbot.addWidget(page)
    page.new, page.edit = QPushButton("Neues Mitglied …"), QPushButton("Bearbeiten …")
    page.end = QPushButton("Amtszeit beenden …")
    page.copy = QPushButton("E-Mail-Adressen kopieren")
    page.row = WrappingRow(((page.new, page.edit, page.end), (page.copy,)))
    layout = QVBoxLayout(page)
    layout.addWidget(QTableView(), 1)
    layout.addWidget(page.row)
    layout.addWidget(QLabel("9 von 10 Mitgliedern"))
    page.show()
    exposed(page)
    return page


def whole(*buttons: QPushButton) -> bool:
    return all(b.width() >= b.sizeHint().width() for b in buttons)


def test_wide_the_groups_share_one_row_the_last_on_the_right(page, qtbot) -> None:
    page.resize(900, 300)
    qtbot.waitUntil(lambda: page.row.width() > page.row.sizeHint().width(), timeout=WAIT)

    assert page.row.rows() == [[page.new, page.edit, page.end, page.copy]]
    assert whole(page.new, page.edit, page.end, page.copy)
    assert page.copy.geometry().right() == page.row.contentsRect().right()
    assert page.row.height() == page.new.height()


def test_narrow_a_group_that_does_not_fit_goes_on_the_next_row(page, qtbot) -> None:
    one_row = page.row.sizeHint().width()
    page.resize(one_row - 40, 300)
    qtbot.waitUntil(lambda: len(page.row.rows()) == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: page.copy.y() > page.new.y(), timeout=WAIT)  # laid out as two rows

    assert page.row.rows() == [[page.new, page.edit, page.end], [page.copy]]
    assert whole(page.new, page.edit, page.end, page.copy)
    assert page.copy.geometry().right() == page.row.contentsRect().right()  # still right
    assert page.row.height() >= page.new.height() + page.copy.height()
    assert page.row.minimumSizeHint().width() == page.row.wrapping.minimumSize().width()
    widest = sum(b.sizeHint().width() for b in (page.new, page.edit, page.end))
    assert widest <= page.row.minimumSizeHint().width() < one_row


def test_a_hidden_button_takes_no_room(page, qtbot) -> None:
    page.copy.hide()
    page.resize(400, 300)
    qtbot.waitUntil(lambda: page.row.rows() == [[page.new, page.edit, page.end]], timeout=WAIT)

    assert page.row.minimumSizeHint().width() == page.row.sizeHint().width()


def test_packed_left_the_groups_follow_each_other_from_the_left(qtbot) -> None:
    first, second = QPushButton("Alle Status"), QPushButton("Alle Jahre")
    row = WrappingRow(((first,), (second,)), packed_left=True)
    qtbot.addWidget(row)
    row.resize(600, 40)
    row.show()
    exposed(row)

    assert first.x() == 0
    assert first.geometry().right() < second.x() < first.geometry().right() + 20


def test_breaking_a_group_wider_than_the_row_breaks_between_its_buttons(qtbot) -> None:
    new, edit = QPushButton("Neues Mitglied …"), QPushButton("Bearbeiten …")
    end, copy = QPushButton("Amtszeit beenden …"), QPushButton("E-Mail-Adressen kopieren")
    row = WrappingRow(((new, edit, end), (copy,)), breaking=True)
    qtbot.addWidget(row)
    widest = max(b.sizeHint().width() for b in (new, edit, end, copy))
    assert row.minimumSizeHint().width() == widest
    row.resize(widest + 5, 200)  # no two buttons side by side
    row.show()
    exposed(row)

    qtbot.waitUntil(lambda: row.rows() == [[new], [edit], [end], [copy]], timeout=WAIT)
    qtbot.waitUntil(lambda: copy.y() > end.y() > edit.y() > new.y(), timeout=WAIT)  # laid out so
    assert whole(new, edit, end, copy)
    assert new.x() == edit.x() == end.x() == copy.x() == 0  # broken: read on from the left
    row.resize(row.sizeHint().width() + 40, 200)
    # Whole again where it fits.
    qtbot.waitUntil(lambda: row.rows() == [[new, edit, end, copy]], timeout=WAIT)
