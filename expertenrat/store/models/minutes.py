"""Circulated and approved versions of the minutes, and objections raised against them."""

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from expertenrat.domain.enums import MinutesState, ObjectionState
from expertenrat.store.model_base import Base, PublicId, Versioned, one_of


class MinutesVersion(PublicId, Versioned, Base):
    """A circulated or approved state of a meeting's minutes.

    ``content`` is the JSON snapshot of the minutes at that version (so what was circulated
    and what was approved can be compared); an approved version stores its rendered PDFs
    (full and public) with their SHA-256, and exports return those bytes unchanged.
    ``document`` is the minutes document the approval rendered, as JSON
    (``domain.approved_minutes``), from which the public PDF is rendered again when a
    member withdraws consent to the publication of the name; ``None`` before approval and
    for versions approved before revision 0012.
    ``origin`` says how the version came to be (``domain.minutes_approval.VersionOrigin``):
    only a "sent" one went out on its ``circulated_on``; one made by accepting an
    objection or at the approval keeps the sending's day and deadline, and ``made_on`` is
    its own day (revision 0014).
    The two PDFs are deferred: a version read for its state leaves them in the database
    (they are read where they are handed out, ``services.approved_minutes_pdfs``).
    """

    __tablename__ = "minutes_versions"
    __table_args__ = (
        UniqueConstraint("meeting_id", "number", name="uq_minutes_versions_number"),
        one_of("state", MinutesState),
        {"sqlite_autoincrement": True},
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
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    sha256: Mapped[str | None] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text, default="", server_default="")
    objections_due_on: Mapped[date | None] = mapped_column(Date)
    public_pdf: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    public_sha256: Mapped[str | None] = mapped_column(String(64))
    document: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(20), default="sent", server_default="sent")
    made_on: Mapped[date | None] = mapped_column(Date)


class Objection(Versioned, Base):
    __tablename__ = "objections"
    __table_args__ = (one_of("state", ObjectionState), {"sqlite_autoincrement": True})

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
