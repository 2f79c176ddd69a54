"""Members of a council: the record that crosses layers and its validation rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from expertenrat.domain.enums import MemberRole, Sector
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.text_folding import match_key

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")
MAX_NAME_LENGTH = 200
MAX_NOTES_LENGTH = 20_000


@dataclass(frozen=True, slots=True)
class Member:
    """One membership of one person in one council, with the person's data.

    ``id`` is the membership id (``None`` for a new member); ``person_id`` the person.
    """

    id: int | None
    given_name: str
    family_name: str
    person_id: int | None = None
    title: str = ""
    form_of_address: str = ""
    affiliation: str = ""
    position: str = ""
    sector: Sector = Sector.OTHER
    email: str = ""
    phone: str = ""
    postal_address: str = ""
    notes: str = ""
    role: MemberRole = MemberRole.MEMBER
    term_start: date = field(default_factory=date.today)
    term_end: date | None = None
    voting_right: bool = True
    primary_field_id: int | None = None
    further_field_ids: tuple[int, ...] = ()
    publish_name: bool = False
    publish_name_on: date | None = None
    publish_contact: bool = False
    publish_contact_on: date | None = None
    version: int = 0
    person_version: int = 0

    @property
    def full_name(self) -> str:
        """Title, given and family name as written in documents: "Prof. Dr. Anna Berg"."""
        return " ".join(p for p in (self.title, self.given_name, self.family_name) if p).strip()

    @property
    def sort_name(self) -> str:
        return f"{self.family_name}, {self.given_name}".casefold()

    def is_active(self, on: date) -> bool:
        return self.term_start <= on and (self.term_end is None or self.term_end >= on)

    def field_ids(self) -> tuple[int, ...]:
        """Primary field first, then the further ones."""
        primary = (self.primary_field_id,) if self.primary_field_id is not None else ()
        return primary + tuple(f for f in self.further_field_ids if f != self.primary_field_id)


def validate_member(member: Member, others: list[Member], today: date) -> list[FieldProblem]:
    """Check a member against the rules and the council's other memberships.

    ``others`` are the council's other memberships (not ``member`` itself).
    """
    problems: list[FieldProblem] = []
    for name, label in (("given_name", "Vorname"), ("family_name", "Nachname")):
        value = getattr(member, name).strip()
        if not value:
            problems.append(FieldProblem(name, f"Bitte geben Sie den {label}n an."))
        elif len(value) > MAX_NAME_LENGTH:
            problems.append(
                FieldProblem(name, f"Der {label} darf höchstens {MAX_NAME_LENGTH} Zeichen haben.")
            )
    if member.email.strip() and not _EMAIL.match(member.email.strip()):
        problems.append(
            FieldProblem("email", "Die E-Mail-Adresse sieht nicht gültig aus (name@beispiel.de).")
        )
    if member.term_end is not None and member.term_end <= member.term_start:
        problems.append(
            FieldProblem("term_end", "Das Ende der Amtszeit muss nach ihrem Beginn liegen.")
        )
    if len(member.notes) > MAX_NOTES_LENGTH:
        problems.append(
            FieldProblem("notes", f"Die Notizen dürfen höchstens {MAX_NOTES_LENGTH} Zeichen haben.")
        )
    if member.primary_field_id is None:
        problems.append(
            FieldProblem("primary_field_id", "Bitte wählen Sie ein primäres Handlungsfeld.")
        )
    problems.extend(_role_problems(member, others))
    problems.extend(_duplicate_warnings(member, others))
    return problems


def _overlaps(a: Member, b: Member) -> bool:
    a_end = a.term_end or date.max
    b_end = b.term_end or date.max
    return a.term_start <= b_end and b.term_start <= a_end


def _role_problems(member: Member, others: list[Member]) -> list[FieldProblem]:
    if member.role is MemberRole.MEMBER:
        return []
    for other in others:
        if other.role is member.role and _overlaps(member, other):
            return [
                FieldProblem(
                    "role",
                    f"{member.role.label} hat in dieser Zeit bereits {other.full_name}. "
                    "Es kann nur eine Person zugleich diese Rolle haben.",
                )
            ]
    return []


def _duplicate_warnings(member: Member, others: list[Member]) -> list[FieldProblem]:
    """A warning when another person has the same name or e-mail address, whatever the
    case, accents or Unicode form ("JORG MULLER" and a decomposed "Jörg Müller" match)."""
    name = (match_key(member.given_name), match_key(member.family_name))
    email = match_key(member.email)
    for other in others:
        if other.person_id is not None and other.person_id == member.person_id:
            continue
        same_name = name == (match_key(other.given_name), match_key(other.family_name))
        same_mail = bool(email) and email == match_key(other.email)
        if same_name or same_mail:
            what = "denselben Namen" if same_name else "dieselbe E-Mail-Adresse"
            return [
                FieldProblem(
                    "family_name" if same_name else "email",
                    f"Möglicherweise doppelt: {other.full_name} hat {what}.",
                    warning=True,
                )
            ]
    return []
