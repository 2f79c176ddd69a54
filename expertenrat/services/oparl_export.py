"""The OParl 1.1 export: every council's records read in one session, mapped by the
domain (:mod:`expertenrat.domain.oparl`), written as a static tree by
:func:`expertenrat.services.files.write_folder`.

The service reads everything, deleted and non-public records included, with a few
queries per council; the domain decides what goes out. Records without a public id of
their own (council, action field) get one derived from their row id, so ids stay stable.
Invitations are rendered for invited meetings only (without non-public items, presenters
and recusals); a held meeting is published by its approved public minutes instead. An
invitation PDF carries the digest of what it shows (and of the program that drew it) in
its keywords; the previous export's PDF with the same digest is taken as it is, so a
re-export renders only the invitations that changed.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from expertenrat import __version__
from expertenrat.domain.enums import (
    AttendanceStatus,
    ConflictDecision,
    MeetingState,
    MemberRole,
    MinutesState,
    RecommendationKind,
    RecommendationStatus,
    VoteMode,
)
from expertenrat.domain.meeting_documents import MeetingDocument
from expertenrat.domain.oparl import oparl_tree
from expertenrat.domain.oparl_base import check_base_url, derived_key
from expertenrat.domain.oparl_records import (
    ActionFieldRecord,
    AgendaItemRecord,
    CouncilRecord,
    FileRecord,
    MeetingRecord,
    MembershipRecord,
    PersonRecord,
    ProjectRecord,
    RecommendationRecord,
    RecusalRecord,
    Stamp,
    VoteRecord,
)
from expertenrat.exchange.oparl_files import oparl_files
from expertenrat.exchange.oparl_previous import PreviousExportFolder
from expertenrat.services.files import WrittenFolder, write_folder
from expertenrat.services.meeting_document_rows import meeting_documents_of
from expertenrat.services.unit_of_work import reading
from expertenrat.store import models
from expertenrat.store.database import Database

# What an agenda item holds and the export never reads (the minutes' long texts).
_UNPUBLISHED_ITEM_TEXTS = (models.AgendaItem.discussion, models.AgendaItem.motion_text)


class OParlExportService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def councils(
        self, *, invitations: bool = True, previous: Path | None = None
    ) -> list[CouncilRecord]:
        """Every council's records as the OParl mapping reads them; ``invitations``:
        with the public invitation PDFs of invited meetings, taken from the export in
        ``previous`` where unchanged, rendered otherwise."""
        pdfs = _InvitationPdfs(previous) if invitations else None
        with reading(self._db) as session:
            rows = session.scalars(select(models.Council).order_by(models.Council.id))
            return [_council(session, row, pdfs) for row in rows]

    def export(self, folder: Path, base_url: str, *, force: bool = False) -> WrittenFolder:
        """Write the tree for ``base_url`` into ``folder`` (refused if not empty, unless
        ``force``); all or nothing. What an export already in ``folder`` published and
        this one does not stays as a tombstone."""
        base = check_base_url(base_url)
        councils = self.councils(previous=folder)
        tree = oparl_tree(base, councils, PreviousExportFolder(folder))
        return write_folder(folder, oparl_files(tree), force=force)


def _stamp(row: object, key: str | None = None) -> Stamp:
    return Stamp(
        key or row.public_id,  # type: ignore[attr-defined]
        row.created,  # type: ignore[attr-defined]
        row.modified,  # type: ignore[attr-defined]
        getattr(row, "deleted_at", None),
    )


def _council_key(council_id: int) -> str:
    return derived_key("council", str(council_id))


def _field_key(council_id: int, field_id: int | None) -> str | None:
    return None if field_id is None else derived_key("action-field", str(council_id), str(field_id))


def _council(
    session: Session, council: models.Council, invitations: _InvitationPdfs | None
) -> CouncilRecord:
    cid = council.id
    fields = [
        ActionFieldRecord(_stamp(f, _field_key(cid, f.id)), f.name) for f in council.action_fields
    ]
    persons, memberships = _members(session, cid)
    projects = list(
        session.scalars(
            select(models.Project)
            .where(models.Project.council_id == cid)
            .order_by(models.Project.id)
        )
    )
    project_keys = {p.id: p.public_id for p in projects}
    meetings, item_keys = _meetings(session, council, project_keys, invitations)
    return CouncilRecord(
        stamp=_stamp(council, _council_key(cid)),
        name=council.name,
        short_name=council.short_name,
        city=council.city,
        website=council.website,
        classification=council.classification,
        fields=tuple(fields),
        persons=tuple(persons),
        memberships=tuple(memberships),
        meetings=tuple(meetings),
        projects=tuple(
            ProjectRecord(_stamp(p), p.title, p.short_code, _field_key(cid, p.action_field_id))
            for p in projects
        ),
        recommendations=tuple(_recommendations(session, cid, project_keys, item_keys)),
    )


def _members(
    session: Session, council_id: int
) -> tuple[list[PersonRecord], list[MembershipRecord]]:
    rows = session.execute(
        select(models.Membership, models.Person)
        .join(models.Person, models.Person.id == models.Membership.person_id)
        .where(models.Membership.council_id == council_id)
        .order_by(models.Person.family_name, models.Person.given_name, models.Membership.id)
    ).all()
    further: dict[int, list[int]] = defaultdict(list)
    for link in session.scalars(
        select(models.MembershipFurtherField)
        .join(models.Membership)
        .where(models.Membership.council_id == council_id)
    ):
        further[link.membership_id].append(link.action_field_id)
    persons: dict[int, PersonRecord] = {}
    memberships = []
    for membership, person in rows:
        persons.setdefault(person.id, _person(person))
        memberships.append(
            MembershipRecord(
                stamp=_stamp(membership),
                person_key=person.public_id,
                role=MemberRole(membership.role),
                start=membership.term_start,
                end=membership.term_end,
                voting_right=membership.voting_right,
                field_key=_field_key(council_id, membership.primary_field_id),
                further_field_keys=tuple(
                    _field_key(council_id, f) or ""
                    for f in sorted(further[membership.id])
                    if f != membership.primary_field_id
                ),
            )
        )
    return list(persons.values()), memberships


def _person(person: models.Person) -> PersonRecord:
    return PersonRecord(
        stamp=_stamp(person),
        given_name=person.given_name,
        family_name=person.family_name,
        title=person.title,
        form_of_address=person.form_of_address,
        affiliation=person.affiliation,
        email=person.email,
        phone=person.phone,
        publish_name=person.publish_name,
        publish_name_on=person.publish_name_on,
        publish_contact=person.publish_contact,
    )


def _meetings(
    session: Session,
    council: models.Council,
    project_keys: dict[int, str],
    invitations: _InvitationPdfs | None,
) -> tuple[list[MeetingRecord], dict[int, str]]:
    """The council's meetings (deleted ones too) and the public id of every agenda item."""
    meetings = list(
        session.scalars(
            select(models.Meeting)
            .where(models.Meeting.council_id == council.id)
            .order_by(models.Meeting.starts_at, models.Meeting.id)
        )
    )
    items = list(
        session.scalars(
            select(models.AgendaItem)
            .join(models.Meeting)
            .where(models.Meeting.council_id == council.id)
            .options(*(defer(c) for c in _UNPUBLISHED_ITEM_TEXTS))
        )
    )
    item_keys = {i.id: i.public_id for i in items}
    votes = _grouped(
        session.scalars(
            select(models.Vote)
            .join(models.AgendaItem)
            .join(models.Meeting)
            .where(models.Meeting.council_id == council.id)
            .order_by(models.Vote.position, models.Vote.id)
        ),
        lambda v: v.agenda_item_id,
    )
    recusals = _recusals(session, council.id)
    present = _present(session, council.id)
    minutes = _public_minutes(session, council.id)
    invited = [m for m in meetings if _invited(m)]
    rendered = invitations.of(session, invited) if invitations and invited else {}
    by_meeting: dict[int, list[models.AgendaItem]] = defaultdict(list)
    for item in items:
        by_meeting[item.meeting_id].append(item)
    zone = ZoneInfo(council.time_zone)
    records = []
    for meeting in meetings:
        ordered = sorted(by_meeting[meeting.id], key=lambda i: _number_key(i.number))
        records.append(
            MeetingRecord(
                stamp=_stamp(meeting),
                number=meeting.number,
                title=meeting.title,
                state=MeetingState(meeting.state),
                start=meeting.starts_at.replace(tzinfo=zone),
                end=meeting.ends_at.replace(tzinfo=zone) if meeting.ends_at else None,
                place=meeting.place,
                room=meeting.room,
                present_keys=tuple(present.get(meeting.id, ())),
                items=tuple(
                    _item(i, n, project_keys, votes, recusals)
                    for n, i in enumerate(ordered, start=1)
                ),
                invitation=rendered.get(meeting.id),
                minutes=minutes.get(meeting.id),
                retired=_retired_invitation(meeting),
            )
        )
    return records, item_keys


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in number.split("."))


