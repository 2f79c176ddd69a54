"""Typed SQLAlchemy 2 models for the whole mission.

Every record a user edits carries a ``version`` column that SQLAlchemy increments on each
UPDATE and checks in its WHERE clause (optimistic locking). Enums are stored as their
string values so that the database stays readable and portable between SQLite and
PostgreSQL; a CHECK constraint built from the domain enum guards each of them.

Time: every timestamp (``created``, ``modified``, ``deleted_at``, the audit's ``at``, a
recommendation's ``changed_at``) is a *naive datetime in UTC*, set on the Python side by
:func:`utc_now`, so both databases hold the same values whatever their server time zone
(for rows written without the ORM, PostgreSQL's server default is UTC too since 0004).
Meeting times (``starts_at``, ``ends_at``, ``opened_at`` …) are not timestamps but wall-clock
times in the council's ``time_zone``.

Records that leave the app (OParl, calendars, files) carry a ``public_id``: a uuid4 string
that never changes. Those that OParl must report as deleted carry ``deleted_at``.
"""

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
    select,
    text,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column, relationship

from expertenrat.domain.councils import DEFAULT_CLASSIFICATION
from expertenrat.domain.enums import (
    AgendaItemKind,
    AttendanceStatus,
    ConflictDecision,
    ConflictOrigin,
    ConsentKind,
    ConsentSource,
    HistoryKind,
    MeetingKind,
    MeetingState,
    MemberRole,
    MinutesApproval,
    MinutesState,
    MinutesStyle,
    ObjectionState,
    ProjectPhase,
    QuorumRule,
    RecommendationKind,
    RecommendationStatus,
    ResponseVerdict,
    Sector,
    TextTemplatePurpose,
    VoteMode,
)
from expertenrat.domain.field_limits import (
    ACTION_FIELD_NAME,
    AGENDA_ITEM,
    COUNCIL,
    PARTNER_NAME,
    PERSON,
    PROJECT,
    RECOMMENDATION,
    RECOMMENDATION_RESPONSE,
    TextField,
)
from expertenrat.store.model_base import (
    Base,
    PublicId,
    SoftDeleted,
    Versioned,
    new_public_id,
    not_negative,
    one_of,
    utc_now,
)


def _text(spec: TextField) -> String:
    """The column type of a text field: as long as the domain allows (``field_limits``)."""
    return String(spec.max_length)


