"""The OParl 1.1 export: every council's records read in one session, mapped by the
domain (:mod:`expertenrat.domain.oparl`), written as a static tree by
:func:`expertenrat.services.folder_writing.write_folder`.

The service reads everything, deleted and non-public records included, with a few
queries per council; the domain decides what goes out. Records without a public id of
their own (council, action field) get one derived from their row id, so ids stay stable.
Invitations are rendered for invited meetings only
(:mod:`expertenrat.services.oparl_invitations`); a held meeting is published by its
approved public minutes instead (:mod:`expertenrat.services.oparl_meetings`).

This module reads the council, its members, projects and recommendations, and runs the
export.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import MemberRole, RecommendationKind, RecommendationStatus
from expertenrat.domain.name_order import name_sort_key
from expertenrat.domain.oparl import oparl_tree
from expertenrat.domain.oparl_base import check_base_url, derived_key
from expertenrat.domain.oparl_records import (
    ActionFieldRecord,
    CouncilRecord,
    MembershipRecord,
    PeriodRecord,
    PersonRecord,
    ProjectRecord,
    RecommendationRecord,
    Stamp,
)
from expertenrat.domain.progress import Progress, no_progress
from expertenrat.domain.published_mentions import (
    unnamed_in_agendas,
    unnamed_in_recommendations,
)
from expertenrat.exchange.oparl_files import oparl_files
from expertenrat.exchange.oparl_previous import PreviousExportFolder
from expertenrat.services.appointment_periods import period_rows
from expertenrat.services.approved_public_mentions import published_mentions
from expertenrat.services.folder_writing import WrittenFolder, write_folder
from expertenrat.services.oparl_invitations import InvitationPdfs
from expertenrat.services.oparl_meetings import meeting_records
from expertenrat.services.oparl_rows import field_key, grouped, stamp_of
from expertenrat.services.unit_of_work import reading
from expertenrat.store import models
from expertenrat.store.database import Database

# The OParl tree's entry point: a folder holding it holds an earlier export.
MARK = "system.json"


class OParlExportService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def councils(
        self,
        *,
        invitations: bool = True,
        previous: Path | None = None,
        progress: Progress = no_progress,
    ) -> list[CouncilRecord]:
        """Every council's records as the OParl mapping reads them; ``invitations``:
        with the public invitation PDFs of invited meetings, taken from the export in
        ``previous`` where unchanged, rendered otherwise. ``progress`` is told of each
        council (of one step more: the writing that follows)."""
        pdfs = InvitationPdfs(previous) if invitations else None
        with reading(self._db) as session:
            rows = list(session.scalars(select(models.Council).order_by(models.Council.id)))
            found = []
            for done, row in enumerate(rows):
                progress(done, len(rows) + 1)
                found.append(_council(session, row, pdfs))
            return found

    def export(
        self, folder: Path, base_url: str, *, force: bool = False, progress: Progress = no_progress
    ) -> WrittenFolder:
        """Write the tree for ``base_url`` into ``folder`` (one not empty is replaced only
        with ``force``, and only if it holds an earlier export); all or nothing. What an
        export already in ``folder`` published and this one does not stays as a tombstone.
        ``progress`` may stop it (:class:`Cancelled`) until the writing begins."""
        base = check_base_url(base_url)
        councils = self.councils(previous=folder, progress=progress)
        tree = oparl_tree(base, councils, PreviousExportFolder(folder))
        files = oparl_files(tree)
        progress(len(councils), len(councils) + 1)
        with reading(self._db) as session:
            warnings = (
                *published_mentions(session),
                *unnamed_in_agendas(councils),
                *unnamed_in_recommendations(councils),
            )
        written = write_folder(folder, files, force=force, mark=MARK)
        return replace(written, warnings=warnings)


def _council_key(council_id: int) -> str:
    return derived_key("council", str(council_id))


def _council(
    session: Session, council: models.Council, invitations: InvitationPdfs | None
) -> CouncilRecord:
    cid = council.id
    fields = [
        ActionFieldRecord(stamp_of(f, field_key(cid, f.id)), f.name) for f in council.action_fields
    ]
    persons, memberships = _members(session, council)
    projects = list(
        session.scalars(
            select(models.Project)
            .where(models.Project.council_id == cid)
            .order_by(models.Project.id)
        )
    )
    project_keys = {p.id: p.public_id for p in projects}
    meetings, item_keys = meeting_records(session, council, project_keys, invitations)
    return CouncilRecord(
        stamp=stamp_of(council, _council_key(cid)),
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
            ProjectRecord(stamp_of(p), p.title, p.short_code, field_key(cid, p.action_field_id))
            for p in projects
        ),
        recommendations=tuple(_recommendations(session, cid, project_keys, item_keys)),
        periods=tuple(
            PeriodRecord(stamp_of(p), p.name, p.starts_on, p.ends_on)
            for p in period_rows(session, cid)
        ),
    )


def _members(
    session: Session, council: models.Council
) -> tuple[list[PersonRecord], list[MembershipRecord]]:
    council_id, titles = council.id, council.role_titles
    found = session.execute(
        select(models.Membership, models.Person)
        .join(models.Person, models.Person.id == models.Membership.person_id)
        .where(models.Membership.council_id == council_id)
    ).all()
    # The persons and memberships lists read in name order (name_sort_key, not SQL's
    # collation: "von Hohenzollern" under H, "Öztürk" under O); a council's few members.
    rows = sorted(found, key=lambda row: (_name_key(row[1]), row[0].id))
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
        role = MemberRole(membership.role)
        memberships.append(
            MembershipRecord(
                stamp=_membership_stamp(membership, role, council),
                person_key=person.public_id,
                role=role,
                role_title=titles.of(role),
                start=membership.term_start,
                end=membership.term_end,
                voting_right=membership.voting_right,
                field_key=field_key(council_id, membership.primary_field_id),
                further_field_keys=tuple(
                    field_key(council_id, f) or ""
                    for f in sorted(further[membership.id])
                    if f != membership.primary_field_id
                ),
            )
        )
    return list(persons.values()), memberships


def _membership_stamp(
    membership: models.Membership, role: MemberRole, council: models.Council
) -> Stamp:
    """The stamp of ``membership``: the ``role`` of a chair or vice chair is the title the
    council's settings give it ("Sprecher*in"), so a change of the council's settings may
    change what the membership shows: its ``modified`` is then the council's, if later (as
    the Organization's and the LegislativeTerms' are the council's)."""
    stamp = stamp_of(membership)
    if role is MemberRole.MEMBER or council.modified <= stamp.modified:
        return stamp
    return replace(stamp, modified=council.modified)


