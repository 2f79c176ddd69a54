"""The list beside the minutes editor marks an urgent item (Dringlichkeitsantrag) as the
PDF minutes do, beside "fehlt noch" while the item lacks content; so does the heading of
the item's form."""

from __future__ import annotations

from held_meeting import held_meeting_of_three
from PySide6.QtGui import QPalette

from expertenrat.domain.agenda import AgendaItem
from expertenrat.ui.hanging_lines import GAP, hanging_layout
from expertenrat.ui.minutes_item_form import MinutesItemForm, texts_payload
from expertenrat.ui.minutes_item_list import MinutesItemList, item_key
from expertenrat.ui.theme_colours import contrast_ratio


def test_an_urgent_item_is_marked_in_the_list_and_says_so_in_its_tooltip(qtbot, services):
    held = held_meeting_of_three(services)
    urgent = services.agenda.add_urgent(held.meeting_id, AgendaItem(0, "Radwege"))
    urgent_id = urgent.items[-1].key
    items = MinutesItemList()
    qtbot.addWidget(items)

    items.show_minutes(services.minutes.minutes(held.meeting_id))

    line = items.line(item_key(urgent_id))
    assert line.text().startswith("\u2068TOP ")
    assert "Radwege\u2069 (Dringlichkeitsantrag)\n– fehlt noch" in line.text()
    assert line.toolTip().startswith("Dringlichkeitsantrag: in der Sitzung")
    assert "noch nichts protokolliert" in line.toolTip()
    items.mark_key(item_key(urgent_id), lacking=False)
    assert line.text().endswith("Radwege\u2069 (Dringlichkeitsantrag)")
    assert line.toolTip().startswith("Dringlichkeitsantrag: in der Sitzung")
    assert "noch nichts" not in line.toolTip()
    ordinary = items.line(item_key(held.item_ids[0]))
    assert "Dringlichkeitsantrag" not in ordinary.text() + ordinary.toolTip()


def test_the_heading_of_an_urgent_item_marks_it(qtbot, services):
    held = held_meeting_of_three(services)
    services.agenda.add_urgent(held.meeting_id, AgendaItem(0, "Radwege"))
    minutes = services.minutes.minutes(held.meeting_id)
    form = MinutesItemForm()
    qtbot.addWidget(form)

    form.show_item(minutes.items[-1], "", texts_payload(minutes.items[-1].texts))
    assert form.heading.text().endswith("Radwege\u2069 (Dringlichkeitsantrag)")
    form.show_item(minutes.items[0], "", texts_payload(minutes.items[0].texts))
    assert "Dringlichkeitsantrag" not in form.heading.text()


LONG = "Intelligente Parkraumsteuerung Warnemünde: Datenschutzkonzept und Betreibermodell"


def test_a_long_title_wraps_with_a_hanging_indent_and_the_lines_stand_apart(qtbot, services):
    """(found by a tester) A long title's second line stood flush left under "TOP", where
    it read like an entry of its own, and the entries touched each other: the lines after
    an entry's first are indented, and each entry has a gap above and below."""
    held = held_meeting_of_three(services)
    services.agenda.add_urgent(held.meeting_id, AgendaItem(0, LONG))
    items = MinutesItemList()
    qtbot.addWidget(items)
    items.resize(260, 600)
    items.show()
    items.show_minutes(services.minutes.minutes(held.meeting_id))
    long_line = items.item(items.count() - 1)
    qtbot.waitUntil(lambda: items.visualItemRect(long_line).height() > 40)

    width = items.viewport().width()
    indent = items.fontMetrics().horizontalAdvance("TOP ")
    layout = hanging_layout(long_line.text(), items.font(), width, indent)
    assert layout.lineCount() >= 3  # the title wraps, then "– fehlt noch"
    assert layout.lineAt(0).x() == 0
    assert all(layout.lineAt(n).x() == indent for n in range(1, layout.lineCount()))
    spacing = items.fontMetrics().lineSpacing()
    assert items.visualItemRect(long_line).height() >= layout.lineCount() * spacing + 2 * GAP
    header = items.visualItemRect(items.item(0))
    assert header.height() >= spacing + 2 * GAP


def test_fehlt_noch_reads_in_dark_mode(qtbot, services, dark_palette):
    # (found by a tester) Its brown was dark on the dark list.
    held = held_meeting_of_three(services)
    items = MinutesItemList()
    qtbot.addWidget(items)

    items.show_minutes(services.minutes.minutes(held.meeting_id))

    line = items.line(item_key(held.item_ids[0]))
    assert "fehlt noch" in line.text()
    base = items.palette().color(QPalette.ColorRole.Base)
    assert contrast_ratio(line.foreground().color(), base) >= 4.5
