"""The list beside the minutes editor marks an urgent item (Dringlichkeitsantrag) as the
PDF minutes do, beside "fehlt noch" while the item lacks content; so does the heading of
the item's form."""

from __future__ import annotations

from held_meeting import held_meeting_of_three

from expertenrat.domain.agenda import AgendaItem
from expertenrat.ui.minutes_item_form import MinutesItemForm, texts_payload
from expertenrat.ui.minutes_item_list import MinutesItemList, item_key


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
