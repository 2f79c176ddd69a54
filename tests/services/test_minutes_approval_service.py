"""Circulating, objecting to and approving minutes, on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
import time
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from meeting_rows import add_meeting
from minutes_rows import WITH_PDFS
from minutes_rows import approve as approve_stored
from minutes_setup import RESOLUTION, Minutes, complete_minutes, fake_render, held_minutes, hold
from pypdf import PdfReader
from sqlalchemy import create_engine, func, select

from expertenrat.domain.approved_minutes import approved_minutes_json
from expertenrat.domain.enums import (
    AttendanceStatus,
    MeetingState,
    MinutesApproval,
    MinutesState,
    MinutesStyle,
    ObjectionState,
)
from expertenrat.domain.errors import NotFoundError, StorageError, ValidationError
from expertenrat.domain.minutes import RecommendationDraft
from expertenrat.domain.minutes_objections import ObjectionDraft
from expertenrat.domain.minutes_versions import fingerprint, parse_snapshot, pdf_fingerprint
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.services.agenda import AgendaService
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.conflicts import ConflictsService
from expertenrat.services.context import Services
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.services.minutes_assembly import (
    approval_stamp,
    approved_minutes,
    minutes_document,
)
from expertenrat.services.minutes_objections import MinutesObjectionsService
from expertenrat.services.minutes_pdfs import render_minutes
from expertenrat.services.overview_lists import minutes_waiting
from expertenrat.services.recommendations import RecommendationsService
from expertenrat.store import models

SENT = date(2026, 3, 20)


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def service(database, actor) -> MinutesApprovalService:
    return MinutesApprovalService(database, actor, render_minutes)


@pytest.fixture
def objections(database, actor) -> MinutesObjectionsService:
    return MinutesObjectionsService(database, actor)


@pytest.fixture
def minutes(database, council, fields) -> Minutes:
    return held_minutes(database, council.id, fields["Stadtdaten"].id)


def titles(database, meeting_id: int) -> list[str]:
    return [i.title for i in AgendaService(database, "t").agenda(meeting_id).items]


def later_held(database, council_id: int, minutes: Minutes) -> int:
    """Hold the next meeting (two months later) so that it can approve."""
    hold(database, minutes.next_id, datetime(2026, 5, 12, 16, 0))
    return minutes.next_id


def objection(minutes: Minutes, **changes) -> ObjectionDraft:
    values = {
        "membership_id": minutes.members["Berg"],
        "raised_on": SENT + timedelta(days=3),
        "text": "Der Beschluss ist falsch wiedergegeben.",
        "agenda_item_id": minutes.item_ids[2],
        "passage": "offen & frei",
        "proposed_text": "offen, frei und maschinenlesbar",
    }
    values.update(changes)
    return ObjectionDraft(**values)


def test_circulating_makes_version_one_and_puts_the_approval_on_the_next_agenda(
    service, database, minutes
) -> None:
    circulation = service.circulate(minutes.meeting_id, SENT)
    version = circulation.version
    assert (version.number, version.state) == (1, MinutesState.CIRCULATED)
    assert version.circulated_on == SENT
    # 20.03.2026 + 14 days is Karfreitag: the next working day is after Ostermontag
    assert version.objections_due_on == date(2026, 4, 7)
    next_titles = titles(database, minutes.next_id)
    # The generic standard item of the next meeting now names the meeting; no second one.
    assert "Genehmigung des Protokolls der 1. Sitzung" in next_titles
    assert "Genehmigung des Protokolls der letzten Sitzung" not in next_titles
    assert len(next_titles) == 4
    # Before: "TOP 4 auf die Tagesordnung der 2. Sitzung heißt jetzt …" (and "steht bereits
    # als TOP 4 auf die Tagesordnung"), the accusative where German wants none or the dative.
    assert circulation.agenda_note == (
        "TOP 4 der Tagesordnung der 2. Sitzung heißt jetzt „Genehmigung des Protokolls der "
        "1. Sitzung“."
    )
    with database.reading() as session:
        row = session.scalars(select(models.MinutesVersion)).one()
    snapshot = parse_snapshot(row.content)
    assert snapshot.items[2].resolution == RESOLUTION
    assert snapshot.items[2].votes[0].yes == 1
    assert version.fingerprint == fingerprint(row.content)

    again = service.circulate(minutes.meeting_id, SENT + timedelta(days=1))
    assert again.version.number == 2
    assert titles(database, minutes.next_id) == next_titles  # one item, not twice
    assert again.agenda_note == (
        "Die Genehmigung steht bereits als TOP 4 auf der Tagesordnung der 2. Sitzung."
    )


def test_circulating_adds_an_item_after_the_opening_items(service, database, minutes) -> None:
    agenda = AgendaService(database, "t")
    generic = next(i for i in agenda.agenda(minutes.next_id).items if "letzten" in i.title)
    agenda.delete(generic.key, generic.version)
    note = service.circulate(minutes.meeting_id, SENT).agenda_note
    assert titles(database, minutes.next_id)[3] == "Genehmigung des Protokolls der 1. Sitzung"
    assert note == (
        "„Genehmigung des Protokolls der 1. Sitzung“ wurde als TOP 4 in die Tagesordnung der "
        "2. Sitzung aufgenommen."
    )


def _approval_entries(database, meeting_id: int) -> list[tuple[str, str, dict | None, dict | None]]:
    """The audit entries of the approval items of meeting ``meeting_id``: action, summary,
    before and after."""
    with database.reading() as session:
        rows = session.scalars(
            select(models.AuditEntry)
            .join(models.AgendaItem, models.AgendaItem.id == models.AuditEntry.entity_id)
            .where(
                models.AuditEntry.entity == "agenda_item",
                models.AgendaItem.meeting_id == meeting_id,
                models.AgendaItem.kind == "minutes_approval",
            )
            .order_by(models.AuditEntry.id)
        ).all()
        return [
            (
                r.action,
                r.summary,
                r.before and json.loads(r.before),
                r.after and json.loads(r.after),
            )
            for r in rows
        ]


LONG_TOPIC = "Datenstrategie 2030 für die Hanse- und Universitätsstadt und ihre Ortsbeiräte"


def _a_klausur_with_a_long_topic(database, meeting_id: int) -> str:
    with database.transaction() as session:
        meeting = session.get(models.Meeting, meeting_id)
        meeting.kind, meeting.title = "workshop", LONG_TOPIC
    return f"Genehmigung des Protokolls der 1. Sitzung – Klausur: {LONG_TOPIC}"


def test_the_approval_item_s_audit_entries_keep_its_whole_title_and_record(
    service, database, minutes
) -> None:
    """The trail names the approval item with its whole title (the program words it; other
    items are cut at 80 characters), a renamed one with the title before and after, an added
    one with all it holds."""
    title = _a_klausur_with_a_long_topic(database, minutes.meeting_id)
    assert len(title) > 80
    service.circulate(minutes.meeting_id, SENT)

    renamed = [e for e in _approval_entries(database, minutes.next_id) if e[0] == "update"]
    assert renamed == [
        (
            "update",
            f"TOP 4 „{title}“ der 2. Sitzung umbenannt",
            {"title": "Genehmigung des Protokolls der letzten Sitzung", "version": 1},
            {"title": title, "version": 2},
        )
    ]


def test_the_added_approval_item_s_audit_entry_keeps_its_whole_title_and_record(
    service, database, minutes
) -> None:
    agenda = AgendaService(database, "t")
    generic = next(i for i in agenda.agenda(minutes.next_id).items if "letzten" in i.title)
    agenda.delete(generic.key, generic.version)
    title = _a_klausur_with_a_long_topic(database, minutes.meeting_id)
    service.circulate(minutes.meeting_id, SENT)

    (added,) = [e for e in _approval_entries(database, minutes.next_id) if e[0] == "create"]
    _, summary, before, after = added
    assert summary == f"TOP 4 „{title}“ der 2. Sitzung hinzugefügt"
    assert before is None
    assert (after["title"], after["number"], after["kind"]) == (title, "4", "minutes_approval")
    assert (after["public"], after["planned_minutes"], after["position"]) == (True, 5, 3)
    assert {"deleted_at", "parent_id", "presenter", "project_id"} <= set(after)


def test_the_objections_practice_names_the_objections_on_the_agenda(
    database, council, fields, actor
) -> None:
    minutes = held_minutes(
        database, council.id, fields["Stadtdaten"].id, practice=MinutesApproval.OBJECTIONS
    )
    MinutesApprovalService(database, actor, fake_render).circulate(minutes.meeting_id, SENT)
    assert "Genehmigung des Protokolls der 1. Sitzung und Entscheidung über Einwände" in titles(
        database, minutes.next_id
    )


def test_only_held_minutes_can_be_circulated(service, database, council, minutes) -> None:
    with pytest.raises(ValidationError, match="stattgefunden"):
        service.circulate(minutes.next_id, SENT)
    with pytest.raises(ValidationError, match="vor der Sitzung"):
        service.circulate(minutes.meeting_id, date(2026, 3, 1))
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(models.MinutesVersion)) == 0


def test_incomplete_minutes_are_not_circulated_and_every_gap_is_named(
    service, database, minutes
) -> None:
    with database.transaction() as session:
        meeting = session.get(models.Meeting, minutes.meeting_id)
        meeting.minute_taker = ""
        session.get(models.AgendaItem, minutes.item_ids[0]).discussion = ""
    before = titles(database, minutes.next_id)

    with pytest.raises(ValidationError) as refused:
        service.circulate(minutes.meeting_id, SENT)

    assert "Die Protokollführung ist nicht angegeben." in refused.value.message
    assert "Es fehlt der Protokolltext." in refused.value.message
    assert {p.field for p in refused.value.problems} >= {"minute_taker"}
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(models.MinutesVersion)) == 0
    assert titles(database, minutes.next_id) == before  # no approval item either


def test_an_accepted_objection_makes_a_new_version_and_keeps_the_circulated_one(
    service, objections, database, minutes
) -> None:
    service.circulate(minutes.meeting_id, SENT)
    with database.reading() as session:
        circulated = session.scalars(select(models.MinutesVersion)).one().content
    raised = objections.raise_objection(minutes.meeting_id, objection(minutes))
    assert raised.state is ObjectionState.OPEN
    assert raised.raised_by == "Anna Berg"
    assert raised.item_label == "TOP 3 Beratung"

    status = objections.accept(raised.id, raised.version, SENT + timedelta(days=5))
    assert [v.number for v in status.versions] == [1, 2]
    assert status.objections[0].state is ObjectionState.ACCEPTED
    with database.reading() as session:
        stored = session.scalars(
            select(models.MinutesVersion).order_by(models.MinutesVersion.number)
        ).all()
        live = session.get(models.AgendaItem, minutes.item_ids[2]).resolution_text
    assert stored[0].content == circulated  # never changed
    assert "offen, frei und maschinenlesbar" in live
    assert parse_snapshot(stored[1].content).items[2].resolution == live
    diff = service.diff(minutes.meeting_id, 1, 2)
    assert [i.heading for i in diff.items] == ["TOP 3 Beratung"]
    assert diff.items[0].fields[0].label == "Beschluss"
    assert "- " + RESOLUTION in diff.text()


def test_the_sending_days_are_those_of_sent_versions_and_an_objections_fassung_says_so(
    service, objections, database, council, minutes
) -> None:
    """Before, a Fassung made by "Berücksichtigen" showed the first sending's day as its
    own, the state line named only the first sending and the Übersicht only the last."""
    service.circulate(minutes.meeting_id, SENT)
    raised = objections.raise_objection(minutes.meeting_id, objection(minutes))
    status = objections.accept(raised.id, raised.version, SENT + timedelta(days=5))
    made = status.versions[-1]
    assert (made.sent, made.origin_text) == (False, "aus Einwand, 25.03.2026")
    assert status.versions[0].origin_text == "versandt am 20.03.2026"
    assert status.summary() == (
        "versandt am 20.03.2026, Einwände bis 07.04.2026 – Fassung 2 aus Einwand, 25.03.2026"
    )
    with database.reading() as session:
        doc = minutes_document(session, session.get(models.Meeting, minutes.meeting_id))
    assert doc.state_line == (  # the printed draft: its text is not the one sent that day
        "Entwurf, versandt am 20.03.2026, Einwände bis 07.04.2026; nach einem Einwand "
        "berichtigt am 25.03.2026."
    )

    service.circulate(minutes.meeting_id, SENT + timedelta(days=10))
    status = service.status(minutes.meeting_id)
    assert [v.origin_text for v in status.versions] == [
        "versandt am 20.03.2026",
        "aus Einwand, 25.03.2026",
        "versandt am 30.03.2026",
    ]
    assert status.summary() == (
        "zuerst versandt am 20.03.2026, zuletzt am 30.03.2026, Einwände bis 13.04.2026 – Fassung 3"
    )
    with database.reading() as session:
        lines = [line.text for line in minutes_waiting(session, council.id, date(2026, 5, 1))]
    assert lines == [
        "Protokoll der 1. Sitzung vom 10.03.2026: zuerst versandt am 20.03.2026, zuletzt am "
        "30.03.2026, Genehmigung in der 2. Sitzung am 12.05.2026 vorgesehen"
    ]


def test_the_overview_names_the_running_deadline_for_objections_and_those_open(
    service, objections, database, council, minutes
) -> None:
    """(found by a tester) A newcomer covering the secretariat read "versandt am
    20.03.2026, Genehmigung steht aus" and learnt neither that objections could still come
    until 07.04.2026 nor that one waited for a decision before the approval."""

    def waiting(today: date) -> str:
        with database.reading() as session:
            return minutes_waiting(session, council.id, today)[0].text

    service.circulate(minutes.meeting_id, SENT)
    head = "Protokoll der 1. Sitzung vom 10.03.2026: versandt am 20.03.2026"
    approval = "Genehmigung in der 2. Sitzung am 12.05.2026 vorgesehen"
    assert waiting(SENT) == f"{head}, Einwände bis 07.04.2026, {approval}"
    objections.raise_objection(minutes.meeting_id, objection(minutes))
    assert waiting(date(2026, 4, 7)) == (
        f"{head}, Einwände bis 07.04.2026, 1 offener Einwand, {approval}"
    )
    objections.raise_objection(minutes.meeting_id, objection(minutes, text="Name fehlt."))
    assert waiting(date(2026, 4, 8)) == f"{head}, 2 offene Einwände, {approval}"


def test_a_rejection_needs_a_reason(service, objections, database, minutes) -> None:
    service.circulate(minutes.meeting_id, SENT)
    raised = objections.raise_objection(minutes.meeting_id, objection(minutes))
    with pytest.raises(ValidationError, match="begründen"):
        objections.reject(raised.id, raised.version, SENT + timedelta(days=5), "   ")
    assert service.status(minutes.meeting_id).objections[0].state is ObjectionState.OPEN
    status = objections.reject(
        raised.id, raised.version, SENT + timedelta(days=5), "Wortlaut stimmt."
    )
    assert status.objections[0].decision == "Wortlaut stimmt."
    assert [v.number for v in status.versions] == [1]  # nothing changed


def test_an_undecided_objection_is_withdrawn_and_counted_nowhere(
    service, objections, database, council, minutes
) -> None:
    service.circulate(minutes.meeting_id, SENT)
    mistaken = objections.raise_objection(minutes.meeting_id, objection(minutes))
    kept = objections.raise_objection(
        minutes.meeting_id, objection(minutes, passage="", proposed_text="", text="Fehlt.")
    )

    status = objections.withdraw(mistaken.id, mistaken.version)

    assert [o.id for o in status.objections] == [kept.id]
    # Another PC still showing it, deciding it: told that it is gone, nothing is stored.
    with pytest.raises(NotFoundError, match="Den Einwand gibt es nicht mehr"):
        objections.reject(mistaken.id, mistaken.version, SENT + timedelta(days=5), "Falsch.")
    with database.reading() as session:
        entry = session.scalars(
            select(models.AuditEntry)
            .where(models.AuditEntry.entity == "objection")
            .order_by(models.AuditEntry.id)
        ).all()[-1]
    assert entry.summary == "Einwand von Anna Berg gegen das Protokoll der 1. Sitzung zurückgezogen"
    assert entry.action == "delete"
    assert "falsch wiedergegeben" in json.loads(entry.before)["text"]
    # The approving meeting's minutes count only the objection decided.
    approving = later_held(database, council.id, minutes)
    objections.reject(
        kept.id, kept.version, date(2026, 5, 12), "Ist enthalten.", in_meeting_id=approving
    )
    service.approve(minutes.meeting_id, approving)
    with database.reading() as session:
        doc = minutes_document(session, session.get(models.Meeting, approving))
    assert doc.earlier_minutes == (
        "Das Protokoll der 1. Sitzung wurde genehmigt; über 1 Einwand wurde entschieden "
        "(0 berücksichtigt, 1 zurückgewiesen).",
    )


def test_a_decided_objection_cannot_be_withdrawn(service, objections, minutes) -> None:
    service.circulate(minutes.meeting_id, SENT)
    raised = objections.raise_objection(minutes.meeting_id, objection(minutes))
    status = objections.reject(raised.id, raised.version, SENT + timedelta(days=5), "Stimmt so.")

    with pytest.raises(ValidationError, match="schon entschieden"):
        objections.withdraw(raised.id, status.objections[0].version)
    assert service.status(minutes.meeting_id).objections[0].state is ObjectionState.REJECTED


def test_the_deadline_for_objections_is_a_working_day_of_the_councils_bundesland(
    service, database, council, fields, settings_service
) -> None:
    """(found by a tester) Minutes sent on 27.09.2026 were open to objections until
    Sunday, 11.10.2026; holidays count where the council's Bundesland has them
    (Fronleichnam in Nordrhein-Westfalen, not in Mecklenburg-Vorpommern)."""
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    version = service.circulate(minutes.meeting_id, date(2026, 5, 21)).version
    assert version.objections_due_on == date(2026, 6, 4)  # Fronleichnam: not in MV
    version = service.circulate(minutes.meeting_id, date(2026, 9, 27)).version
    assert version.objections_due_on == date(2026, 10, 12)
    settings_service.update_settings(
        replace(settings_service.settings(council.id), bundesland="DE-NW")
    )
    stored = service.status(minutes.meeting_id).versions
    assert [v.objections_due_on for v in stored] == [date(2026, 6, 4), date(2026, 10, 12)]
    version = service.circulate(
        minutes.meeting_id, date(2027, 5, 13), today=date(2027, 6, 1)
    ).version
    assert version.objections_due_on == date(2027, 5, 28)  # Fronleichnam in NRW


def test_a_cancelled_meeting_hands_the_approval_on_to_the_next_one(
    service, database, council, fields
) -> None:
    """(found by a tester) The meeting that carried "Genehmigung des Protokolls der 1.
    Sitzung" was cancelled; the next one kept "… der letzten Sitzung", which was now the
    cancelled one. Approved minutes, or an approval no longer on the agenda, are not
    carried on."""
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    after = add_meeting(database, council.id, starts_at=datetime(2026, 6, 9, 16), titles=())
    AgendaService(database, "tester").add_opening_items(after.meeting_id)
    service.circulate(minutes.meeting_id, SENT)
    assert "Genehmigung des Protokolls der 1. Sitzung" in titles(database, minutes.next_id)
    meetings = MeetingsService(database, "tester")
    version = meetings.get(minutes.next_id).version
    meetings.change_state(minutes.next_id, version, MeetingState.CANCELLED, "Erkrankung")
    after_titles = titles(database, after.meeting_id)
    assert "Genehmigung des Protokolls der 1. Sitzung" in after_titles
    assert "Genehmigung des Protokolls der letzten Sitzung" not in after_titles
    assert len(after_titles) == 4  # renamed, not added
    # the later meeting cancelled too: the approval goes on again, to a new one
    last = add_meeting(database, council.id, starts_at=datetime(2026, 7, 7, 16), titles=())
    AgendaService(database, "tester").add_opening_items(last.meeting_id)
    version = meetings.get(after.meeting_id).version
    meetings.change_state(after.meeting_id, version, MeetingState.CANCELLED, "Erkrankung")
    assert "Genehmigung des Protokolls der 1. Sitzung" in titles(database, last.meeting_id)


def test_approved_minutes_are_not_carried_on_by_a_cancellation(
    service, database, council, fields
) -> None:
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    service.circulate(minutes.meeting_id, SENT)
    with database.transaction() as session:  # approved outside the meeting's agenda
        for row in session.scalars(select(models.MinutesVersion)):
            row.state = MinutesState.APPROVED.value
    after = add_meeting(database, council.id, starts_at=datetime(2026, 6, 9, 16), titles=())
    AgendaService(database, "tester").add_opening_items(after.meeting_id)
    meetings = MeetingsService(database, "tester")
    version = meetings.get(minutes.next_id).version
    meetings.change_state(minutes.next_id, version, MeetingState.CANCELLED, "Erkrankung")
    assert "Genehmigung des Protokolls der letzten Sitzung" in titles(database, after.meeting_id)


def minutes_handed_out_at_the_next_meeting(database, council, minutes, service) -> int:
    """The next meeting is held, the minutes are handed out at its table (and so put on the
    agenda of the meeting after it); returns that later, planned meeting."""
    later_held(database, council.id, minutes)
    after = add_meeting(database, council.id, starts_at=datetime(2026, 6, 9, 16), titles=())
    AgendaService(database, "tester").add_opening_items(after.meeting_id)
    service.circulate(minutes.meeting_id, date(2026, 5, 12), today=date(2026, 5, 12))
    assert "Genehmigung des Protokolls der 1. Sitzung" in titles(database, after.meeting_id)
    return after.meeting_id


def audit_summaries(database) -> list[str]:
    with database.reading() as session:
        return list(
            session.scalars(
                select(models.AuditEntry.summary).where(models.AuditEntry.entity == "agenda_item")
            )
        )


def test_minutes_approved_at_the_table_leave_no_approval_item_on_a_later_agenda(
    service, database, council, minutes
) -> None:
    """(found by a tester) The minutes went out after the next meeting was held, which
    approved them; the meeting after kept "Genehmigung des Protokolls der 1. Sitzung".
    Its standard item "… der letzten Sitzung" approves the 2nd meeting's minutes: sending
    the 1st's added an item before it, which named it for them, and left it (it was
    renamed, and so removed)."""
    after = minutes_handed_out_at_the_next_meeting(database, council, minutes, service)
    assert numbered(database, after)[3:5] == [
        ("4", "Genehmigung des Protokolls der 1. Sitzung"),
        ("5", "Genehmigung des Protokolls der 2. Sitzung"),
    ]
    approved = service.approve(minutes.meeting_id, minutes.next_id, today=date(2026, 5, 12))
    # the other items, numbered without a gap
    assert numbered(database, after)[3:] == [("4", "Genehmigung des Protokolls der 2. Sitzung")]
    assert approved.agenda_note == (
        "Das Protokoll der 1. Sitzung wurde bereits in der 2. Sitzung genehmigt; TOP 4 wurde "
        "aus der Tagesordnung der 3. Sitzung entfernt."
    )
    assert any(
        s.startswith("TOP 4 „Genehmigung des Protokolls der 1. Sitzung“ der 3. Sitzung entfernt")
        for s in audit_summaries(database)
    )


def numbered(database, meeting_id: int) -> list[tuple[str, str]]:
    """The agenda's (number, title) pairs in order (top-level items only here)."""
    with database.reading() as session:
        rows = session.execute(
            select(models.AgendaItem.number, models.AgendaItem.title)
            .where(models.AgendaItem.meeting_id == meeting_id)
            .order_by(models.AgendaItem.position)
        )
        return [tuple(row) for row in rows]


