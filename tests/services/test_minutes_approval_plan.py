"""The Genehmigung tab names the meeting that is to approve circulated minutes, in the
Übersicht's words (found by a tester: a colleague taking over saw on the Übersicht
"Genehmigung in der 7. Sitzung am 15.12.2026 vorgesehen", but the minutes' own
Genehmigung tab, where she looked for what comes next, did not say it)."""

from __future__ import annotations

from datetime import date

import pytest
from minutes_setup import Minutes, held_minutes

from expertenrat.services.agenda import AgendaService
from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.services.minutes_pdfs import render_minutes
from expertenrat.services.overview_lists import minutes_waiting


@pytest.fixture
def service(database, actor) -> MinutesApprovalService:
    return MinutesApprovalService(database, actor, render_minutes)


@pytest.fixture
def minutes(database, council, fields) -> Minutes:
    return held_minutes(database, council.id, fields["Stadtdaten"].id)


def test_circulated_minutes_name_the_meeting_whose_agenda_approves_them(
    service, database, council, minutes
) -> None:
    assert service.status(minutes.meeting_id).approval_plan() == ""  # a draft: not yet

    service.circulate(minutes.meeting_id, date(2026, 3, 20))

    plan = service.status(minutes.meeting_id).approval_plan()
    assert plan == "Genehmigung in der 2. Sitzung am 12.05.2026 vorgesehen"
    with database.reading() as session:
        (line,) = minutes_waiting(session, council.id, date(2026, 3, 20))
    assert line.text.endswith(f", {plan}")  # the Übersicht's words


def test_minutes_no_agenda_approves_say_so(service, database, minutes) -> None:
    service.circulate(minutes.meeting_id, date(2026, 3, 20))
    agenda = AgendaService(database, "t")
    item = next(i for i in agenda.agenda(minutes.next_id).items if "1. Sitzung" in i.title)
    agenda.delete(item.key, item.version)

    status, _ = service.status_and_approving(minutes.meeting_id)

    assert status.approval_plan() == "Genehmigung noch keiner Sitzung zugeordnet"
