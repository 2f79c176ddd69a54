"""Members written in ``session``'s transaction: checked, cleaned, versions compared, then
saved in bulk (new persons by :mod:`member_inserts`, stored ones by :mod:`member_updates`),
each audited."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction, ConsentSource
from expertenrat.domain.errors import NotFoundError
from expertenrat.domain.member_twins import check_no_twin_added
from expertenrat.domain.members import Member, clean_member, term_span, value_problems
from expertenrat.domain.progress import Progress, no_progress
from expertenrat.domain.wording import isolated
from expertenrat.services import audit
from expertenrat.services.chairs_ahead import clear_chairs_ahead
from expertenrat.services.member_checks import check_members
from expertenrat.services.member_history import drop_apologies_outside_terms
from expertenrat.services.member_inserts import insert_new_members
from expertenrat.services.member_rows import member_from_rows, membership_rows
from expertenrat.services.member_updates import write_stored_persons
from expertenrat.services.unit_of_work import (
    check_version,
    fetch,
    gone,
    hold_council,
    raise_if_invalid,
)
from expertenrat.store import models
from expertenrat.store.bulk_insert import written_behind


def member_what(member: Member) -> str:
    """The member as messages about saving it name it."""
    return f"Das Mitglied „{member.full_name or 'ohne Namen'}“"


def save_members(
    session: Session,
    actor: str,
    council_id: int,
    members: Sequence[Member],
    today: date,
    *,
    source: ConsentSource = ConsentSource.FORM,
    known_persons: Collection[int] | None = None,
    clear_chairs: bool = False,
) -> list[Member]:
    """Create or update members of a council in ``session``'s transaction, each audited.

    Changed consents are recorded in the consent ledger with ``source``.

    Every member is checked against the council's other memberships as they will be once all
    of ``members`` are saved (and against the meetings that record it; its apologies for
    meetings ahead that its term no longer covers are removed), so a batch may swap roles;
    any error raises ``ValidationError`` before anything is written (with several members,
    each message names its member).
    The council is held first (``hold_council``): members saved at the same moment on
    another PC are checked against, not beside.
    Stale versions raise ``ConcurrentEditError``; all are checked before the first write, so
    several memberships of one person may be saved together. A new term of a stored person
    (a further term) carries the person's version too (see :func:`check_person_version`).
    With ``known_persons`` (the persons of the council when the user began), a new person
    whose e-mail address or name another PC has saved since is refused with
    ``SamePersonAddedError`` (``domain.member_twins``) rather than saved twice.
    With ``clear_chairs`` (asked first: :func:`services.chairs_ahead.save_question`), a term
    that leaves out meetings ahead the member chairs takes the member out as their chair
    (audited); without it, such a term is refused as any other meeting recording it.
    Texts are cleaned first (``clean_member``: NFC, no surrounding spaces). Returns the
    saved members.
    """
    members = [clean_member(m) for m in members]
    # Another PC saving members at the same moment (a chair, a person's further term, the
    # same new person) commits first, and the checks below see its members.
    hold_council(session, council_id)
    rows = membership_rows(session, council_id)
    stored = [member_from_rows(r) for r in rows.values()]
    if known_persons is not None:
        for member in members:
            check_no_twin_added(member, stored, known_persons)
    check_members(session, council_id, members, stored, today, chairs_ahead=not clear_chairs)
    for member in members:
        if member.id is None and member.person_id is not None:
            check_person_version(session, member)
    saved = write_members(session, actor, council_id, members, rows, source=source)
    drop_apologies_outside_terms(session, actor, council_id, saved, today)
    if clear_chairs:
        clear_chairs_ahead(session, actor, council_id, saved, today)
    return saved


def check_person_version(session: Session, member: Member) -> None:
    """A new term (``id`` ``None``) of the stored person ``member.person_id`` writes the
    person's details as given: refused with ``ConcurrentEditError`` where another PC changed
    the person since ``member`` was read (``person_version``), else that change would be
    overwritten silently; ``NotFoundError`` where the person is gone."""
    what = member_what(member)
    check_version(
        fetch(session, models.Person, member.person_id, what), member.person_version, what
    )


def write_members(
    session: Session,
    actor: str,
    council_id: int,
    members: Sequence[Member],
    rows: Mapping[int, models.Membership],
    *,
    same_person: Mapping[int, int] | None = None,
    source: ConsentSource = ConsentSource.FORM,
    values_checked: bool = False,
    progress: Progress = no_progress,
) -> list[Member]:
    """Write checked members in bulk (one flush), each audited; returns them as saved.

    ``rows`` are the council's stored memberships (see :func:`membership_rows`); versions are
    checked against them before anything is written. ``same_person`` maps the position of a
    new member to the earlier position whose new person it shares. Changed consents are
    recorded in the consent ledger with ``source``. Texts are cleaned (``clean_member``), and
    a value the database could not hold raises ``ValidationError`` here too, whatever checked
    the members before (an import preview is data a caller could have changed); with
    ``values_checked`` the caller vouches that ``value_problems`` found nothing in each of
    ``members`` as given, and only those that cleaning changed are checked again.
    """
    given = members
    members = [clean_member(m) for m in members]
    for member, before in zip(members, given, strict=True):
        if values_checked and member is before:  # clean_member returns a clean one as it is
            continue
        problems = value_problems(member)
        if len(members) > 1:
            problems = [replace(p, message=f"{member.full_name}: {p.message}") for p in problems]
        raise_if_invalid(problems)
    for member in members:
        if member.id is not None:
            what = member_what(member)
            row = rows.get(member.id)
            if row is None:
                raise NotFoundError(gone(what))
            check_version(row, member.version, what)
            check_version(row.person, member.person_version, what)
    same_person = same_person or {}
    # New members of new persons and members of stored persons are written in bulk, each
    # kind by its own module (versions checked above and in each UPDATE's WHERE clause).
    bulk = [i for i, m in enumerate(members) if m.id is None and m.person_id is None]
    bulk_position = {i: k for k, i in enumerate(bulk)}
    stored = [i for i in range(len(members)) if i not in bulk_position]
    written = write_stored_persons(
        session, actor, council_id, [members[i] for i in stored], rows, source
    )
    progress(len(members) // 2, 2 * len(members))
    # The server checks and indexes each table's rows while the next ones are built.
    with written_behind(session.connection()) as write:
        inserted = insert_new_members(
            write,
            actor,
            council_id,
            [members[i] for i in bulk],
            {
                bulk_position[i]: bulk_position[j]
                for i, j in same_person.items()
                if i in bulk_position and j in bulk_position
            },
            source,
        )
        progress(len(members), 2 * len(members))
        results = dict(zip(stored, written, strict=True))
        saved: list[Member] = []
        entries: list[dict] = []
        for i, member in enumerate(members):
            if i in bulk_position:
                new = inserted[bulk_position[i]]
                saved.append(new.member)
                before, after = None, new.audit_state
            else:
                saved.append(results[i].member)
                before, after = results[i].before, results[i].after
            entry = audit.entry(
                actor,
                AuditAction.CREATE if before is None else AuditAction.UPDATE,
                "membership",
                saved[-1].id,
                council_id=council_id,
                summary=_summary(member, before is None),
                before=before,
                after=after,
            )
            if entry is not None:
                entries.append(entry)
            progress(len(members) + i + 1, 2 * len(members))
        write.insert(models.AuditEntry.__table__, entries)
        audit.note_own_entries(session, [e["council_id"] for e in entries])
    return saved


def _summary(member: Member, created: bool) -> str:
    """ "Mitglied Anna Berg angelegt" / "geändert"; a new membership of a stored person (a
    re-appointment) "Weitere Amtszeit von Anna Berg angelegt (04.02.2028 – 03.02.2032)"."""
    name = isolated(member.full_name)
    if not created:
        return f"Mitglied {name} geändert"
    if member.person_id is not None:
        return f"Weitere Amtszeit von {name} angelegt ({term_span(member)})"
    return f"Mitglied {name} angelegt"
