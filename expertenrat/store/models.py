"""Typed SQLAlchemy 2 models for the whole mission.

Every record a user edits carries a ``version`` column that SQLAlchemy increments on each
UPDATE and checks in its WHERE clause (optimistic locking). Enums are stored as their
string values so that the database stays readable and portable between SQLite and
PostgreSQL.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from expertenrat.domain.field_limits import ACTION_FIELD_NAME, COUNCIL, PERSON, TextField

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _text(spec: TextField) -> String:
    """The column type of a text field: as long as the domain allows (``field_limits``)."""
    return String(spec.max_length)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Versioned:
    """Mixin: optimistic locking and change timestamps."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    modified: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.now(), onupdate=func.now()
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:
        return {"version_id_col": cls.version}


class Council(Versioned, Base):
    __tablename__ = "councils"
    __table_args__ = (CheckConstraint("min_members <= max_members", name="member_limits"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(_text(COUNCIL["name"]))
    short_name: Mapped[str] = mapped_column(_text(COUNCIL["short_name"]), default="")
    city: Mapped[str] = mapped_column(_text(COUNCIL["city"]))
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    min_members: Mapped[int] = mapped_column(Integer, default=8)
    max_members: Mapped[int] = mapped_column(Integer, default=10)
    quorum_rule: Mapped[str] = mapped_column(String(30), default="more_than_half")
    notice_period_days: Mapped[int] = mapped_column(Integer, default=7)
    response_period_days: Mapped[int] = mapped_column(Integer, default=56)

    action_fields: Mapped[list[ActionField]] = relationship(
        back_populates="council", order_by="ActionField.position", cascade="all, delete-orphan"
    )


class ActionField(Versioned, Base):
    __tablename__ = "action_fields"
    __table_args__ = (UniqueConstraint("council_id", "name", name="uq_action_fields_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(_text(ACTION_FIELD_NAME))
    colour: Mapped[str] = mapped_column(String(7), default="#607d8b")
    position: Mapped[int] = mapped_column(Integer, default=0)

    council: Mapped[Council] = relationship(back_populates="action_fields")


class Person(Versioned, Base):
    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(_text(PERSON["title"]), default="")
    form_of_address: Mapped[str] = mapped_column(_text(PERSON["form_of_address"]), default="")
    given_name: Mapped[str] = mapped_column(_text(PERSON["given_name"]))
    family_name: Mapped[str] = mapped_column(_text(PERSON["family_name"]), index=True)
    affiliation: Mapped[str] = mapped_column(_text(PERSON["affiliation"]), default="")
    position: Mapped[str] = mapped_column(_text(PERSON["position"]), default="")
    sector: Mapped[str] = mapped_column(String(30), default="other")
    email: Mapped[str] = mapped_column(_text(PERSON["email"]), default="", index=True)
    phone: Mapped[str] = mapped_column(_text(PERSON["phone"]), default="")
    # Long texts are TEXT columns; their limits (field_limits) are checked by the domain only.
    postal_address: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    publish_name: Mapped[bool] = mapped_column(Boolean, default=False)
    publish_name_on: Mapped[date | None] = mapped_column(Date)
    publish_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    publish_contact_on: Mapped[date | None] = mapped_column(Date)

    memberships: Mapped[list[Membership]] = relationship(back_populates="person")


class ConsentEntry(Base):
    """The consent ledger: one grant or withdrawal each, never changed afterwards.

    The person's ``publish_*`` columns cache the latest entry of each kind; only
    ``services.consent_ledger`` writes either. ``recorded_at`` is in UTC.
    """

    __tablename__ = "consent_entries"

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


class Membership(Versioned, Base):
    __tablename__ = "memberships"

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
    further_fields: Mapped[list[MembershipFurtherField]] = relationship(
        cascade="all, delete-orphan"
    )


class Project(Versioned, Base):
    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    action_field_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_fields.id", ondelete="RESTRICT"), index=True
    )
    lead_unit: Mapped[str] = mapped_column(String(300), default="")
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str] = mapped_column(String(320), default="")
    phase: Mapped[str] = mapped_column(String(30), default="planning")
    partners: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")


class MeetingSeries(Versioned, Base):
    __tablename__ = "meeting_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300), default="")
    rrule: Mapped[str] = mapped_column(Text)


class Meeting(Versioned, Base):
    __tablename__ = "meetings"
    __table_args__ = (UniqueConstraint("council_id", "number", name="uq_meetings_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="SET NULL"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30), default="regular")
    title: Mapped[str] = mapped_column(String(300), default="")
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    ends_at: Mapped[datetime | None] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(300), default="")
    online_link: Mapped[str] = mapped_column(String(1000), default="")
    state: Mapped[str] = mapped_column(String(30), default="planned")
    invitation_sent_on: Mapped[date | None] = mapped_column(Date)
    chair_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="RESTRICT"), index=True
    )
    minute_taker: Mapped[str] = mapped_column(String(200), default="")
    opened_at: Mapped[time | None] = mapped_column(Time)
    closed_at: Mapped[time | None] = mapped_column(Time)
    notes: Mapped[str] = mapped_column(Text, default="")


class AgendaItem(Versioned, Base):
    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(30), default="consultation")
    public: Mapped[bool] = mapped_column(Boolean, default=True)
    presenter: Mapped[str] = mapped_column(String(300), default="")
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="RESTRICT"), index=True
    )
    discussion: Mapped[str] = mapped_column(Text, default="")
    motion_text: Mapped[str] = mapped_column(Text, default="")
    resolution_text: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(String(100), default="")


