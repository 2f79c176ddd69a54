"""The council and its action fields (Handlungsfelder): every other record belongs to a council."""

from sqlalchemy import CheckConstraint, ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from expertenrat.domain.councils import (
    DEFAULT_CHAIR_TITLE,
    DEFAULT_CLASSIFICATION,
    DEFAULT_VICE_CHAIR_TITLE,
    RoleTitles,
)
from expertenrat.domain.enums import MinutesApproval, MinutesStyle, QuorumRule
from expertenrat.domain.field_limits import ACTION_FIELD_NAME, COUNCIL
from expertenrat.domain.follow_through import DEFAULT_MINUTES_DRAFT_WEEKS
from expertenrat.domain.recommendation_codes import DEFAULT_CODE_PREFIX
from expertenrat.store.model_base import Base, Versioned, limited_string, not_negative, one_of


class Council(Versioned, Base):
    __tablename__ = "councils"
    __table_args__ = (
        CheckConstraint("min_members <= max_members", name="member_limits"),
        one_of("quorum_rule", QuorumRule),
        one_of("minutes_style", MinutesStyle),
        one_of("minutes_approval", MinutesApproval),
        *not_negative(
            "min_members", "notice_period_days", "objection_period_days", "minutes_draft_weeks"
        ),
        CheckConstraint(
            "response_period_months BETWEEN 0 AND 24", name="response_period_months_range"
        ),
        # SQLite gives a deleted council's id to no other (migration 0013): a window, and
        # the PC's settings, know a council by its id.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(limited_string(COUNCIL["name"]))
    short_name: Mapped[str] = mapped_column(limited_string(COUNCIL["short_name"]), default="")
    city: Mapped[str] = mapped_column(limited_string(COUNCIL["city"]))
    # Read where the settings or a document show it (services.settings.WITH_LOGO, or on
    # first use): every other read of the council (its time zone, its rules) took the
    # picture along, some ten times for one meeting shown (found by a tester).
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
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
    # weeks after a meeting by which its draft minutes go out, 0 = none (migration 0033)
    minutes_draft_weeks: Mapped[int] = mapped_column(
        Integer,
        default=DEFAULT_MINUTES_DRAFT_WEEKS,
        server_default=str(DEFAULT_MINUTES_DRAFT_WEEKS),
    )
    website: Mapped[str] = mapped_column(
        limited_string(COUNCIL["website"]), default="", server_default=""
    )
    classification: Mapped[str] = mapped_column(
        limited_string(COUNCIL["classification"]),
        default=DEFAULT_CLASSIFICATION,
        server_default=DEFAULT_CLASSIFICATION,
    )
    secretariat: Mapped[str] = mapped_column(
        limited_string(COUNCIL["secretariat"]), default="", server_default=""
    )
    # the mailbox the council's e-mail drafts are sent from, "" for none (migration 0027)
    secretariat_email: Mapped[str] = mapped_column(
        limited_string(COUNCIL["secretariat_email"]), default="", server_default=""
    )
    # "E-2026-07": the prefix of the council's recommendation codes (migration 0017)
    recommendation_prefix: Mapped[str] = mapped_column(
        String(6), default=DEFAULT_CODE_PREFIX, server_default=DEFAULT_CODE_PREFIX
    )
    # what the council calls its chair and vice chair (migration 0018)
    chair_title: Mapped[str] = mapped_column(
        limited_string(COUNCIL["chair_title"]),
        default=DEFAULT_CHAIR_TITLE,
        server_default=DEFAULT_CHAIR_TITLE,
    )
    vice_chair_title: Mapped[str] = mapped_column(
        limited_string(COUNCIL["vice_chair_title"]),
        default=DEFAULT_VICE_CHAIR_TITLE,
        server_default=DEFAULT_VICE_CHAIR_TITLE,
    )

    action_fields: Mapped[list["ActionField"]] = relationship(
        back_populates="council", order_by="ActionField.position", cascade="all, delete-orphan"
    )

    @property
    def role_titles(self) -> RoleTitles:
        return RoleTitles(self.chair_title, self.vice_chair_title)


class ActionField(Versioned, Base):
    __tablename__ = "action_fields"
    __table_args__ = (
        UniqueConstraint("council_id", "name", name="uq_action_fields_name"),
        {"sqlite_autoincrement": True},  # a deleted field's id is given to no other (0028)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(limited_string(ACTION_FIELD_NAME))
    colour: Mapped[str] = mapped_column(String(7), default="#607d8b")
    position: Mapped[int] = mapped_column(Integer, default=0)

    council: Mapped[Council] = relationship(back_populates="action_fields")