class Council(Versioned, Base):
    __tablename__ = "councils"
    __table_args__ = (
        CheckConstraint("min_members <= max_members", name="member_limits"),
        one_of("quorum_rule", QuorumRule),
        one_of("minutes_style", MinutesStyle),
        one_of("minutes_approval", MinutesApproval),
        *not_negative("min_members", "notice_period_days", "objection_period_days"),
        CheckConstraint(
            "response_period_months BETWEEN 0 AND 24", name="response_period_months_range"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(_text(COUNCIL["name"]))
    short_name: Mapped[str] = mapped_column(_text(COUNCIL["short_name"]), default="")
    city: Mapped[str] = mapped_column(_text(COUNCIL["city"]))
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    min_members: Mapped[int] = mapped_column(Integer, default=8)
    max_members: Mapped[int] = mapped_column(Integer, default=10)
    quorum_rule: Mapped[str] = mapped_column(String(30), default="more_than_half")
    notice_period_days: Mapped[int] = mapped_column(Integer, default=7)
    # Months a project has to answer a recommendation (the due date's default).
    response_period_months: Mapped[int] = mapped_column(Integer, default=2, server_default="2")
    bundesland: Mapped[str] = mapped_column(
        String(6), default="DE-MV", server_default="DE-MV"
    )  # ISO 3166-2, for public holidays
    time_zone: Mapped[str] = mapped_column(
        String(60), default="Europe/Berlin", server_default="Europe/Berlin"
    )
    minutes_style: Mapped[str] = mapped_column(
        String(30), default="results", server_default="results"
    )
    minutes_approval: Mapped[str] = mapped_column(String(30), default="vote", server_default="vote")
    objection_period_days: Mapped[int] = mapped_column(Integer, default=14, server_default="14")
    website: Mapped[str] = mapped_column(_text(COUNCIL["website"]), default="", server_default="")
    classification: Mapped[str] = mapped_column(
        _text(COUNCIL["classification"]),
        default=DEFAULT_CLASSIFICATION,
        server_default=DEFAULT_CLASSIFICATION,
    )
    secretariat: Mapped[str] = mapped_column(
        _text(COUNCIL["secretariat"]), default="", server_default=""
    )

    action_fields: Mapped[list["ActionField"]] = relationship(
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


class Person(PublicId, SoftDeleted, Versioned, Base):
    __tablename__ = "persons"
    __table_args__ = (one_of("sector", Sector),)

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

    memberships: Mapped[list["Membership"]] = relationship(back_populates="person")


class ConsentEntry(Base):
    """The consent ledger: one grant or withdrawal each, never changed afterwards.

    The person's ``publish_*`` columns cache the latest entry of each kind; only
    ``services.consent_ledger`` writes either. ``recorded_at`` is in UTC.
    """

    __tablename__ = "consent_entries"
    __table_args__ = (one_of("kind", ConsentKind), one_of("source", ConsentSource))

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
    __table_args__ = (one_of("role", MemberRole),)

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


class Project(PublicId, SoftDeleted, Versioned, Base):
    __tablename__ = "projects"
    __table_args__ = (
        one_of("phase", ProjectPhase),
        # A short code is optional, but unique within the council once given.
        Index(
            "uq_projects_short_code",
            "council_id",
            "short_code",
            unique=True,
            sqlite_where=text("short_code <> ''"),
            postgresql_where=text("short_code <> ''"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(_text(PROJECT["title"]))
    short_code: Mapped[str] = mapped_column(
        _text(PROJECT["short_code"]), default="", server_default=""
    )
    action_field_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_fields.id", ondelete="RESTRICT"), index=True
    )
    lead_unit: Mapped[str] = mapped_column(_text(PROJECT["lead_unit"]), default="")
    contact_name: Mapped[str] = mapped_column(_text(PROJECT["contact_name"]), default="")
    contact_email: Mapped[str] = mapped_column(_text(PROJECT["contact_email"]), default="")
    phase: Mapped[str] = mapped_column(String(30), default="planning")
    description: Mapped[str] = mapped_column(Text, default="")

    partners: Mapped[list["ProjectPartner"]] = relationship(
        order_by="ProjectPartner.position", cascade="all, delete-orphan"
    )


class ProjectPartner(Base):
    """A partner institution of a project (matched against members' affiliations)."""

    __tablename__ = "project_partners"
    __table_args__ = (
        UniqueConstraint("project_id", "position", name="uq_project_partners_position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(_text(PARTNER_NAME))
    position: Mapped[int] = mapped_column(Integer, default=0)


class MeetingSeries(Versioned, Base):
    __tablename__ = "meeting_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300), default="")
    rrule: Mapped[str] = mapped_column(Text)


class Meeting(PublicId, SoftDeleted, Versioned, Base):
    __tablename__ = "meetings"
    __table_args__ = (
        UniqueConstraint("council_id", "number", name="uq_meetings_number"),
        one_of("state", MeetingState),
        one_of("kind", MeetingKind),
        *not_negative("ics_sequence"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="SET NULL"), index=True
    )
    # None for a meeting cancelled while planned: it was never announced under a number.
    number: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30), default="regular")
    title: Mapped[str] = mapped_column(String(300), default="")
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    ends_at: Mapped[datetime | None] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(300), default="")
    room: Mapped[str] = mapped_column(String(200), default="", server_default="")
    online_link: Mapped[str] = mapped_column(String(1000), default="")
    state: Mapped[str] = mapped_column(String(30), default="planned")
    cancellation_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The calendar UID (.ics): stable, so a changed meeting updates the calendar entry.
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_public_id)
    ics_sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    invitation_sent_on: Mapped[date | None] = mapped_column(Date)
    chair_membership_id: Mapped[int | None] = mapped_column(
        ForeignKey("memberships.id", ondelete="RESTRICT"), index=True
    )
    minute_taker: Mapped[str] = mapped_column(String(200), default="")
    opened_at: Mapped[time | None] = mapped_column(Time)
    closed_at: Mapped[time | None] = mapped_column(Time)
    notes: Mapped[str] = mapped_column(Text, default="")
    # What the minutes record about the opening: agenda approved (and how it was changed),
    # quorum established.
    agenda_approved: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    agenda_changes: Mapped[str] = mapped_column(Text, default="", server_default="")
    quorum_noted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class AgendaItem(PublicId, SoftDeleted, Versioned, Base):
    """An agenda item; 2.1 is an item whose ``parent_id`` is item 2.

    ``position`` orders the items under the same parent (top level: parent NULL); the
    two partial unique indexes keep it unique there (NULLs never collide in a plain one).
    ``number`` is the displayed number ("2.1"), derived from the positions.
    """

    __tablename__ = "agenda_items"
    __table_args__ = (
        Index(
            "uq_agenda_items_top_position",
            "meeting_id",
            "position",
            unique=True,
            sqlite_where=text("parent_id IS NULL"),
            postgresql_where=text("parent_id IS NULL"),
        ),
        Index(
            "uq_agenda_items_sub_position",
            "parent_id",
            "position",
            unique=True,
            sqlite_where=text("parent_id IS NOT NULL"),
            postgresql_where=text("parent_id IS NOT NULL"),
        ),
        one_of("kind", AgendaItemKind),
        *not_negative("position", "planned_minutes"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)
    planned_minutes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    title: Mapped[str] = mapped_column(_text(AGENDA_ITEM["title"]))
    kind: Mapped[str] = mapped_column(String(30), default="consultation")
    public: Mapped[bool] = mapped_column(Boolean, default=True)
    presenter: Mapped[str] = mapped_column(_text(AGENDA_ITEM["presenter"]), default="")
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="RESTRICT"), index=True
    )
    discussion: Mapped[str] = mapped_column(Text, default="")
    motion_text: Mapped[str] = mapped_column(Text, default="")
    resolution_text: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(String(100), default="")

    parent: Mapped["AgendaItem | None"] = relationship(remote_side=[id])


def _membership_voting_right(context: DefaultExecutionContext) -> bool:
    membership_id = context.get_current_parameters()["membership_id"]
    voting = context.connection.scalar(
        select(Membership.voting_right).where(Membership.id == membership_id)
    )
    return True if voting is None else bool(voting)


class Attendance(Versioned, Base):
    """Who came; a late arrival or early departure names the agenda item (and time)."""

    __tablename__ = "attendances"
    __table_args__ = (
        UniqueConstraint("meeting_id", "membership_id", name="uq_attendances_member"),
        one_of("status", AttendanceStatus),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    membership_id: Mapped[int] = mapped_column(
        ForeignKey("memberships.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[str] = mapped_column(String(30), default="present")
    # Voting right in this meeting; unless given, the membership's when the row is made.
    voting_right: Mapped[bool] = mapped_column(Boolean, default=_membership_voting_right)
    arrived_at: Mapped[time | None] = mapped_column(Time)
    left_at: Mapped[time | None] = mapped_column(Time)
    arrived_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )
    left_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )


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
    """A member's conflict on an agenda item: declared, or found by the partner screening;
    ``decision`` says whether the member was recused or the suggestion overruled, by whom
    (``decided_by``) and why."""

    __tablename__ = "conflicts_of_interest"
    __table_args__ = (
        UniqueConstraint("agenda_item_id", "membership_id", name="uq_conflicts_of_interest_member"),
        one_of("origin", ConflictOrigin),
        one_of("decision", ConflictDecision),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    membership_id: Mapped[int] = mapped_column(
        ForeignKey("memberships.id", ondelete="RESTRICT"), index=True
    )
    reason: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(30), default="declared", server_default="declared")
    decision: Mapped[str] = mapped_column(String(30), default="recused", server_default="recused")
    decided_by: Mapped[str] = mapped_column(String(200), default="", server_default="")
    decision_reason: Mapped[str] = mapped_column(Text, default="", server_default="")


class Vote(Versioned, Base):
    """A vote on an agenda item: counted, unanimous, or noted without a vote (``mode``)."""

    __tablename__ = "votes"
    __table_args__ = (one_of("mode", VoteMode), *not_negative("yes", "no", "abstain", "recused"))

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
    mode: Mapped[str] = mapped_column(String(30), default="counted", server_default="counted")


class Recommendation(PublicId, SoftDeleted, Versioned, Base):
    """A recommendation, impulse or statement of the council: a row of the register.

    Addressed to projects through ``recommendation_projects`` (in order), answered through
    ``recommendation_responses``; every step is a row of ``recommendation_status_changes``.
    """

    __tablename__ = "recommendations"
    __table_args__ = (
        UniqueConstraint("council_id", "code", name="uq_recommendations_code"),
        one_of("kind", RecommendationKind),
        one_of("status", RecommendationStatus),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(30))
    kind: Mapped[str] = mapped_column(String(30), default="recommendation")
    title: Mapped[str] = mapped_column(_text(RECOMMENDATION["title"]))
    text: Mapped[str] = mapped_column(Text, default="")
    action_field_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_fields.id", ondelete="RESTRICT"), index=True
    )
    origin_agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )
    adopted_on: Mapped[date | None] = mapped_column(Date)  # None while a draft
    sent_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(30), default="adopted", index=True)

    projects: Mapped[list["RecommendationProject"]] = relationship(
        order_by="RecommendationProject.position", cascade="all, delete-orphan"
    )


