"""A member who joined the council after an invited meeting's invitation went out never got
it: the Übersicht names them under "Einladung fällig", so that it is sent on."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta

from expertenrat.domain.enums import MeetingState, Sector
from expertenrat.domain.members import Member
from expertenrat.domain.overview import Area, MeetingTab, Target
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