def test_an_approval_item_already_invited_or_worked_on_stays_with_a_note(
    service, database, council, minutes
) -> None:
    """Removing the item from an invited meeting would change the invitation; an item with
    texts is someone's work: both stay, and the note and the audit trail say why."""
    after = minutes_handed_out_at_the_next_meeting(database, council, minutes, service)
    third = add_meeting(database, council.id, starts_at=datetime(2026, 7, 7, 16), titles=())
    AgendaService(database, "tester").add_opening_items(third.meeting_id)
    with database.transaction() as session:  # the same item put on both by hand
        item = next(
            i
            for i in session.scalars(
                select(models.AgendaItem).where(models.AgendaItem.meeting_id == third.meeting_id)
            )
            if i.title == "Genehmigung des Protokolls der letzten Sitzung"
        )
        item.title = "Genehmigung des Protokolls der 1. Sitzung"
        item.discussion = "Vorbereitet."
    meetings = MeetingsService(database, "tester")
    meetings.change_state(
        after, meetings.get(after).version, MeetingState.INVITED, sent_on=date(2026, 5, 12)
    )
    approved = service.approve(minutes.meeting_id, minutes.next_id, today=date(2026, 5, 12))
    assert "Genehmigung des Protokolls der 1. Sitzung" in titles(database, after)
    assert "Genehmigung des Protokolls der 1. Sitzung" in titles(database, third.meeting_id)
    assert meetings.get(after).invitation_agenda_changed_on is None  # no "Geänderte …"
    note = approved.agenda_note
    assert note.count("Das Protokoll der 1. Sitzung wurde bereits in der 2. Sitzung genehmigt") == 2
    assert "Tagesordnung der 3. Sitzung; er wurde nicht entfernt, weil die Einladung" in note
    assert "Tagesordnung der 4. Sitzung; er wurde nicht entfernt, weil er bereits" in note
    summaries = audit_summaries(database)
    assert any(
        "der 3. Sitzung belassen, weil die Einladung bereits versandt ist" in s for s in summaries
    )
    assert any("der 4. Sitzung belassen, weil er bereits bearbeitet wurde" in s for s in summaries)


