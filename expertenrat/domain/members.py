"""Members of a council: the record that crosses layers and the rules it keeps on its own
(those beside the council's other memberships, and all at once:
:mod:`expertenrat.domain.member_council_checks`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from operator import attrgetter

from expertenrat.domain.enums import MemberRole, Sector
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.field_limits import (
    PERSON,
    TextField,
    clean_text,
    date_problems,
    text_problems,
)
from expertenrat.domain.mail_addresses import address_problem, bare_address
from expertenrat.domain.name_order import name_sort_key

_PERSON_TEXTS = tuple(PERSON.items())
"""The person's text attributes and their limits, as pairs (each row of an import runs
through them twice: cleaning and checking)."""
_DATES = (
    ("term_start", "Der Beginn der Amtszeit"),
    ("term_end", "Das Ende der Amtszeit"),
    ("publish_name_on", "Das Datum der Einwilligung (Name)"),
    ("publish_contact_on", "Das Datum der Einwilligung (Kontakt)"),
)


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
        return " ".join(filter(None, (self.title, self.given_name, self.family_name))).strip()

    @property
    def sort_name(self) -> str:
        """The key of the member's place in any list of names (:func:`name_sort_key`:
        "von Hohenzollern" under H, "Öztürk" under O)."""
        return name_sort_key(self.family_name, self.given_name)

    @property
    def person(self) -> int | tuple[str, int]:
        """Who the membership belongs to: its person, or the membership itself while it has
        none (not saved yet)."""
        return self.person_id if self.person_id is not None else ("membership", id(self))

    def is_active(self, on: date) -> bool:
        return self.term_start <= on and (self.term_end is None or self.term_end >= on)

    def field_ids(self) -> tuple[int, ...]:
        """Primary field first, then the further ones."""
        primary = (self.primary_field_id,) if self.primary_field_id is not None else ()
        return primary + tuple(f for f in self.further_field_ids if f != self.primary_field_id)


def former_persons(members: Sequence[Member], today: date) -> int:
    """How many persons were members and are no more: each of their terms ended before
    ``today``. One re-appointed (a further term now or later) is not former, whatever
    terms of theirs ended."""
    ended = {m.person for m in members if m.term_end is not None and m.term_end < today}
    staying = {m.person for m in members if m.term_end is None or m.term_end >= today}
    return len(ended - staying)


def term_span(member: Member) -> str:
    """ "03.11.2024 – 03.02.2028", or "ab 03.11.2024" for an open-ended term."""
    start = f"{member.term_start:%d.%m.%Y}"
    return f"ab {start}" if member.term_end is None else f"{start} – {member.term_end:%d.%m.%Y}"


_FIELD_NAMES = tuple(f.name for f in fields(Member))
_FIELD_POSITION = {name: i for i, name in enumerate(_FIELD_NAMES)}
_field_values = attrgetter(*_FIELD_NAMES)


def replaced(member: Member, **changes: object) -> Member:
    """``dataclasses.replace(member, **changes)`` at a third of its cost: the values are
    read at once and passed by position (an import replaces tens of thousands)."""
    values = list(_field_values(member))
    for name, value in changes.items():
        values[_FIELD_POSITION[name]] = value
    return Member(*values)


def clean_member(member: Member) -> Member:
    """``member`` with its texts in NFC and without surrounding spaces (the notes keep them),
    the e-mail address without a link's "mailto:" or the angle brackets around it.

    Services and the file import clean every member before they check and save it. A member
    that is clean already is returned as it is.
    """
    changed = {}
    for name, spec in _PERSON_TEXTS:
        value = getattr(member, name)
        cleaned = _cleaned(name, value, spec)
        if cleaned != value:
            changed[name] = cleaned
    return replaced(member, **changed) if changed else member


def clean_and_check(member: Member) -> tuple[Member, list[FieldProblem]]:
    """``clean_member(member)`` and its ``member_problems``, in one pass over the texts that
    cleans each one and checks it cleaned (a file import does both for every row)."""
    changed = {}
    found: list[FieldProblem] = []
    for name, spec in _PERSON_TEXTS:
        value = getattr(member, name)
        cleaned = _cleaned(name, value, spec)
        if cleaned != value:
            changed[name] = cleaned
        # text_problems finds nothing in what passes its own first test, so it is not asked
        if not (cleaned.isascii() and cleaned.isprintable() and len(cleaned) <= spec.max_length):
            found.extend(text_problems(name, cleaned, spec))
    member = replaced(member, **changed) if changed else member
    return member, _problems(member, found)


def _cleaned(name: str, value: str, spec: TextField) -> str:
    """The person's text ``name`` cleaned (``clean_text``), the e-mail address also
    without a link's "mailto:" or the angle brackets around it (typed or imported alike)."""
    cleaned = clean_text(value, spec)
    return bare_address(cleaned) if name == "email" else cleaned


def value_problems(member: Member) -> list[FieldProblem]:
    """What the values alone break: text lengths and characters, dates (``field_limits``)."""
    return _text_problems(member) + _date_problems(member)


def _text_problems(member: Member) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    for name, spec in _PERSON_TEXTS:
        problems.extend(text_problems(name, getattr(member, name), spec))
    return problems


def _date_problems(member: Member) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    for name, subject in _DATES:
        problems.extend(date_problems(name, getattr(member, name), subject))
    return problems


_CONSENT_DATES = (
    ("publish_name", "publish_name_on", "Name und Institution"),
    ("publish_contact", "publish_contact_on", "Kontaktdaten"),
)


def consent_date_problems(member: Member, today: date) -> list[FieldProblem]:
    """A consent given or withdrawn on a day still to come (a typo, 2030 for 2020): it
    would count from now on, in every public list."""
    problems = []
    for name, attribute, label in _CONSENT_DATES:
        on = getattr(member, attribute)
        if on is not None and on > today:
            problems.append(
                FieldProblem(
                    name,
                    f"Die Einwilligung ({label}) kann nicht nach dem heutigen Tag "
                    f"({today:%d.%m.%Y}) datiert sein ({on:%d.%m.%Y}).",
                )
            )
    return problems


def member_problems(member: Member) -> list[FieldProblem]:
    """What the member breaks on its own: names, values, e-mail address, term, action field."""
    return _problems(member, _text_problems(member))


def _problems(member: Member, text_problems: list[FieldProblem]) -> list[FieldProblem]:
    """``member_problems``, given what ``_text_problems`` found."""
    problems: list[FieldProblem] = []
    for name, label in (("given_name", "Vorname"), ("family_name", "Nachname")):
        if not getattr(member, name).strip():
            problems.append(FieldProblem(name, f"Bitte geben Sie den {label}n an."))
    problems.extend(text_problems)
    problems.extend(_date_problems(member))
    if email_problem := address_problem(member.email.strip()):
        problems.append(FieldProblem("email", email_problem))
    if member.term_end is not None and member.term_end <= member.term_start:
        problems.append(
            FieldProblem("term_end", "Das Ende der Amtszeit muss nach ihrem Beginn liegen.")
        )
    if member.primary_field_id is None:
        problems.append(
            FieldProblem("primary_field_id", "Bitte wählen Sie ein primäres Handlungsfeld.")
        )
    return problems
