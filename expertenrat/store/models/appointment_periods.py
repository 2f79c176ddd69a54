"""A council's appointment periods (Berufungsperioden, migration 0029)."""

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from expertenrat.domain.field_limits import APPOINTMENT_PERIOD
from expertenrat.store.model_base import Base, PublicId, Versioned, limited_string


class AppointmentPeriod(Versioned, PublicId, Base):
    """ "Berufungsperiode 2024–2027": the span a council's members are appointed for; the
    periods of one council do not overlap (the service checks it, ``Datenbank prüfen``
    too). Its public id is the OParl LegislativeTerm's."""

    __tablename__ = "appointment_periods"
    __table_args__ = (
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="period_order"),
        {"sqlite_autoincrement": True},  # the audit trail names a deleted one by its id
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(limited_string(APPOINTMENT_PERIOD["name"]))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