def test_who_may_object_and_when(service, objections, database, council, fields) -> None:
    minutes = held_minutes(
        database, council.id, fields["Stadtdaten"].id, practice=MinutesApproval.OBJECTIONS
    )
    with pytest.raises(ValidationError, match="noch nicht versandt"):
        objections.raise_objection(minutes.meeting_id, objection(minutes))
    service.circulate(minutes.meeting_id, SENT)
    with pytest.raises(ValidationError, match="abgelaufen"):
        objections.raise_objection(
            # 14 days end on Karfreitag, 03.04.2026: the period runs to Tuesday, 07.04.
            minutes.meeting_id,
            objection(minutes, raised_on=date(2026, 4, 8)),
        )
    with pytest.raises(ValidationError, match="teilgenommen"):
        objections.raise_objection(
            minutes.meeting_id, objection(minutes, membership_id=minutes.members["O'Neil"])
        )
    with pytest.raises(ValidationError, match="Bitte wählen"):
        objections.raise_objection(minutes.meeting_id, objection(minutes, membership_id=None))
    with pytest.raises(ValidationError, match="beschreiben"):
        objections.raise_objection(minutes.meeting_id, objection(minutes, text=" "))


def test_accepting_a_passage_that_is_not_there_changes_nothing(
    service, objections, database, minutes
) -> None:
    service.circulate(minutes.meeting_id, SENT)
    raised = objections.raise_objection(
        minutes.meeting_id, objection(minutes, passage="steht nirgends")
    )
    with pytest.raises(ValidationError, match="steht so nicht"):
        objections.accept(raised.id, raised.version, SENT + timedelta(days=5))
    status = service.status(minutes.meeting_id)
    assert [v.number for v in status.versions] == [1]
    assert status.objections[0].state is ObjectionState.OPEN


