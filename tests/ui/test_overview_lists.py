"""The Übersicht's lists: a few lines, the rest behind one line that opens the area."""

from __future__ import annotations

from expertenrat.domain.overview import Area, Line, Target
from expertenrat.ui.overview_lists import SHOWN_LINES, LineList

AREA = Target(Area.MEETINGS)


def _lines(count: int) -> tuple[Line, ...]:
    return tuple(Line(f"{n}. Sitzung", Target(Area.MEETINGS, record_id=n)) for n in range(count))


def test_more_lines_than_shown_stand_behind_one_line_that_opens_the_area(qtbot):
    box = LineList("Nächste Sitzungen", AREA)
    qtbot.addWidget(box)

    box.show_lines(_lines(SHOWN_LINES + 4))

    assert [line.text() for line in box.lines] == [f"{n}. Sitzung" for n in range(SHOWN_LINES)]
    assert box.more_line is not None and box.more_line.text() == "… und 4 weitere"
    assert box.more_line.line.target == AREA


def test_one_line_more_is_shown_not_counted(qtbot):
    """(found by review) "… und 1 weitere" took the room the line itself needs."""
    box = LineList("Nächste Sitzungen", AREA)
    qtbot.addWidget(box)

    box.show_lines(_lines(SHOWN_LINES + 1))

    assert len(box.lines) == SHOWN_LINES + 1 and box.more_line is None
