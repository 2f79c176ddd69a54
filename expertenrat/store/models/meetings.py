"""Meetings, their series, who attended (members and guests), and invitations sent on to
members who joined after the invitation."""

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
    select,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column, relationship

from expertenrat.domain.enums import AttendanceStatus, MeetingKind, MeetingState
from expertenrat.store.model_base import (
    Base,
    PublicId,
    SoftDeleted,
    Versioned,
    new_public_id,
    not_negative,
    one_of,
)
from expertenrat.store.models.councils import Council
from expertenrat.store.models.members import Membership


class MeetingSeries(Versioned, Base):
    __tablename__ = "meeting_series"
    __table_args__ = ({"sqlite_autoincrement": True},)

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
        {"sqlite_autoincrement": True},
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
    # The day time or place of the invited meeting last changed (the changed invitation's
    # date); None while the first invitation stands. The notice period still counts from
    # ``invitation_sent_on`` (a new start moves that day too).
    invitation_changed_on: Mapped[date | None] = mapped_column(Date)
    # The day the agenda of the invited meeting last changed as its letter lists it (the
    # changed letter's date, "Geänderte Tagesordnung …"); None while the invitation's
    # agenda stands (revision 0020).
    invitation_agenda_changed_on: Mapped[date | None] = mapped_column(Date)
    # The day the changed agenda was last sent to the members (the changed letter recorded
    # as sent); None while none went out. The minutes then say the agenda was adopted "in
    # der Fassung der geänderten Tagesordnung vom …" (revision 0024).
    invitation_agenda_sent_on: Mapped[date | None] = mapped_column(Date)
    # Which part of that agenda changed since the invitation: the letter heads only a
    # changed part "Geänderte Tagesordnung – …" (revision 0021); the public part as the
    # public letter lists it (without presenters; a new presenter there the trail tells).
    invitation_agenda_changed_public: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    invitation_agenda_changed_non_public: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
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
    # "Entwurf abschließen": the day and the fingerprint of the minutes' content snapshot
    # then; a draft changed since is no longer finished (revision 0016).
    minutes_finished_on: Mapped[date | None] = mapped_column(Date)
    minutes_finished_fingerprint: Mapped[str | None] = mapped_column(String(64))
    # Read only: loaded along with the meeting where its clock is needed (the agenda).
    council: Mapped[Council] = relationship(viewonly=True)


def _membership_voting_right(context: DefaultExecutionContext) -> bool:
    membership_id = context.get_current_parameters()["membership_id"]
    voting = context.connection.scalar(
        select(Membership.voting_right).where(Membership.id == membership_id)
    )
    return True if voting is None else bool(voting)


class Attendance(Versioned, Base):
    """Who came; a late arrival, an early departure or a time away names the agenda item
    (and time)."""

    __tablename__ = "attendances"
    __table_args__ = (
        UniqueConstraint("meeting_id", "membership_id", name="uq_attendances_member"),
        one_of("status", AttendanceStatus),
        {"sqlite_autoincrement": True},
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
    # Present by video or phone, not in the room (revision 0034): "digital zugeschaltet".
    digital: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Stepped out of the meeting for a while (revision 0038): absent from ``away_item_id``
    # (left during it) up to, not including, ``back_item_id`` (took part again from it).
    away_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )
    away_at: Mapped[time | None] = mapped_column(Time)
    back_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )
    back_at: Mapped[time | None] = mapped_column(Time)


class Guest(Versioned, Base):
    __tablename__ = "guests"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    affiliation: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(String(300), default="")
    # Attended only the non-public part (revision 0030): left out of every public output.
    non_public_only: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Took part by video or phone (revision 0034): "digital zugeschaltet".
    digital: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class LateInvitation(Versioned, Base):
    """An invited meeting's invitation sent on to one member who did not get it with the
    others ("Einladung nachgesandt", revision 0026): one who joined the council after it
    went out. The meeting's ``invitation_sent_on`` (and so its notice period) stays."""

    __tablename__ = "late_invitations"
    __table_args__ = (
        UniqueConstraint("meeting_id", "membership_id", name="uq_late_invitations_member"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    # A member deleted (entered by mistake) takes the record with them.
    membership_id: Mapped[int] = mapped_column(
        ForeignKey("memberships.id", ondelete="CASCADE"), index=True
    )
    sent_on: Mapped[date] = mapped_column(Date)
