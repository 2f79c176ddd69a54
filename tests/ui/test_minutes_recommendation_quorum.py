"""A recommendation adopted in the Protokoll tab where the council had no quorum."""

from __future__ import annotations

from held_meeting import council_of_three, held_meeting

from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.minutes_item_list import item_key

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done


def test_a_recommendation_adopted_without_quorum_is_named_beside_the_item_at_once(
    qtbot, services, dialogs, today
) -> None:
    """(found by a tester) Adopted at an item of a meeting where one of three members was
    present, the recommendation got no warning: the item showed none until it was read
    again. Taken out again, the warning goes with it."""
    council_id = council_of_three(services, today)
    members = [m.id for m in services.members.members(council_id)]
    held = held_meeting(services.database, council_id, members, present=1)
    editor = MinutesEditor(services, dialogs)
    qtbot.addWidget(editor, before_close_func=lambda e: qtbot.waitUntil(e.idle, timeout=WAIT))
    editor.set_meeting(held.meeting_id)
    editor.items.select_key(item_key(held.item_ids[1]))
    warning = editor.item_form.warning_label
    assert warning.text() == ""

    editor.item_form.recommendations.add_button.click()
    dialog = editor.recommendation_actions.dialog
    dialog.title_edit.setText("Offene Daten")
    dialog.submit()

    assert warning.text() == (
        "Bei TOP 2 war das Gremium nicht beschlussfähig (1 von 3 stimmberechtigten "
        "Mitgliedern anwesend). Der Beschluss wird trotzdem so protokolliert."
    )
    box = editor.item_form.recommendations
    box.list.setCurrentRow(0)
    box.remove_button.click()  # the scripted dialog answers yes
    assert box.list.count() == 0 and warning.text() == ""