class RecommendationProject(Base):
    """A project a recommendation is addressed to; ``position`` keeps the order given."""

    __tablename__ = "recommendation_projects"
    __table_args__ = (*not_negative("position"),)

    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendations.id", ondelete="CASCADE"), primary_key=True
    )
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class RecommendationResponse(Versioned, Base):
    """A project's answer to a recommendation (interim or ``final``): comply or explain."""

    __tablename__ = "recommendation_responses"
    __table_args__ = (one_of("verdict", ResponseVerdict),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendations.id", ondelete="CASCADE"), index=True
    )
    received_on: Mapped[date] = mapped_column(Date)
    responder: Mapped[str] = mapped_column(_text(RECOMMENDATION_RESPONSE["responder"]), default="")
    verdict: Mapped[str] = mapped_column(String(30))
    reasons: Mapped[str] = mapped_column(Text, default="")
    measures: Mapped[str] = mapped_column(Text, default="")
    measures_due_on: Mapped[date | None] = mapped_column(Date)
    final: Mapped[bool] = mapped_column(Boolean, default=False)


class RecommendationStatusChange(Base):
    """A line of a recommendation's history: a status step, a response, a reminder, a new
    due date or an edit. ``occurred_on`` is the step's date as entered; ``changed_at`` when
    it was recorded (UTC); ``to_status`` is set for status steps only."""

    __tablename__ = "recommendation_status_changes"
    __table_args__ = (
        one_of("kind", HistoryKind),
        one_of("from_status", RecommendationStatus, nullable=True),
        one_of("to_status", RecommendationStatus, nullable=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendations.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(30), default="status", server_default="status")
    occurred_on: Mapped[date] = mapped_column(Date)
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    from_status: Mapped[str | None] = mapped_column(String(30))
    to_status: Mapped[str | None] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(200), default="")


