"""The Mitglieder page's steps on a member, driven without the page (cheap): here
"Amtszeit beenden" on a real SQLite database that another PC changes meanwhile."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QTableView, QWidget
from stored_meeting import stored_meeting

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.members import Member
from expertenrat.store import models
from expertenrat.ui.member_steps import MemberSteps


def _apology(database, council_id: int, day: date, number: int, membership_id: int) -> int:
    meeting_id = stored_meeting(database, council_id, day, number, state="planned")
    with database.transaction() as session:
        session.add(
            models.Attendance(meeting_id=meeting_id, membership_id=membership_id, status="excused")
        )
    return meeting_id


def test_an_apology_recorded_elsewhere_while_the_end_question_is_open_is_asked_about(
    qtbot, services, sqlite_database, dialogs, today
):
    """(found by review) "Ja" removed the apology recorded on another PC meanwhile too,
    unnamed (only the Änderungsprotokoll told); now the question is asked again."""
    council = services.settings.create_council(CouncilSettings(id=None, name="Rat", city="Ulm"))
    (field, *_) = services.settings.action_fields(council.id)
    member = services.members.save(
        council.id,
        Member(
            id=None,
            given_name="Anna",
            family_name="Berg",
            primary_field_id=field.id,
            term_start=today - timedelta(days=400),
        ),
        today,
    )
    end = today + timedelta(days=10)
    first = _apology(sqlite_database, council.id, end + timedelta(days=20), 1, member.id)
    parent = QWidget()
    qtbot.addWidget(parent)
    steps = MemberSteps(
        parent,
        QTableView(parent),
        services,
        dialogs,
        lambda: today,
        lambda: None,
        lambda _member: None,
    )
    dialogs.keep_questions_open = True
    dialogs.dates = [end]
    steps.ask_end(member)
    later = end + timedelta(days=50)
    second = _apology(sqlite_database, council.id, later, 2, member.id)

    dialogs.open_questions.pop(0)[0]()  # "Ja"

    (_first, (kind, _title, text)) = dialogs.messages
    assert kind == "question"
    assert text.startswith(
        "Die Sitzungen, die das Ende der Amtszeit betrifft, wurden inzwischen von jemand "
        "anderem geändert. Die Amtszeit von Anna Berg endet am "
    )
    assert f"und der 2. Sitzung am {later:%d.%m.%Y}: die Entschuldigungen dafür" in text
    assert services.members.member(member.id).term_end is None
    dialogs.open_questions.pop(0)[0]()
    assert dialogs.warnings() == []
    assert services.members.member(member.id).term_end == end
    for meeting_id in (first, second):
        sheet = services.attendance.sheet(meeting_id, today=today)
        assert member.id not in {e.membership_id for e in sheet.entries}
