"""A numbered Klausur is named as the window names it in every list that leaves meetings'
titles out: the Tätigkeitsbericht's consultations, the project's consultations, the
minutes and their approval, a recommendation's origin. They said "1. Sitzung", which reads
as an ordinary meeting."""

from __future__ import annotations

from datetime import date

from held_meeting import council_of_three, held_meeting

from expertenrat.domain.enums import MeetingKind
from expertenrat.services.context import Services
from expertenrat.store import models

NAME = "1. Sitzung – Klausur: Datenethik"


def test_a_numbered_klausur_is_named_by_its_kind_in_every_list(database):
    services = Services.create(database, "tester")
    council_id = council_of_three(services)
    members = [m.id for m in services.members.members(council_id)]
    held = held_meeting(database, council_id, members, partners=("Stadtwerke Rostock AG",))
    with database.transaction() as session:
        meeting = session.get(models.Meeting, held.meeting_id)
        meeting.kind, meeting.title = MeetingKind.WORKSHOP.value, "Datenethik"
        session.get(models.Project, held.project_id).council_id = council_id

    (consultation,) = services.projects.consultations(held.project_id)
    assert consultation.meeting == NAME
    assert consultation.items[0].where == f"{NAME} am 10.03.2026, TOP 3"
    report = services.annual_report.report(council_id, 2026, date(2026, 12, 1))
    assert [c.meeting for f in report.consultations for c in f.public] == [NAME]
    assert services.minutes.minutes(held.meeting_id).meeting_label == NAME
    assert services.minutes_approval.status(held.meeting_id).meeting_label == NAME