def _item(
    item: models.AgendaItem,
    order: int,
    project_keys: dict[int, str],
    votes: dict[int, list[models.Vote]],
    recusals: dict[int, list[RecusalRecord]],
) -> AgendaItemRecord:
    return AgendaItemRecord(
        stamp=_stamp(item),
        number=item.number,
        order=order,
        title=item.title,
        public=item.public,
        result=item.result,
        resolution_text=item.resolution_text,
        project_key=project_keys.get(item.project_id) if item.project_id else None,
        votes=tuple(
            VoteRecord(VoteMode(v.mode), v.yes, v.no, v.abstain, v.recused, v.adopted)
            for v in votes.get(item.id, ())
        ),
        recusals=tuple(recusals.get(item.id, ())),
    )


def _grouped(rows: Iterable, key) -> dict:
    found: dict = defaultdict(list)
    for row in rows:
        found[key(row)].append(row)
    return found


def _recusals(session: Session, council_id: int) -> dict[int, list[RecusalRecord]]:
    rows = session.execute(
        select(models.ConflictOfInterest, models.Person.public_id)
        .join(models.Membership, models.Membership.id == models.ConflictOfInterest.membership_id)
        .join(models.Person, models.Person.id == models.Membership.person_id)
        .where(
            models.Membership.council_id == council_id,
            models.ConflictOfInterest.decision == ConflictDecision.RECUSED.value,
        )
        .order_by(models.ConflictOfInterest.id)
    )
    found: dict[int, list[RecusalRecord]] = defaultdict(list)
    for conflict, person_key in rows:
        found[conflict.agenda_item_id].append(RecusalRecord(person_key, conflict.reason.strip()))
    return found


