"""„Zurücknehmen …“ on the Sitzungen page (found by a tester: "Einladung versandt" and
"Durchgeführt" pressed by mistake could not be taken back): after a question, the step
goes back as a correction; a refusal of the service shows its German reason."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import MeetingState
from expertenrat.store import models
from expertenrat.ui.meeting_state_bar import MeetingStateBar

NOW = datetime(2027, 3, 2, 12, tzinfo=UTC)
clock = [NOW]  # the bar's now: a test moves it on


def _bar(services, dialogs, qtbot, state: str, *, discussion: str = ""):
    council = services.settings.create_council(CouncilSettings(id=None, name="B", city="R"))
    with services.database.transaction() as session:
        row = models.Meeting(
            council_id=council.id,
            number=1,
            starts_at=datetime(2027, 3, 5, 16) if state == "invited" else datetime(2027, 3, 1, 16),
            state=state,
            invitation_sent_on=date(2027, 2, 1),
        )
        session.add(row)
        session.flush()
        session.add(models.AgendaItem(meeting_id=row.id, number="1", title="Bericht",
                                      discussion=discussion))  # fmt: skip
        meeting_id = row.id
    shown, clock[0] = [services.meetings.get(meeting_id)], NOW
    bar = MeetingStateBar(services.meetings, dialogs, lambda: shown[0], now=lambda: clock[0])
    qtbot.addWidget(bar)
    bar.changed.connect(lambda changed: shown.__setitem__(0, services.meetings.get(changed)))
    bar.update_buttons()
    return bar, shown


def test_an_invitation_not_sent_is_taken_back_after_a_question(services, dialogs, qtbot) -> None:
    bar, shown = _bar(services, dialogs, qtbot, "invited")
    assert bar.take_back_button.isEnabled()
    assert bar.take_back_button.toolTip().startswith("Die Einladung ist doch nicht versandt")

    bar.take_back_button.click()

    assert dialogs.messages[-1][2].startswith("Die Einladung zu „1. Sitzung“ am 05.03.2027 wurde")
    assert shown[0].state is MeetingState.PLANNED
    bar.update_buttons()
    assert not bar.take_back_button.isEnabled()
    invited = services.meetings.change_state(
        shown[0].id, shown[0].version, MeetingState.INVITED, now=NOW, sent_on=date(2027, 3, 1)
    )
    shown[0], clock[0] = invited, NOW + timedelta(days=4)  # it has begun: no taking back
    bar.update_buttons()
    assert not bar.take_back_button.isEnabled()
    assert bar.take_back_button.toolTip() == (
        "Die Sitzung hat begonnen; die Einladung bleibt als versandt erfasst."
    )


def test_a_held_meeting_with_minutes_says_why_it_stays_held(services, dialogs, qtbot) -> None:
    bar, shown = _bar(services, dialogs, qtbot, "held", discussion="Es wird berichtet.")
    assert bar.take_back_button.isEnabled()
    assert "„Zurücknehmen …“ es zurück" in bar.held_button.toolTip()  # where to look

    bar.take_back_button.click()

    assert dialogs.messages[-2][2].startswith(
        "„1. Sitzung“ am 01.03.2027 wurde nicht durchgeführt?"
    )
    assert dialogs.messages[-1][2] == (
        "Das Protokoll von „1. Sitzung“ ist bereits begonnen (Texte oder Ergebnisse zu "
        "Tagesordnungspunkten); die Durchführung lässt sich nicht mehr zurücknehmen."
    )
    assert shown[0].state is MeetingState.HELD
