"""Writing recommendation rows, shared by the minutes and the register: codes, addressed
projects, history lines and audit snapshots; the row to change, the end of a change (its
history line and audit entry) and its detail after.

A code is handed out once: "E-<year>-<nn>" (E: the council's prefix), running per council
and year (across prefixes), never reused while a row holds it (deleted ones included), nor
once a draft adopted in another year left it for a code of that year
(:func:`renumber_on_adoption`): such codes are kept in ``retired_recommendation_codes``
(:func:`retire_code`). On PostgreSQL the council row is locked until commit
(:func:`lock_codes`), so two PCs never hand out the same code.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction, HistoryKind, RecommendationStatus
from expertenrat.domain.errors import FieldProblem, NotFoundError, ValidationError
from expertenrat.domain.recommendation_codes import (
    next_recommendation_number,
    recommendation_code,
    renumbered_on_adoption,
)
from expertenrat.domain.recommendation_views import RecommendationDetail
from expertenrat.services import audit
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.minutes_freeze import is_frozen
from expertenrat.services.recommendation_detail import detail
from expertenrat.services.recommendation_rows import register_rows
from expertenrat.services.unit_of_work import check_version, fetch, hold_council
from expertenrat.store import models

WHAT = "Die Empfehlung"


def lock_codes(session: Session, council_id: int) -> None:
    """Hold the council row until commit, so no other transaction hands out a code
    meanwhile (:func:`hold_council`)."""
    hold_council(session, council_id)


def new_code(session: Session, council_id: int, year: int) -> str:
    """The next code of ``year`` for the council (see :func:`lock_codes`): after every code
    of the year a recommendation holds and every one retired (:func:`retire_code`)."""
    lock_codes(session, council_id)
    # of any prefix: a prefix changed in the year goes on counting (DB-2026-08 after
    # E-2026-07), so no number of the year is handed out twice
    of_year = f"%-{year}-%"
    held, retired = models.Recommendation, models.RetiredRecommendationCode
    codes = session.scalars(
        select(held.code)
        .where(held.council_id == council_id, held.code.like(of_year))
        .union_all(
            select(retired.code).where(retired.council_id == council_id, retired.code.like(of_year))
        )
    ).all()
    prefix = session.get(models.Council, council_id).recommendation_prefix
    return recommendation_code(year, next_recommendation_number(year, codes), prefix)


def retire_code(session: Session, council_id: int, code: str) -> None:
    """Remember a code no recommendation holds any more: that of one taken out of the
    minutes, or the one a draft left when adopted in another year. It may already stand in
    a circulated draft, a list or a letter, so it is never handed out again."""
    retired = models.RetiredRecommendationCode
    known = session.scalar(
        select(retired.id).where(retired.council_id == council_id, retired.code == code)
    )
    if known is None:
        session.add(retired(council_id=council_id, code=code))


def code_printed(session: Session, row: models.Recommendation) -> bool:
    """Whether ``row``'s code went out: sent to a project, or in minutes now approved."""
    if row.sent_on is not None:
        return True
    if row.origin_agenda_item_id is None:
        return False
    item = session.get(models.AgendaItem, row.origin_agenda_item_id)
    return item is not None and is_frozen(session, item.meeting_id)


def renumber_on_adoption(session: Session, row: models.Recommendation, on: date) -> str | None:
    """A draft adopted ``on`` in another year than its code's gets the next code of the
    year of adoption (the code is the reference number of the adopted recommendation),
    unless its code already went out (:func:`code_printed`). Returns the code it had, or
    None where it keeps it. The old code is retired (:func:`retire_code`), so it is never
    handed out again."""
    if not renumbered_on_adoption(row.code, on) or code_printed(session, row):
        return None
    old = row.code
    row.code = new_code(session, row.council_id, on.year)
    retire_code(session, row.council_id, old)
    return old


def checked_projects(
    session: Session, council_id: int, project_ids: tuple[int, ...]
) -> list[models.Project]:
    """The projects of the council, in order; a missing or deleted one is refused."""
    found = {
        p.id: p
        for p in session.scalars(
            # Kept until the links are committed: a deletion on another PC waits for them.
            select(models.Project)
            .where(models.Project.id.in_(project_ids))
            .with_for_update(read=True, key_share=True)
        )
    }
    projects = []
    for project_id in project_ids:
        project = found.get(project_id)
        if project is None or project.council_id != council_id:
            raise ValidationError(
                [FieldProblem("project_ids", "Das Projekt gibt es nicht mehr. Vielleicht wurde "
                              "es gelöscht.")]
            )  # fmt: skip
        if project.deleted_at is not None:
            raise ValidationError(
                [
                    FieldProblem(
                        "project_ids",
                        f"Das Projekt „{project.title}“ wurde gelöscht und kann keine Empfehlung "
                        "mehr erhalten.",
                    )
                ]
            )
        projects.append(project)
    return projects


