"""Members: persons, their memberships in the council, and the consent ledger (what may be
published about a person)."""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from expertenrat.domain.enums import ConsentKind, ConsentSource, MemberRole, Sector
from expertenrat.domain.field_limits import PERSON
from expertenrat.store.model_base import (
    Base,
    PublicId,
    SoftDeleted,
    Versioned,
    limited_string,
    one_of,
)


class Person(PublicId, SoftDeleted, Versioned, Base):
    __tablename__ = "persons"
    # SQLite gives a deleted person's id to no other (migration 0028): the audit trail
    # names a person by it.
    __table_args__ = (one_of("sector", Sector), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(limited_string(PERSON["title"]), default="")
    form_of_address: Mapped[str] = mapped_column(
        limited_string(PERSON["form_of_address"]), default=""
    )
    given_name: Mapped[str] = mapped_column(limited_string(PERSON["given_name"]))
    family_name: Mapped[str] = mapped_column(limited_string(PERSON["family_name"]), index=True)
    affiliation: Mapped[str] = mapped_column(limited_string(PERSON["affiliation"]), default="")
    position: Mapped[str] = mapped_column(limited_string(PERSON["position"]), default="")
    sector: Mapped[str] = mapped_column(String(30), default="other")
    email: Mapped[str] = mapped_column(limited_string(PERSON["email"]), default="", index=True)
    phone: Mapped[str] = mapped_column(limited_string(PERSON["phone"]), default="")
    # Long texts are TEXT columns; their limits (field_limits) are checked by the domain only.
    postal_address: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    publish_name: Mapped[bool] = mapped_column(Boolean, default=False)
    publish_name_on: Mapped[date | None] = mapped_column(Date)
    publish_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    publish_contact_on: Mapped[date | None] = mapped_column(Date)

    memberships: Mapped[list["Membership"]] = relationship(back_populates="person")


class ConsentEntry(Base):
    """The consent ledger: one grant or withdrawal each, never changed afterwards.

    The person's ``publish_*`` columns cache the latest entry of each kind; only
    ``services.consent_ledger`` writes either. ``recorded_at`` is in UTC.
    """

    __tablename__ = "consent_entries"
    __table_args__ = (
        one_of("kind", ConsentKind),
        one_of("source", ConsentSource),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    granted: Mapped[bool] = mapped_column(Boolean)
    effective_on: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(30))
    actor: Mapped[str] = mapped_column(String(200), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)

    person: Mapped[Person] = relationship()


class MembershipFurtherField(Base):
    __tablename__ = "membership_further_fields"

    membership_id: Mapped[int] = mapped_column(
        ForeignKey("memberships.id", ondelete="CASCADE"), primary_key=True
    )
    action_field_id: Mapped[int] = mapped_column(
        ForeignKey("action_fields.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class Membership(PublicId, SoftDeleted, Versioned, Base):
    __tablename__ = "memberships"
    # Never given again (migration 0028), as a person's id.
    __table_args__ = (one_of("role", MemberRole), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="RESTRICT"), index=True
    )
    role: Mapped[str] = mapped_column(String(30), default="member")
    term_start: Mapped[date] = mapped_column(Date)
    term_end: Mapped[date | None] = mapped_column(Date)
    voting_right: Mapped[bool] = mapped_column(Boolean, default=True)
    primary_field_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_fields.id", ondelete="RESTRICT"), index=True
    )

    person: Mapped[Person] = relationship(back_populates="memberships")
    further_fields: Mapped[list["MembershipFurtherField"]] = relationship(
        cascade="all, delete-orphan"
    )
