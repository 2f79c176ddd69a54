"""Retention (data protection): anonymise former members some years after they left.

A person is due when every membership in every council has ended more than ``years``
years ago and something personal beyond the name is still stored. Anonymising keeps the
name, title and affiliation (the minutes need them) and removes e-mail, phone, postal
address, notes and the consent history with its dates; the audit trail records which
fields were emptied, never their old values. With the consent to publish the name gone,
the stored public minutes that named the person are rendered again without the name
(``services.public_minutes_redaction``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from expertenrat.domain.audit_labels import field_label
from expertenrat.domain.enums import AuditAction
from expertenrat.domain.name_order import name_sort_key
from expertenrat.domain.retention import (
    ANONYMISED,
    ANONYMISED_ON_REQUEST,
    DEFAULT_RETENTION_YEARS,
    RetentionCandidate,
)
from expertenrat.domain.wording import counted
from expertenrat.services import audit
from expertenrat.services.audit_erasure import forget_in_audit
from expertenrat.services.consent_ledger import erase_consent
from expertenrat.services.public_minutes_redaction import redact_public_minutes
from expertenrat.services.unit_of_work import changing, reading
from expertenrat.store import models
from expertenrat.store.database import Database

_PERSONAL = ("email", "phone", "postal_address", "notes")


class RetentionService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    def due(self, today: date, years: int = DEFAULT_RETENTION_YEARS) -> list[RetentionCandidate]:
        """The persons due for anonymisation, longest gone first."""
        cutoff = today - relativedelta(years=years)
        ended = func.max(models.Membership.term_end)
        open_people = select(models.Membership.person_id).where(
            models.Membership.term_end.is_(None)
        )
        query = (
            select(models.Person, ended)
            .join(models.Membership, models.Membership.person_id == models.Person.id)
            .where(models.Person.id.not_in(open_people))
            .where(_has_personal_data())
            .group_by(models.Person.id)
            .having(ended < cutoff)
        )
        with reading(self._db) as session:
            rows = session.execute(query).all()
            councils = _council_names(session, [person.id for person, _left in rows])
            found = [
                RetentionCandidate(
                    person.id,
                    f"{person.given_name} {person.family_name}",
                    left,
                    name_sort_key(person.family_name, person.given_name),
                    councils.get(person.id, ""),
                )
                for person, left in rows
            ]
        # Sorted here, not by SQL: names by name_sort_key ("von Hohenzollern" under H); the
        # former members of the councils, a few hundred at most.
        return sorted(found, key=lambda c: (c.left_on, c.sort_name, c.person_id))

    def anonymise(
        self,
        person_ids: Iterable[int],
        today: date,
        years: int = DEFAULT_RETENTION_YEARS,
        *,
        on_request: bool = False,
    ) -> int:
        """Anonymise those of ``person_ids`` that are due; return how many were.
        ``on_request``: at the person's request (Art. 17 DSGVO), before the retention period
        ends: due is then every former member, whose last membership ended before today."""
        due = {c.person_id for c in self.due(today, 0 if on_request else years)}
        wanted = [pid for pid in person_ids if pid in due]
        why = (
            ANONYMISED_ON_REQUEST
            if on_request
            else f"{ANONYMISED} ({counted(years, 'Jahr', 'Jahre')})"
        )
        with changing(self._db, "Die Person") as session:
            named = []
            for person in session.scalars(
                select(models.Person).where(models.Person.id.in_(wanted))
            ):
                if person.publish_name:
                    named.append(person.id)
                emptied = [field_label("person", f) for f in _PERSONAL if getattr(person, f)]
                for field in _PERSONAL:
                    setattr(person, field, "")
                erase_consent(session, person)
                forget_in_audit(session, person.id, [m.id for m in person.memberships])
                # In the trail of each council the person was a member of, as the member's
                # other changes; none of another council's (found by a tester).
                for council_id in sorted({m.council_id for m in person.memberships}):
                    audit.record(
                        session,
                        self._actor,
                        AuditAction.UPDATE,
                        "person",
                        person.id,
                        council_id=council_id,
                        summary=f"{why}: {', '.join([*emptied, 'Einwilligungen'])} entfernt",
                    )
            if named:  # no consent is left: the stored public minutes name them no more
                redact_public_minutes(session, self._actor, named)
        return len(wanted)


def _council_names(session: Session, person_ids: list[int]) -> dict[int, str]:
    """Per person, the councils of their memberships ("Digitalbeirat"), where the database
    holds several (see ``RetentionCandidate.councils``); none with one council."""
    if not person_ids or session.scalar(select(func.count(models.Council.id))) < 2:
        return {}
    query = (
        select(models.Membership.person_id, models.Council.name)
        .join(models.Council, models.Council.id == models.Membership.council_id)
        .where(models.Membership.person_id.in_(person_ids))
        .distinct()
        .order_by(models.Council.name)
    )
    names: dict[int, list[str]] = {}
    for person_id, name in session.execute(query):
        names.setdefault(person_id, []).append(name)
    return {person_id: ", ".join(found) for person_id, found in names.items()}


def _has_personal_data():
    person = models.Person
    consent = select(models.ConsentEntry.id).where(models.ConsentEntry.person_id == person.id)
    return or_(
        *(getattr(person, field) != "" for field in _PERSONAL),
        person.publish_name_on.isnot(None),
        person.publish_contact_on.isnot(None),
        consent.exists(),
    )
