"""A member set as the chair (Sitzungsleitung) of meetings ahead: every path that changes
the term treats it as "Amtszeit beenden" does (the dialog asks and clears, asking again
where another PC changed the meetings named meanwhile; the import notes and clears), a
cancelled meeting holds no term, and leaving the chair warns of the meetings still
chaired. The backend does not matter here: SQLite only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from stored_meeting import stored_meeting

from expertenrat.domain.enums import MemberRole
from expertenrat.domain.errors import QuestionChangedError, ValidationError
from expertenrat.domain.member_import_preview import ImportStatus
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.integrity import IntegrityService
from expertenrat.services.member_exchange import MemberExchangeService
from expertenrat.store import models

TODAY = date(2026, 11, 27)
JANUARY = "2. Sitzung am 14.01.2027"


@pytest.fixture
def database(sqlite_database):
    return sqlite_database


@pytest.fixture
def chair(database, members_service, council, new_member):
    """Anna Berg, chair of the council and of the 1. Sitzung (10.12.2026, invited) and the
    2. Sitzung (14.01.2027, planned)."""
    saved = members_service.save(council.id, new_member(role=MemberRole.CHAIR), TODAY)
    for number, day, state in (
        (1, date(2026, 12, 10), "invited"),
        (2, date(2027, 1, 14), "planned"),
    ):
        stored_meeting(database, council.id, day, number, state=state, chair_membership_id=saved.id)
    return saved


def _chairs(database) -> dict[int | None, int | None]:
    with database.reading() as session:
        return {m.number: m.chair_membership_id for m in session.query(models.Meeting)}


def _meeting_summaries(database) -> set[str]:
    return {e.summary for e in AuditService(database).entries("meeting", None)}


def test_a_term_edited_to_end_before_a_meeting_she_chairs_asks_and_clears_the_chair(
    database, members_service, council, chair
):
    """The member dialog refused the shorter term, naming the January meeting; now it asks
    as "Amtszeit beenden" does, and saving after "Ja" clears the chair there."""
    shorter = replace(chair, term_end=date(2026, 12, 31))
    question = members_service.save_checks(council.id, shorter, TODAY)[1]

    assert members_service.problems(council.id, shorter, TODAY) == []
    assert question == (
        "Die geänderte Amtszeit (01.01.2025 – 31.12.2026) deckt die 2. Sitzung am 14.01.2027 "
        "nicht mehr, für die Anna Berg als Sitzungsleitung eingetragen ist; der Eintrag wird "
        "entfernt – bitte bestimmen Sie dort eine neue Sitzungsleitung. Speichern?"
    )
    with pytest.raises(ValidationError) as unasked:  # without the answer: refused
        members_service.save(council.id, shorter, TODAY)
    assert JANUARY in unasked.value.message
    assert _chairs(database) == {1: chair.id, 2: chair.id}

    saved = members_service.save(council.id, shorter, TODAY, asked=question)

    assert saved.term_end == date(2026, 12, 31)
    assert _chairs(database) == {1: chair.id, 2: None}
    assert (
        f"Sitzungsleitung der {JANUARY} entfernt: die Amtszeit von Anna Berg endet vorher"
        in _meeting_summaries(database)
    )
    assert IntegrityService(database).check() == []


def test_a_term_edited_to_start_after_a_meeting_she_chairs_says_it_begins_later(
    database, members_service, council, new_member
):
    chair = members_service.save(
        council.id, new_member(role=MemberRole.CHAIR, term_start=date(2026, 12, 1)), TODAY
    )
    stored_meeting(
        database, council.id, date(2026, 12, 10), 1, state="planned", chair_membership_id=chair.id
    )
    later = replace(chair, term_start=date(2027, 1, 1))
    question = members_service.save_checks(council.id, later, TODAY)[1]

    assert "deckt die 1. Sitzung am 10.12.2026 nicht mehr" in question
    members_service.save(council.id, later, TODAY, asked=question)

    assert _chairs(database) == {1: None}
    assert (
        "Sitzungsleitung der 1. Sitzung am 10.12.2026 entfernt: die Amtszeit von Anna Berg "
        "beginnt später" in _meeting_summaries(database)
    )


def test_a_chair_set_on_another_pc_after_the_question_asks_again_before_it_is_cleared(
    database, members_service, council, chair
):
    """The save cleared the chair of a meeting set meanwhile without naming it (audited
    only): now the question is asked again, naming it, and nothing is saved before."""
    shorter = replace(chair, term_end=date(2026, 11, 30))
    question = members_service.save_checks(council.id, shorter, TODAY)[1]
    stored_meeting(
        database, council.id, date(2027, 2, 11), 3, state="planned", chair_membership_id=chair.id
    )

    with pytest.raises(QuestionChangedError) as changed:
        members_service.save(council.id, shorter, TODAY, asked=question)

    assert changed.value.changed == (
        "Die Sitzungsleitung wurde inzwischen von jemand anderem geändert."
    )
    assert "und die 3. Sitzung am 11.02.2027 nicht mehr" in changed.value.question
    assert members_service.member(chair.id).term_end is None
    assert _chairs(database) == {1: chair.id, 2: chair.id, 3: chair.id}
    members_service.save(council.id, shorter, TODAY, asked=changed.value.question)
    assert _chairs(database) == {1: None, 2: None, 3: None}


def test_an_apology_recorded_on_another_pc_after_the_end_question_asks_again(
    database, members_service, council, chair
):
    """(found by review) "Amtszeit beenden" removed an apology recorded (or a chair set)
    after its question without naming it (audited only): now it asks again, naming it,
    and nothing changes before."""
    end = date(2026, 12, 31)
    question = members_service.end_question(chair, end, TODAY)
    ahead = stored_meeting(database, council.id, date(2027, 3, 11), 3, state="planned")
    with database.transaction() as session:
        session.add(models.Attendance(meeting_id=ahead, membership_id=chair.id, status="excused"))

    with pytest.raises(QuestionChangedError) as changed:
        members_service.end_membership(chair, end, today=TODAY, asked=question)

    assert changed.value.changed == (
        "Die Sitzungen, die das Ende der Amtszeit betrifft, wurden inzwischen von jemand "
        "anderem geändert."
    )
    assert changed.value.question.startswith(
        "Die Amtszeit von Anna Berg endet am 31.12.2026, vor der 3. Sitzung am 11.03.2027: "
        "die Entschuldigung dafür wird entfernt. Für die 2. Sitzung am 14.01.2027 ist"
    )
    assert members_service.member(chair.id).term_end is None
    assert _chairs(database) == {1: chair.id, 2: chair.id, 3: None}
    members_service.end_membership(chair, end, today=TODAY, asked=changed.value.question)
    assert _chairs(database) == {1: chair.id, 2: None, 3: None}
    with database.reading() as session:
        assert session.query(models.Attendance).filter_by(meeting_id=ahead).all() == []


def test_an_import_that_ends_her_term_notes_and_clears_the_chair_ahead(
    database, actor, members_service, council, chair
):
    """The import refused the row (an error naming the January meeting)."""
    exchange = MemberExchangeService(database, actor)
    data = (
        "Vorname;Nachname;Rolle;Amtszeit Beginn;Amtszeit Ende;Primäres Handlungsfeld\r\n"
        "Anna;Berg;Vorsitz;01.01.2025;31.12.2026;Stadtdaten\r\n"
    ).encode("utf-8-sig")

    preview = exchange.preview_import(council.id, data, TODAY)

    (row,) = preview.rows
    assert row.status is ImportStatus.UPDATE, row.reasons
    assert (
        f"Anna Berg wird beim Import als Sitzungsleitung der {JANUARY} ausgetragen: die "
        "Amtszeit deckt diese Sitzung nicht mehr." in row.reasons
    )
    exchange.apply_import(council.id, preview, TODAY)

    assert members_service.member(chair.id).term_end == date(2026, 12, 31)
    assert _chairs(database) == {1: chair.id, 2: None}
    assert (
        f"Sitzungsleitung der {JANUARY} entfernt: die Amtszeit von Anna Berg endet vorher"
        in _meeting_summaries(database)
    )


def test_a_cancelled_meeting_she_chairs_holds_no_term_and_keeps_its_chair(
    database, members_service, council, new_member
):
    """A cancelled meeting cannot be edited: its chair blocked the end of her term."""
    chair = members_service.save(council.id, new_member(role=MemberRole.CHAIR), TODAY)
    stored_meeting(
        database, council.id, date(2027, 1, 14), 1, state="cancelled", chair_membership_id=chair.id
    )

    assert members_service.end_question(chair, date(2026, 12, 31), TODAY) == ""
    ended = members_service.end_membership(chair, date(2026, 12, 31), today=TODAY)

    assert ended.term_end == date(2026, 12, 31)
    assert _chairs(database) == {1: chair.id}  # its history
    assert IntegrityService(database).check() == []


def test_leaving_the_chair_while_chairing_meetings_ahead_is_warned_of(
    members_service, council, chair
):
    member = replace(chair, role=MemberRole.MEMBER)

    problems = members_service.problems(council.id, member, TODAY)

    assert [(p.field, p.message, p.warning) for p in problems] == [
        (
            "role",
            "Anna Berg ist als Sitzungsleitung der 1. Sitzung am 10.12.2026 und der 2. Sitzung "
            "am 14.01.2027 eingetragen und dann Mitglied statt Vorsitz. Soll jemand anderes "
            "diese Sitzungen leiten, bitte dort die Sitzungsleitung ändern.",
            True,
        )
    ]
    assert members_service.save(council.id, member, TODAY).role is MemberRole.MEMBER