def test_a_meeting_without_quorum_at_the_approval_carries_a_note_among_the_approving(
    service, database, council, minutes
) -> None:
    # Found by a tester: the minutes were approved "in der 2. Sitzung" with one of three
    # members there, and nothing said that the meeting could not decide.
    service.circulate(minutes.meeting_id, SENT)
    approving = later_held(database, council.id, minutes)
    attendance = AttendanceService(database, "tester")
    assert [c.note for c in service.approving_meetings(minutes.meeting_id)] == [""]

    for name, membership_id in minutes.members.items():
        entry = attendance.sheet(approving).entry(membership_id)
        status = AttendanceStatus.PRESENT if name == "Berg" else AttendanceStatus.EXCUSED
        attendance.save_entry(approving, replace(entry, status=status))
    assert [(c.label, c.note) for c in service.approving_meetings(minutes.meeting_id)] == [
        (
            "2. Sitzung am 12.05.2026",
            "Laut Anwesenheit war die 2. Sitzung am 12.05.2026 bei TOP 4 nicht "
            "beschlussfähig; eine Genehmigung dort wäre kein wirksamer Beschluss.",
        )
    ]

    entry = attendance.sheet(approving).entry(minutes.members["Yılmaz"])
    attendance.save_entry(approving, replace(entry, status=AttendanceStatus.PRESENT))
    assert [c.note for c in service.approving_meetings(minutes.meeting_id)] == [""]


def test_approval_stores_both_pdfs_with_their_sha256(
    service, objections, database, council, minutes
) -> None:
    service.circulate(minutes.meeting_id, SENT)
    approving = later_held(database, council.id, minutes)
    assert [c.id for c in service.approving_meetings(minutes.meeting_id)] == [approving]
    approved = service.approve(minutes.meeting_id, approving)
    assert approved.state is MinutesState.APPROVED
    assert approved.approved_on == date(2026, 5, 12)
    assert approved.approved_in == "2. Sitzung"
    with database.reading() as session:
        row = session.scalars(select(models.MinutesVersion).options(*WITH_PDFS)).one()
    assert row.sha256 == pdf_fingerprint(row.pdf) == approved.sha256
    assert row.public_sha256 == pdf_fingerprint(row.public_pdf) == approved.public_sha256
    for pdf in (row.pdf, row.public_pdf):
        printed = text_of(pdf)
        assert "Genehmigt in der 2. Sitzung am 12.05.2026." in printed
        assert fingerprint(row.content) in printed.replace(" ", "").replace("\n", "")
        assert "ENTWURF" not in printed
    assert approved.fingerprint == fingerprint(row.content)
    exports = Services.create(database, "t").minutes_documents  # the stored bytes, unchanged
    assert exports.minutes(minutes.meeting_id).rendered.pdf == row.pdf
    assert exports.minutes(minutes.meeting_id, public=True).rendered.pdf == row.public_pdf
    status = service.status(minutes.meeting_id)
    assert status.frozen
    assert status.summary() == "genehmigt am 12.05.2026 in der 2. Sitzung"


def test_a_failing_render_stores_nothing(database, actor, council, minutes) -> None:
    def broken(doc):
        if doc.public:
            raise RuntimeError("render failed")
        return b"%PDF full"

    service = MinutesApprovalService(database, actor, broken)
    service.circulate(minutes.meeting_id, SENT)
    approving = later_held(database, council.id, minutes)
    with pytest.raises(RuntimeError):
        service.approve(minutes.meeting_id, approving)
    with database.reading() as session:
        row = session.scalars(select(models.MinutesVersion).options(*WITH_PDFS)).one()
    assert row.state == MinutesState.CIRCULATED.value
    assert (row.pdf, row.sha256, row.public_pdf, row.approved_on) == (None, None, None, None)


@pytest.mark.parametrize("database", ["postgresql"], indirect=True)
def test_an_approval_the_server_ends_while_the_pdfs_render_says_why_and_stores_nothing(
    database, actor, council, minutes
) -> None:
    """A city's DBA ends transactions idle longer than a limit: the approval's waits while
    its PDFs render. It said "Die Verbindung … ist unterbrochen … prüfen Sie das Netzwerk",
    and trying again waited as long again (found by a tester)."""

    def slow(doc):
        time.sleep(0.6)  # a long meeting's minutes
        return render_minutes(doc)

    service = MinutesApprovalService(database, actor, slow)
    service.circulate(minutes.meeting_id, SENT)
    approving = later_held(database, council.id, minutes)
    admin = create_engine(database.url)
    limit = "idle_in_transaction_session_timeout"
    try:
        with admin.begin() as connection:
            connection.exec_driver_sql(
                f"ALTER DATABASE {database.url.database} SET {limit} = '200ms'"
            )
        database.engine.dispose()  # the next connections get the limit
        with pytest.raises(StorageError) as caught:
            service.approve(minutes.meeting_id, approving)
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f"ALTER DATABASE {database.url.database} RESET ALL")
        admin.dispose()

    assert caught.value.message == (
        "Der Datenbankserver hat die Arbeit abgebrochen: Sie wartete länger auf das Programm "
        f"(etwa, während es PDF-Dateien erzeugte), als er erlaubt ({limit}). Bitten Sie Ihre "
        f'IT-Betreuung, diese Grenze für Expertenrat aufzuheben: ALTER ROLE "'
        f'{database.url.username}" SET {limit} = 0; Es wurde nichts gespeichert.'
    )
    assert service.status(minutes.meeting_id).state is MinutesState.CIRCULATED


def test_approval_needs_a_later_held_meeting_and_decided_objections(
    service, objections, database, council, minutes
) -> None:
    with pytest.raises(ValidationError, match="noch nicht versandt"):
        service.approve(minutes.meeting_id, minutes.next_id)
    service.circulate(minutes.meeting_id, SENT)
    with pytest.raises(ValidationError, match="noch nicht stattgefunden"):
        service.approve(minutes.meeting_id, minutes.next_id)
    raised = objections.raise_objection(minutes.meeting_id, objection(minutes))
    approving = later_held(database, council.id, minutes)
    with pytest.raises(ValidationError, match=r"^Über einen offenen Einwand ist noch nicht"):
        service.approve(minutes.meeting_id, approving)  # not "Über 1 offenen" (review)
    objections.reject(
        raised.id, raised.version, date(2026, 5, 12), "Nicht zutreffend.", in_meeting_id=approving
    )
    assert service.status(minutes.meeting_id).objections[0].decided_in == "2. Sitzung"
    assert service.approve(minutes.meeting_id, approving).number == 1


