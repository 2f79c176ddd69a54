"""A council's appointment periods (Berufungsperioden): list, add, edit, delete, each with
its entry in the audit trail.

A period is checked on its own (name, dates, their order) and against the council's other
periods: they must not overlap nor share a name. Adding or changing one holds the
council's row first, so two PCs adding overlapping periods at once cannot both succeed.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.appointment_periods import (
    AppointmentPeriod,
    clean_period,
    name_problems,
    overlap_problems,
    period_problems,
)
from expertenrat.domain.enums import AuditAction
from expertenrat.services import audit
from expertenrat.services.unit_of_work import (
    changing,
    check_version,
    fetch,
    hold_council,
    of_council,
    raise_if_invalid,
    reading,
)
from expertenrat.store import models
from expertenrat.store.database import Database

ENTITY = "appointment_period"
_ONE = "Die Berufungsperiode"


class AppointmentPeriodsService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    def periods(self, council_id: int) -> list[AppointmentPeriod]:
        """The council's periods, the earliest first."""
        with reading(self._db) as session:
            return of_council(
                session, council_id, [period(r) for r in period_rows(session, council_id)]
            )

    def add(self, council_id: int, draft: AppointmentPeriod) -> AppointmentPeriod:
        draft = _checked(draft)
        with changing(self._db, _ONE) as session:
            hold_council(session, council_id)  # another PC adding at once comes after this one
            fetch(session, models.Council, council_id, "Das Gremium")
            _refuse_clashes(session, council_id, draft)
            row = models.AppointmentPeriod(council_id=council_id)
            _apply(row, draft)
            session.add(row)
            session.flush()
            self._audit(session, AuditAction.CREATE, row, "angelegt", after=audit.snapshot(row))
            return period(row)

    def update(self, draft: AppointmentPeriod) -> AppointmentPeriod:
        draft = _checked(draft)
        with changing(self._db, _ONE) as session:
            row = self._fetch(session, draft)
            hold_council(session, row.council_id)
            _refuse_clashes(session, row.council_id, draft)
            before = audit.snapshot(row)
            _apply(row, draft)
            session.flush()
            self._audit(
                session, AuditAction.UPDATE, row, "geändert", before=before,
                after=audit.snapshot(row),
            )  # fmt: skip
            return period(row)

    def delete(self, entry: AppointmentPeriod) -> None:
        with changing(self._db, _ONE) as session:
            row = self._fetch(session, entry)
            self._audit(session, AuditAction.DELETE, row, "gelöscht", before=audit.snapshot(row))
            session.delete(row)

    def _fetch(self, session: Session, entry: AppointmentPeriod) -> models.AppointmentPeriod:
        row = fetch(session, models.AppointmentPeriod, entry.id, _ONE)
        check_version(row, entry.version, _ONE)
        return row

    def _audit(self, session: Session, action: AuditAction, row, verb: str, **states) -> None:
        audit.record(
            session, self._actor, action, ENTITY, row.id, council_id=row.council_id,
            summary=f"Berufungsperiode „{row.name}“ {verb}", **states,
        )  # fmt: skip


def _checked(draft: AppointmentPeriod) -> AppointmentPeriod:
    draft = clean_period(draft)
    raise_if_invalid(period_problems(draft))
    return draft


def _refuse_clashes(session: Session, council_id: int, draft: AppointmentPeriod) -> None:
    """Refuse a draft that shares a day or its name with another period of the council."""
    others = [period(r) for r in period_rows(session, council_id)]
    raise_if_invalid(name_problems(draft, others) + overlap_problems(draft, others))


def _apply(row: models.AppointmentPeriod, draft: AppointmentPeriod) -> None:
    row.name, row.starts_on, row.ends_on = draft.name, draft.start, draft.end


def period_rows(session: Session, council_id: int) -> list[models.AppointmentPeriod]:
    return list(
        session.scalars(
            select(models.AppointmentPeriod)
            .where(models.AppointmentPeriod.council_id == council_id)
            .order_by(models.AppointmentPeriod.starts_on, models.AppointmentPeriod.id)
        )
    )


def period(row: models.AppointmentPeriod) -> AppointmentPeriod:
    return AppointmentPeriod(row.id, row.name, row.starts_on, row.ends_on, row.version)