class Attendance(Versioned, Base):
    __tablename__ = "attendances"
    __table_args__ = (
        UniqueConstraint("meeting_id", "membership_id", name="uq_attendances_member"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    membership_id: Mapped[int] = mapped_column(
        ForeignKey("memberships.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[str] = mapped_column(String(30), default="present")
    arrived_at: Mapped[time | None] = mapped_column(Time)
    left_at: Mapped[time | None] = mapped_column(Time)
    from_item: Mapped[str] = mapped_column(String(20), default="")
    until_item: Mapped[str] = mapped_column(String(20), default="")


class Guest(Versioned, Base):
    __tablename__ = "guests"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    affiliation: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(String(300), default="")


class ConflictOfInterest(Versioned, Base):
    __tablename__ = "conflicts_of_interest"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    membership_id: Mapped[int] = mapped_column(
        ForeignKey("memberships.id", ondelete="RESTRICT"), index=True
    )
    reason: Mapped[str] = mapped_column(Text, default="")


class Vote(Versioned, Base):
    __tablename__ = "votes"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    subject: Mapped[str] = mapped_column(Text, default="")
    yes: Mapped[int] = mapped_column(Integer, default=0)
    no: Mapped[int] = mapped_column(Integer, default=0)
    abstain: Mapped[int] = mapped_column(Integer, default=0)
    recused: Mapped[int] = mapped_column(Integer, default=0)
    adopted: Mapped[bool] = mapped_column(Boolean, default=False)


class Recommendation(Versioned, Base):
    __tablename__ = "recommendations"
    __table_args__ = (UniqueConstraint("council_id", "code", name="uq_recommendations_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(30))
    kind: Mapped[str] = mapped_column(String(30), default="recommendation")
    title: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text, default="")
    action_field_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_fields.id", ondelete="RESTRICT"), index=True
    )
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="RESTRICT"), index=True
    )
    origin_agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )
    adopted_on: Mapped[date] = mapped_column(Date)
    sent_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(30), default="adopted", index=True)
    response_kind: Mapped[str | None] = mapped_column(String(30))
    response_text: Mapped[str] = mapped_column(Text, default="")
    responded_on: Mapped[date | None] = mapped_column(Date)
    follow_up: Mapped[str] = mapped_column(Text, default="")


class RecommendationStatusChange(Base):
    __tablename__ = "recommendation_status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendations.id", ondelete="CASCADE"), index=True
    )
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    from_status: Mapped[str | None] = mapped_column(String(30))
    to_status: Mapped[str] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(200), default="")


class MinutesVersion(Versioned, Base):
    __tablename__ = "minutes_versions"
    __table_args__ = (UniqueConstraint("meeting_id", "number", name="uq_minutes_versions_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer, default=1)
    state: Mapped[str] = mapped_column(String(30), default="draft")
    circulated_on: Mapped[date | None] = mapped_column(Date)
    approved_on: Mapped[date | None] = mapped_column(Date)
    approved_in_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    sha256: Mapped[str | None] = mapped_column(String(64))


class Objection(Versioned, Base):
    __tablename__ = "objections"

    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_version_id: Mapped[int] = mapped_column(
        ForeignKey("minutes_versions.id", ondelete="CASCADE"), index=True
    )
    raised_by: Mapped[str] = mapped_column(String(200))
    raised_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(30), default="open")
    decision: Mapped[str] = mapped_column(Text, default="")


class AuditEntry(Base):
    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(30))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    council_id: Mapped[int | None] = mapped_column(Integer, index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
