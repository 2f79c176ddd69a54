"""„Zurücknehmen …“ on the Sitzungen page (found by a tester: "Einladung versandt" and
"Durchgeführt" pressed by mistake could not be taken back): after a question, the step
goes back as a correction; a refusal of the service shows its German reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from itertools import product

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.meeting_states import taken_back_state
from expertenrat.domain.meetings import Meeting
from expertenrat.store import models
from expertenrat.ui.meeting_state_bar import MeetingStateBar
from expertenrat.ui.meeting_take_back import TakeBackButton

NOW = datetime(2027, 3, 2, 12, tzinfo=UTC)
clock = [NOW]  # the bar's now: a test moves it on
_MEETING = Meeting(
    1, 1, 1, 1, "", MeetingKind.REGULAR, NOW, None, "", "", "", MeetingState.PLANNED, "",
    None, None, "", 0, None, "",
)  # fmt: skip


def _bar(
    services, dialogs, qtbot, state: str, *, discussion: str = "", now: datetime = NOW
):  # fmt: skip
    """The bar of a meeting invited for 3 days after ``now`` (else held 1 day before it)."""
    council = services.settings.create_council(CouncilSettings(id=None, name="B", city="R"))
    start = (now + timedelta(days=3 if state == "invited" else -1)).replace(hour=16, tzinfo=None)
    with services.database.transaction() as session:
        row = models.Meeting(
            council_id=council.id,
            number=1,
            starts_at=start,
            state=state,
            invitation_sent_on=start.date() - timedelta(days=32),
        )
        session.add(row)
        session.flush()
        session.add(models.AgendaItem(meeting_id=row.id, number="1", title="Bericht",
                                      discussion=discussion))  # fmt: skip
        meeting_id = row.id
    shown, clock[0] = [services.meetings.get(meeting_id)], now
    bar = MeetingStateBar(
        services.meetings,
        dialogs,
        lambda: shown[0],
        now=lambda: clock[0],
        today=lambda: clock[0].date(),  # noon in UTC: the same day in Berlin
    )
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


def test_the_step_is_taken_back_at_the_moment_the_bar_counts_with(services, dialogs, qtbot):
    """(found by a tester) "Zurücknehmen …" was offered by the bar's clock, the service
    took the step back by the real one: a bar counting another moment than the service
    offered a step that was then refused (the tests above failed once the real clock
    passed 05.03.2027 16:00, the start of their meeting). The button hands its moment on."""
    bar, shown = _bar(services, dialogs, qtbot, "invited", now=datetime(2026, 3, 2, 12, tzinfo=UTC))
    assert bar.take_back_button.isEnabled()  # 05.03.2026 has passed for the real clock

    bar.take_back_button.click()

    assert shown[0].state is MeetingState.PLANNED
    assert dialogs.warnings() == []


def test_durchgefuehrt_records_the_meeting_at_the_moment_the_bar_counts_with(
    services, dialogs, qtbot
):
    """(found by a tester) "Durchgeführt" came on by the bar's clock once the start had
    passed, and the service refused the step by the real one ("noch nicht begonnen")."""
    bar, shown = _bar(services, dialogs, qtbot, "invited", now=datetime(2099, 3, 2, 12, tzinfo=UTC))
    clock[0] = datetime(2099, 3, 6, 12, tzinfo=UTC)  # the start (05.03.2099 16:00) passed
    bar.update_buttons()
    assert bar.held_button.isEnabled()

    bar.held_button.click()

    assert dialogs.warnings() == []
    assert shown[0].state is MeetingState.HELD


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


def test_the_button_is_on_where_the_domain_has_a_step_to_take_back(dialogs, qtbot) -> None:
    """Found by review: the button repeated which states have a step to take back; it
    asks the domain (``taken_back_state``), for each state, before and after the start."""
    button = TakeBackButton(None, dialogs, lambda: None, now=lambda: NOW)  # type: ignore[arg-type]
    qtbot.addWidget(button)
    start = NOW + timedelta(days=1)
    for state, now in product(MeetingState, (NOW, start + timedelta(hours=1))):
        meeting = replace(_MEETING, state=state, starts_at=start)
        try:
            taken_back_state(state, start=start, now=now)
            expected = True
        except ValidationError:
            expected = False
        button.update_for(meeting, now)
        assert button.isEnabled() is expected, (state, now)


def test_a_take_back_that_renumbers_says_the_new_number(services, dialogs, qtbot) -> None:
    """(found by a tester) The 7. Sitzung taken back while the 8. was invited became the 9.,
    said only in the audit trail: the question says it before, the message after."""
    bar, shown = _bar(services, dialogs, qtbot, "invited")
    with services.database.transaction() as session:
        session.add(
            models.Meeting(
                council_id=shown[0].council_id,
                number=2,
                starts_at=datetime(2027, 3, 9, 16),
                state="invited",
                invitation_sent_on=date(2027, 2, 1),
            )
        )

    bar.take_back_button.click()

    assert dialogs.messages[-2][2].endswith(
        "Dabei wird sie neu nummeriert: aus „1. Sitzung“ wird „3. Sitzung“."
    )
    assert dialogs.messages[-1][2] == (
        "Die Sitzung am 05.03.2027 ist wieder geplant und heißt nun „3. Sitzung“ "
        "(bisher „1. Sitzung“)."
    )
    assert shown[0].number == 3


def test_tab_reaches_the_buttons_in_the_order_they_stand(services, dialogs, qtbot) -> None:
    """ "Zurücknehmen …" stands last but Tab reached it first, before "Einladung versandt"
    (found by a tester)."""
    bar, _shown = _bar(services, dialogs, qtbot, "invited")
    layout = bar.layout()
    standing = [layout.itemAt(index).widget() for index in range(layout.count())]

    chain, widget = [], bar.nextInFocusChain()
    while widget is not bar and bar.isAncestorOf(widget):
        chain.append(widget)
        widget = widget.nextInFocusChain()

    assert chain == standing