def test_the_approving_meetings_minutes_record_the_approval_and_the_objections_decided(
    database, council, fields, actor
) -> None:
    # With the practice "Einwände" the next meeting decides them: its own minutes are the
    # record of that, in the full and the public version, and name no one.
    minutes = held_minutes(
        database, council.id, fields["Stadtdaten"].id, practice=MinutesApproval.OBJECTIONS
    )
    service = MinutesApprovalService(database, actor, render_minutes)
    objections = MinutesObjectionsService(database, actor)
    service.circulate(minutes.meeting_id, SENT)
    first = objections.raise_objection(minutes.meeting_id, objection(minutes))
    second = objections.raise_objection(
        minutes.meeting_id, objection(minutes, passage="", proposed_text="")
    )
    approving = later_held(database, council.id, minutes)
    objections.accept(first.id, first.version, date(2026, 5, 12), in_meeting_id=approving)
    objections.reject(
        second.id, second.version, date(2026, 5, 12), "Nicht zutreffend.", in_meeting_id=approving
    )
    service.approve(minutes.meeting_id, approving)
    line = (
        "Das Protokoll der 1. Sitzung wurde genehmigt; über 2 Einwände wurde entschieden "
        "(1 berücksichtigt, 1 zurückgewiesen)."
    )

    with database.reading() as session:
        meeting = session.get(models.Meeting, approving)
        full = minutes_document(session, meeting)
        public = minutes_document(session, meeting, public=True)
        earlier = minutes_document(session, session.get(models.Meeting, minutes.meeting_id))

    assert full.earlier_minutes == public.earlier_minutes == (line,)
    assert earlier.earlier_minutes == ()
    assert " ".join(line.split()) in " ".join(text_of(render_minutes(full)).split())


def test_objections_decided_outside_a_meeting_are_reported_by_the_next_minutes(
    database, council, fields, actor
) -> None:
    # Decided by the secretariat between meetings: before, no minutes named them at all.
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    service = MinutesApprovalService(database, actor, render_minutes)
    objections = MinutesObjectionsService(database, actor)
    service.circulate(minutes.meeting_id, SENT)
    first = objections.raise_objection(minutes.meeting_id, objection(minutes))
    second = objections.raise_objection(
        minutes.meeting_id, objection(minutes, passage="", proposed_text="")
    )
    objections.accept(first.id, first.version, SENT + timedelta(days=5))
    objections.reject(second.id, second.version, SENT + timedelta(days=6), "Ist enthalten.")
    approving = later_held(database, council.id, minutes)

    def earlier_lines() -> tuple[str, ...]:
        with database.reading() as session:
            meeting = session.get(models.Meeting, approving)
            full = minutes_document(session, meeting)
            assert minutes_document(session, meeting, public=True).earlier_minutes == (
                full.earlier_minutes
            )
            return full.earlier_minutes

    # Before the approval: in the minutes of the next held meeting.
    assert earlier_lines() == (
        "Über 2 Einwände gegen das Protokoll der 1. Sitzung wurde außerhalb einer Sitzung "
        "entschieden (1 berücksichtigt, 1 zurückgewiesen).",
    )
    service.approve(minutes.meeting_id, approving)
    line = (
        "Das Protokoll der 1. Sitzung wurde genehmigt; außerhalb einer Sitzung war über 2 "
        "Einwände entschieden worden (1 berücksichtigt, 1 zurückgewiesen)."
    )
    assert earlier_lines() == (line,)
    with database.reading() as session:
        pdf = render_minutes(minutes_document(session, session.get(models.Meeting, approving)))
    assert " ".join(line.split()) in " ".join(text_of(pdf).split())


def test_the_minutes_reporting_a_decision_outside_a_meeting_stay_the_same_on_approvals(
    database, council, fields, actor
) -> None:
    # Before: the first held meeting on or after the decision "whose minutes are not
    # approved yet" reported it. With the 1st meeting's minutes still open, approving the
    # 2nd meeting's minutes made the 3rd the reporter: the 2nd's approved PDF dropped the
    # line its circulated draft showed, and the 3rd's draft took it over.
    # With the practice "Einwände" the 2nd meeting's minutes may go out (and be approved)
    # while the 1st meeting's are not approved yet.
    minutes = held_minutes(
        database, council.id, fields["Stadtdaten"].id, practice=MinutesApproval.OBJECTIONS
    )
    service = MinutesApprovalService(database, actor, render_minutes)
    objections = MinutesObjectionsService(database, actor)
    service.circulate(minutes.meeting_id, SENT)
    raised = objections.raise_objection(minutes.meeting_id, objection(minutes))
    objections.accept(raised.id, raised.version, SENT + timedelta(days=5))
    second = later_held(database, council.id, minutes)  # 12.05.2026: the next after it
    complete_minutes(database, second, minutes.members["Berg"])
    third = add_meeting(database, council.id, starts_at=datetime(2026, 7, 14, 16, 0)).meeting_id
    hold(database, third, datetime(2026, 7, 14, 16, 0))
    line = (
        "Über 1 Einwand gegen das Protokoll der 1. Sitzung wurde außerhalb einer Sitzung "
        "entschieden (1 berücksichtigt, 0 zurückgewiesen)."
    )

    def earlier_lines(meeting_id: int) -> tuple[str, ...]:
        with database.reading() as session:
            meeting = session.get(models.Meeting, meeting_id)
            return minutes_document(session, meeting).earlier_minutes

    assert (earlier_lines(second), earlier_lines(third)) == ((line,), ())
    service.circulate(second, date(2026, 5, 20))
    service.approve(second, third)  # the 1st meeting's minutes are still open
    with database.reading() as session:
        stored = session.scalars(
            select(models.MinutesVersion)
            .where(models.MinutesVersion.meeting_id == second)
            .options(*WITH_PDFS)
        ).one()
    assert " ".join(line.split()) in " ".join(text_of(stored.pdf).split())
    assert " ".join(line.split()) in " ".join(text_of(stored.public_pdf).split())
    assert earlier_lines(third) == (
        "Das Protokoll der 2. Sitzung wurde genehmigt.",
    )  # not the decision a second time

    # The 1st meeting's minutes approved in the 3rd: the decision stays with the 2nd.
    service.approve(minutes.meeting_id, third)
    assert earlier_lines(second) == (line,)
    assert earlier_lines(third) == (
        "Das Protokoll der 1. Sitzung wurde genehmigt.",
        "Das Protokoll der 2. Sitzung wurde genehmigt.",
    )


def test_a_decision_outside_a_meeting_whose_reporting_minutes_are_approved_is_refused(
    database, council, fields, actor
) -> None:
    # Dated on or before the 2nd meeting, a decision belongs in its minutes; once those are
    # approved their stored PDF cannot take it, and no other minutes would report it.
    minutes = held_minutes(
        database, council.id, fields["Stadtdaten"].id, practice=MinutesApproval.OBJECTIONS
    )
    service = MinutesApprovalService(database, actor, fake_render)
    objections = MinutesObjectionsService(database, actor)
    service.circulate(minutes.meeting_id, SENT)
    second = later_held(database, council.id, minutes)
    complete_minutes(database, second, minutes.members["Berg"])
    third = add_meeting(database, council.id, starts_at=datetime(2026, 7, 14, 16, 0)).meeting_id
    hold(database, third, datetime(2026, 7, 14, 16, 0))
    service.circulate(second, date(2026, 5, 20))
    service.approve(second, third)
    # Entered only now, as raised on 02.04.2026 (within the deadline) and decided on 05.04.:
    raised = objections.raise_objection(
        minutes.meeting_id, objection(minutes, raised_on=date(2026, 4, 2))
    )

    with pytest.raises(ValidationError, match=r"Protokoll der 2\. Sitzung \(12\.05\.2026\)"):
        objections.reject(raised.id, raised.version, date(2026, 4, 5), "Nicht zutreffend.")
    objections.reject(raised.id, raised.version, date(2026, 6, 1), "Nicht zutreffend.")
    with database.reading() as session:
        reporting = minutes_document(session, session.get(models.Meeting, third))
    assert reporting.earlier_minutes == (  # the first held meeting after 01.06.2026
        "Über 1 Einwand gegen das Protokoll der 1. Sitzung wurde außerhalb einer Sitzung "
        "entschieden (0 berücksichtigt, 1 zurückgewiesen).",
        "Das Protokoll der 2. Sitzung wurde genehmigt.",
    )


