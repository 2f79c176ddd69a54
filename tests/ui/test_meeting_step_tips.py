"""The state buttons of the Sitzungen page say why they are off (found by a tester:
covering the secretariat, a newcomer found "Absagen …" and "Löschen …" greyed without a
word, and "Einladung versandt" off under a tooltip saying what it would do)."""

from __future__ import annotations

from datetime import date, datetime

from expertenrat.domain.councils import CouncilSettings
from expertenrat.store import models
from expertenrat.ui.meeting_state_bar import MeetingStateBar


def test_each_button_off_says_why_and_on_says_what_it_does(services, dialogs, qtbot) -> None:
    council = services.settings.create_council(CouncilSettings(id=None, name="B", city="R"))
    ids = {}
    with services.database.transaction() as session:
        for number, state in enumerate(("planned", "invited", "held", "cancelled"), 1):
            row = models.Meeting(
                council_id=council.id,
                number=number,
                starts_at=datetime(2027, 3, number, 16),
                state=state,
                invitation_sent_on=date(2027, 2, 1) if state != "planned" else None,
            )
            session.add(row)
            session.flush()
            ids[state] = row.id
    shown = [None]
    bar = MeetingStateBar(services.meetings, dialogs, lambda: shown[0])
    qtbot.addWidget(bar)

    def tips(state: str | None) -> list[tuple[bool, str]]:
        shown[0] = services.meetings.get(ids[state]) if state else None
        bar.update_buttons()
        buttons = (bar.invite_button, bar.cancel_button, bar.delete_button)
        return [(b.isEnabled(), b.toolTip()) for b in buttons]

    planned = tips("planned")
    assert [on for on, _ in planned] == [True, True, True]
    assert planned[2][1].startswith("Die geplante Sitzung löschen")
    assert tips("invited") == [
        (
            False,
            "Die Einladung ist bereits als versandt erfasst (am 01.02.2027); ein anderes "
            "Versanddatum erfasst „Versanddatum ändern …“ im Reiter „Sitzung“, eine nicht "
            "versandte Einladung nimmt „Zurücknehmen …“ zurück.",
        ),
        (True, "Die Sitzung mit Grund absagen; sie bleibt als „abgesagt“ in der Liste."),
        (
            False,
            "Zu dieser Sitzung ist bereits eingeladen; sie kann nur noch abgesagt werden "
            "(„Absagen …“).",
        ),
    ]
    assert tips("held") == [
        (
            False,
            "Die Sitzung ist bereits als durchgeführt erfasst; irrtümlich erfasst, nimmt "
            "„Zurücknehmen …“ es zurück, solange das Protokoll leer ist.",
        ),
        (False, "Eine durchgeführte Sitzung kann nicht mehr abgesagt werden."),
        (False, "Eine durchgeführte Sitzung kann nicht gelöscht werden."),
    ]
    assert [tip for _, tip in tips("cancelled")] == [
        "Die Sitzung ist abgesagt.",
        "Die Sitzung ist bereits abgesagt.",
        "Eine abgesagte Sitzung bleibt mit ihrem Grund erhalten.",
    ]
    assert tips(None) == [(False, "Die neue Sitzung ist noch nicht gespeichert.")] * 3
