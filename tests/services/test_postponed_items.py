"""(found by a tester) An item postponed in a meeting ("vertagt") or taken off its agenda
("abgesetzt") waits for a later agenda: the service lists it (its sub-items with it, by the
one rule of the minutes) until an item takes it up, and taking it up copies it onto the
next agenda with the link."""

from __future__ import annotations

import json
import re
import threading
from datetime import date, datetime

import pytest
from meeting_rows import add_meeting
from minutes_setup import held_minutes
from pdf_reading import text
from racing_threads import called_in, in_thread
from sqlalchemy import select

from expertenrat.domain.approved_minutes import (
    ApprovedMinutes,
    approved_minutes_json,
    parse_approved_minutes,
)
from expertenrat.domain.enums import AgendaItemOutcome, MeetingState
from expertenrat.domain.errors import NotFoundError, ValidationError
from expertenrat.domain.overview import Area, Line, MeetingTab, Target
from expertenrat.reports.minutes_blocks import item_facts
from expertenrat.reports.minutes_pdf import render_minutes
from expertenrat.services import postponed_items
from expertenrat.services.agenda import AgendaService
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_assembly import minutes_document
from expertenrat.services.overview import OverviewService
from expertenrat.services.postponed_items import PostponedItemsService
from expertenrat.store import models

TAKEN_INTO = (
    "TOP 3 „Beratung“ der 1. Sitzung wurde inzwischen [(]vielleicht an einem anderen PC[)] "
    "in die Tagesordnung"
)


@pytest.fixture
def held(database, council, fields, actor):
    """A held meeting whose TOP 3 "Beratung" (a project, a presenter, non-public) with its
    3.1 was postponed, and TOP 2 taken off the agenda; the next meeting is planned."""
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    with database.transaction() as session:
        project = models.Project(council_id=council.id, title="Urbane Datenplattform")
        session.add(project)
        session.flush()
        item = session.get(models.AgendaItem, minutes.item_ids[2])
        item.project_id, item.presenter, item.public = project.id, "Frau Yılmaz", False
        session.add(
            models.AgendaItem(
                meeting_id=minutes.meeting_id, parent_id=item.id, number="3.1", position=0,
                title="Datenschutz & <Ethik>",
            )
        )  # fmt: skip
    service = MinutesService(database, actor)
    for key, outcome in ((2, AgendaItemOutcome.POSTPONED), (1, AgendaItemOutcome.WITHDRAWN)):
        service.set_outcome(minutes.item_ids[key], outcome, AgendaItemOutcome.DISCUSSED)
    return minutes


def test_postponed_items_wait_with_their_sub_items(database, council, actor, held) -> None:
    waiting = PostponedItemsService(database, actor).waiting(council.id)

    assert [(p.number, p.meeting, p.title, p.outcome.label) for p in waiting] == [
        ("2", "der 1. Sitzung", "Bericht", "abgesetzt"),  # (found by a tester) taken up too
        ("3", "der 1. Sitzung", "Beratung", "vertagt"),
        ("3.1", "der 1. Sitzung", "Datenschutz & <Ethik>", "vertagt"),
    ]
    _report, top, sub = waiting
    assert (top.project_title, top.presenter, top.public) == (
        "Urbane Datenplattform", "Frau Yılmaz", False,
    )  # fmt: skip
    assert (top.parent, sub.parent) == (None, top.key)
    assert PostponedItemsService(database, actor).offered(held.meeting_id) == []  # not before it


def test_taking_them_up_copies_them_onto_the_next_agenda_once(
    database, council, actor, held
) -> None:
    service = PostponedItemsService(database, actor)
    offered = service.offered(held.next_id)
    debate = offered[1]

    agenda = service.take_up(held.next_id, [p.key for p in offered])

    by_title = {item.title: item for item in agenda.items}
    top, sub = by_title["Beratung"], by_title["Datenschutz & <Ethik>"]
    assert (top.project_id, top.presenter, top.public) == (
        debate.project_id, "Frau Yılmaz", False,
    )  # fmt: skip
    assert sub.parent == top.key
    assert service.waiting(council.id) == []
    with database.reading() as session:
        assert session.get(models.AgendaItem, top.key).taken_up_from_id == debate.key
    for key, said in (
        (top.key, "„Beratung“ der 2. Sitzung hinzugefügt (in der 1. Sitzung vertagt)"),
        (by_title["Bericht"].key, "hinzugefügt (in der 1. Sitzung abgesetzt)"),
    ):
        summaries = [line.summary for line in AuditService(database).entries("agenda_item", key)]
        assert any(s.endswith(said) for s in summaries), summaries
    with pytest.raises(ValidationError, match=f"^{TAKEN_INTO} der 2. Sitzung übernommen"):
        service.take_up(held.next_id, [debate.key])  # a double click: not added twice
    assert [i.title for i in service.take_up(held.next_id, []).items].count("Beratung") == 1