def test_a_meeting_before_the_sending_or_the_objection_neither_approves_nor_decides(
    service, objections, database, council, minutes
) -> None:
    approving = later_held(database, council.id, minutes)  # held on 12.05.2026
    service.circulate(minutes.meeting_id, date(2026, 5, 20))  # sent after it
    raised = objections.raise_objection(
        minutes.meeting_id, objection(minutes, raised_on=date(2026, 5, 22))
    )

    assert service.approving_meetings(minutes.meeting_id) == []
    with pytest.raises(ValidationError, match="liegt vor dem Einwand"):
        objections.reject(
            raised.id, raised.version, date(2026, 5, 25), "Nein.", in_meeting_id=approving
        )
    objections.reject(raised.id, raised.version, date(2026, 5, 25), "Nein.")
    with pytest.raises(ValidationError, match=r"am 20\.05\.2026 versandt"):
        service.approve(minutes.meeting_id, approving)
    assert service.status(minutes.meeting_id).state is not MinutesState.APPROVED


def test_the_objections_practice_waits_for_the_deadline(database, council, fields, actor) -> None:
    minutes = held_minutes(
        database, council.id, fields["Stadtdaten"].id, practice=MinutesApproval.OBJECTIONS
    )
    """The approving meeting decides on the objections: it is held after the deadline, and
    one held within it may not approve on a day after the deadline either (found by a
    tester: "Genehmigt am 19.12.2026 in der 2. Sitzung am 04.12.2026")."""
    service = MinutesApprovalService(database, actor, fake_render)
    service.circulate(minutes.meeting_id, date(2026, 5, 1))  # deadline 15.05.
    within = later_held(database, council.id, minutes)  # held 12.05.
    held = {}
    for start in (datetime(2026, 5, 15, 16, 0), datetime(2026, 5, 16, 10, 0)):
        held[start.day] = add_meeting(database, council.id, starts_at=start).meeting_id
        hold(database, held[start.day], start)
    for meeting_id, label in ((within, "2. Sitzung am 12"), (held[15], "3. Sitzung am 15")):
        for approved_on in (None, date(2026, 5, 16)):
            with pytest.raises(ValidationError) as refused:
                service.approve(minutes.meeting_id, meeting_id, approved_on)
            assert refused.value.message == (
                f"Die {label}.05.2026 fand noch in der Frist für Einwände statt (bis "
                "einschließlich 15.05.2026). Genehmigen kann erst eine Sitzung ab dem "
                "16.05.2026, die dann auch über die Einwände entscheidet."
            )

    approved = service.approve(minutes.meeting_id, held[16])

    assert (approved.number, approved.approved_on) == (1, date(2026, 5, 16))
    assert approved.approved_in == "4. Sitzung"


def test_minutes_changed_after_circulation_are_approved_as_a_new_version(
    service, database, council, minutes
) -> None:
    service.circulate(minutes.meeting_id, SENT)
    with database.transaction() as session:
        session.get(models.AgendaItem, minutes.item_ids[1]).discussion = "Nachgetragen."
    approving = later_held(database, council.id, minutes)
    approved = service.approve(minutes.meeting_id, approving)
    assert approved.number == 2
    assert approved.origin_text == "bei Genehmigung, 12.05.2026"  # it was never sent
    status = service.status(minutes.meeting_id)
    assert [v.state for v in status.versions] == [MinutesState.CIRCULATED, MinutesState.APPROVED]
    assert service.diff(minutes.meeting_id, 1, 2).items[0].heading == "TOP 2 Bericht"


def test_approval_renders_and_keeps_the_minutes_as_read_in_its_transaction(
    database, actor, council, minutes
) -> None:
    with database.transaction() as session:  # someone whom the public minutes do not name
        session.get(models.Membership, minutes.members["Yılmaz"]).person.publish_name = False
    rendered = []

    def recording(doc):
        rendered.append(doc)
        return fake_render(doc)

    service = MinutesApprovalService(database, actor, recording)
    service.circulate(minutes.meeting_id, SENT)
    service.approve(minutes.meeting_id, later_held(database, council.id, minutes))
    with database.reading() as session:  # nothing changed since: read as the approval did
        row = session.scalars(select(models.MinutesVersion).options(*WITH_PDFS)).one()
        meeting = session.get(models.Meeting, minutes.meeting_id)
        stamp = approval_stamp(session, row)
        full = minutes_document(session, meeting, stamp)
        public = minutes_document(session, meeting, stamp, public=True)
        kept = approved_minutes(session, meeting, stamp)
    assert rendered == [full, public]
    assert "Gülşen Yılmaz" in kept.document.unnamed
    assert (row.pdf, row.public_pdf) == (fake_render(full), fake_render(public))
    assert row.document == approved_minutes_json(kept)


def test_a_decision_in_a_meeting_is_not_dated_before_that_meeting(
    service, objections, database, council, minutes
) -> None:
    # Before, "in der 2. Sitzung (12.05.2026)" could be dated 25.03.2026.
    service.circulate(minutes.meeting_id, SENT)
    raised = objections.raise_objection(minutes.meeting_id, objection(minutes))
    approving = later_held(database, council.id, minutes)  # held on 12.05.2026

    with pytest.raises(ValidationError, match=r"nicht vor deren Tag \(12\.05\.2026\)"):
        objections.reject(
            raised.id, raised.version, date(2026, 3, 25), "Nein.", in_meeting_id=approving
        )
    assert service.status(minutes.meeting_id).objections[0].state is ObjectionState.OPEN


def test_minutes_are_not_approved_before_their_objections_were_decided(
    service, objections, database, council, minutes
) -> None:
    # Before, an objection decided on 20.05.2026 let the minutes be approved on 12.05.2026.
    service.circulate(minutes.meeting_id, SENT)
    raised = objections.raise_objection(minutes.meeting_id, objection(minutes))
    approving = later_held(database, council.id, minutes)  # held on 12.05.2026
    objections.reject(raised.id, raised.version, date(2026, 5, 20), "Nein.")

    with pytest.raises(ValidationError, match=r"am 20\.05\.2026 entschieden"):
        service.approve(minutes.meeting_id, approving)
    assert service.status(minutes.meeting_id).state is not MinutesState.APPROVED
    assert service.approve(minutes.meeting_id, approving, date(2026, 5, 20)).number == 1


def test_minutes_are_not_approved_on_a_day_still_to_come(
    service, database, council, minutes
) -> None:
    # Before, "genehmigt am 12.05.2062" (a typing slip) was frozen into the stored PDFs.
    service.circulate(minutes.meeting_id, SENT)
    approving = later_held(database, council.id, minutes)  # held on 12.05.2026

    with pytest.raises(ValidationError, match=r"künftigen Tag \(13\.05\.2026\)"):
        service.approve(minutes.meeting_id, approving, date(2026, 5, 13), today=date(2026, 5, 12))
    assert service.status(minutes.meeting_id).state is not MinutesState.APPROVED
    assert service.approve(minutes.meeting_id, approving, today=date(2026, 5, 12)).number == 1


def test_a_corrected_attendance_is_part_of_the_versions_and_their_diff(
    service, database, council, minutes
) -> None:
    # "Ich war anwesend, nicht entschuldigt": the most common objection. Before, the
    # versions kept no attendance: its correction made no difference to them, the diff
    # showed nothing, and the approval's fingerprint did not cover who was there.
    service.circulate(minutes.meeting_id, SENT)
    attendance = AttendanceService(database, "t")
    entry = next(e for e in attendance.sheet(minutes.meeting_id).entries if "O'Neil" in e.name)
    attendance.save_entry(minutes.meeting_id, replace(entry, status=AttendanceStatus.PRESENT))

    assert service.status(minutes.meeting_id).changed_since_sent
    service.circulate(minutes.meeting_id, SENT + timedelta(days=1))
    text = service.diff(minutes.meeting_id, 1, 2).text()
    assert "Kopf des Protokolls\n  Anwesenheit:" in text
    assert "- Entschuldigt: Kim O'Neil" in text
    assert "Kim O'Neil" in text.split("+ Anwesend: ")[1]


