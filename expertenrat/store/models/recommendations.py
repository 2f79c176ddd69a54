"""The register of recommendations: addressed projects, responses, and each step's history."""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from expertenrat.domain.enums import (
    HistoryKind,
    RecommendationKind,
    RecommendationStatus,
    ResponseVerdict,
)
from expertenrat.domain.field_limits import RECOMMENDATION, RECOMMENDATION_RESPONSE
from expertenrat.store.model_base import (
    Base,
    PublicId,
    SoftDeleted,
    Versioned,
    limited_string,
    not_negative,
    one_of,
    utc_now,
)


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
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(30))
    kind: Mapped[str] = mapped_column(String(30), default="recommendation")
    title: Mapped[str] = mapped_column(limited_string(RECOMMENDATION["title"]))
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


class RetiredRecommendationCode(Base):
    """A code no recommendation holds any more (its recommendation was taken out of the
    minutes, or a draft left it when adopted in another year): it may already stand in a
    circulated draft, a list or a letter, so it is never handed out again."""

    __tablename__ = "retired_recommendation_codes"
    __table_args__ = (
        UniqueConstraint("council_id", "code", name="uq_retired_recommendation_codes_code"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(30))


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
    """A project's answer to a recommendation (interim or ``final``): comply or explain.
    ``project_id``: the addressed project it is from; None for a joint answer of all the
    projects the recommendation is addressed to."""

    __tablename__ = "recommendation_responses"
    __table_args__ = (one_of("verdict", ResponseVerdict), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendations.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="RESTRICT"), index=True
    )
    received_on: Mapped[date] = mapped_column(Date)
    responder: Mapped[str] = mapped_column(
        limited_string(RECOMMENDATION_RESPONSE["responder"]), default=""
    )
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
        {"sqlite_autoincrement": True},
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


class WrittenProcedure(Base):
    """The written procedure ("Umlaufverfahren", migration 0039) that adopted a
    recommendation between meetings: sent to ``member_count`` members on ``sent_on`` with
    a deadline, and the votes returned. ``reported_item_id``: the agenda item of a later
    meeting that reports it ("Bericht über die im Umlaufverfahren gefassten Beschlüsse");
    None while it waits for one (deleting that item offers it again)."""

    __tablename__ = "written_procedures"
    __table_args__ = (
        *not_negative("member_count", "yes_votes", "no_votes", "abstentions", "recusals"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendations.id", ondelete="CASCADE"), unique=True
    )
    sent_on: Mapped[date] = mapped_column(Date)
    deadline_on: Mapped[date] = mapped_column(Date)
    member_count: Mapped[int] = mapped_column(Integer)
    yes_votes: Mapped[int] = mapped_column(Integer)
    no_votes: Mapped[int] = mapped_column(Integer, default=0)
    abstentions: Mapped[int] = mapped_column(Integer, default=0)
    recusals: Mapped[int] = mapped_column(Integer, default=0)
    reported_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )
