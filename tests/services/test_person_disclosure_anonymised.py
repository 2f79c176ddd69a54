"""What an anonymised person's Auskunft says is left holds what it lists: the invitations
sent on to them stay with their meetings (the note did not name them)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from pdf_reading import text

from expertenrat.domain.enums import MeetingState, Sector
from expertenrat.domain.members import Member
from expertenrat.services.context import Services
from expertenrat.services.retention import RetentionService
from expertenrat.store import models


def test_an_anonymised_person_s_invitations_sent_on_are_kept_and_named_as_kept(
    sqlite_demo_database, today
):
    services = Services.create(sqlite_demo_database, "tester")
    council = services.settings.councils()[0].id
    (meeting,) = [m for m in services.meetings.list(council) if m.state is MeetingState.INVITED]
    field = services.settings.action_fields(council)[0].id
    left = meeting.starts_at.date() + timedelta(days=30)
    jana = services.members.save(
        council,
        Member(id=None, given_name="Jana", family_name="Petersen", sector=Sector.RESEARCH,
               email="jana.petersen@example.org", term_start=today, term_end=left,
               primary_field_id=field),
        today,
    )  # fmt: skip
    with sqlite_demo_database.transaction() as session:  # saved after the invitation
        session.get(models.Membership, jana.id).created = datetime.combine(
            meeting.invitation_sent_on + timedelta(days=1), time(10)
        )
    sent_on = meeting.invitation_sent_on + timedelta(days=2)
    services.late_invitations.record_sent(meeting.id, [jana.id], sent_on)
    service = services.person_disclosure
    (person_id,) = [p.person_id for p in service.persons() if p.name.endswith("Petersen")]
    later = left + timedelta(days=3 * 366)
    assert RetentionService(sqlite_demo_database, "tester").anonymise([person_id], later) == 1

    pdf = " ".join(text(service.disclosure_pdf(person_id, later).pdf).split())

    kept = pdf.split("Gespeichert bleiben")[1].split("im Folgenden aufführt")[0]
    assert "Anwesenheiten, nachgesandten Einladungen und Befangenheiten" in kept
    section = pdf.split("Anwesenheit in Sitzungen")[1].split("Befangenheit und Ausschluss")[0]
    assert f"Einladung nachgesandt am {sent_on:%d.%m.%Y}" in section
    assert "jana.petersen@example.org" not in pdf
