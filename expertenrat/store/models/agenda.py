"""Agenda items and what happens under them: conflicts of interest and votes."""

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from expertenrat.domain.enums import (
    AgendaItemKind,
    AgendaItemOutcome,
    ConflictDecision,
    ConflictOrigin,
    VoteMode,
)
from expertenrat.domain.field_limits import AGENDA_ITEM, CANDIDATE_NAME
from expertenrat.store.model_base import (
    Base,
    PublicId,
    SoftDeleted,
    Versioned,
    limited_string,
    not_negative,
    one_of,
)


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
        one_of("outcome", AgendaItemOutcome),
        *not_negative("position", "planned_minutes"),
        # A deleted item's id is given to no other (migration 0028): the audit trail
        # names an item by it.
        {"sqlite_autoincrement": True},
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
    title: Mapped[str] = mapped_column(limited_string(AGENDA_ITEM["title"]))
    kind: Mapped[str] = mapped_column(String(30), default="consultation")
    public: Mapped[bool] = mapped_column(Boolean, default=True)
    presenter: Mapped[str] = mapped_column(limited_string(AGENDA_ITEM["presenter"]), default="")
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="RESTRICT"), index=True
    )
    discussion: Mapped[str] = mapped_column(Text, default="")
    motion_text: Mapped[str] = mapped_column(Text, default="")
    resolution_text: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(String(100), default="")
    # Taken up at the meeting itself (Dringlichkeitsantrag): added once the meeting was held.
    urgent: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Dealt with, postponed or taken off the agenda in the meeting (the minutes record it).
    outcome: Mapped[str] = mapped_column(
        String(30),
        default=AgendaItemOutcome.DISCUSSED.value,
        server_default=AgendaItemOutcome.DISCUSSED.value,
    )

    # The postponed item of an earlier meeting this one takes up again (migration 0036):
    # such an item is offered no more ("Vertagte Punkte übernehmen").
    taken_up_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )

    parent: Mapped["AgendaItem | None"] = relationship(remote_side=[id], foreign_keys=[parent_id])


class ConflictOfInterest(Versioned, Base):
    """A member's conflict on an agenda item: declared, or found by the partner screening;
    ``decision`` says whether the member was recused or the suggestion overruled, by whom
    (``decided_by``) and why."""

    __tablename__ = "conflicts_of_interest"
    __table_args__ = (
        UniqueConstraint("agenda_item_id", "membership_id", name="uq_conflicts_of_interest_member"),
        one_of("origin", ConflictOrigin),
        one_of("decision", ConflictDecision),
        {"sqlite_autoincrement": True},
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
    """A vote on an agenda item: counted, unanimous, noted without a vote, or an election
    (``mode``); an election's ``candidates``, ``invalid`` ballots, ``secret`` ballot and
    whether the elected person ``accepted`` (NULL: not recorded) since migration 0040."""

    __tablename__ = "votes"
    __table_args__ = (
        one_of("mode", VoteMode),
        *not_negative("yes", "no", "abstain", "recused", "invalid"),
        {"sqlite_autoincrement": True},
    )

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
    invalid: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    secret: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    accepted: Mapped[bool | None] = mapped_column(Boolean)

    candidates: Mapped[list["ElectionCandidate"]] = relationship(
        order_by="ElectionCandidate.position",
        cascade="all, delete-orphan",
        lazy="selectin",
    )


class ElectionCandidate(Base):
    """A person who stood in an election (a vote of ``mode`` "election"), with the votes
    received; ``membership_id`` where the person is a member of the council (a deleted
    membership leaves the name). ``elected`` marks the one elected."""

    __tablename__ = "election_candidates"
    __table_args__ = (
        UniqueConstraint("vote_id", "position", name="uq_election_candidates_position"),
        *not_negative("position", "votes"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("votes.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    membership_id: Mapped[int | None] = mapped_column(
        ForeignKey("memberships.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(limited_string(CANDIDATE_NAME))
    votes: Mapped[int] = mapped_column(Integer, default=0)
    elected: Mapped[bool] = mapped_column(Boolean, default=False)
