"""The Übersicht's lists: a few lines, the rest behind one line that opens the area."""

from __future__ import annotations

from PySide6.QtCore import Qt

from expertenrat.domain.overview import Area, Line, Target, TargetFilter
from expertenrat.ui.overview_lists import SHOWN_LINES, LineList, LinkLine
from expertenrat.ui.overview_page_view import OverviewPageView

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


def test_the_overdue_responses_end_with_the_way_to_the_reminders(qtbot):
    """(found by a tester) The Übersicht listed the overdue responses with no way to
    remind the projects of them: that was under Empfehlungen → "Erinnerungen …" only."""
    view = OverviewPageView()
    qtbot.addWidget(view)
    overdue = view.responses_overdue

    overdue.show_lines(())
    assert overdue.action_line is None and overdue.isHidden()
    overdue.show_lines(_lines(SHOWN_LINES + 4))

    assert overdue.action_line is not None
    assert overdue.action_line.text() == "Erinnerungen an die Projekte …"
    assert overdue.findChildren(LinkLine)[-1] is overdue.action_line  # under "… und 4 weitere"
    with qtbot.waitSignal(view.opened, timeout=1000) as opened:
        qtbot.keyClick(overdue.action_line, Qt.Key.Key_Return)
    assert opened.args == [Target(Area.RECOMMENDATIONS, filter=TargetFilter.REMIND)]
    overdue.show_lines(())
    assert overdue.action_line is None
    assert view.responses_due_soon.action_line is None  # the other lists: as they were