class MinutesVersion(PublicId, Versioned, Base):
    """A circulated or approved state of a meeting's minutes.

    ``content`` is the JSON snapshot of the minutes at that version (so what was circulated
    and what was approved can be compared); an approved version stores its rendered PDFs
    (full and public) with their SHA-256, and exports return those bytes unchanged.
    """

    __tablename__ = "minutes_versions"
    __table_args__ = (
        UniqueConstraint("meeting_id", "number", name="uq_minutes_versions_number"),
        one_of("state", MinutesState),
    )

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
    content: Mapped[str] = mapped_column(Text, default="", server_default="")
    objections_due_on: Mapped[date | None] = mapped_column(Date)
    public_pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    public_sha256: Mapped[str | None] = mapped_column(String(64))


class Objection(Versioned, Base):
    __tablename__ = "objections"
    __table_args__ = (one_of("state", ObjectionState),)

    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_version_id: Mapped[int] = mapped_column(
        ForeignKey("minutes_versions.id", ondelete="CASCADE"), index=True
    )
    raised_by: Mapped[str] = mapped_column(String(200))
    raised_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(30), default="open")
    decision: Mapped[str] = mapped_column(Text, default="")
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )
    membership_id: Mapped[int | None] = mapped_column(
        ForeignKey("memberships.id", ondelete="RESTRICT"), index=True
    )
    passage: Mapped[str] = mapped_column(Text, default="", server_default="")
    proposed_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_in_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )


class TextTemplate(Versioned, Base):
    """A standard phrase the minute-taker inserts ("Der Expert*innenrat nimmt … zur Kenntnis.")."""

    __tablename__ = "text_templates"
    __table_args__ = (
        UniqueConstraint("council_id", "purpose", "position", name="uq_text_templates_position"),
        one_of("purpose", TextTemplatePurpose),
        *not_negative("position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(30), default="minutes")
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(String(100), default="")
    text: Mapped[str] = mapped_column(Text, default="")


class AgendaTemplate(Versioned, Base):
    """A council's template for a recurring agenda item ("Bericht der Geschäftsstelle")."""

    __tablename__ = "agenda_templates"
    __table_args__ = (
        UniqueConstraint("council_id", "position", name="uq_agenda_templates_position"),
        one_of("kind", AgendaItemKind),
        *not_negative("position", "planned_minutes"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(2000))
    kind: Mapped[str] = mapped_column(String(30), default="report")
    public: Mapped[bool] = mapped_column(Boolean, default=True)
    planned_minutes: Mapped[int] = mapped_column(Integer, default=0)


class StoredFile(PublicId, SoftDeleted, Versioned, Base):
    """A file kept in the database: an annex (Anlage) of a meeting or an agenda item."""

    __tablename__ = "files"
    __table_args__ = (*not_negative("position", "size"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(300))
    title: Mapped[str] = mapped_column(String(300), default="")
    mime_type: Mapped[str] = mapped_column(String(100), default="application/pdf")
    content: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64))
    public: Mapped[bool] = mapped_column(Boolean, default=True)


class AuditEntry(Base):
    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True, default=utc_now)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(30))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    council_id: Mapped[int | None] = mapped_column(Integer, index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