def _present(session: Session, council_id: int) -> dict[int, list[str]]:
    rows = session.execute(
        select(models.Attendance.meeting_id, models.Person.public_id)
        .join(models.Membership, models.Membership.id == models.Attendance.membership_id)
        .join(models.Person, models.Person.id == models.Membership.person_id)
        .where(
            models.Membership.council_id == council_id,
            models.Attendance.status == AttendanceStatus.PRESENT.value,
        )
        .order_by(models.Person.family_name, models.Person.given_name, models.Person.id)
    )
    found: dict[int, list[str]] = defaultdict(list)
    for meeting_id, person_key in rows:
        found[meeting_id].append(person_key)
    return found


def _public_minutes(session: Session, council_id: int) -> dict[int, FileRecord]:
    """The newest approved minutes version with a stored public PDF, per meeting; only its
    public PDF is read (not the internal one, nor those of superseded versions)."""
    version = models.MinutesVersion
    heads = session.execute(
        select(
            version.id,
            version.meeting_id,
            version.public_id,
            version.created,
            version.modified,
            version.approved_on,
        )
        .join(models.Meeting, models.Meeting.id == version.meeting_id)
        .where(
            models.Meeting.council_id == council_id,
            version.state == MinutesState.APPROVED.value,
            version.public_pdf.is_not(None),
        )
        .order_by(version.number)
    )
    newest = {head.meeting_id: head for head in heads}
    if not newest:
        return {}
    pdfs = dict(
        session.execute(
            select(version.id, version.public_pdf).where(
                version.id.in_([head.id for head in newest.values()])
            )
        ).all()
    )
    return {
        meeting_id: FileRecord(
            stamp=_stamp(head),
            name="Protokoll (öffentlicher Teil)",
            file_name="protokoll.pdf",
            content=pdfs[head.id] or b"",
            on=head.approved_on,
        )
        for meeting_id, head in newest.items()
    }


