"""How an import row updates what is stored: the stored values it keeps, what it changes.

A row takes the ids and versions of the membership it updates (or of the person whose
further term it adds) and its stored values for every attribute the file has no column
for; :func:`changed_columns` names what the update would change.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import fields
from operator import attrgetter

from expertenrat.domain.consent import CONSENT_FIELDS
from expertenrat.domain.field_limits import PERSON, clean_text
from expertenrat.domain.member_import_matching import Candidates, PersonRows
from expertenrat.domain.members import Member, replaced

_MEMBERSHIP_FIELDS = frozenset(
    {"role", "term_start", "term_end", "voting_right", "primary_field_id", "further_field_ids"}
)
"""Member attributes that belong to the membership; all other columns belong to the person."""

_IDENTITY = ("id", "person_id", "version", "person_version")


def resolve_rows(
    parsed: dict[int, Member],
    candidates: dict[int, Candidates],
    targets: dict[int, Member],
    present: Collection[str],
    file_rows: PersonRows,
) -> tuple[dict[int, Member], dict[int, int]]:
    """The member each row would save, and for rows of a person that an earlier row of the
    file creates, the index of that row (``file_rows`` holds the rows of ``parsed``)."""
    kept = tuple(name for name in _ATTRIBUTES if name not in present)
    kept_of_person = tuple(name for name in kept if name not in _MEMBERSHIP_FIELDS)
    members: dict[int, Member] = {}
    person_of: dict[int, int] = {}
    for i, member in parsed.items():
        persons = candidates[i].persons
        if i in targets:
            target = targets[i]
            members[i] = _merge(member, target, kept, *_IDENTITY)
        elif len(persons) == 1:  # a further term of someone who is or was a member
            (person,) = persons.values()
            members[i] = _merge(member, person, kept_of_person, "person_id")
        else:
            root = file_rows.first_before(i)
            members[i] = member
            if root is not None and members[root].person_id is not None:
                members[i] = replaced(member, person_id=members[root].person_id)
            elif root is not None:
                person_of[i] = person_of.get(root, root)
    return members, person_of


def _merge(member: Member, stored: Member, kept: tuple[str, ...], *identity: str) -> Member:
    """``member`` with the stored values of the ``kept`` attributes (those the file has no
    column for) and the ``identity`` attributes (ids and versions) of ``stored``."""
    return replaced(member, **{name: getattr(stored, name) for name in (*kept, *identity)})


def changed_columns(member: Member, stored: Member, column_names: Mapping[str, str]) -> list[str]:
    """The column names of what an update would change, in column order."""
    # Only what differs as it is can differ as compared (the further action fields also when
    # the primary one differs): the attributes are read at once, and few are compared.
    values = zip(_COMPARED, _compared_values(member), _compared_values(stored), strict=True)
    differing = {name for name, new, old in values if new != old}
    if "primary_field_id" in differing:
        differing.add("further_field_ids")
    changed = {name for name in differing if _compared(member, name) != _compared(stored, name)}
    if not changed:
        return []
    return [label for name, label in column_names.items() if name in changed] + [
        name for name in sorted(changed) if name not in column_names
    ]


def _compared(member: Member, name: str) -> object:
    """The value of an attribute as an update compares it: texts cleaned as saving cleans
    them (``clean_text``: a value stored before a rule of it came, with surrounding spaces or
    a no-break space, is no change from the same text cleaned now; found by a tester),
    further action fields as a sorted set without the primary one."""
    value = getattr(member, name)
    if name == "further_field_ids":
        return tuple(sorted(set(value) - {member.primary_field_id}))
    spec = PERSON.get(name)
    return value if spec is None else clean_text(value, spec)


_ATTRIBUTES = tuple(f.name for f in fields(Member) if f.name not in _IDENTITY)
_COMPARED = tuple(name for name in _ATTRIBUTES if name not in CONSENT_FIELDS)
_compared_values = attrgetter(*_COMPARED)