def test_minutes_changed_after_sending_say_so_where_they_name_the_sending(
    service, database, minutes
) -> None:
    """(found by a tester) A draft changed after it was sent still read "Entwurf, versandt
    am 20.03.2026, Einwände bis 07.04.2026." in its PDF and in the Sitzungsmappe: to the
    archive, the text the members were sent, which it is not."""
    service.circulate(minutes.meeting_id, SENT)
    exports = Services.create(database, "t").minutes_documents
    sent_line = "Entwurf, versandt am 20.03.2026, Einwände bis 07.04.2026"
    assert f"{sent_line}." in " ".join(text_of(exports.minutes_pdf(minutes.meeting_id).pdf).split())
    attendance = AttendanceService(database, "t")
    entry = next(e for e in attendance.sheet(minutes.meeting_id).entries if "O'Neil" in e.name)
    attendance.save_entry(minutes.meeting_id, replace(entry, status=AttendanceStatus.PRESENT))

    changed = f"{sent_line}; seitdem geändert, noch nicht erneut versandt."
    for public in (False, True):
        pdf = exports.minutes_pdf(minutes.meeting_id, public=public).pdf
        assert changed in " ".join(text_of(pdf).split())
    assert changed in " ".join(text_of(exports.dossier_pdf(minutes.meeting_id).pdf).split())

    service.circulate(minutes.meeting_id, SENT + timedelta(days=1))  # sent again: as sent
    printed = " ".join(text_of(exports.minutes_pdf(minutes.meeting_id).pdf).split())
    assert "Entwurf, versandt am 21.03.2026, Einwände bis 07.04.2026." in printed


def test_a_recusal_declared_after_sending_is_part_of_the_versions_and_their_diff(
    service, database, minutes
) -> None:
    """(found by a tester) A member recused after the sending changes the printed vote line
    ("einstimmig angenommen · befangen: Anna Berg (…)"), but the versions kept no recusal:
    the minutes counted as unchanged, a second sending said "bereits versandt", and
    neither the diff nor the approved content's fingerprint knew of it."""
    service.circulate(minutes.meeting_id, SENT)
    ConflictsService(database, "t").declare(
        minutes.item_ids[2], minutes.members["Berg"], "Partnerin im Projekt."
    )

    assert service.status(minutes.meeting_id).changed_since_sent
    assert service.circulate(minutes.meeting_id, SENT).version.number == 2
    text = service.diff(minutes.meeting_id, 1, 2).text()
    assert "TOP 3 Beratung (geändert)\n  Befangen:\n    + Anna Berg (Partnerin im Projekt)" in text


def test_a_version_stored_before_recusals_were_kept_is_not_changed_by_them(
    service, database, minutes
) -> None:
    ConflictsService(database, "t").declare(
        minutes.item_ids[2], minutes.members["Berg"], "Partnerin im Projekt"
    )
    service.circulate(minutes.meeting_id, SENT)
    with database.transaction() as session:  # as an older Expertenrat stored it
        row = session.scalars(select(models.MinutesVersion)).one()
        data = json.loads(row.content)
        assert data["items"][2]["recused"] == "Anna Berg (Partnerin im Projekt)"
        for item in data["items"]:
            del item["recused"]
        row.content = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    assert not service.status(minutes.meeting_id).changed_since_sent
    assert service.circulate(minutes.meeting_id, SENT).version.number == 1  # sent already
    attendance = AttendanceService(database, "t")
    entry = next(e for e in attendance.sheet(minutes.meeting_id).entries if "O'Neil" in e.name)
    attendance.save_entry(minutes.meeting_id, replace(entry, status=AttendanceStatus.PRESENT))
    service.circulate(minutes.meeting_id, SENT + timedelta(days=1))
    text = service.diff(minutes.meeting_id, 1, 2).text()
    assert "Anwesenheit" in text and "Befangen" not in text  # not kept then: no change


def test_a_version_stored_before_attendance_was_kept_is_not_changed_by_it(
    service, database, minutes
) -> None:
    service.circulate(minutes.meeting_id, SENT)
    with database.transaction() as session:  # as an older Expertenrat stored it
        row = session.scalars(select(models.MinutesVersion)).one()
        data = json.loads(row.content)
        del data["header"]["attendance"]
        row.content = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    assert not service.status(minutes.meeting_id).changed_since_sent
    assert service.circulate(minutes.meeting_id, SENT).version.number == 1  # sent already


def test_a_version_stored_under_an_earlier_name_order_is_not_changed_by_the_new_one(
    service, database, minutes
) -> None:
    """Minutes sent before name_sort_key listed the same members in another order (a
    "von …" under V): the new order alone is no change and makes no new Fassung."""
    service.circulate(minutes.meeting_id, SENT)
    with database.transaction() as session:  # the order an older Expertenrat printed
        row = session.scalars(select(models.MinutesVersion)).one()
        data = json.loads(row.content)
        lines = data["header"]["attendance"].split("\n")
        label, names = lines[0].split(": ", 1)
        assert len(names.split("; ")) > 1
        lines[0] = f"{label}: {'; '.join(reversed(names.split('; ')))}"
        data["header"]["attendance"] = "\n".join(lines)
        row.content = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    assert not service.status(minutes.meeting_id).changed_since_sent
    assert service.circulate(minutes.meeting_id, SENT).version.number == 1  # sent already


def test_an_objection_corrected_in_the_attendance_is_accepted_without_a_passage(
    service, objections, database, minutes
) -> None:
    # Before, "Berücksichtigen" always wanted a passage of an item's text to replace, so
    # an objection to the attendance could only be rejected, though it had been corrected.
    service.circulate(minutes.meeting_id, SENT)
    raised = objections.raise_objection(
        minutes.meeting_id,
        objection(minutes, text="Ich war anwesend, nicht entschuldigt.", passage="",
                  proposed_text="", agenda_item_id=None),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="seit der letzten Fassung wurde nichts"):
        objections.accept(raised.id, raised.version, SENT + timedelta(days=5))
    attendance = AttendanceService(database, "t")
    entry = next(e for e in attendance.sheet(minutes.meeting_id).entries if "O'Neil" in e.name)
    attendance.save_entry(minutes.meeting_id, replace(entry, status=AttendanceStatus.PRESENT))

    status = objections.accept(raised.id, raised.version, SENT + timedelta(days=5))

    assert status.objections[0].state is ObjectionState.ACCEPTED
    assert [v.number for v in status.versions] == [1, 2]
    assert "- Entschuldigt: Kim O'Neil" in service.diff(minutes.meeting_id, 1, 2).text()


def test_minutes_are_not_recorded_as_sent_on_a_day_still_to_come(service, minutes) -> None:
    # Before, a slip of the date picker (20.03.2036) started the deadline for objections
    # ten years ahead, and no meeting could approve the minutes until then.
    with pytest.raises(ValidationError, match=r"Versanddatum \(21\.03\.2026\) liegt in der"):
        service.circulate(minutes.meeting_id, SENT + timedelta(days=1), today=SENT)
    assert service.status(minutes.meeting_id).versions == ()
    assert service.circulate(minutes.meeting_id, SENT, today=SENT).version.number == 1


def test_a_meeting_whose_minutes_are_approved_neither_approves_nor_decides(
    service, objections, database, council, minutes
) -> None:
    # Before, the 1st meeting's minutes could be approved "in the 2nd meeting" after the
    # 2nd meeting's own minutes had been approved: its stored PDF never said so.
    service.circulate(minutes.meeting_id, SENT)
    raised = objections.raise_objection(minutes.meeting_id, objection(minutes))
    approving = later_held(database, council.id, minutes)
    approve_stored(database, approving)  # the 2nd meeting's minutes, approved already

    assert service.approving_meetings(minutes.meeting_id) == []
    with pytest.raises(ValidationError, match=r"2\. Sitzung ist bereits genehmigt"):
        objections.reject(
            raised.id, raised.version, date(2026, 5, 12), "Nein.", in_meeting_id=approving
        )
    # Outside a meeting on its day its minutes would have to report it, after it the next.
    with pytest.raises(ValidationError, match=r"2\. Sitzung \(12\.05\.2026\) fest"):
        objections.reject(raised.id, raised.version, date(2026, 5, 12), "Nein.")
    objections.reject(raised.id, raised.version, date(2026, 5, 13), "Nein.")
    with pytest.raises(ValidationError, match=r"genehmigen kann nur eine Sitzung, deren"):
        service.approve(minutes.meeting_id, approving)
    assert service.status(minutes.meeting_id).state is not MinutesState.APPROVED


def test_objections_are_not_raised_or_decided_on_a_day_still_to_come(
    service, objections, minutes
) -> None:
    # Before, "Eingegangen am 03.04.2036" was stored, and the minutes could then not be
    # approved before that day (no decision before the objection, no approval before it).
    service.circulate(minutes.meeting_id, SENT)
    later = objection(minutes, raised_on=date(2036, 4, 3))
    with pytest.raises(ValidationError, match=r"Der Einwand kann nicht auf einen künftigen"):
        objections.raise_objection(minutes.meeting_id, later, today=SENT + timedelta(days=5))
    raised = objections.raise_objection(minutes.meeting_id, objection(minutes))
    with pytest.raises(ValidationError, match=r"Die Entscheidung kann nicht auf einen"):
        objections.reject(raised.id, raised.version, date(2036, 4, 3), "Nein.")
    assert service.status(minutes.meeting_id).objections[0].state is ObjectionState.OPEN