def test_a_sub_item_of_a_non_public_item_taken_up_alone_stays_non_public(
    database, council, actor, held
) -> None:
    """(found by review) 3.1, public by its own mark but non-public under TOP 3, taken up
    without its parent stands at the top of the next agenda: copied with its own mark, its
    title went into the public invitation and the public minutes."""
    service = PostponedItemsService(database, actor)
    _report, _top, sub = service.offered(held.next_id)

    agenda = service.take_up(held.next_id, [sub.key])

    (copy,) = [item for item in agenda.items if item.title == "Datenschutz & <Ethik>"]
    assert (sub.public, copy.parent, copy.public) == (False, None, False)


def test_deleting_the_copy_or_cancelling_its_meeting_offers_the_item_again(
    database, council, actor, held
) -> None:
    service = PostponedItemsService(database, actor)
    report, first, _sub = service.offered(held.next_id)
    copy = next(
        i for i in service.take_up(held.next_id, [first.key]).items if i.title == "Beratung"
    )
    _report, left = service.waiting(council.id)  # 3.1 was not taken up: it waits on its own
    assert (left.title, left.parent) == ("Datenschutz & <Ethik>", None)

    AgendaService(database, actor).delete(copy.key, copy.version)
    assert [p.key for p in service.waiting(council.id)] == [report.key, first.key, left.key]

    service.take_up(held.next_id, [first.key, report.key])
    meetings = MeetingsService(database, actor)
    meetings.change_state(
        held.next_id, meetings.get(held.next_id).version, MeetingState.CANCELLED, "Krankheit"
    )
    assert [p.key for p in service.waiting(council.id)] == [report.key, first.key, left.key]


def test_the_overview_names_the_items_waiting_and_opens_the_next_agenda(
    database, council, actor, held
) -> None:
    overview = OverviewService(database)
    agenda = Target(Area.MEETINGS, record_id=held.next_id, tab=MeetingTab.AGENDA)
    waiting = (
        "2 vertagte Punkte und 1 abgesetzter Punkt der 1. Sitzung warten auf eine Tagesordnung"
    )
    assert overview.overview(council.id, date(2026, 4, 1)).postponed_waiting == (
        Line(waiting, agenda),
    )
    service = PostponedItemsService(database, actor)
    report, debate, _sub = service.offered(held.next_id)
    service.take_up(held.next_id, [report.key, debate.key])  # 3.1 stays
    lines = overview.overview(council.id, date(2026, 4, 1)).postponed_waiting
    assert lines == (Line("1 vertagter Punkt der 1. Sitzung wartet auf eine Tagesordnung", agenda),)
    service.take_up(held.next_id, [_sub.key])
    MinutesService(database, actor).set_outcome(
        held.item_ids[0], AgendaItemOutcome.WITHDRAWN, AgendaItemOutcome.DISCUSSED
    )  # "Eröffnung" taken off the agenda as well
    lines = overview.overview(council.id, date(2026, 4, 1)).postponed_waiting
    assert lines == (
        Line("1 abgesetzter Punkt der 1. Sitzung wartet auf eine Tagesordnung", agenda),
    )
    # No meeting ahead: the line opens the minutes of the meeting that postponed it.
    (line,) = overview.overview(council.id, date(2026, 6, 1)).postponed_waiting
    assert line.target == Target(Area.MEETINGS, record_id=held.meeting_id, tab=MeetingTab.MINUTES)


def test_the_later_minutes_say_where_the_item_was_postponed(database, actor, held) -> None:
    service = PostponedItemsService(database, actor)
    service.take_up(held.next_id, [p.key for p in service.offered(held.next_id)])

    with database.reading() as session:
        doc = minutes_document(session, session.get(models.Meeting, held.next_id))
    facts = {item.title: item_facts(item) for item in doc.items}
    assert facts["Beratung"].endswith(
        " · Projekt: Urbane Datenplattform · vertagt aus der 1. Sitzung"
    )
    assert facts["Datenschutz & <Ethik>"].endswith("vertagt aus der 1. Sitzung")
    # taken off the agenda, not postponed there (found by a tester)
    assert facts["Bericht"].endswith(" · abgesetzt in der 1. Sitzung")
    assert "vertagt" not in facts["Eröffnung"] and "abgesetzt" not in facts["Eröffnung"]
    printed = " ".join(text(render_minutes(doc).pdf).split())
    assert "· abgesetzt in der 1. Sitzung" in printed and "vertagt aus der 1. Sitzung" in printed
    stored = json.loads(approved_minutes_json(ApprovedMinutes(doc)))
    for item in stored["minutes"]["document"]["items"]:
        item.pop("taken_up_as", None)  # as approved before the field existed
    older = parse_approved_minutes(json.dumps(stored, ensure_ascii=False)).document
    assert {i.taken_up_note for i in older.items if i.postponed_in} == {
        "vertagt aus der 1. Sitzung"
    }  # only postponed items were taken up then


