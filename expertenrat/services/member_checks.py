"""Checks of members before they are saved: the domain's rules against the council's other
memberships, and action fields that must still belong to the council."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.action_fields import fields_explained
from expertenrat.domain.councils import DEFAULT_ROLE_TITLES, RoleTitles
from expertenrat.domain.enums import MemberRole
from expertenrat.domain.errors import ConcurrentEditError, FieldProblem
from expertenrat.domain.member_council_checks import validate_member
from expertenrat.domain.member_history import history_problems
from expertenrat.domain.member_index import MemberIndex
from expertenrat.domain.members import Member, clean_member
from expertenrat.domain.wording import listed
from expertenrat.services.member_history import (
    dropped_apologies_warnings,
    recorded_spans,
    widening_warnings,
)
from expertenrat.services.member_role_history import role_change_warnings
from expertenrat.services.member_rows import council_members
from expertenrat.services.unit_of_work import raise_if_invalid
from expertenrat.store import models

_NAMED = 3  # how many people added meanwhile a refused import names


def member_problems(
    session: Session,
    council_id: int,
    member: Member,
    today: date,
    members: Sequence[Member] | None = None,
) -> list[FieldProblem]:
    """Errors and warnings for a member as it would be saved now (texts cleaned first);
    ``members``: the council's, where the caller has read them already."""
    member = clean_member(member)
    listed = council_members(session, council_id) if members is None else members
    others = [m for m in listed if m.id != member.id]
    field_ids = _field_ids(session, council_id)
    titles = _role_titles(session, council_id)
    problems = validate_member(member, others, today, titles) + _field_problems(member, field_ids)
    # A chair of meetings ahead the term leaves out: the save asks (``chairs_ahead``).
    history = _history_problems(session, council_id, [member], today, chairs_ahead=False)
    history = history.get(id(member), [])
    stored = session.get(models.Membership, member.id) if member.id is not None else None
    widened = widening_warnings(session, council_id, member, stored)
    dropped = dropped_apologies_warnings(session, council_id, member, today)
    role = MemberRole(stored.role) if stored is not None else None
    roles = role_change_warnings(session, member, titles, role)
    explained = fields_explained(problems, "primary_field_id", bool(field_ids))
    return explained + history + widened + dropped + roles


def check_members(
    session: Session,
    council_id: int,
    members: Sequence[Member],
    stored: Sequence[Member],
    today: date,
    *,
    chairs_ahead: bool = True,
) -> None:
    """Raise ``ValidationError`` unless every one of ``members`` may be saved beside ``stored``
    (the council's memberships now; those that ``members`` change are left out). Without
    ``chairs_ahead``, a term may leave out meetings ahead the member chairs (the caller
    clears the chair there: :mod:`services.chairs_ahead`)."""
    changed_ids = {m.id for m in members if m.id is not None}
    others = sorted((m for m in stored if m.id not in changed_ids), key=lambda m: m.sort_name)
    index = MemberIndex([*others, *members])
    field_ids = _field_ids(session, council_id)
    history = _history_problems(session, council_id, members, today, chairs_ahead=chairs_ahead)
    titles = _role_titles(session, council_id)
    for member in members:
        problems = fields_explained(
            validate_member(member, index, today, titles) + _field_problems(member, field_ids),
            "primary_field_id",
            bool(field_ids),
        ) + history.get(id(member), [])
        if len(members) > 1:
            problems = [replace(p, message=f"{member.full_name}: {p.message}") for p in problems]
        raise_if_invalid(problems)


def _role_titles(session: Session, council_id: int) -> RoleTitles:
    council = session.get(models.Council, council_id)
    return council.role_titles if council is not None else DEFAULT_ROLE_TITLES


def check_none_added_meanwhile(
    members: Sequence[Member], stored: Sequence[Member], known_ids: set[int]
) -> None:
    """Raise ``ConcurrentEditError`` if a new person among ``members`` (checked against the
    council when only the memberships ``known_ids`` were stored) has since been saved by
    someone else: a member of ``stored`` not known then with the same e-mail address or
    name. Two PCs importing the same file would otherwise save everyone twice."""
    added = MemberIndex(m for m in stored if m.id not in known_ids)
    names = list(
        dict.fromkeys(
            f"„{m.full_name}“"
            for m in members
            if m.id is None
            and m.person_id is None
            and (added.same_email(m) is not None or added.same_name(m) is not None)
        )
    )
    if not names:
        return
    who = f"{listed(names, most=_NAMED)} {'wurde' if len(names) == 1 else 'wurden'}"
    raise ConcurrentEditError(
        "Der Import der Mitglieder",
        f"{who} inzwischen von jemand anderem angelegt. Bitte lesen Sie die Datei erneut "
        "ein: die Vorschau zeigt dann, was sich noch ändert.",
    )


def _history_problems(
    session: Session,
    council_id: int,
    members: Sequence[Member],
    today: date,
    *,
    chairs_ahead: bool,
) -> dict[int, list[FieldProblem]]:
    """By ``id()`` of each stored membership among ``members``: where its term would leave
    out a meeting that records it (``domain.member_history``)."""
    if all(m.id is None for m in members):
        return {}
    spans = recorded_spans(session, council_id, today, chairs_ahead=chairs_ahead)
    return {id(m): history_problems(m, spans.get(m.id)) for m in members if m.id is not None}


def _field_ids(session: Session, council_id: int) -> set[int]:
    return set(
        session.scalars(
            select(models.ActionField.id).where(models.ActionField.council_id == council_id)
        )
    )


def _field_problems(member: Member, field_ids: set[int]) -> list[FieldProblem]:
    """Action fields must belong to the council (they may have been deleted meanwhile)."""
    wanted = {f for f in (member.primary_field_id, *member.further_field_ids) if f is not None}
    if wanted - field_ids:
        return [
            FieldProblem(
                "primary_field_id",
                "Ein gewähltes Handlungsfeld gibt es nicht mehr. Bitte wählen Sie neu.",
            )
        ]
    return []
