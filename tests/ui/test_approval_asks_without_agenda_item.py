"""The Genehmigung tab asks before approving minutes in a meeting whose agenda has no item
approving them."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from meeting_rows import add_meeting
from minutes_setup import held_minutes, hold

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.minutes_approval import FROZEN_HINT
from expertenrat.ui.minutes_approval_panel import MinutesApprovalPanel

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done
SENT = date(2026, 3, 20)
THIRD_HELD = datetime(2026, 6, 9, 16, 0)
QUESTION = (
    "Die Tagesordnung der 3. Sitzung hat keinen Punkt zur Genehmigung des Protokolls der "
    "1. Sitzung. Die Genehmigung trotzdem für die 3. Sitzung erfassen?"
)


@pytest.fixture
def panel(qtbot, services, dialogs) -> MinutesApprovalPanel:
    """The 1. Sitzung's minutes went out (their approval on the 2. Sitzung's agenda); the
    2. and the 3. Sitzung were held, the 3. approving the 2.'s minutes only."""
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )
    field = services.settings.action_fields(council.id)[0].id
    minutes = held_minutes(services.database, council.id, field)
    services.minutes_approval.circulate(minutes.meeting_id, SENT, today=SENT)
    hold(services.database, minutes.next_id, datetime(2026, 5, 12, 16, 0))
    third = add_meeting(
        services.database,
        council.id,
        starts_at=THIRD_HELD,
        titles=("Eröffnung", "Genehmigung des Protokolls der 2. Sitzung"),
    )
    hold(services.database, third.meeting_id, THIRD_HELD)
    panel = MinutesApprovalPanel(services, dialogs, today=lambda: THIRD_HELD.date())
    qtbot.addWidget(panel)
    panel.set_meeting(minutes.meeting_id)
    return panel


def choose(panel: MinutesApprovalPanel, label: str) -> None:
    panel.approve_button.click()
    combo = panel.approving.dialog.meeting_combo
    combo.setCurrentIndex(
        next(i for i in range(combo.count()) if combo.itemText(i).startswith(label))
    )


def test_no_keeps_the_dialog_and_yes_approves(qtbot, panel, dialogs) -> None:
    """(found by a tester) The 6. Sitzung's minutes were recorded as approved "in the 8.",
    whose agenda approved the 5.'s only: its minutes then name no TOP and no vote."""
    choose(panel, "3. Sitzung")
    dialog = panel.approving.dialog
    dialogs.answers = [False]
    dialog.accept()
    assert dialogs.messages[-1] == ("question", "Genehmigung des Protokolls", QUESTION)
    assert panel.approving.job is None  # nothing started
    assert dialog.isVisible()

    dialogs.answers = [True]
    with qtbot.waitSignal(panel.changed, timeout=WAIT):
        dialog.accept()
    assert panel.hint_label.text() == FROZEN_HINT
    assert "in der 3. Sitzung" in panel.state_label.text()


def test_the_meeting_whose_agenda_approves_them_asks_nothing(qtbot, panel, dialogs) -> None:
    choose(panel, "2. Sitzung")
    with qtbot.waitSignal(panel.changed, timeout=WAIT):
        panel.approving.dialog.accept()
    assert not [m for m in dialogs.messages if m[0] == "question"]
    assert "in der 2. Sitzung" in panel.state_label.text()
