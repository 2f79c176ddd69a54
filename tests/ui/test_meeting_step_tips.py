"""The state buttons of the Sitzungen page say why they are off (found by a tester:
covering the secretariat, a newcomer found "Absagen …" and "Löschen …" greyed without a
word, and "Einladung versandt" off under a tooltip saying what it would do)."""

from __future__ import annotations

from datetime import date, datetime

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.meeting_states import allowed_targets, deletable
from expertenrat.domain.meetings import Meeting
from expertenrat.store import models
from expertenrat.ui import meeting_step_tips
from expertenrat.ui.meeting_state_bar import MeetingStateBar
from expertenrat.ui.meeting_step_tips import CANCEL_TIP, DELETE_TIP, step_tips


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


def _meeting(state: MeetingState) -> Meeting:
    start = datetime(2027, 3, 1, 16)
    return Meeting(
        1, 1, 1, 1, "", MeetingKind.REGULAR, start, None, "", "", "", state, "", None, None,
        "", 0, None, "",
    )  # fmt: skip


def test_the_tips_follow_the_domain_s_rules_for_each_state(monkeypatch) -> None:
    """Found by review: which states allow cancelling or deleting was written down twice,
    in the domain and in the tips; the tips now ask the domain, so that they cannot
    drift apart, and each state refused has its own reason."""
    for state in MeetingState:
        _invite, cancel, delete = step_tips(_meeting(state), "")
        assert (cancel == CANCEL_TIP) is (MeetingState.CANCELLED in allowed_targets(state))
        assert (delete == DELETE_TIP) is deletable(state)
    monkeypatch.setattr(meeting_step_tips, "deletable", lambda state: True)
    assert step_tips(_meeting(MeetingState.INVITED), "")[2] == DELETE_TIP