def _person(person: models.Person) -> PersonRecord:
    return PersonRecord(
        stamp=stamp_of(person),
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


def _recommendations(
    session: Session, council_id: int, project_keys: dict[int, str], item_keys: dict[int, str]
) -> list[RecommendationRecord]:
    written = models.WrittenProcedure
    rows = session.execute(
        select(models.Recommendation, written.id, written.reported_item_id)
        .outerjoin(written, written.recommendation_id == models.Recommendation.id)
        .where(models.Recommendation.council_id == council_id)
        .order_by(models.Recommendation.code)
    ).all()
    addressed = grouped(
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
            stamp=stamp_of(r),
            code=r.code,
            kind=RecommendationKind(r.kind),
            title=r.title,
            status=RecommendationStatus(r.status),
            text=r.text,
            adopted_on=r.adopted_on,
            due_on=r.due_on,
            field_key=field_key(council_id, r.action_field_id),
            project_keys=tuple(project_keys[p] for _r, p in addressed.get(r.id, ())),
            origin_item_key=item_keys.get(r.origin_agenda_item_id)
            if r.origin_agenda_item_id
            else None,
            in_writing=procedure is not None,
            reported_item_key=item_keys.get(reported) if reported else None,
        )
        for r, procedure, reported in rows
    ]


def _name_key(person: models.Person) -> str:
    return name_sort_key(person.family_name, person.given_name)
