"""The integrity check's rule for invitations sent on late: to members of the meeting's
council only."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from expertenrat.domain.integrity import FindingKind
from expertenrat.services.integrity import IntegrityService
from expertenrat.store.models import Council, LateInvitation, Meeting, Membership, Person


def test_an_invitation_sent_on_to_a_member_of_another_council_is_found(sqlite_demo_database):
    """(found by a tester) A late invitation pointing to a membership of another council
    (only a hand-edited database has one) passed "Datenbank prüfen"."""
    database = sqlite_demo_database
    with database.transaction() as session:
        meeting = session.scalars(select(Meeting).order_by(Meeting.starts_at)).first()
        person = session.scalars(select(Person).order_by(Person.id)).first()
        other = Council(name="Digitalbeirat", city="Wismar")
        session.add(other)
        session.flush()
        elsewhere = Membership(
            council_id=other.id, person_id=person.id, term_start=date(2020, 1, 1)
        )
        session.add(elsewhere)
        session.flush()
        session.add(
            LateInvitation(
                meeting_id=meeting.id, membership_id=elsewhere.id, sent_on=meeting.starts_at.date()
            )
        )
        name, day = f"{person.given_name} {person.family_name}", meeting.starts_at.date()

    findings = IntegrityService(database).check()

    assert [f.kind for f in findings] == [FindingKind.INVITATION]
    assert f"am {day:%d.%m.%Y}" in findings[0].text
    assert findings[0].text.endswith(
        f": Die nachgesandte Einladung an {name} gilt einem Mitglied eines anderen Gremiums."
    )

    with database.transaction() as session:  # the meeting deleted in the app
        session.get(Meeting, meeting.id).deleted_at = datetime(2026, 3, 1, 9, 0)
    assert FindingKind.INVITATION not in {f.kind for f in IntegrityService(database).check()}
