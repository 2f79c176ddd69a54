"""A member who joined the council after an invited meeting's invitation went out never got
it: the Übersicht names them under "Einladung fällig", so that it is sent on."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import select

from expertenrat.domain.enums import MeetingState, Sector
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.members import Member
from expertenrat.domain.overview import Area, MeetingTab, Target
from expertenrat.domain.wording import isolated
from expertenrat.services.context import Services
from expertenrat.store import models


def _saved_on(database, member: Member, day) -> None:
    """Record the membership as saved on ``day`` (10:00 UTC)."""
    with database.transaction() as session:
        session.get(models.Membership, member.id).created = datetime.combine(day, time(10))


def test_a_member_who_joined_after_the_invitation_is_named_to_send_it_on(demo_database, today):
    """(found by a tester) a successor appointed between the invitation and the meeting is
    on the meeting's attendance list, but nothing said that the invitation never reached
    her."""
    services = Services.create(demo_database, "tester")
    council = services.settings.councils()[0].id
    (meeting,) = [m for m in services.meetings.list(council) if m.state is MeetingState.INVITED]
    sent = meeting.invitation_sent_on
    field = services.settings.action_fields(council)[0].id
    joined = Member(
        id=None,
        given_name="Jana",
        family_name="Petersen",
        title="Dr.",
        sector=Sector.CIVIL_SOCIETY,
        term_start=meeting.starts_at.date() - timedelta(days=3),
        primary_field_id=field,
    )
    successor = services.members.save(council, joined, today)
    _saved_on(demo_database, successor, sent + timedelta(days=1))
    earlier = services.members.save(
        council, replace(joined, given_name="Ole", family_name="Brandt", title=""), today
    )
    _saved_on(demo_database, earlier, sent)  # appointed ahead: invited with the others

    lines = services.overview.overview(council, today).invitations_due

    (line,) = [line for line in lines if "nach der Einladung" in line.text]
    assert line.text == (
        f"{meeting.number}. Sitzung am {meeting.starts_at:%d.%m.%Y}: Dr. Jana Petersen ist "
        f"nach der Einladung vom {sent:%d.%m.%Y} ins Gremium gekommen – Einladung nachsenden"
    )
    assert line.target == Target(Area.MEETINGS, record_id=meeting.id, tab=MeetingTab.MEETING)
    assert line.urgent


def _changed_on(database, member: Member, day) -> None:
    """Record the member's last change in the audit trail as made on ``day`` (10:00 UTC)."""
    with database.transaction() as session:
        entry = session.scalars(
            select(models.AuditEntry)
            .where(
                models.AuditEntry.entity == "membership", models.AuditEntry.entity_id == member.id
            )
            .order_by(models.AuditEntry.id.desc())
        ).first()
        entry.at = datetime.combine(day, time(10))


def test_the_invitation_is_sent_on_to_a_newcomer_and_to_a_lengthened_term_alone(
    demo_database, today
):
    """Sending it on is recorded per member: the line loses them, the meeting keeps its
    day of invitation (the notice period); a member whose ended term was lengthened after
    the invitation is named too (found by a tester)."""
    services = Services.create(demo_database, "Frau Schulz")
    council = services.settings.councils()[0].id
    (meeting,) = [m for m in services.meetings.list(council) if m.state is MeetingState.INVITED]
    sent, day = meeting.invitation_sent_on, meeting.starts_at.date()
    field = services.settings.action_fields(council)[0].id
    jana = services.members.save(
        council,
        Member(id=None, given_name="Jana", family_name="Petersen", title="Dr.",
               email="jana.petersen@example.org", sector=Sector.CIVIL_SOCIETY,
               term_start=day - timedelta(days=3), primary_field_id=field),
        today,
    )  # fmt: skip
    _saved_on(demo_database, jana, sent + timedelta(days=1))
    ole = services.members.save(
        council,
        Member(id=None, given_name="Ole", family_name="Brandt", sector=Sector.RESEARCH,
               term_start=sent - timedelta(days=400), term_end=day - timedelta(days=1),
               primary_field_id=field),
        today,
    )  # fmt: skip
    _saved_on(demo_database, ole, sent - timedelta(days=1))
    ole = services.members.member(ole.id)  # as saved then
    ole = services.members.save(council, replace(ole, term_end=None), today)  # lengthened
    _changed_on(demo_database, ole, sent + timedelta(days=2))

    def line() -> str:
        lines = services.overview.overview(council, today).invitations_due
        return " | ".join(x.text for x in lines if "nach der Einladung" in x.text)

    label = f"{meeting.number}. Sitzung am {day:%d.%m.%Y}"
    assert line() == (
        f"{label}: Ole Brandt (Amtszeit verlängert) und Dr. Jana Petersen sind nach der "
        f"Einladung vom {sent:%d.%m.%Y} hinzugekommen – Einladung nachsenden"
    )
    late = services.late_invitations
    assert [m.membership_id for m in late.missing(meeting.id)] == [ole.id, jana.id]

    mail = services.meeting_documents.invitation_mail(meeting.id, today=today, only=[jana.id])
    assert mail.recipients == 1 and mail.sent_on_to
    assert b"jana.petersen@example.org" in mail.eml
    with pytest.raises(ExpertenratError, match="Ole Brandt hat keine E-Mail-Adresse"):
        services.meeting_documents.invitation_mail(meeting.id, today=today, only=[ole.id])

    late.record_sent(meeting.id, [jana.id], today)

    assert line() == (
        f"{label}: Ole Brandt (Amtszeit verlängert) ist nach der Einladung vom "
        f"{sent:%d.%m.%Y} hinzugekommen – Einladung nachsenden"
    )
    kept = services.meetings.get(meeting.id)
    assert (kept.invitation_sent_on, kept.version) == (sent, meeting.version)
    (entry,) = services.audit.entries("late_invitation")
    assert entry.summary == (
        f"Einladung zur {meeting.number}. Sitzung an {isolated('Dr. Jana Petersen')} "
        f"nachgesandt am {today:%d.%m.%Y}"
    )
    with pytest.raises(ExpertenratError, match=r"bereits am .* nachgesandt"):
        late.record_sent(meeting.id, [jana.id], today)
    invited = next(
        m
        for m in services.members.members(council)
        if m.id not in (ole.id, jana.id) and m.term_start <= sent and (m.term_end or day) >= day
    )
    with pytest.raises(ExpertenratError, match="mit den anderen erhalten"):
        late.record_sent(meeting.id, [invited.id], today)
    with pytest.raises(ExpertenratError, match="nur zwischen der Einladung"):
        late.record_sent(meeting.id, [ole.id], day + timedelta(days=1))
    services.meetings.change_state(meeting.id, kept.version, MeetingState.CANCELLED, "Krank")
    with pytest.raises(ExpertenratError, match="nicht \\(mehr\\) eingeladen, sondern „abgesagt“"):
        late.record_sent(meeting.id, [ole.id], today)
    assert late.missing(meeting.id) == ()