def checked_action_field(session: Session, council_id: int, field_id: int | None) -> None:
    if field_id is not None:
        field = session.get(models.ActionField, field_id)
        if field is None or field.council_id != council_id:
            raise ValidationError(
                [FieldProblem("action_field_id", "Das Handlungsfeld gibt es nicht mehr.")]
            )


def set_projects(row: models.Recommendation, project_ids: tuple[int, ...]) -> None:
    """Address ``row`` to the projects in the order given (the links are replaced)."""
    if [link.project_id for link in row.projects] == list(project_ids):
        return
    row.projects = [
        models.RecommendationProject(project_id=project_id, position=position)
        for position, project_id in enumerate(project_ids)
    ]


def addressed(session: Session, recommendation_id: int) -> list[tuple[int, str]]:
    """(id, title) of the projects the recommendation is addressed to, in their order."""
    link = models.RecommendationProject
    return [
        (key, title)
        for key, title in session.execute(
            select(models.Project.id, models.Project.title)
            .join(link, link.project_id == models.Project.id)
            .where(link.recommendation_id == recommendation_id)
            .order_by(link.position)
        )
    ]


def project_ids(row: models.Recommendation) -> tuple[int, ...]:
    return tuple(link.project_id for link in row.projects)


def snapshot(row: models.Recommendation) -> dict[str, Any]:
    """The audit snapshot of a recommendation, with its addressed projects."""
    return {**audit.snapshot(row), "project_ids": list(project_ids(row))}


def add_history(
    session: Session,
    row: models.Recommendation,
    kind: HistoryKind,
    occurred_on: date,
    actor: str,
    *,
    note: str = "",
    from_status: RecommendationStatus | None = None,
    to_status: RecommendationStatus | None = None,
) -> None:
    session.add(
        models.RecommendationStatusChange(
            recommendation_id=row.id,
            kind=kind.value,
            occurred_on=occurred_on,
            from_status=from_status.value if from_status else None,
            to_status=to_status.value if to_status else None,
            note=note,
            actor=actor,
        )
    )


def record_update(
    session: Session,
    row: models.Recommendation,
    before: dict[str, Any],
    kind: HistoryKind,
    occurred_on: date,
    actor: str,
    *,
    summary: str,
    note: str = "",
    from_status: RecommendationStatus | None = None,
    to_status: RecommendationStatus | None = None,
    also: dict[str, Any] | None = None,
    today: date | None = None,
) -> RecommendationDetail:
    """The end of a change to ``row`` (its :func:`snapshot` was ``before``): flushed, its
    version bumped; a line of its history (as :func:`add_history`) and the audit entry of
    the change (``also``: what the after-state holds beyond the row); returns its
    detail as of ``today`` (default: today for the council)."""
    session.flush()
    add_history(
        session, row, kind, occurred_on, actor,
        note=note, from_status=from_status, to_status=to_status,
    )  # fmt: skip
    audit.record(
        session, actor, AuditAction.UPDATE, "recommendation", row.id,
        council_id=row.council_id, summary=summary, before=before,
        after={**snapshot(row), **(also or {})},
    )  # fmt: skip
    return detail_of(session, row, today)


def live(session: Session, recommendation_id: int) -> models.Recommendation:
    """The recommendation unless it was deleted (a German message then)."""
    row = fetch(session, models.Recommendation, recommendation_id, WHAT)
    if row.deleted_at is not None:
        raise NotFoundError(f"{WHAT} {row.code} wurde gelöscht.")
    return row


def stored(session: Session, recommendation_id: int, version: int) -> models.Recommendation:
    """The recommendation to change, refused if someone changed it since ``version``."""
    row = live(session, recommendation_id)
    check_version(row, version, f"{WHAT} {row.code}")
    return row


def detail_of(
    session: Session, row: models.Recommendation, today: date | None = None
) -> RecommendationDetail:
    """The register's detail of ``row`` as of ``today`` (default: today for the council)."""
    day = today or council_clock(session, row.council_id).today()
    (found,) = register_rows(session, row.council_id, day, only_id=row.id)
    return detail(session, found)


def refuse_future(
    session: Session,
    council_id: int,
    on: date,
    subject: str = "Das Datum",
    today: date | None = None,
) -> None:
    """A step of the register is a fact of the past: dated after the council's today
    (``today``, else its clock's) it is a slip of the keyboard (2062 for 2026), which would
    mint a code of that year."""
    today = today or council_clock(session, council_id).today()
    if on > today:
        raise ValidationError(
            [
                FieldProblem(
                    "on",
                    f"{subject} ({on:%d.%m.%Y}) liegt in der Zukunft; heute ist der "
                    f"{today:%d.%m.%Y}.",
                )
            ]
        )
