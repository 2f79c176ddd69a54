"""A meeting moved to another day keeps as members everyone it records: a held meeting
(minutes not yet approved) could be moved to a day its attendance had no member on, and its
attendance and quorum then lost her. The backend does not matter here: SQLite only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from meeting_rows import BERLIN, add_meeting

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import AttendanceStatus, MeetingKind
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.services.integrity import IntegrityService
from expertenrat.services.meetings import MeetingsService
from expertenrat.store import models

TODAY = date(2026, 11, 27)


@pytest.fixture
def database(sqlite_database):
    return sqlite_database


def test_a_held_meeting_moved_outside_the_terms_of_members_it_records_is_refused(
    database, actor, members_service, council, new_member
):
    leaving = members_service.save(
        council.id, new_member("Olga", "Roth", term_end=date(2026, 3, 20)), TODAY
    )
    recused = members_service.save(
        council.id,
        new_member("Paul", "Zorn", term_start=date(2026, 3, 1), term_end=date(2026, 3, 15)),
        TODAY,
    )
    staying = members_service.save(council.id, new_member(), TODAY)
    meeting = add_meeting(database, council.id, starts_at=datetime(2026, 3, 10, 16))
    meeting_id = meeting.meeting_id
    with database.transaction() as session:
        session.get(models.Meeting, meeting_id).state = "held"
        session.add(
            models.ConflictOfInterest(agenda_item_id=meeting.item_ids[2], membership_id=recused.id)
        )
        for member in (leaving, staying):
            status = AttendanceStatus.PRESENT.value
            session.add(
                models.Attendance(meeting_id=meeting_id, membership_id=member.id, status=status)
            )
    service = MeetingsService(database, actor)
    meeting = service.get(meeting_id)
    draft = meeting.draft()
    draft = replace(draft, start=draft.start + timedelta(14), end=draft.end + timedelta(14))
    message = (
        "Die Sitzung kann nicht auf den 24.03.2026 gelegt werden: an diesem Tag sind Olga Roth "
        "(in der Anwesenheit erfasst) und Paul Zorn (bei einem Tagesordnungspunkt als befangen "
        "erfasst) keine Mitglieder des Gremiums. Bitte prüfen Sie das Datum, die Amtszeit oder "
        "die Anwesenheit."
    )

    problems = service.problems(council.id, draft, meeting_id=meeting_id)
    with pytest.raises(ValidationError) as refused:
        service.update(meeting_id, meeting.version, draft)

    assert [(p.field, p.message, p.warning) for p in problems if not p.warning] == [
        ("dates", message, False)
    ]
    assert refused.value.message == message
    assert service.get(meeting_id).starts_at.date() == date(2026, 3, 10)
    assert IntegrityService(database).check() == []


def test_the_members_a_moved_meeting_would_lose_are_named_in_the_order_of_names(
    database, actor, members_service, council, new_member
):
    """(found by a tester) Named by their full names' letters: "Dr. Zoe Arndt" under D,
    "Ömer Adler" after "Paul Zorn"; as every list of names, by family name, umlauts
    among their base letters."""
    members = [
        members_service.save(council.id, new_member(given, family, **extra), TODAY)
        for given, family, extra in (
            ("Paul", "Zorn", {}),
            ("Ömer", "Adler", {}),
            ("Zoe", "Arndt", {"title": "Dr."}),
        )
    ]
    meeting = add_meeting(database, council.id, starts_at=datetime(2026, 3, 10, 16))
    with database.transaction() as session:
        session.get(models.Meeting, meeting.meeting_id).state = "held"
        for member in members:
            session.add(
                models.Attendance(
                    meeting_id=meeting.meeting_id,
                    membership_id=member.id,
                    status=AttendanceStatus.PRESENT.value,
                )
            )
    service = MeetingsService(database, actor)
    draft = service.get(meeting.meeting_id).draft()
    start = datetime(2024, 3, 10, 16, tzinfo=BERLIN)
    draft = replace(draft, start=start, end=start + timedelta(hours=2))

    (problem,) = [
        p
        for p in service.problems(council.id, draft, meeting_id=meeting.meeting_id)
        if not p.warning
    ]

    assert "sind Ömer Adler (in der Anwesenheit erfasst), Dr. Zoe Arndt (in der " in (
        problem.message
    )
    assert problem.message.index("Arndt") < problem.message.index("Paul Zorn")


def test_a_meeting_moved_outside_the_term_of_its_chair_is_refused_naming_her(
    database, actor, members_service, council, new_member
):
    """The refusal said only that the Sitzungsleitung must be a member on that day, not
    who chairs the meeting (found by review); the form's date check passed, and the save
    refused beside the chair (found by a tester): the date check names her as it names
    the members the meeting records."""
    chair = members_service.save(
        council.id, new_member("Olga", "Roth", term_end=date(2026, 3, 20)), TODAY
    )
    service = MeetingsService(database, actor)
    start = datetime(2026, 3, 10, 16, tzinfo=BERLIN)
    meeting_id = service.create(
        council.id,
        MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"),
        chair_membership_id=chair.id,
    )
    meeting = service.get(meeting_id)
    draft = meeting.draft()
    draft = replace(draft, start=draft.start + timedelta(14), end=draft.end + timedelta(14))
    message = (
        "Die Sitzung kann nicht auf den 24.03.2026 gelegt werden: an diesem Tag ist Olga Roth "
        "(als Sitzungsleitung eingetragen) kein Mitglied des Gremiums. Bitte prüfen Sie das "
        "Datum, die Amtszeit oder die Sitzungsleitung."
    )

    problems = service.problems(council.id, draft, meeting_id=meeting_id)
    unchaired = service.problems(council.id, draft, meeting_id=meeting_id, chair_membership_id=None)
    with pytest.raises(ValidationError) as refused:
        service.update(meeting_id, meeting.version, draft)

    assert [(p.field, p.message) for p in problems if not p.warning] == [("dates", message)]
    assert [p for p in unchaired if not p.warning] == []  # the form chose no chair
    assert [(p.field, p.message) for p in refused.value.problems] == [("dates", message)]
    assert service.get(meeting_id).starts_at.date() == date(2026, 3, 10)


def test_a_chair_of_another_council_or_deleted_is_refused_as_no_member(
    database, actor, members_service, settings_service, council, new_member
):
    other = settings_service.create_council(CouncilSettings(None, "Beirat", "Wismar"))
    field = settings_service.action_fields(other.id)[0]
    elsewhere = members_service.save(
        other.id, new_member("Olga", "Roth", primary_field_id=field.id), TODAY
    )
    deleted = members_service.save(council.id, new_member("Paul", "Zorn"), TODAY)
    members_service.delete(deleted, today=TODAY)
    marked = members_service.save(council.id, new_member("Ida", "Kern"), TODAY)
    with database.transaction() as session:  # as OParl reports it: marked deleted
        session.get(models.Membership, marked.id).deleted_at = models.utc_now()
    service = MeetingsService(database, actor)
    start = datetime(2026, 3, 10, 16, tzinfo=BERLIN)
    draft = MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")

    for chair in (elsewhere, deleted, marked):
        with pytest.raises(ValidationError) as refused:
            service.create(council.id, draft, chair_membership_id=chair.id)

        assert [(p.field, p.message) for p in refused.value.problems] == [
            ("chair", "Die Sitzungsleitung muss Mitglied des Gremiums sein.")
        ]
