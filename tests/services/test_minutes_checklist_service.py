"""The completeness check on stored minutes, and "Entwurf abschließen"."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pytest
from client_statements import recorded_statements
from held_meeting import AFTER, held_meeting, hold
from meeting_rows import add_meeting

from expertenrat.domain.attendance_sheet import GuestEntry
from expertenrat.domain.enums import AttendanceStatus, MeetingState, MinutesState
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.minutes import ItemTexts
from expertenrat.domain.minutes_checklist_lines import ChecklistTarget
from expertenrat.domain.overview import MeetingTab
from expertenrat.domain.votes import VoteDraft
from expertenrat.services.agenda import AgendaService
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.conflicts import ConflictsService
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes import MinutesService
from expertenrat.store import models


@pytest.fixture
def service(database, actor) -> MinutesService:
    return MinutesService(database, actor)


def complete(service: MinutesService, meeting_id: int, chair: int) -> None:
    minutes = service.minutes(meeting_id)
    service.save_header(
        meeting_id,
        replace(
            minutes.header,
            opened_at=time(16, 0),
            closed_at=time(18, 0),
            chair_membership_id=chair,
            minute_taker="Frau Schulz",
            agenda_approved=True,
            quorum_noted=True,
        ),
    )
    for item in minutes.items:
        service.save_item(item.item_id, ItemTexts(f"Zu {item.title}"), item.version, "s")


def test_a_fresh_held_meeting_names_everything_missing(service, database, council, nine) -> None:
    held = held_meeting(database, council.id, nine, present=7)
    missing = [
        (line.key, line.target.item_id) for line in service.checklist(held.meeting_id).missing
    ]
    assert missing == [
        ("opened_at", None),
        ("closed_at", None),
        ("chair", None),
        ("minute_taker", None),
        ("quorum", None),
        ("agenda_approved", None),
        *[("item_content", item_id) for item_id in held.item_ids],
    ]
    with pytest.raises(ValidationError) as caught:
        service.finish_draft(held.meeting_id)
    assert "Die Uhrzeit des Beginns fehlt." in caught.value.message
    assert "TOP 4 Verschiedenes: Es fehlt der Protokolltext." in caught.value.message
    assert caught.value.problems[0].field == "opened_at"


def test_an_election_recorded_under_ergebnis_needs_no_vote(service, database, council, nine):
    """(found by a tester) the constituent meeting elects its chair: "Dr. A 6 Stimmen, Dr. B
    3 Stimmen, 1 Enthaltung". Typed as the Beschluss, the check asked for a vote, and the
    only vote to record was Ja 6 · Nein 3 · Enthaltung 1 – the other candidate's votes
    printed as "Nein". The check names the way; under "Ergebnis" the election passes."""
    held = held_meeting(database, council.id, nine)
    complete(service, held.meeting_id, nine[0])
    item = service.minutes(held.meeting_id).items[2]
    result = "Gewählt: Anna Berg (6 Stimmen); Anna Dahl 3 Stimmen; 1 Enthaltung"
    service.save_item(item.item_id, ItemTexts("Geheime Wahl.", result=result), item.version, "s")

    assert service.checklist(held.meeting_id).complete


def test_a_resolution_needs_a_vote_and_a_green_check_finishes_the_draft(
    service, database, council, nine
) -> None:
    held = held_meeting(database, council.id, nine, present=7)
    complete(service, held.meeting_id, nine[0])
    item = service.minutes(held.meeting_id).items[2]
    service.save_item(
        item.item_id, ItemTexts(item.discussion, resolution_text="Der Rat empfiehlt …"),
        item.version, "s",
    )  # fmt: skip
    assert [line.text for line in service.checklist(held.meeting_id).missing] == [
        "TOP 3 Beratung: Zum Beschluss fehlt die Abstimmung. Eine Wahl (Stimmen je Person) "
        "tragen Sie als Abstimmung der Art „Wahl“ ein."
    ]
    service.save_votes(item.item_id, [VoteDraft(yes=6, abstain=1)])
    checklist = service.finish_draft(held.meeting_id)
    assert checklist.complete
    entries = AuditService(database).entries("minutes", held.meeting_id)
    assert [e.summary for e in entries] == ["Protokollentwurf der 1. Sitzung abgeschlossen"]
    assert service.minutes(held.meeting_id).state is MinutesState.DRAFT


def test_a_vote_that_no_longer_fits_the_attendance_is_named_until_corrected(
    service, database, council, nine
) -> None:
    # Found by a tester: 7 votes recorded at TOP 3, then a member recorded as gone after
    # TOP 1; the minutes still said "Ja 7" with 6 there, and the draft could be finished.
    held = held_meeting(database, council.id, nine, present=7)
    complete(service, held.meeting_id, nine[0])
    item = service.minutes(held.meeting_id).items[2]
    voted = service.save_votes(item.item_id, [VoteDraft(yes=6, abstain=1)])
    attendance = AttendanceService(database, "tester")
    entry = attendance.sheet(held.meeting_id).entry(nine[1])
    attendance.save_entry(held.meeting_id, replace(entry, left_item_id=held.item_ids[0]))

    problem = (
        "Es sind 7 Stimmen erfasst, aber bei TOP 3 waren nur 6 stimmberechtigte Mitglieder "
        "anwesend."
    )
    assert [line.text for line in service.checklist(held.meeting_id).missing] == [
        f"TOP 3 Beratung: {problem}"
    ]
    assert service.minutes(held.meeting_id).item(item.item_id).warnings == (problem,)
    with pytest.raises(ValidationError):
        service.finish_draft(held.meeting_id)

    service.save_votes(item.item_id, [VoteDraft(yes=5, abstain=1, id=voted.votes[0].id,
                                                version=voted.votes[0].version)],
                       replacing=voted.votes)  # fmt: skip
    assert service.checklist(held.meeting_id).complete


def _held_with_crossed_times(database, council_id: int, nine):
    """A held meeting whose second member was recorded as coming at TOP 3 and going after
    TOP 4, and then TOP 4 was moved before TOP 3 (an invited meeting's agenda may change)."""
    rows = add_meeting(database, council_id, titles=("Eröffnung", "Bericht", "A", "B", "C"))
    meetings = MeetingsService(database, "tester")
    meetings.change_state(
        rows.meeting_id, meetings.get(rows.meeting_id).version, MeetingState.INVITED,
        now=AFTER, sent_on=date(2026, 2, 20),
    )  # fmt: skip
    attendance = AttendanceService(database, "tester")
    for index, membership_id in enumerate(nine):
        entry = attendance.sheet(rows.meeting_id).entry(membership_id)
        marks = {"arrived_item_id": rows.item_ids[2], "left_item_id": rows.item_ids[3]}
        attendance.save_entry(
            rows.meeting_id,
            replace(entry, status=AttendanceStatus.PRESENT, **(marks if index == 1 else {})),
        )
    agenda = AgendaService(database, "tester")
    moved = next(i for i in agenda.agenda(rows.meeting_id).items if i.key == rows.item_ids[3])
    agenda.move(moved.key, moved.version, -1)
    meetings.change_state(
        rows.meeting_id, meetings.get(rows.meeting_id).version, MeetingState.HELD, now=AFTER
    )
    return rows


def test_an_agenda_reordered_under_a_late_arrival_and_an_early_departure_is_named(
    service, database, council, nine
) -> None:
    # Found by a tester: on the day, a member recorded as coming at TOP 3 and going after
    # TOP 4; then TOP 4 was moved before TOP 3 (the agenda of an invited meeting may still
    # change). The minutes printed "ab TOP 4 bis TOP 3" and the draft could be finished.
    rows = _held_with_crossed_times(database, council.id, nine)
    attendance = AttendanceService(database, "tester")
    complete(service, rows.meeting_id, nine[0])

    problem = (
        "Kommen und Gehen passen nicht zur Tagesordnung: Anna Çelik kommt zu TOP 4 und geht "
        "schon nach TOP 3. Bitte berichtigen Sie die Anwesenheit."
    )
    assert [
        (line.text, line.target.field) for line in service.checklist(rows.meeting_id).missing
    ] == [(problem, "attendance")]
    assert attendance.sheet(rows.meeting_id).problem == problem
    with pytest.raises(ValidationError):
        service.finish_draft(rows.meeting_id)

    entry = attendance.sheet(rows.meeting_id).entry(nine[1])
    attendance.save_entry(rows.meeting_id, replace(entry, left_item_id=rows.item_ids[2]))
    assert service.checklist(rows.meeting_id).complete


def test_before_the_attendance_is_taken_the_quorum_line_does_not_count_0_present(
    service, database, council, nine
) -> None:
    # Found by a tester: right after "Durchgeführt", before anyone was recorded, the line
    # said "laut Anwesenheit: Zu Beginn der Sitzung waren 0 von 9 stimmberechtigten
    # Mitgliedern anwesend; das Gremium war nicht beschlussfähig", the minutes "offen".
    rows = add_meeting(database, council.id)
    hold(database, rows.meeting_id, sent_on=date(2026, 2, 20))

    line = next(line for line in service.checklist(rows.meeting_id).lines if line.key == "quorum")
    assert (line.ok, line.text) == (
        False,
        "Die Feststellung der Beschlussfähigkeit fehlt (die Anwesenheit ist noch nicht erfasst).",
    )

    minutes = service.minutes(rows.meeting_id)
    service.save_header(rows.meeting_id, replace(minutes.header, quorum_noted=True))
    line = next(line for line in service.checklist(rows.meeting_id).lines if line.key == "quorum")
    assert (line.ok, line.warning, line.text) == (
        True,
        True,
        "Beschlussfähigkeit festgestellt; die Anwesenheit ist noch nicht erfasst.",
    )


def test_a_meeting_of_a_council_without_members_is_not_complete_in_its_attendance(
    service, database, council
) -> None:
    # Found by a tester: a first meeting planned, invited and held before any member was
    # entered read "Anwesenheit vollständig erfasst" and "0 von 0 … anwesend".
    rows = add_meeting(database, council.id)
    hold(database, rows.meeting_id, sent_on=date(2026, 2, 20))

    line = next(
        line for line in service.checklist(rows.meeting_id).lines if line.key == "attendance"
    )
    assert (line.ok, line.text) == (
        False,
        "Am 10.03.2026 gehört dem Gremium kein Mitglied an; bitte erfassen Sie zuerst die "
        "Mitglieder (mit dem Beginn ihrer Amtszeit).",
    )


def test_a_screening_hint_asks_for_a_decision_only_on_members_who_were_there(
    service, database, actor, council, members_service, new_member, today
) -> None:
    members = [
        members_service.save(
            council.id, new_member("Anna", name, affiliation=f"Stadtwerke {name} GmbH"), today
        ).id
        for name in ("Berg", "Çelik", "Dahl", "Ebert")
    ]
    held = held_meeting(
        database, council.id, members[:3], present=2,
        partners=tuple(f"Stadtwerke {name} GmbH" for name in ("Berg", "Çelik", "Dahl", "Ebert")),
    )  # fmt: skip
    attendance = AttendanceService(database, actor)
    left = attendance.sheet(held.meeting_id).entry(members[1])
    attendance.save_entry(held.meeting_id, replace(left, left_item_id=held.item_ids[1]))
    consultation = service.minutes(held.meeting_id).items[2]

    recusals = [
        line.text for line in service.checklist(held.meeting_id).missing if line.key == "recusals"
    ]

    # The affiliations of the others are partners too, but Çelik left before the item, Dahl
    # was excused and Ebert's attendance is not recorded yet (the attendance line names her):
    # nothing to decide for them.
    assert recusals == [
        f"TOP {consultation.number}: Über den Hinweis auf Befangenheit von Anna Berg "
        "ist nicht entschieden."
    ]


def test_minutes_already_sent_are_not_finished_as_a_draft(
    service, database, council, nine, actor
) -> None:
    from expertenrat.services.minutes_approval import MinutesApprovalService

    held = held_meeting(database, council.id, nine, present=7)
    complete(service, held.meeting_id, nine[0])
    approval = MinutesApprovalService(database, actor, render=lambda _document: b"%PDF")
    approval.circulate(held.meeting_id, datetime(2026, 3, 12).date())

    with pytest.raises(ValidationError) as caught:
        service.finish_draft(held.meeting_id)
    assert caught.value.message == (
        "Das Protokoll der 1. Sitzung ist bereits versandt; abgeschlossen wird nur ein Entwurf."
    )
    summaries = [e.summary for e in AuditService(database).entries("minutes", held.meeting_id)]
    assert "Protokollentwurf der 1. Sitzung abgeschlossen" not in summaries


def test_a_chair_not_present_is_named(service, database, council, nine) -> None:
    held = held_meeting(database, council.id, nine, present=7)  # the last two excused
    complete(service, held.meeting_id, nine[8])

    (missing,) = service.checklist(held.meeting_id).missing
    assert missing.key == "chair"
    assert missing.text.endswith("ist in der Anwesenheit als entschuldigt erfasst.")


def test_a_chair_who_left_early_is_a_warning_that_someone_else_led_the_rest(
    service, database, council, nine, actor
) -> None:
    """The chair leaves after TOP 2 of a live meeting and the vice chair leads on: the
    minutes named her the Sitzungsleitung of the whole meeting, and the check said
    nothing (found by a tester)."""
    held = held_meeting(database, council.id, nine, present=7)
    complete(service, held.meeting_id, nine[0])
    attendance = AttendanceService(database, actor)
    entry = attendance.sheet(held.meeting_id).entry(nine[0])
    attendance.save_entry(
        held.meeting_id, replace(entry, left_item_id=held.item_ids[1], left_at=time(17, 0))
    )

    checklist = service.checklist(held.meeting_id)

    line = next(line for line in checklist.lines if line.key == "chair")
    assert (line.ok, line.warning) == (True, True)  # finishing is not held up
    assert line.text == (
        "Sitzungsleitung: Anna Berg, laut Anwesenheit nur bis TOP 2 (17:00 Uhr) anwesend. "
        "Wer die Sitzung in der übrigen Zeit leitete, sollte das Protokoll festhalten."
    )
    assert checklist.complete


@pytest.mark.parametrize("arrived_at", [time(16, 0), None])
def test_a_chair_recorded_from_top_1_at_the_start_to_the_end_is_no_warning(
    service, database, council, nine, actor, arrived_at
) -> None:
    """The chair recorded as arriving at TOP 1, at the start at 16:00 or at no time: she
    chaired the whole meeting; the check warned that someone else led the rest (found by
    a tester). So too one recorded as leaving after the last item, at the end or at no
    time. Arriving at TOP 1 later than the start is still a warning."""
    held = held_meeting(database, council.id, nine, present=7)
    complete(service, held.meeting_id, nine[0])
    attendance = AttendanceService(database, actor)
    entry = attendance.sheet(held.meeting_id).entry(nine[0])
    first = replace(entry, arrived_item_id=held.item_ids[0], arrived_at=arrived_at)
    attendance.save_entry(held.meeting_id, first)

    line = next(line for line in service.checklist(held.meeting_id).lines if line.key == "chair")

    assert (line.ok, line.warning, line.text) == (True, False, "Sitzungsleitung: Anna Berg")
    last = replace(
        attendance.sheet(held.meeting_id).entry(nine[0]),
        left_item_id=held.item_ids[-1],
        left_at=time(18, 0) if arrived_at else None,  # to the end at 18:00 too
    )
    attendance.save_entry(held.meeting_id, last)
    line = next(line for line in service.checklist(held.meeting_id).lines if line.key == "chair")
    assert (line.ok, line.warning, line.text) == (True, False, "Sitzungsleitung: Anna Berg")
    late = replace(attendance.sheet(held.meeting_id).entry(nine[0]), arrived_at=time(16, 20))
    attendance.save_entry(held.meeting_id, late)
    line = next(line for line in service.checklist(held.meeting_id).lines if line.key == "chair")
    assert line.warning
    assert "ab TOP 1 (16:20 Uhr)" in line.text


def test_a_chair_recused_at_an_item_is_a_warning_that_someone_else_led_it(
    service, database, council, nine, actor
) -> None:
    """A recused chair hands the item over; the minutes should say to whom."""
    held = held_meeting(database, council.id, nine, present=7)
    complete(service, held.meeting_id, nine[0])
    ConflictsService(database, actor).declare(held.item_ids[1], nine[0], "Geschäftsführerin")

    line = next(line for line in service.checklist(held.meeting_id).lines if line.key == "chair")

    assert (line.ok, line.warning) == (True, True)
    assert line.text == (
        "Sitzungsleitung: Anna Berg, bei TOP 2 befangen. Wer die Sitzung bei TOP 2 leitete, "
        "sollte das Protokoll festhalten."
    )


def test_a_member_entered_as_a_guest_is_a_warning(service, database, council, nine, actor) -> None:
    """Anna Berg, a member, entered as the guest "Berg, Anna" too: the minutes listed her
    twice and she did not count toward the quorum; the check said nothing (found by a
    tester). A warning only: it may be a namesake."""
    held = held_meeting(database, council.id, nine, present=7)
    complete(service, held.meeting_id, nine[0])
    attendance = AttendanceService(database, actor)
    attendance.save_guest(held.meeting_id, GuestEntry(None, "Berg, Anna"))
    attendance.save_guest(held.meeting_id, GuestEntry(None, "Anna Bergmann"))

    checklist = service.checklist(held.meeting_id)

    (line,) = [line for line in checklist.lines if line.key == "member_guest"]
    assert (line.ok, line.warning, line.target.field) == (True, True, "attendance")
    assert line.text.startswith(
        "Anna Berg ist Mitglied des Gremiums und als Gast eingetragen („Berg, Anna“)"
    )
    assert checklist.complete


def test_the_previous_meeting_s_minutes_must_be_approved(service, database, council, nine) -> None:
    first = held_meeting(database, council.id, nine, present=7)
    second = held_meeting(
        database, council.id, nine, present=7, starts_at=datetime(2026, 6, 9, 16, 0)
    )
    complete(service, second.meeting_id, nine[0])
    assert [line.text for line in service.checklist(second.meeting_id).missing] == [
        "Das Protokoll der 1. Sitzung ist noch nicht versandt und nicht genehmigt."
    ]
    (missing,) = service.checklist(second.meeting_id).missing
    assert missing.target == ChecklistTarget("approval", meeting_id=first.meeting_id)
    with database.transaction() as session:
        session.add(
            models.MinutesVersion(
                meeting_id=first.meeting_id,
                number=1,
                state=MinutesState.APPROVED.value,
                approved_in_meeting_id=second.meeting_id,
                approved_on=datetime(2026, 6, 9).date(),
            )
        )
    line = next(
        x for x in service.checklist(second.meeting_id).lines if x.key == "previous_minutes"
    )
    assert line.ok and line.text == "Protokoll der 1. Sitzung genehmigt am 09.06.2026"


def test_a_finished_draft_is_a_state_until_it_changes_or_is_reopened(
    service, database, council, nine, actor
) -> None:
    from expertenrat.services.minutes_approval import MinutesApprovalService
    from expertenrat.services.minutes_documents import MinutesDocumentsService
    from expertenrat.services.overview_lists import minutes_waiting

    def waiting_tab() -> MeetingTab:
        with database.reading() as session:
            return minutes_waiting(session, council.id, AFTER.date())[0].target.tab

    held = held_meeting(database, council.id, nine, present=7)
    complete(service, held.meeting_id, nine[0])
    assert not service.checklist(held.meeting_id).finish.finished
    assert waiting_tab() is MeetingTab.DRAFT  # complete or not: the Sitzungen check it
    version = service.minutes(held.meeting_id).header.version

    finished = service.finish_draft(held.meeting_id).finish
    day = finished.finished_on
    assert finished.finished
    assert service.checklist(held.meeting_id).finish == finished
    # Finishing does not make the Kopfdaten of the editor stale.
    assert service.minutes(held.meeting_id).header.version == version
    with pytest.raises(ValidationError, match="bereits abgeschlossen am"):
        service.finish_draft(held.meeting_id)
    approval = MinutesApprovalService(database, actor, render=lambda _document: b"%PDF")
    assert approval.status(held.meeting_id).summary() == (
        f"Entwurf – abgeschlossen am {day:%d.%m.%Y}, noch nicht versandt"
    )
    documents = MinutesDocumentsService(database, None, None)  # type: ignore[arg-type]
    assert documents.document(held.meeting_id).state_line == (
        f"Entwurf, abgeschlossen am {day:%d.%m.%Y} – noch nicht genehmigt."
    )
    with database.reading() as session:
        assert minutes_waiting(session, council.id, day)[0].text.endswith(
            f": Entwurf abgeschlossen am {day:%d.%m.%Y}, noch nicht versandt, "
            "Versand war bis 07.04.2026 fällig"  # the meeting was on 10.03.2026
        )
    # (found by a tester) The Übersicht's line opened the Protokoll tab, where nothing is
    # left to do: a finished draft is sent from Genehmigung ("Protokoll versenden …").
    assert waiting_tab() is MeetingTab.APPROVAL

    item = service.minutes(held.meeting_id).items[0]
    service.save_item(item.item_id, ItemTexts("Nachgetragen."), item.version, "s2")
    changed = service.checklist(held.meeting_id).finish
    assert (changed.finished_on, changed.changed, changed.finished) == (day, True, False)
    assert "nach dem Abschluss am" in approval.status(held.meeting_id).summary()
    assert documents.document(held.meeting_id).state_line == "Entwurf – noch nicht genehmigt."
    assert waiting_tab() is MeetingTab.DRAFT  # changed: to be checked again
    assert service.finish_draft(held.meeting_id).finish.finished  # finished anew

    assert service.reopen_draft(held.meeting_id).finish.finished_on is None
    assert service.checklist(held.meeting_id).finish.finished_on is None
    with pytest.raises(ValidationError, match="nicht abgeschlossen"):
        service.reopen_draft(held.meeting_id)
    summaries = [e.summary for e in AuditService(database).entries("minutes", held.meeting_id)]
    assert summaries.count("Protokollentwurf der 1. Sitzung abgeschlossen") == 2
    assert "Abschluss des Protokollentwurfs der 1. Sitzung aufgehoben" in summaries


def test_the_minutes_of_a_finished_draft_are_read_once_for_their_export(
    service, database, council, nine
) -> None:
    """Found by review: exporting a finished draft assembled its minutes document a second
    time for the fingerprint that tells whether the draft changed since it was finished."""
    from expertenrat.services.minutes_documents import MinutesDocumentsService

    held = held_meeting(database, council.id, nine, present=7)
    complete(service, held.meeting_id, nine[0])
    day = service.finish_draft(held.meeting_id).finish.finished_on
    documents = MinutesDocumentsService(database, None, None)  # type: ignore[arg-type]
    with recorded_statements(database.engine) as sent:
        doc = documents.document(held.meeting_id)
    assert doc.finished_on == day
    assert sum("FROM guests" in statement for statement in sent) == 1  # one assembly


def test_a_vote_saved_under_crossed_arrivals_names_the_member(
    service, database, council, nine
) -> None:
    # Found by a tester: saving a vote while a reordered agenda crossed a late arrival and
    # an early departure did not say whose; the checklist and the attendance tab do.
    rows = _held_with_crossed_times(database, council.id, nine)

    with pytest.raises(ValidationError) as refused:
        service.save_votes(rows.item_ids[4], [VoteDraft(yes=5)])
    assert refused.value.message == (
        "Kommen und Gehen passen nicht zur Tagesordnung: Anna Çelik kommt zu TOP 4 und geht "
        "schon nach TOP 3. Bitte berichtigen Sie die Anwesenheit."
    )
    assert service.minutes(rows.meeting_id).item(rows.item_ids[4]).votes == ()


def test_the_minutes_and_their_checklist_read_the_agenda_the_members_and_state_once(
    service, database, council, nine
) -> None:
    """Their attendance, conflicts and items share one read of the agenda and of the
    council's members (found by a tester: the minutes read the agenda twice, their
    checklist three times, and the members three times; each a round trip); the checklist
    reads the minutes' state once (found by a helper: twice, for the lines and whether
    the draft is finished)."""
    held = held_meeting(database, council.id, nine, present=7)
    header = service.minutes(held.meeting_id).header
    service.save_header(held.meeting_id, replace(header, chair_membership_id=nine[0]))
    agenda_read = "SELECT agenda_items.id, agenda_items.meeting_id, agenda_items.parent_id, "

    with recorded_statements(database.engine) as minutes_read:
        minutes = service.minutes(held.meeting_id)
    with recorded_statements(database.engine) as checklist_read:
        checklist = service.checklist(held.meeting_id)

    assert [item.item_id for item in minutes.items] == held.item_ids
    assert checklist.missing
    assert sum(s.startswith(agenda_read) for s in minutes_read) == 1
    assert sum(s.startswith(agenda_read) for s in checklist_read) == 1
    assert not [s for s in checklist_read if "agenda_items.parent_id, agenda_items.project_id" in s]
    members = [s for s in checklist_read if "FROM memberships" in s]
    # once, and those not agreeing to be named in public (of any term, the deleted too)
    assert len(members) == 2 and "publish_name" in members[1]
    state_read = "SELECT minutes_versions.state \nFROM minutes_versions"
    assert sum(s.startswith(state_read) for s in checklist_read) == 1