PLATFORM, SENSORS = "Urbane Datenplattform", "Sensorik & Klima 🚀 مرحبا"


def adopted_for_one_project(database, council_id: int, field_id: int, minutes: Minutes):
    """E-2026-01 adopted in item 3 for the data platform; the id of a second project."""
    with database.transaction() as session:
        projects = [
            models.Project(council_id=council_id, title=title, action_field_id=field_id)
            for title in (PLATFORM, SENSORS)
        ]
        session.add_all(projects)
        session.flush()
        first, second = (p.id for p in projects)
    adopted = MinutesService(database, "t").adopt_recommendation(
        minutes.item_ids[2],
        RecommendationDraft("Offene Daten", "Die Daten werden offen veröffentlicht.",
                            project_id=first, project_chosen=True),
    )  # fmt: skip
    return adopted, second


def test_a_recommendation_changed_in_the_register_after_sending_is_a_change_of_the_minutes(
    service, database, council, fields, minutes
) -> None:
    # Found by a tester: the versions kept only the recommendations' codes. A second
    # project given to E-2026-01 in the register after the minutes went out made them print
    # "Projekte: …", but there was no "changed since sent", no new version and no diff.
    adopted, second = adopted_for_one_project(database, council.id, fields["Stadtdaten"].id,
                                              minutes)  # fmt: skip
    service.circulate(minutes.meeting_id, SENT)
    RecommendationsService(database, "t").update(
        adopted.id,
        adopted.version,
        RecommendationContent(adopted.title, adopted.text, adopted.kind, adopted.action_field_id,
                              (adopted.project_id, second)),
        SENT + timedelta(days=1),
    )  # fmt: skip

    assert service.status(minutes.meeting_id).changed_since_sent
    assert service.circulate(minutes.meeting_id, SENT + timedelta(days=1)).version.number == 2
    text = service.diff(minutes.meeting_id, 1, 2).text()
    assert f"TOP 3 Beratung (geändert)\n  Empfehlung {adopted.code}:\n" in text
    assert "- Projekt: Urbane Datenplattform · Handlungsfeld: Stadtdaten" in text
    assert f"+ Projekte: Urbane Datenplattform; {SENSORS} · Handlungsfeld: Stadtdaten" in text
    with database.transaction() as session:
        first = session.scalars(select(models.MinutesVersion).where(
            models.MinutesVersion.number == 1)).one()  # fmt: skip
        kept = parse_snapshot(first.content).items[2].recommendations
    assert [(r.code, r.title, r.projects) for r in kept] == [
        (adopted.code, "Offene Daten", (PLATFORM,))
    ]
    assert not service.status(minutes.meeting_id).changed_since_sent


def test_a_version_that_kept_only_the_recommendation_codes_is_compared_by_them(
    service, database, council, fields, minutes
) -> None:
    # Versions stored by an older Expertenrat hold ["E-2026-01"]: a later change of the
    # wording is not what they recorded, so not "changed since sent"; a new code is.
    adopted, _second = adopted_for_one_project(database, council.id, fields["Stadtdaten"].id,
                                               minutes)  # fmt: skip
    service.circulate(minutes.meeting_id, SENT)
    with database.transaction() as session:
        row = session.scalars(select(models.MinutesVersion)).one()
        data = json.loads(row.content)
        for item in data["items"]:
            item["recommendations"] = [r["code"] for r in item["recommendations"]]
        row.content = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    RecommendationsService(database, "t").update(
        adopted.id,
        adopted.version,
        RecommendationContent("Offene Daten, neu gefasst", adopted.text, adopted.kind,
                              adopted.action_field_id, (adopted.project_id,)),
        SENT + timedelta(days=1),
    )  # fmt: skip

    assert not service.status(minutes.meeting_id).changed_since_sent
    assert service.circulate(minutes.meeting_id, SENT).version.number == 1  # sent already
    MinutesService(database, "t").adopt_recommendation(
        minutes.item_ids[2], RecommendationDraft("Sensoren")
    )
    assert service.status(minutes.meeting_id).changed_since_sent
    service.circulate(minutes.meeting_id, SENT + timedelta(days=2))
    text = service.diff(minutes.meeting_id, 1, 2).text()
    assert "Empfehlung E-2026-02:\n    + E-2026-02 – Empfehlung: Sensoren" in text
    assert adopted.code not in text  # its wording was not recorded in version 1


def test_a_verlaufsprotokoll_names_its_corrected_discussion_as_its_minutes_do(
    service, objections, database, settings_service, council, minutes
) -> None:
    """A council keeping a Verlaufsprotokoll (Görlitz's) prints "Verlauf der Beratung";
    the comparison of two versions and the audit trail of an accepted objection said
    "Wesentlicher Inhalt", the label of an Ergebnisprotokoll (found by a tester)."""
    settings_service.update_settings(replace(council, minutes_style=MinutesStyle.COURSE))
    service.circulate(minutes.meeting_id, SENT)
    raised = objections.raise_objection(
        minutes.meeting_id,
        objection(
            minutes,
            agenda_item_id=minutes.item_ids[2],
            passage="Die Mitglieder fragen nach.",
            proposed_text="Die Mitglieder fragen nach dem Datenschutz.",
        ),
    )
    objections.accept(raised.id, raised.version, SENT + timedelta(days=5))

    diff = service.diff(minutes.meeting_id, 1, 2)
    assert [f.label for f in diff.items[0].fields] == ["Verlauf der Beratung"]
    assert "Wesentlicher Inhalt" not in diff.text()
    with database.reading() as session:
        summaries = session.scalars(select(models.AuditEntry.summary)).all()
    assert any("Verlauf der Beratung nach einem Einwand berichtigt" in s for s in summaries)
    assert not any("Wesentlicher Inhalt" in s for s in summaries)
    # (found by a tester) "TOP 3: … berichtigt" named no meeting, among every meeting's entries
    with database.reading() as session:
        item = session.get(models.AgendaItem, minutes.item_ids[2])
        number = session.get(models.Meeting, item.meeting_id).number
    corrected = f"TOP {item.number} der {number}. Sitzung: Verlauf der Beratung nach einem Einwand"
    assert any(s.startswith(corrected) for s in summaries)


def test_the_members_who_may_object_are_offered_in_reading_order(
    objections, database, members_service, council, new_member, today, minutes
) -> None:
    """By name_sort_key, not by the shown name: "Dr. Eva Dahl" under D (not under "Dr."),
    "Kim von Hohenzollern" under H, "Kim Öztürk" before "Gülşen Yılmaz" and "Kim Zimmermann"."""
    names = [("Kim", "Zimmermann"), ("Kim", "Öztürk"), ("Kim", "von Hohenzollern")]
    added = [members_service.save(council.id, new_member(*n), today) for n in names]
    added.append(members_service.save(council.id, new_member("Eva", "Dahl", title="Dr."), today))
    with database.transaction() as session:
        session.add_all(
            models.Attendance(meeting_id=minutes.meeting_id, membership_id=m.id, status="present")
            for m in added
        )

    labels = [c.label for c in objections.attendees(minutes.meeting_id)]

    assert labels == [
        "Anna Berg",
        "Dr. Eva Dahl",
        "Kim von Hohenzollern",
        "Kim Öztürk",
        "Gülşen Yılmaz",
        "Kim Zimmermann",
    ]


def test_a_member_with_a_long_name_can_object(service, objections, database, minutes) -> None:
    """(found by a tester) Title, given and family name may hold 100 + 200 + 200
    characters, the objection's ``raised_by`` only 200: PostgreSQL refused to store the
    objection of a member with a long name (SQLite kept all of it). The name is kept as
    far as the column holds it."""
    long_given = "Maria " * 30  # 180 characters
    with database.transaction() as session:
        person = session.get(models.Membership, minutes.members["Berg"]).person
        person.title = "Prof. Dr.-Ing. habil."
        person.given_name = long_given.strip()
    service.circulate(minutes.meeting_id, SENT)

    raised = objections.raise_objection(minutes.meeting_id, objection(minutes))

    full = f"Prof. Dr.-Ing. habil. {long_given.strip()} Berg"
    assert len(full) > 200
    assert raised.raised_by == full[:199] + "…"
    status = objections.reject(
        raised.id, raised.version, SENT + timedelta(days=5), "Nicht zutreffend."
    )
    assert status.objections[0].raised_by == raised.raised_by
