"""(found by a helper) The Protokoll tab showed nothing under the item "Bericht über die im
Umlaufverfahren gefassten Beschlüsse", though the minutes PDF prints the decisions it
reports: the item's form shows them read-only, as the PDF says."""

from __future__ import annotations

from datetime import date, datetime

from minutes_setup import held_minutes, hold

from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.written_procedures import REPORT_TITLE, WrittenVote
from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.minutes_item_list import item_key

WAIT = 30_000  # ms: saves run in the worker; waits end as soon as they are done
HOSTILE = "Radwege & <b>Ampeln</b> 🚲"


def test_the_report_items_form_shows_the_decisions_it_reports(
    qtbot, services, council_id, dialogs
) -> None:
    field = services.settings.action_fields(council_id)[0].id
    held = held_minutes(services.database, council_id, field)
    register = services.recommendations
    for title, day in ((HOSTILE, date(2026, 3, 27)), ("Sensoren teilen", date(2026, 3, 25))):
        made = register.create(council_id, RecommendationContent(title), date(2026, 3, 18)).row
        vote = WrittenVote(date(2026, 3, 20), day, 9, 8, 0, 1)
        register.adopt(made.id, made.version, day, "", in_writing=vote)
    written = services.written_procedures
    offered = [d.key for d in written.offered(held.next_id)]
    report = written.report(held.next_id, offered).items[-1]
    assert report.title == REPORT_TITLE
    hold(services.database, held.next_id, datetime(2026, 5, 12, 16))
    editor = MinutesEditor(services, dialogs)
    qtbot.addWidget(editor, before_close_func=lambda e: qtbot.waitUntil(e.idle, timeout=WAIT))
    editor.show()
    editor.set_meeting(held.next_id)

    editor.items.select_key(item_key(report.key))

    label = editor.item_form.written_label
    assert label.isVisible()
    assert label.text().splitlines() == [
        "Im Umlaufverfahren beschlossen (so nennt sie das Protokoll):",
        "• E-2026-02 „Sensoren teilen“: beschlossen am 25.03.2026 (versandt am 20.03.2026, "
        "Frist bis 25.03.2026; 8 Ja, 0 Nein, 1 Enthaltung, 0 befangen (9 Mitglieder befragt))",
        f"• E-2026-01 „{HOSTILE}“: beschlossen am 27.03.2026 (versandt am 20.03.2026, "
        "Frist bis 27.03.2026; 8 Ja, 0 Nein, 1 Enthaltung, 0 befangen (9 Mitglieder befragt))",
    ]  # in the order of adoption, as the PDF; the title as typed, never as markup
    assert not editor.item_form.fields["discussion"].isReadOnly()  # the text stays editable

    first = services.minutes.minutes(held.next_id).items[0]
    editor.items.select_key(item_key(first.item_id))
    assert not label.isVisible()
