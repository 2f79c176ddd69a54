"""The Auskunft nach Art. 15 DSGVO about one person (``export person``, Mitglieder → "Auskunft
(Art. 15) …"): the person's record, memberships and roles, the consent ledger, attendance
and invitations sent on, conflicts of interest and recusals, the candidacies in elections,
the audit-trail entries about them and where their name appears in the minutes, the
recommendations, the projects' responses to them and their history, gathered in one read and
rendered as a PDF in the house style. An anonymised person's Auskunft says first what was
deleted and what is left. Persons are numbered across councils; ``expertenrat persons``
lists the numbers. Each Auskunft written to a file is noted in the audit trail, "Auskunft
(Art. 15) erstellt über …", so that the secretariat can show when it answered (found by a
tester); its content is not.

This module gathers the Auskunft; its sections are read by ``person_disclosure_records``
(the person's own records), ``person_disclosure_meetings`` (meetings and minutes),
``person_disclosure_elections`` (candidacies), ``person_disclosure_audit`` (the audit trail)
and ``person_disclosure_recommendations``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.documents import RenderedPdf
from expertenrat.domain.enums import AuditAction
from expertenrat.domain.errors import NotFoundError
from expertenrat.domain.name_order import name_sort_key
from expertenrat.domain.person_disclosure import (
    PersonDisclosure,
    PersonEntry,
    anonymised_state,
    other_records,
)
from expertenrat.domain.wording import isolated
from expertenrat.services import audit
from expertenrat.services.council_rows import WITH_LOGO
from expertenrat.services.guest_disclosure import guest_council, guest_disclosure
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.person_disclosure_annexes import annexes_section
from expertenrat.services.person_disclosure_audit import (
    anonymised_on,
    audit_section,
    former_names,
)
from expertenrat.services.person_disclosure_elections import candidacies_section
from expertenrat.services.person_disclosure_meetings import (
    attendance_section,
    conflicts_section,
    earlier_names,
    mentions_section,
)
from expertenrat.services.person_disclosure_projects import projects_section
from expertenrat.services.person_disclosure_recommendations import (
    recommendation_notes_section,
    recommendation_texts_section,
)
from expertenrat.services.person_disclosure_records import (
    consent_section,
    council_names,
    membership_words,
    memberships_section,
    person_memberships,
    record_section,
    recorded_person,
    recorded_persons,
    role_titles,
)
from expertenrat.services.unit_of_work import changing, gone, reading
from expertenrat.store import models
from expertenrat.store.database import Database


class PersonDisclosureService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    def persons(self) -> list[PersonEntry]:
        """Every person the database holds, by name, with the number of the Auskunft."""
        with reading(self._db) as session:
            persons = list(session.scalars(select(models.Person)))
            councils = council_names(session)
            titles = role_titles(session)
            found = [
                PersonEntry(
                    person.id,
                    _name(person),
                    name_sort_key(person.family_name, person.given_name),
                    "; ".join(
                        membership_words(m, councils, titles) for m in person_memberships(person)
                    )
                    or "keine Mitgliedschaft",
                    anonymised_on(session, person.id) is not None,
                )
                for person in persons
            ]
        return sorted(found, key=lambda p: (p.sort_name, p.person_id))

    def disclosure(
        self, person_id: int, today: date, council_id: int | None = None
    ) -> PersonDisclosure:
        """Everything about the person ``person_id``; :class:`NotFoundError` if there is none.
        Headed by ``council_id`` (the council the request is answered for), else by the
        council of the person's latest membership."""
        with reading(self._db) as session:
            person = session.get(models.Person, person_id)
            if person is None:
                raise NotFoundError(
                    f"Eine Person mit der Nummer {person_id} gibt es in dieser Datenbank "
                    "nicht (mehr). Die Nummern nennt „expertenrat persons“; eine gelöschte "
                    "Person ist nur noch im Änderungsprotokoll und in Protokollen genannt."
                )
            memberships = person_memberships(person)
            councils = council_names(session)
            latest = memberships[-1].council_id if memberships else None
            heading = council_id or latest
            council = session.get(models.Council, heading, options=WITH_LOGO) if heading else None
            council = (
                council
                or session.scalars(select(models.Council).options(*WITH_LOGO).limit(1)).first()
            )
            zone = council_clock(session, council.id).zone if council else None
            own = {m.council_id for m in memberships}
            several = len(own) > 1
            former = former_names(session, person, memberships)
            earlier = earlier_names(person.family_name, [family for _, family in former])
            sections = (
                record_section(person),
                memberships_section(session, memberships, councils),
                consent_section(session, person.id),
                attendance_section(session, memberships, councils if several else None),
                conflicts_section(session, memberships, councils if several else None),
                candidacies_section(session, person.family_name, memberships, councils, earlier),
                audit_section(session, person, memberships, zone, role_titles(session), former),
                mentions_section(session, person.family_name, memberships, councils, earlier),
                annexes_section(session, person.family_name, memberships, councils, earlier),
                projects_section(session, person.family_name, own, councils, earlier),
                recommendation_texts_section(
                    session, person.family_name, memberships, councils, earlier
                ),
                recommendation_notes_section(
                    session, person.family_name, memberships, councils, earlier
                ),
            )
            gone = anonymised_on(session, person.id)
            return PersonDisclosure(
                person_id=person.id,
                name=_name(person),
                made_on=today,
                council_name=council.name if council else "",
                city=council.city if council else "",
                logo_png=council.logo_png if council else None,
                state=anonymised_state(*gone) if gone is not None else "",
                sections=sections,
                other_records=other_records(
                    recorded_person(person, councils), recorded_persons(session, councils)
                ),
            )

    def disclosure_pdf(
        self, person_id: int, today: date, council_id: int | None = None
    ) -> RenderedPdf:
        """The Auskunft as a finished PDF (see :meth:`disclosure`)."""

        return _rendered(self.disclosure(person_id, today, council_id))

    def guest_disclosure(self, name: str, today: date) -> PersonDisclosure:
        """Everything about a guest of meetings who is no member, found by ``name``
        (:func:`~expertenrat.services.guest_disclosure.guest_disclosure`)."""
        with reading(self._db) as session:
            return guest_disclosure(session, name, today)

    def guest_disclosure_pdf(self, name: str, today: date) -> RenderedPdf:
        """The guest's Auskunft as a finished PDF (see :meth:`guest_disclosure`)."""
        return _rendered(self.guest_disclosure(name, today))

    def note_given(self, person_id: int, council_id: int | None = None) -> None:
        """Note in the audit trail that the Auskunft about ``person_id`` was written (the
        trail's time and user say when and by whom), under ``council_id``, else the council
        of the person's latest membership."""
        with changing(self._db, "die Auskunft") as session:
            person = session.get(models.Person, person_id)
            if person is None:
                raise NotFoundError(gone("Die Person"))
            memberships = person_memberships(person)
            latest = memberships[-1].council_id if memberships else None
            self._note(session, person_id, council_id or latest, isolated(_name(person)))

    def note_given_to_guest(self, name: str, council_id: int | None = None) -> None:
        """:meth:`note_given` for the Auskunft about the guest ``name``, under ``council_id``,
        else the council of the latest meeting they were a guest of (the command line's:
        with none, the note was in every council's Änderungsprotokoll; found by review)."""
        with changing(self._db, "die Auskunft") as session:
            council_id = council_id or guest_council(session, name)
            self._note(session, None, council_id, f"den Gast {isolated(name.strip())}")

    def _note(
        self, session: Session, person_id: int | None, council_id: int | None, whom: str
    ) -> None:
        audit.record(
            session,
            self._actor,
            AuditAction.CREATE,
            "disclosure",
            person_id,
            council_id=council_id,
            summary=f"Auskunft (Art. 15) erstellt über {whom}",
        )


def _rendered(disclosure: PersonDisclosure) -> RenderedPdf:
    """The Auskunft as PDF; the other records maybe of the same human are warnings for the
    secretariat (shown or printed, never in the document)."""
    from expertenrat.reports.person_disclosure_pdf import render_disclosure

    rendered = render_disclosure(disclosure)
    return replace(rendered, warnings=rendered.warnings + disclosure.other_records)


def _name(person: models.Person) -> str:
    return " ".join(filter(None, (person.title, person.given_name, person.family_name)))
