"""A numbered Klausur is named as the window names it in every list that leaves meetings'
titles out: the Tätigkeitsbericht's consultations, the project's consultations, the
minutes and their approval, a recommendation's origin. They said "1. Sitzung", which reads
as an ordinary meeting."""

from __future__ import annotations

from datetime import date, datetime

from held_meeting import council_of_three, held_meeting

from expertenrat.domain.audit_fields import AuditLine
from expertenrat.domain.enums import AuditAction, MeetingKind, MeetingState
from expertenrat.services.agenda_rows import meeting_name
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.context import Services
from expertenrat.services.integrity import IntegrityService
from expertenrat.services.member_history import recorded_spans
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


def test_the_check_the_audit_and_the_member_history_name_a_numbered_klausur_as_lists_do(
    database,
):
    """The integrity check, the invitation's audit line, the Änderungsprotokoll's names, the
    agenda's "der 8. Sitzung" and the member history still called a numbered Klausur
    "8. Sitzung" or left its topic out (found by a tester)."""
    services = Services.create(database, "tester")
    council_id = council_of_three(services)
    members = [m.id for m in services.members.members(council_id)]
    held = held_meeting(database, council_id, members)
    with database.transaction() as session:
        meeting = session.get(models.Meeting, held.meeting_id)
        meeting.kind, meeting.title = MeetingKind.WORKSHOP.value, "Datenethik"
        meeting.state = MeetingState.INVITED.value  # invited again: the day is corrected
        session.add(models.Vote(agenda_item_id=held.item_ids[2], yes=9, no=0, abstain=0))
    version = services.meetings.get(held.meeting_id).version
    services.meeting_documents.record_invitation_sent(held.meeting_id, version, date(2026, 3, 1))

    dated = f"{NAME} am 10.03.2026"
    (finding,) = IntegrityService(database).check()
    assert finding.text.startswith(f"{dated}, TOP 3: 9 Stimmen")
    lines = AuditService(database).entries("meeting", held.meeting_id)
    assert lines[-1].summary == f"Einladung zur {NAME} versandt am 01.03.2026"
    reference = {"meeting_id": held.meeting_id, "agenda_item_id": held.item_ids[2]}
    line = AuditLine(
        datetime(2026, 3, 1), "tester", AuditAction.UPDATE, "x", 1, "", None, reference
    )
    names = AuditService(database).names([line])
    assert names[("meeting", held.meeting_id)] == dated
    assert names[("agenda_item", held.item_ids[2])] == f"TOP 3 „Beratung“, {NAME}"
    with database.transaction() as session:
        assert meeting_name(session.get(models.Meeting, held.meeting_id)) == f"der {NAME}"
        spans = recorded_spans(session, council_id, date(2026, 12, 1))
    assert {s.first.label for s in spans.values()} == {dated}
