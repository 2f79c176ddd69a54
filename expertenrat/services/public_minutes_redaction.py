"""Approved public minutes without the name of a member who withdrew consent afterwards.

The public PDF of approved minutes is rendered once, at the approval, with the consents of
that day, and it is what the open data export publishes from then on. When a member later
withdraws consent to the publication of the name, each stored public PDF that would name
the member is rendered again, in the same transaction as the withdrawal, with the member
as "Mitglied ohne Namensnennung". What was approved stays as it was: the content snapshot
and its fingerprint (printed in the PDF), the full PDF and its SHA-256.

The new public PDF is rendered from the minutes document kept at the approval
(``minutes_versions.document``, see :mod:`expertenrat.domain.approved_minutes`), so it
shows the council, names, action fields and projects as approved, not as they are today.
Unnamed are: who was unnamed at the approval, who has not agreed today (by the name they
had at the approval and today's) and the withdrawing persons. Versions approved before
that document was kept (revision 0012) have none: they are rendered from today's
database with the approval stamp, as before. So is a version whose document cannot be read
(damaged, or written in a format this program does not know), with a warning in the log:
the withdrawal of consent must never fail for it.

The new public PDF gets its own SHA-256, the version's change time moves (the open data
export reports the file as changed), and an audit entry says why. It is rendered
reproducibly (no creation time), so a stored public PDF that already unnames them (a
member who withdrew, consented again — which changes nothing approved — and withdraws
again) is the same bytes and is left as it is, with no new entry and no new file to publish.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from expertenrat.domain.approved_minutes import ApprovedMinutes, parse_approved_minutes
from expertenrat.domain.enums import AuditAction, MinutesState
from expertenrat.domain.minutes_versions import pdf_fingerprint
from expertenrat.domain.name_order import name_sort_key
from expertenrat.domain.public_minutes import public_version
from expertenrat.domain.wording import isolated
from expertenrat.services import audit
from expertenrat.services.agenda_rows import meeting_name
from expertenrat.services.attendance_rows import full_name, sort_name
from expertenrat.services.minutes_assembly import (
    approval_stamp,
    minutes_document,
    unnamed_members,
)
from expertenrat.services.minutes_pdfs import render_minutes
from expertenrat.store import models

log = logging.getLogger(__name__)


def redact_public_minutes(session: Session, actor: str, person_ids: Collection[int]) -> int:
    """Render again the stored public minutes that name one of the persons ``person_ids``,
    who have just withdrawn consent to the publication of their names; returns how many."""
    memberships = list(
        session.scalars(
            select(models.Membership).where(models.Membership.person_id.in_(person_ids))
        )
    )
    withdrawn = {m.council_id: set[int]() for m in memberships}
    names_now = {m.council_id: set[str]() for m in memberships}
    places: dict[int, str] = {}  # where each person's name stands in a list of names
    persons_now: dict[str, int] = {}  # whose each name is today
    for membership in memberships:
        withdrawn[membership.council_id].add(membership.person_id)
        if name := full_name(membership):  # empty once anonymised
            names_now[membership.council_id].add(name)
            places[membership.person_id] = sort_name(membership)
            persons_now[name] = membership.person_id
    versions = session.scalars(
        select(models.MinutesVersion)
        .join(models.Meeting, models.Meeting.id == models.MinutesVersion.meeting_id)
        .where(
            models.Meeting.council_id.in_(withdrawn),
            models.MinutesVersion.state == MinutesState.APPROVED.value,
            models.MinutesVersion.public_pdf.is_not(None),
        )
        .options(undefer(models.MinutesVersion.public_pdf))  # compared below
        .order_by(models.MinutesVersion.id)
    ).all()
    unnamed = {council_id: unnamed_members(session, council_id) for council_id in withdrawn}
    unconsenting = {council_id: _unconsenting(session, council_id) for council_id in withdrawn}
    redacted = 0
    for version in versions:
        meeting = session.get(models.Meeting, version.meeting_id)
        assert meeting is not None  # a foreign key with ON DELETE CASCADE
        council_id = meeting.council_id
        approved = approved_as_kept(session, meeting, version)
        names = approved.names_of(withdrawn[council_id]) | names_now[council_id]
        hidden = approved.names_of(unconsenting[council_id] | withdrawn[council_id])
        unnamed_now = approved.document.unnamed | unnamed[council_id] | hidden | names
        before = unnamed_now - (names - approved.document.unnamed)
        now = public_version(replace(approved.document, unnamed=unnamed_now))
        if now == public_version(replace(approved.document, unnamed=before)):
            continue  # the minutes name none of them publicly
        pdf = render_minutes(now, reproducible=True)
        if pdf == version.public_pdf:
            continue  # unnamed already: withdrawn before, consented again, withdrawn now
        listed = _in_name_order(names, approved, persons_now, places)
        _store(session, actor, meeting, version, pdf, listed)
        redacted += 1
    return redacted


def _in_name_order(
    names: set[str], approved: ApprovedMinutes, persons_now: dict[str, int], places: dict[int, str]
) -> list[str]:
    """``names`` as lists of names read (:func:`~expertenrat.domain.name_order.name_sort_key`:
    "Dr. Eva Dahl" under D): each where its person's name stands (``places``, by person id;
    a name of the approval where the person's name stands today), a name of no person
    placed by itself."""
    persons = {n.name: n.person_id for n in approved.names} | persons_now

    def place(name: str) -> str:
        person_id = persons.get(name)
        return places[person_id] if person_id in places else name_sort_key(name)

    return sorted(names, key=lambda name: (place(name), name))


def approved_as_kept(
    session: Session, meeting: models.Meeting, version: models.MinutesVersion
) -> ApprovedMinutes:
    """The minutes as approved; for a version approved before the document was kept
    (revision 0012) or whose document cannot be read, the minutes as the database holds
    them today with the approval stamp (today's council name, member names and action
    fields, the only record left)."""
    if version.document is not None:
        try:
            return parse_approved_minutes(version.document)
        except ValueError as error:  # the message repeats no stored value (names)
            log.warning(
                "Minutes version %s: approved document unreadable (%s); rendered from today",
                version.id,
                error,
            )
    return ApprovedMinutes(minutes_document(session, meeting, approval_stamp(session, version)))


def _unconsenting(session: Session, council_id: int) -> set[int]:
    """The persons of the council who have not agreed to the publication of their name."""
    return set(
        session.scalars(
            select(models.Membership.person_id)
            .join(models.Membership.person)
            .where(
                models.Membership.council_id == council_id,
                models.Person.publish_name.is_(False),
            )
        )
    )


def _store(
    session: Session,
    actor: str,
    meeting: models.Meeting,
    version: models.MinutesVersion,
    pdf: bytes,
    names: list[str],
) -> None:
    before = {"public_sha256": version.public_sha256}
    version.public_pdf, version.public_sha256 = pdf, pdf_fingerprint(pdf)
    session.flush()
    audit.record(
        session,
        actor,
        AuditAction.UPDATE,
        "minutes_version",
        version.id,
        council_id=meeting.council_id,
        summary=(
            f"Protokoll {meeting_name(meeting, isolated)}: öffentliche Fassung ohne den Namen "
            f"von {', '.join(map(isolated, names))} neu erstellt (Einwilligung widerrufen; "
            f"SHA-256 {version.public_sha256})"
        ),
        before=before,
        after={"public_sha256": version.public_sha256},
    )