def test_the_later_minutes_name_no_postponement_the_earlier_minutes_no_longer_record(
    database, actor, held
) -> None:
    """(found by review) TOP 3 taken up, then the 1st meeting's minutes corrected: it was
    dealt with there after all. The 2nd meeting's minutes went on saying "vertagt aus der
    1. Sitzung", which that meeting's minutes no longer record."""
    service = PostponedItemsService(database, actor)
    service.take_up(held.next_id, [p.key for p in service.offered(held.next_id)])
    MinutesService(database, actor).set_outcome(
        held.item_ids[2], AgendaItemOutcome.DISCUSSED, AgendaItemOutcome.POSTPONED
    )

    with database.reading() as session:
        doc = minutes_document(session, session.get(models.Meeting, held.next_id))
    assert [item.title for item in doc.items if item.postponed_in] == ["Bericht"]  # abgesetzt


def test_a_meeting_deleted_meanwhile_is_said_to_be_gone(database, actor, held) -> None:
    """Found by review: offering the items for a meeting deleted on another PC raised an
    AttributeError."""
    with database.transaction() as session:
        session.delete(session.get(models.Meeting, held.next_id))
    service = PostponedItemsService(database, actor)
    with pytest.raises(NotFoundError, match="Die Sitzung"):
        service.offered(held.next_id)
    with pytest.raises(NotFoundError, match="Die Sitzung"):
        service.take_up(held.next_id, [])


@pytest.mark.parametrize("into_another", [True, False], ids=["another meeting", "the same"])
def test_two_pcs_taking_up_one_item_at_once_add_it_once(
    database, council, actor, held, monkeypatch, into_another
) -> None:
    """Found by review: on PostgreSQL two PCs taking up the same postponed item into two
    meetings at the same moment both succeeded (only each target meeting was locked), so
    it stood on two agendas. Now the second waits for the first and is told where it went."""
    if database.engine.dialect.name != "postgresql":
        pytest.skip("SQLite serialises writers; the row lock is PostgreSQL's")
    later = add_meeting(database, council.id, starts_at=datetime(2026, 6, 9, 16), titles=())
    other_id = later.meeting_id if into_another else held.next_id
    service = PostponedItemsService(database, actor)
    key = service.offered(held.next_id)[1].key
    inserting, go_on = threading.Event(), threading.Event()
    insert_item = postponed_items.insert_item

    def pause_pc_1(*args, **kwargs):
        if called_in("PC 1"):
            inserting.set()
            go_on.wait(30)
        return insert_item(*args, **kwargs)

    monkeypatch.setattr(postponed_items, "insert_item", pause_pc_1)
    first, first_done = in_thread(lambda: service.take_up(held.next_id, [key]), "PC 1")
    try:
        assert inserting.wait(30)  # PC 1 has checked the item and is adding it
        second, second_done = in_thread(lambda: service.take_up(other_id, [key]), "PC 2")
        second.join(1.0)
        assert second.is_alive()  # waits for PC 1
    finally:
        go_on.set()
    first.join(30)
    second.join(30)
    assert not isinstance(first_done[0], Exception)
    assert isinstance(second_done[0], ValidationError)
    assert re.match(f"{TAKEN_INTO} der 2. Sitzung übernommen", second_done[0].message)
    with database.reading() as session:
        taking = session.scalars(
            select(models.AgendaItem.meeting_id).where(models.AgendaItem.taken_up_from_id == key)
        ).all()
    assert taking == [held.next_id]


def test_an_item_taken_off_and_no_longer_waiting_is_not_called_postponed(
    database, actor, held
) -> None:
    """(found by review) TOP 2, taken off the agenda ("abgesetzt"), then corrected to dealt
    with in the earlier minutes while the dialog offered it: the refusal called it a
    postponed item."""
    service = PostponedItemsService(database, actor)
    report = service.offered(held.next_id)[0]
    MinutesService(database, actor).set_outcome(
        report.key, AgendaItemOutcome.DISCUSSED, AgendaItemOutcome.WITHDRAWN
    )

    with pytest.raises(ValidationError) as refused:
        service.take_up(held.next_id, [report.key])

    assert refused.value.message.startswith(
        "Ein gewählter vertagter oder abgesetzter Punkt wartet nicht mehr"
    )
