"""A member's term covers every meeting that records the membership: the member dialog,
"Amtszeit beenden" and the import refuse a term that would leave such a meeting out
(found by a tester: ending Anneliese Köhler's term before the meetings she attended took
her off their attendance and quorum, and 'Datenbank prüfen' then reported each meeting)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import select
from stored_meeting import stored_meeting

from expertenrat.domain.enums import AuditAction, MemberRole
from expertenrat.domain.errors import DataEntryError, ValidationError
from expertenrat.domain.member_import_preview import ImportStatus
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.integrity import IntegrityService
from expertenrat.services.member_exchange import MemberExchangeService
from expertenrat.store import models

TODAY = date(2026, 11, 27)


def _attends(database, meeting_id: int, membership_id: int) -> None:
    with database.transaction() as session:
        session.add(models.Attendance(meeting_id=meeting_id, membership_id=membership_id))


def _recused(database, meeting_id: int, membership_id: int) -> None:
    with database.transaction() as session:
        item = models.AgendaItem(meeting_id=meeting_id, number="3", title="Datenplattform")
        session.add(item)
        session.flush()
        session.add(models.ConflictOfInterest(agenda_item_id=item.id, membership_id=membership_id))


@pytest.fixture
def attending(database, members_service, council, new_member):
    """Anna Berg (term from 01.01.2025), present at the 1. Sitzung on 16.01.2025 and the
    2. Sitzung on 17.04.2025."""
    saved = members_service.save(council.id, new_member(), TODAY)
    for number, day in ((1, date(2025, 1, 16)), (2, date(2025, 4, 17))):
        _attends(database, stored_meeting(database, council.id, day, number), saved.id)
    return saved


def test_ending_a_term_before_a_meeting_the_member_attended_is_refused(
    database, members_service, attending
):
    with pytest.raises(ValidationError) as caught:
        members_service.end_membership(attending, date(2025, 3, 31))

    assert caught.value.message == (
        "Die Amtszeit kann nicht vor dem 17.04.2025 enden: Anna Berg ist in der 2. Sitzung "
        "am 17.04.2025 in der Anwesenheit erfasst."
    )
    assert members_service.member(attending.id).term_end is None
    assert IntegrityService(database).check() == []


def test_a_term_may_end_on_the_day_of_the_last_meeting_that_records_it(members_service, attending):
    ended = members_service.end_membership(attending, date(2025, 4, 17))

    assert ended.term_end == date(2025, 4, 17)


def test_the_dialog_shows_a_start_after_a_recorded_meeting_at_the_term_start(
    members_service, council, attending
):
    later = replace(attending, term_start=date(2025, 2, 1))

    problems = members_service.problems(council.id, later, TODAY)

    assert [(p.field, p.message, p.warning) for p in problems] == [
        (
            "term_start",
            "Die Amtszeit kann nicht nach dem 16.01.2025 beginnen: Anna Berg ist in der "
            "1. Sitzung am 16.01.2025 in der Anwesenheit erfasst.",
            False,
        )
    ]
    with pytest.raises(ValidationError):
        members_service.save(council.id, later, TODAY)
    assert members_service.member(attending.id).term_start == date(2025, 1, 1)


def test_a_new_member_and_a_term_around_its_meetings_are_accepted(
    members_service, council, new_member, attending
):
    longer = replace(attending, term_start=date(2024, 12, 1), term_end=date(2025, 12, 31))

    assert members_service.problems(council.id, longer, TODAY) == []
    assert members_service.problems(council.id, new_member(family_name="Neu"), TODAY) == []
    assert members_service.save(council.id, longer, TODAY).term_end == date(2025, 12, 31)


def test_chairing_a_meeting_and_a_recusal_record_the_membership_too(
    database, members_service, council, new_member
):
    chair = members_service.save(council.id, new_member(role=MemberRole.CHAIR), TODAY)
    recused = members_service.save(council.id, new_member(family_name="Roth"), TODAY)
    stored_meeting(database, council.id, date(2025, 6, 5), 1, chair_membership_id=chair.id)
    _recused(database, stored_meeting(database, council.id, date(2025, 9, 4), 2), recused.id)

    with pytest.raises(ValidationError) as chaired:
        members_service.end_membership(chair, date(2025, 5, 31))
    with pytest.raises(ValidationError) as was_recused:
        members_service.end_membership(recused, date(2025, 8, 31))

    assert "in der 1. Sitzung am 05.06.2025 als Sitzungsleitung eingetragen" in (
        chaired.value.message
    )
    assert "in der 2. Sitzung am 04.09.2025 bei einem Tagesordnungspunkt als befangen erfasst" in (
        was_recused.value.message
    )


def test_ending_a_term_before_meetings_ahead_it_chairs_asks_and_takes_the_chair_out(
    database, members_service, council, new_member
):
    """The member set as chair of the planned meeting in January could not leave on 31.12.:
    the refusal named the meeting, and the secretariat had to pick another chair first (a
    tester found the refusal's first wording). Now "Amtszeit beenden" names the meetings
    ahead it chairs and, once confirmed, clears their chair; the December meeting, which
    the term still covers, keeps it."""
    chair = members_service.save(council.id, new_member(role=MemberRole.CHAIR), TODAY)
    chaired = {
        number: stored_meeting(
            database, council.id, day, number, state=state, chair_membership_id=chair.id
        )
        for number, day, state in (
            (1, date(2026, 12, 10), "invited"),
            (2, date(2027, 1, 14), "planned"),
            (3, date(2027, 2, 11), "invited"),
        )
    }

    assert members_service.end_question(chair, date(2026, 12, 31), TODAY) == (
        "Die Amtszeit von Anna Berg endet am 31.12.2026. Für die 2. Sitzung am 14.01.2027 "
        "und die 3. Sitzung am 11.02.2027 ist Anna Berg als Sitzungsleitung eingetragen; der "
        "Eintrag wird entfernt – bitte bestimmen Sie dort eine neue Sitzungsleitung. "
        "Amtszeit beenden?"
    )
    ended = members_service.end_membership(chair, date(2026, 12, 31), today=TODAY)

    assert ended.term_end == date(2026, 12, 31)
    with database.reading() as session:
        chairs = {n: session.get(models.Meeting, i).chair_membership_id for n, i in chaired.items()}
    assert chairs == {1: chair.id, 2: None, 3: None}
    summaries = {e.summary for e in AuditService(database).entries("meeting", None)}
    assert {
        "Sitzungsleitung der 2. Sitzung am 14.01.2027 entfernt: die Amtszeit von Anna Berg "
        "endet vorher",
        "Sitzungsleitung der 3. Sitzung am 11.02.2027 entfernt: die Amtszeit von Anna Berg "
        "endet vorher",
    } <= summaries
    assert IntegrityService(database).check() == []


def test_apologies_and_the_chair_ahead_are_named_in_one_question(
    database, members_service, council, new_member
):
    chair = members_service.save(council.id, new_member(role=MemberRole.CHAIR), TODAY)
    stored_meeting(
        database, council.id, date(2027, 1, 14), 1, state="planned", chair_membership_id=chair.id
    )
    _apology(
        database,
        stored_meeting(database, council.id, date(2027, 3, 11), 2, state="planned"),
        chair.id,
    )

    assert members_service.end_question(chair, date(2026, 12, 31), TODAY) == (
        "Die Amtszeit von Anna Berg endet am 31.12.2026, vor der 2. Sitzung am 11.03.2027: "
        "die Entschuldigung dafür wird entfernt. Für die 1. Sitzung am 14.01.2027 ist Anna "
        "Berg als Sitzungsleitung eingetragen; der Eintrag wird entfernt – bitte bestimmen Sie "
        "dort eine neue Sitzungsleitung. Amtszeit beenden?"
    )


def test_the_chair_of_a_meeting_whose_day_passed_still_holds_the_term(
    database, members_service, council, new_member
):
    """Only meetings ahead lose their chair: one whose day passed (here not yet recorded as
    held) keeps it, and the refusal names it, as it does for a held one."""
    chair = members_service.save(council.id, new_member(role=MemberRole.CHAIR), TODAY)
    stored_meeting(
        database, council.id, date(2026, 11, 20), 1, state="invited", chair_membership_id=chair.id
    )

    assert members_service.end_question(chair, date(2026, 11, 15), TODAY) == ""
    with pytest.raises(ValidationError) as caught:
        members_service.end_membership(chair, date(2026, 11, 15), today=TODAY)

    assert caught.value.message == (
        "Die Amtszeit kann nicht vor dem 20.11.2026 enden: Anna Berg ist in der 1. Sitzung "
        "am 20.11.2026 als Sitzungsleitung eingetragen."
    )


def test_a_deleted_meeting_records_nobody(database, members_service, council, new_member):
    saved = members_service.save(council.id, new_member(), TODAY)
    meeting_id = stored_meeting(
        database, council.id, date(2025, 9, 4), 1, deleted_at=datetime(2025, 8, 1, 9, 0)
    )
    _attends(database, meeting_id, saved.id)

    assert members_service.end_membership(saved, date(2025, 6, 30)).term_end == date(2025, 6, 30)


def _anna_berg_row(term_start: str, term_end: str) -> bytes:
    """A member file (CSV as Excel saves it) with Anna Berg's row and the term given."""
    return (
        "Vorname;Nachname;Amtszeit Beginn;Amtszeit Ende;Primäres Handlungsfeld\r\n"
        f"Anna;Berg;{term_start};{term_end};Stadtdaten\r\n"
    ).encode("utf-8-sig")


def test_an_import_that_ends_a_term_before_a_recorded_meeting_is_an_error_row(
    database, actor, members_service, council, attending
):
    exchange = MemberExchangeService(database, actor)
    data = _anna_berg_row("01.01.2025", "31.03.2025")

    preview = exchange.preview_import(council.id, data, TODAY)

    (row,) = preview.rows
    assert row.status is ImportStatus.ERROR
    assert row.reasons == (
        "Die Amtszeit kann nicht vor dem 17.04.2025 enden: Anna Berg ist in der 2. Sitzung "
        "am 17.04.2025 in der Anwesenheit erfasst.",
    )
    with pytest.raises(DataEntryError):
        exchange.apply_import(council.id, preview, TODAY)
    assert members_service.member(attending.id).term_end is None


def test_a_row_with_a_later_term_of_a_member_in_meetings_imports_a_further_term(
    database, actor, members_service, council, attending
):
    """A re-appointment: the file names only the next term. It cannot be the stored term
    corrected (meetings record that one), so it is the person's further term."""
    members_service.end_membership(attending, date(2025, 12, 31))
    exchange = MemberExchangeService(database, actor)
    data = _anna_berg_row("01.01.2029", "31.12.2031")

    preview = exchange.preview_import(council.id, data, TODAY)
    exchange.apply_import(council.id, preview, TODAY)

    (row,) = preview.rows
    assert (row.status, row.reasons) == (
        ImportStatus.NEW,
        ("Weitere Amtszeit derselben Person, bisher 01.01.2025 – 31.12.2025",),
    )
    terms = sorted(
        (m.person_id, m.term_start, m.term_end) for m in members_service.members(council.id)
    )
    assert terms == [
        (attending.person_id, date(2025, 1, 1), date(2025, 12, 31)),
        (attending.person_id, date(2029, 1, 1), date(2031, 12, 31)),
    ]


def test_a_row_with_a_corrected_term_of_a_member_in_no_meeting_updates_it(
    database, actor, members_service, council, new_member
):
    stored = members_service.save(council.id, new_member(), TODAY)
    exchange = MemberExchangeService(database, actor)
    data = _anna_berg_row("01.01.2029", "31.12.2031")

    preview = exchange.preview_import(council.id, data, TODAY)

    (row,) = preview.rows
    assert row.status is ImportStatus.UPDATE and row.member.id == stored.id


# --- a further term of a person (a re-appointment) ---------------------------------------------


def test_a_further_term_of_a_former_member_is_a_new_membership_of_the_person(
    database, members_service, council, attending
):
    ended = members_service.end_membership(attending, date(2025, 12, 31))
    again = replace(ended, id=None, version=0, term_start=date(2027, 1, 1), term_end=None)

    assert members_service.problems(council.id, again, TODAY) == []  # no duplicate either
    saved = members_service.save(council.id, again, TODAY)

    assert saved.person_id == attending.person_id and saved.id != attending.id
    assert members_service.member(attending.id).term_end == date(2025, 12, 31)
    assert IntegrityService(database).check() == []


def test_two_terms_of_one_person_at_once_are_refused(members_service, council, attending):
    ended = members_service.end_membership(attending, date(2025, 12, 31))
    overlapping = replace(ended, id=None, version=0, term_start=date(2025, 6, 1), term_end=None)

    problems = members_service.problems(council.id, overlapping, TODAY)

    assert [(p.field, p.message) for p in problems] == [
        (
            "term_start",
            "Die Amtszeit überschneidet sich mit der Amtszeit derselben Person vom 01.01.2025 "
            "bis 31.12.2025; eine Person hat nur eine Amtszeit zugleich.",
        )
    ]
    with pytest.raises(ValidationError):
        members_service.save(council.id, overlapping, TODAY)
    longer = replace(ended, term_end=None)  # the stored term itself, changed: no clash
    assert members_service.problems(council.id, longer, TODAY) == []


# --- an apology for a meeting ahead does not hold a term -------------------------------------


def test_a_term_ending_before_a_meeting_ahead_drops_the_apology_for_it(
    database, members_service, council, attending
):
    """A member who resigns had sent an apology for the next meeting: the term ends, the
    apology goes (audited); 'anwesend' cannot be recorded before a meeting's day."""
    ahead = stored_meeting(database, council.id, date(2026, 12, 11), 3, state="invited")
    with database.transaction() as session:
        session.add(
            models.Attendance(meeting_id=ahead, membership_id=attending.id, status="excused")
        )

    ended = members_service.end_membership(attending, date(2026, 11, 30), today=TODAY)

    assert ended.term_end == date(2026, 11, 30)
    with database.reading() as session:
        left = session.scalars(
            select(models.Attendance.meeting_id).where(
                models.Attendance.membership_id == attending.id
            )
        ).all()
    assert ahead not in left and len(left) == 2  # the meetings held keep their lines
    entry = AuditService(database).entries("attendance", None)
    assert any(
        e.action is AuditAction.DELETE
        and e.summary
        == "Anwesenheit von Anna Berg in der 3. Sitzung am 11.12.2026 entfernt: "
        "außerhalb der Amtszeit"
        for e in entry
    )
    assert IntegrityService(database).check() == []


def _apology(database, meeting_id: int, membership_id: int) -> None:
    with database.transaction() as session:
        session.add(
            models.Attendance(meeting_id=meeting_id, membership_id=membership_id, status="excused")
        )


def test_ending_a_term_names_the_apologies_it_removes_first(
    database, members_service, council, attending
):
    """(found by a tester) The apologies went silently, only the audit trail told: 'Amtszeit
    beenden' asks first and the member dialog warns beside the end, naming the meetings."""
    for number, day in ((3, date(2026, 12, 11)), (4, date(2027, 3, 12))):
        _apology(
            database,
            stored_meeting(database, council.id, day, number, state="planned"),
            attending.id,
        )

    assert members_service.end_question(attending, date(2026, 12, 31), TODAY) == (
        "Die Amtszeit von Anna Berg endet am 31.12.2026, vor der 4. Sitzung am 12.03.2027: "
        "die Entschuldigung dafür wird entfernt. Amtszeit beenden?"
    )
    assert members_service.end_question(attending, date(2026, 11, 30), TODAY) == (
        "Die Amtszeit von Anna Berg endet am 30.11.2026, vor der 3. Sitzung am 11.12.2026 "
        "und der 4. Sitzung am 12.03.2027: die Entschuldigungen dafür werden entfernt. "
        "Amtszeit beenden?"
    )
    assert members_service.end_question(attending, date(2027, 6, 30), TODAY) == ""

    ended = replace(attending, term_end=date(2026, 12, 31))
    (warning,) = members_service.problems(council.id, ended, TODAY)
    assert (warning.field, warning.warning) == ("term_end", True)
    assert warning.message == (
        "Die Amtszeit deckt die 4. Sitzung am 12.03.2027 nicht mehr: die Entschuldigung von "
        "Anna Berg dafür wird beim Speichern entfernt."
    )


def test_an_import_that_ends_a_term_names_the_apologies_it_removes(
    database, actor, council, attending
):
    """The import's preview says so in the row's reasons, as the member dialog warns."""
    _apology(database, stored_meeting(database, council.id, date(2026, 12, 11), 3, state="invited"),
             attending.id)  # fmt: skip
    exchange = MemberExchangeService(database, actor)

    preview = exchange.preview_import(council.id, _anna_berg_row("01.01.2025", "30.11.2026"), TODAY)

    (row,) = preview.rows
    assert row.status is ImportStatus.UPDATE
    assert row.reasons[-1] == (
        "Die Amtszeit deckt die 3. Sitzung am 11.12.2026 nicht mehr: die Entschuldigung von "
        "Anna Berg dafür wird beim Import entfernt."
    )


def test_an_apology_for_a_meeting_ahead_inside_the_term_stays(
    database, members_service, council, attending
):
    ahead = stored_meeting(database, council.id, date(2026, 12, 11), 3, state="invited")
    with database.transaction() as session:
        session.add(
            models.Attendance(meeting_id=ahead, membership_id=attending.id, status="excused")
        )

    members_service.end_membership(attending, date(2026, 12, 31), today=TODAY)

    with database.reading() as session:
        assert session.scalar(
            select(models.Attendance.id).where(models.Attendance.meeting_id == ahead)
        )


# --- 'Amtszeit beenden' never lengthens a term ---------------------------------------------


def test_ending_an_ended_term_on_a_later_day_is_refused(members_service, council, attending):
    """(found by a tester) 'Amtszeit beenden …' on a former member, its date today, moved
    the end a year on: the person was a member again, in the quorum of the meetings."""
    ended = members_service.end_membership(attending, date(2025, 12, 31), today=TODAY)

    with pytest.raises(ValidationError) as caught:
        members_service.end_membership(ended, TODAY, today=TODAY)

    assert caught.value.message == (
        "Die Amtszeit endet schon am 31.12.2025. Ein späteres Ende verlängert sie: bitte "
        "unter „Bearbeiten …“ eintragen."
    )
    assert members_service.member(attending.id).term_end == date(2025, 12, 31)
    earlier = members_service.end_membership(ended, date(2025, 6, 30), today=TODAY)
    assert earlier.term_end == date(2025, 6, 30)


def test_ending_a_term_checks_no_consent_against_its_last_day(members_service, council, new_member):
    """The consent given after the term's last day is the person's, not the ending's."""
    saved = members_service.save(
        council.id, new_member(publish_name=True, publish_name_on=date(2026, 5, 1)), TODAY
    )

    assert members_service.end_membership(saved, date(2026, 3, 31), today=TODAY).term_end


def test_a_term_lengthened_over_meetings_held_without_the_member_is_warned_of(
    database, members_service, council, attending
):
    """(found by a tester) Lengthening a former member's term for a re-appointment made
    the person a member, not in the attendance, of the meetings in between."""
    ended = members_service.end_membership(attending, date(2025, 4, 30), today=TODAY)
    stored_meeting(database, council.id, date(2025, 9, 4), 3)
    stored_meeting(database, council.id, date(2025, 12, 4), 4)
    stored_meeting(database, council.id, date(2026, 12, 11), 5, state="invited")

    problems = members_service.problems(council.id, replace(ended, term_end=None), TODAY)

    assert [(p.field, p.message, p.warning) for p in problems] == [
        (
            "term_end",
            "Mit dieser Amtszeit wäre Anna Berg auch bei der 3. Sitzung am 04.09.2025 (und 1 "
            "weiteren) Mitglied gewesen, steht dort aber nicht in der Anwesenheit. Nach einer "
            "Pause erneut berufen? Dann bitte „Weitere Amtszeit …“.",
            True,
        )
    ]
    assert members_service.problems(council.id, replace(ended, phone="0381 1"), TODAY) == []
