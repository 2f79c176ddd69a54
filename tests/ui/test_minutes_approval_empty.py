"""The Genehmigung tab's empty tables say why they are empty, and "Einwand erheben …"
why it is disabled (found by a tester: the tables showed their headers alone)."""

from __future__ import annotations

from datetime import date

import pytest
from minutes_setup import Minutes, held_minutes

from expertenrat.domain.councils import CouncilSettings
from expertenrat.ui.minutes_approval_panel import MinutesApprovalPanel

WAIT = 30_000  # ms: work in the worker on a busy machine; waits end as soon as it is done
SENT = date(2026, 3, 20)
NOT_SENT = (  # it said "Einwände werden erhoben", as if there had to be some (found by a tester)
    "Einwände lassen sich erheben, sobald das Protokoll versandt ist („Protokoll versenden …“)."
)


@pytest.fixture
def minutes(services) -> Minutes:
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )
    field = services.settings.action_fields(council.id)[0].id
    return held_minutes(services.database, council.id, field)


@pytest.fixture
def panel(qtbot, services, dialogs, minutes) -> MinutesApprovalPanel:
    panel = MinutesApprovalPanel(services, dialogs, today=lambda: SENT)
    qtbot.addWidget(panel)
    panel.set_meeting(minutes.meeting_id)
    return panel


def shown(table) -> str:
    """The hint shown in place of ``table``'s rows ("" while the rows show)."""
    return table.empty_label.text() if table.currentWidget() is table.empty_label else ""


def test_a_draft_s_tables_say_they_fill_once_the_minutes_went_out(panel) -> None:
    assert shown(panel.objections.table) == NOT_SENT
    assert panel.objections.raise_button.toolTip() == NOT_SENT
    assert shown(panel.versions.table) == (
        "Noch keine Fassung: Die erste wird gespeichert, wenn das Protokoll versandt wird."
    )


def test_circulated_minutes_without_objections_say_none_were_raised(qtbot, panel, dialogs) -> None:
    dialogs.dates = [SENT]
    with qtbot.waitSignal(panel.changed, timeout=WAIT):
        panel.circulate_button.click()

    assert shown(panel.objections.table) == "Keine Einwände erhoben."
    assert panel.objections.raise_button.isEnabled()
    assert not panel.objections.raise_button.toolTip()
    assert shown(panel.versions.table) == ""  # the first version is listed


def test_a_meeting_not_held_names_why_there_are_no_objections(
    qtbot, services, dialogs, minutes
) -> None:
    panel = MinutesApprovalPanel(services, dialogs, today=lambda: SENT)
    qtbot.addWidget(panel)
    panel.set_meeting(minutes.next_id)  # planned

    assert shown(panel.objections.table).startswith("Einwände gibt es erst, wenn die Sitzung")
