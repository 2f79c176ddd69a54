"""The Sitzungen page names, under the state buttons, a member who joined after the shown
meeting's invitation went out, saves the invitation mail to her alone and records it as
sent on: she leaves the line, the meeting's day of invitation stays (pytest-qt, offscreen,
real database)."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from held_meeting import council_of_three

from expertenrat.domain.enums import MeetingKind, MeetingState, Sector
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.members import Member
from expertenrat.store import models
from expertenrat.ui.meetings_page import MeetingsPage

WAIT = 30_000  # ms: the mail is made in the worker; the wait ends as soon as it is saved


def test_the_invitation_is_mailed_and_recorded_as_sent_on_to_a_newcomer_alone(
    qtbot, services, dialogs, today, tmp_path, usual_umask
) -> None:
    council = council_of_three(services, today)
    berg = services.members.members(council)[0]
    services.members.save(council, replace(berg, email="berg@example.org"), today)
    start = datetime.combine(date(2027, 1, 14), time(16))
    meeting = services.meetings.create(
        council,
        MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"),
    )
    version = services.meetings.get(meeting).version
    services.meetings.change_state(meeting, version, MeetingState.INVITED, sent_on=today)
    field = services.settings.action_fields(council)[0].id
    jana = services.members.save(
        council,
        Member(id=None, given_name="Jana", family_name="Petersen", title="Dr.",
               email="jana.petersen@example.org", sector=Sector.RESEARCH,
               term_start=date(2026, 12, 1), primary_field_id=field),
        today,
    )  # fmt: skip
    with services.database.transaction() as session:  # saved the day after the invitation
        session.get(models.Membership, jana.id).created = datetime.combine(
            today + timedelta(days=1), time(10)
        )
    page = MeetingsPage(services, dialogs, lambda: today)
    qtbot.addWidget(page)
    page.set_council(council)
    page.refresh()
    page.show()
    page.select(meeting)
    bar = page.latecomers

    assert bar.isVisible()
    assert bar.label.text() == (
        "1. Sitzung am 14.01.2027: Dr. Jana Petersen ist nach der Einladung vom 27.11.2026 "
        "ins Gremium gekommen – Einladung nachsenden"
    )
    dialogs.paths.append(str(tmp_path / "einladung.eml"))
    bar.mail_button.click()
    qtbot.waitUntil(lambda: bool(dialogs.saved_files), timeout=WAIT)
    eml = (tmp_path / "einladung.eml").read_bytes()
    assert b"jana.petersen@example.org" in eml and b"berg@example.org" not in eml
    # (found by a tester) the members' addresses: the user's alone, as the members file
    assert os.name != "posix" or (tmp_path / "einladung.eml").stat().st_mode & 0o077 == 0
    (saved,) = [text for kind, _title, text in dialogs.messages if kind == "saved"]
    assert "An 1 Mitglied adressiert" in saved and "„Einladung nachgesandt …“" in saved

    dialogs.dates.append(today + timedelta(days=3))
    bar.sent_button.click()

    assert dialogs.asked_dates == [
        "Die Einladung zu „1. Sitzung“ am 14.01.2027 wurde Dr. Jana Petersen nachgesandt am"
    ]
    assert bar.isHidden() and not dialogs.warnings()
    assert services.meetings.get(meeting).invitation_sent_on == today


def test_of_several_newcomers_only_those_checked_are_recorded_as_sent_on(
    qtbot, services, dialogs, today
) -> None:
    """(found by review) "Einladung nachgesandt …" recorded everybody named, with no way to
    say that only some of them got it: the day dialog now lists them, each checked."""
    council = council_of_three(services, today)
    start = datetime.combine(date(2027, 1, 14), time(16))
    meeting = services.meetings.create(
        council,
        MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"),
    )
    version = services.meetings.get(meeting).version
    services.meetings.change_state(meeting, version, MeetingState.INVITED, sent_on=today)
    field = services.settings.action_fields(council)[0].id
    for given, family in (("Jana", "Petersen"), ("Ole", "Brandt")):
        member = services.members.save(
            council,
            Member(id=None, given_name=given, family_name=family, sector=Sector.RESEARCH,
                   term_start=date(2026, 12, 1), primary_field_id=field),
            today,
        )  # fmt: skip
        with services.database.transaction() as session:
            session.get(models.Membership, member.id).created = datetime.combine(
                today + timedelta(days=1), time(10)
            )
    page = MeetingsPage(services, dialogs, lambda: today)
    qtbot.addWidget(page)
    page.set_council(council)
    page.refresh()
    page.select(meeting)
    bar = page.latecomers
    assert [m.name for m in bar.latecomers] == ["Ole Brandt", "Jana Petersen"]

    dialogs.dates.append(today + timedelta(days=2))
    dialogs.checked.append((1,))
    bar.sent_button.click()

    assert dialogs.offered_checks == [["Ole Brandt", "Jana Petersen"]]
    assert dialogs.asked_dates == [
        "Die Einladung zu „1. Sitzung“ am 14.01.2027 wurde nachgesandt am"
    ]
    assert not dialogs.warnings()
    assert [m.name for m in bar.latecomers] == ["Ole Brandt"]
