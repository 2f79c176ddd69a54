"""The person's own records in the Auskunft nach Art. 15 DSGVO
(:mod:`services.person_disclosure`): what is stored about the person, their memberships and
roles (as each council calls its chair), and the consent ledger; and the words for a
membership in the list of persons.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from expertenrat.domain.councils import DEFAULT_ROLE_TITLES, RoleTitles
from expertenrat.domain.enums import ConsentKind, ConsentSource, MemberRole, Sector
from expertenrat.domain.person_disclosure import DisclosureSection, RecordedPerson
from expertenrat.store import models

_NONE = "–"


def person_memberships(person: models.Person) -> list[models.Membership]:
    """The person's memberships (deleted ones too), the earliest term first."""
    return sorted(person.memberships, key=lambda m: (m.term_start, m.id))


def _term(m: models.Membership) -> str:
    start = f"{m.term_start:%d.%m.%Y}"
    return f"{start} – {m.term_end:%d.%m.%Y}" if m.term_end else f"seit {start}"


def recorded_person(person: models.Person, councils: dict[int, str]) -> RecordedPerson:
    """``person`` as the look for another record of the same human needs it."""
    names = dict.fromkeys(councils[m.council_id] for m in person_memberships(person))
    return RecordedPerson(
        person.id, ", ".join(names), person.email, person.given_name, person.family_name
    )


def recorded_persons(session: Session, councils: dict[int, str]) -> list[RecordedPerson]:
    """Every person record (:func:`recorded_person`), by number, with their memberships in
    one more statement (one a person, 50 statements after ten years; found by a tester)."""
    persons = session.scalars(
        select(models.Person)
        .options(selectinload(models.Person.memberships))
        .order_by(models.Person.id)
    )
    return [recorded_person(person, councils) for person in persons]


def council_names(session: Session) -> dict[int, str]:
    """Every council's name by its number."""
    return {i: name for i, name in session.execute(select(models.Council.id, models.Council.name))}


def role_titles(session: Session) -> dict[int, RoleTitles]:
    """What each council calls its chair and vice chair ("Sprecher*in")."""
    return {c.id: c.role_titles for c in session.scalars(select(models.Council))}


def _role(m: models.Membership, titles: dict[int, RoleTitles]) -> str:
    return titles.get(m.council_id, DEFAULT_ROLE_TITLES).of(MemberRole(m.role))


def membership_words(
    m: models.Membership, councils: dict[int, str], titles: dict[int, RoleTitles]
) -> str:
    """ "Beirat: Vorsitz seit 01.03.2025", as the list of persons names a membership."""
    return f"{councils.get(m.council_id, '')}: {_role(m, titles)} {_term(m)}"


def _text(value: object) -> str:
    if value is None or value == "":
        return _NONE
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    return str(value)


def record_section(person: models.Person) -> DisclosureSection:
    rows = [
        ("Personennummer", str(person.id)),
        ("Anrede", _text(person.form_of_address)),
        ("Titel", _text(person.title)),
        ("Vorname", _text(person.given_name)),
        ("Nachname", _text(person.family_name)),
        ("Institution", _text(person.affiliation)),
        ("Funktion", _text(person.position)),
        ("Sektor", Sector(person.sector).label),
        ("E-Mail", _text(person.email)),
        ("Telefon", _text(person.phone)),
        ("Postanschrift", _text(person.postal_address)),
        ("Notizen der Geschäftsstelle", _text(person.notes)),
        (
            "Veröffentlichung des Namens",
            _text(person.publish_name)
            + (f", seit {person.publish_name_on:%d.%m.%Y}" if person.publish_name_on else ""),
        ),
        (
            "Veröffentlichung der Kontaktdaten",
            _text(person.publish_contact)
            + (f", seit {person.publish_contact_on:%d.%m.%Y}" if person.publish_contact_on else ""),
        ),
        ("Angelegt am", f"{person.created:%d.%m.%Y}"),
    ]
    return DisclosureSection(
        "Gespeicherte Angaben zur Person",
        ("Angabe", "Wert"),
        (0.3, 0.7),
        tuple(rows),
        "",
        "„–“: nicht gespeichert.",
    )


def memberships_section(
    session: Session, memberships: list[models.Membership], councils: dict[int, str]
) -> DisclosureSection:
    query = select(models.ActionField.id, models.ActionField.name)
    fields = {i: name for i, name in session.execute(query)}
    titles = role_titles(session)
    rows = []
    for m in memberships:
        further = [fields.get(f.action_field_id, "") for f in m.further_fields]
        named = [fields.get(m.primary_field_id, "")] if m.primary_field_id else []
        rows.append(
            (
                councils.get(m.council_id, ""),
                _role(m, titles)
                + ("" if m.voting_right else " (ohne Stimmrecht)")
                + (f"; gelöscht am {m.deleted_at:%d.%m.%Y}" if m.deleted_at else ""),
                _term(m),
                ", ".join(filter(None, named + further)) or _NONE,
            )
        )
    return DisclosureSection(
        "Mitgliedschaften und Rollen",
        ("Gremium", "Rolle", "Amtszeit", "Handlungsfelder (erstes: primär)"),
        (0.3, 0.2, 0.22, 0.28),
        tuple(rows),
        "Keine Mitgliedschaft gespeichert.",
    )


def consent_section(session: Session, person_id: int) -> DisclosureSection:
    entries = session.scalars(
        select(models.ConsentEntry)
        .where(models.ConsentEntry.person_id == person_id)
        .order_by(models.ConsentEntry.recorded_at, models.ConsentEntry.id)
    )
    rows = tuple(
        (
            f"{e.recorded_at:%d.%m.%Y}",
            ConsentKind(e.kind).label,
            "erteilt" if e.granted else "widerrufen",
            _text(e.effective_on),
            ConsentSource(e.source).label,
            _text(e.actor),
        )
        for e in entries
    )
    return DisclosureSection(
        "Einwilligungen zur Veröffentlichung (Verlauf)",
        ("Erfasst am", "Wofür", "Erklärung", "Wirksam ab", "Quelle", "Erfasst von"),
        (0.15, 0.22, 0.14, 0.14, 0.15, 0.2),
        rows,
        "Keine Einwilligung oder Widerruf gespeichert.",
    )
