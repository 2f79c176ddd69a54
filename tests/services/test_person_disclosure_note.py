"""The audit trail notes each Auskunft nach Art. 15 DSGVO that was written, so that the
secretariat can show when it answered (found by a tester); not its content."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from disclosure_lookup import member_of_new_council
from sqlalchemy import select

from expertenrat.domain.attendance_sheet import GuestEntry
from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.context import Services
from expertenrat.store.models import AuditEntry


def test_an_auskunft_is_noted_naming_the_person_and_its_council(database, today):
    services = Services.create(database, "Sekretariat")
    member = member_of_new_council(
        services, today, given_name="Ina", family_name="Lang", email="ina.lang@example.org"
    )
    (council,) = services.settings.councils()

    services.person_disclosure.note_given(member.person_id)
    services.person_disclosure.note_given_to_guest(" Merle Steffens ", council.id)

    person, guest = AuditService(database).entries("disclosure")
    assert person.summary == "Auskunft (Art. 15) erstellt über Ina Lang"
    assert (person.actor, person.entity_id) == ("Sekretariat", member.person_id)
    assert (person.before, person.after) == (None, None)  # nothing of its content
    assert guest.summary == "Auskunft (Art. 15) erstellt über den Gast Merle Steffens"
    with database.reading() as session:  # each under its council, shown on its page
        councils = session.scalars(
            select(AuditEntry.council_id).where(AuditEntry.entity == "disclosure")
        ).all()
    assert councils == [council.id, council.id]


def test_a_guest_s_auskunft_from_the_command_line_is_noted_under_the_guest_s_council(database):
    """(found by review) ``export guest`` names no council: its note had none, and was in
    every council's Änderungsprotokoll; it belongs to the council of the guest's meeting."""
    services = Services.create(database, "Sekretariat")
    for name in ("Beirat", "Digitalbeirat"):
        council = services.settings.create_council(
            CouncilSettings(id=None, name=name, city="Wismar")
        )
    start = datetime(2026, 6, 10, 17, tzinfo=ZoneInfo("Europe/Berlin"))
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
    meeting_id = services.meetings.create(council.id, draft)
    services.attendance.save_guest(meeting_id, GuestEntry(None, "Dr. Merle Steffens", "", ""))

    services.person_disclosure.note_given_to_guest("Merle Steffens")

    with database.reading() as session:
        noted = session.scalars(
            select(AuditEntry.council_id).where(AuditEntry.entity == "disclosure")
        ).all()
    assert noted == [council.id]