def _invited(meeting: models.Meeting) -> bool:
    return (
        meeting.deleted_at is None
        and meeting.state == MeetingState.INVITED.value
        and meeting.invitation_sent_on is not None
    )


def _invitation_key(meeting: models.Meeting) -> str:
    return derived_key(meeting.public_id, "invitation")


def _retired_invitation(meeting: models.Meeting) -> tuple[Stamp, ...]:
    """The invitation of a meeting no longer "eingeladen" (held, cancelled): published
    while it was, so it stays as a tombstone."""
    if meeting.invitation_sent_on is None or _invited(meeting) or meeting.deleted_at:
        return ()
    key = _invitation_key(meeting)
    return (Stamp(key, meeting.created, meeting.modified, meeting.modified),)


class _InvitationPdfs:
    """The public invitation PDFs: the previous export's file where it shows the same
    (its keywords carry the digest of the document and of the program), rendered else."""

    FILE_NAME = "einladung.pdf"

    def __init__(self, previous: Path | None) -> None:
        self._previous = previous

    def of(self, session: Session, meetings: list[models.Meeting]) -> dict[int, FileRecord]:
        found = {}
        for meeting, document in zip(
            meetings, meeting_documents_of(session, meetings, None), strict=True
        ):
            key = _invitation_key(meeting)
            found[meeting.id] = FileRecord(
                stamp=Stamp(key, meeting.created, meeting.modified),
                name="Einladung",
                file_name=self.FILE_NAME,
                content=self._pdf(key, _public_invitation(document)),
                on=meeting.invitation_sent_on,
            )
        return found

    def _pdf(self, key: str, document: MeetingDocument) -> bytes:
        source = f"{_renderer()}|{document!r}".encode()
        mark = f"oparl-{hashlib.sha256(source).hexdigest()[:32]}"
        if self._previous is not None:
            try:
                earlier = (self._previous / "file" / key / self.FILE_NAME).read_bytes()
            except OSError:
                earlier = b""
            if mark.encode("ascii") in earlier:
                return earlier
        from expertenrat.reports.invitation_pdf import render_invitation  # reportlab: on demand

        return render_invitation(document, reproducible=True, keywords=mark).pdf


@functools.cache
def _renderer() -> str:
    """What draws the invitation: program and reportlab version, and a digest of the
    report modules' source where it can be read (not in a frozen build, whose version
    names it), so a changed layout is drawn anew even within one version."""
    import reportlab

    from expertenrat import reports

    digest = hashlib.sha256()
    for module in sorted(Path(reports.__file__).parent.glob("*.py")):
        with contextlib.suppress(OSError):
            digest.update(module.read_bytes())
    return f"{__version__}|{reportlab.Version}|{digest.hexdigest()}"


def _public_invitation(document: MeetingDocument) -> MeetingDocument:
    """The invitation as the public may see it: public items only, without presenters,
    recusals and notes; no online link (it may be meant for the members only)."""
    return replace(
        document,
        agenda=tuple(
            replace(e, presenter="", conflicts=(), notes="") for e in document.agenda if e.public
        ),
        online_link="",
    )


def _recommendations(
    session: Session, council_id: int, project_keys: dict[int, str], item_keys: dict[int, str]
) -> list[RecommendationRecord]:
    rows = list(
        session.scalars(
            select(models.Recommendation)
            .where(models.Recommendation.council_id == council_id)
            .order_by(models.Recommendation.code)
        )
    )
    addressed = _grouped(
        session.execute(
            select(
                models.RecommendationProject.recommendation_id,
                models.RecommendationProject.project_id,
            )
            .join(models.Recommendation)
            .where(models.Recommendation.council_id == council_id)
            .order_by(models.RecommendationProject.position)
        ),
        lambda row: row[0],
    )
    return [
        RecommendationRecord(
            stamp=_stamp(r),
            code=r.code,
            kind=RecommendationKind(r.kind),
            title=r.title,
            status=RecommendationStatus(r.status),
            text=r.text,
            adopted_on=r.adopted_on,
            due_on=r.due_on,
            field_key=_field_key(council_id, r.action_field_id),
            project_keys=tuple(project_keys[p] for _r, p in addressed.get(r.id, ())),
            origin_item_key=item_keys.get(r.origin_agenda_item_id)
            if r.origin_agenda_item_id
            else None,
        )
        for r in rows
    ]
