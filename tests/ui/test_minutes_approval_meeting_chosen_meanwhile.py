"""(found by review) "Protokoll versenden …" and "Genehmigen …" go on once the typed input
is saved, which may take seconds on a server; a meeting chosen meanwhile was then asked to
be circulated or approved in place of the one the click was for. That click is over now."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from minutes_setup import Minutes, held_minutes

from expertenrat.domain.councils import CouncilSettings
from expertenrat.ui.minutes_approval_panel import MinutesApprovalPanel

SENT = date(2026, 3, 20)


@pytest.fixture
def minutes(services) -> Minutes:
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )
    field = services.settings.action_fields(council.id)[0].id
    return held_minutes(services.database, council.id, field)


class SavesPending:
    """A ``SaveThen`` whose saves end when the test says so."""

    def __init__(self) -> None:
        self.waiting: list[Callable[[], None]] = []

    def __call__(self, go_on: Callable[[], None], _refuse: Callable[[str], None]) -> None:
        self.waiting.append(go_on)

    def done(self) -> None:
        for go_on in self.waiting:
            go_on()


@pytest.mark.parametrize("other", [True, False])
def test_circulating_goes_on_only_for_the_meeting_still_shown(
    qtbot, services, dialogs, minutes, other
) -> None:
    saves = SavesPending()
    panel = MinutesApprovalPanel(services, dialogs, today=lambda: SENT, save_then=saves)
    qtbot.addWidget(panel)
    panel.set_meeting(minutes.meeting_id)
    dialogs.dates = [SENT]

    panel.circulate_button.click()
    if other:
        panel.set_meeting(minutes.next_id)  # chosen while the saves ran
    saves.done()

    versions = services.minutes_approval.status(minutes.meeting_id).versions
    if other:
        assert dialogs.asked_dates == [] and versions == ()
        assert services.minutes_approval.status(minutes.next_id).versions == ()
    else:
        assert len(dialogs.asked_dates) == 1 and len(versions) == 1
