"""The audit trail notes each Auskunft nach Art. 15 DSGVO that was written, so that the
secretariat can show when it answered (found by a tester); not its content."""

from __future__ import annotations

from sqlalchemy import select

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.members import Member
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.context import Services
from expertenrat.store.models import AuditEntry


def test_an_auskunft_is_noted_naming_the_person_and_its_council(database, today):
    services = Services.create(database, "Sekretariat")
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Beirat", city="Wismar")
    )
    field = services.settings.action_fields(council.id)[0]
    member = services.members.save(
        council.id,
        Member(
            id=None,
            given_name="Ina",
            family_name="Lang",
            email="ina.lang@example.org",
            primary_field_id=field.id,
            term_start=today,
        ),
        today,
    )

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
