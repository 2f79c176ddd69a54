"""The minutes of a held meeting whose items were taken up in another order than invited,
read back from the PDFs (SQLite and PostgreSQL): the agenda is no longer adopted "ohne
Änderungen", and a sentence names the moved items with their numbers in the invitation,
until "Änderungen der Tagesordnung" mentions them. Approved minutes kept before the
document knew the order read as they were approved."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from client_statements import recorded_statements
from minutes_setup import Minutes, held_minutes
from pdf_reading import text

from expertenrat.domain.approved_minutes import approved_minutes_json, parse_approved_minutes
from expertenrat.domain.minutes_document import ApprovalStamp, MinutesDocument
from expertenrat.reports.minutes_pdf import render_minutes
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_assembly import approved_minutes, minutes_document
from expertenrat.store import models

UNCHANGED = "Die Tagesordnung wurde ohne Änderungen festgestellt."
MOVED = "In anderer Reihenfolge als eingeladen wurde TOP 2 (in der Einladung TOP 3) behandelt."


@pytest.fixture
def minutes(database, council, fields) -> Minutes:
    return held_minutes(database, council.id, fields["Stadtdaten"].id)


def take_debate_first(agenda, minutes: Minutes) -> None:
    """ "Beratung" (TOP 3 in the invitation) taken up before "Bericht": now TOP 2."""
    debate = minutes.item_ids[2]
    version = next(i.version for i in agenda.agenda(minutes.meeting_id).items if i.key == debate)
    agenda.move(debate, version, -1)


def printed(doc: MinutesDocument) -> str:
    return text(render_minutes(doc).pdf)


def document(database, minutes: Minutes, *, public: bool = False) -> MinutesDocument:
    with database.reading() as session:
        meeting = session.get(models.Meeting, minutes.meeting_id)
        return minutes_document(session, meeting, public=public)


def test_an_unchanged_order_is_adopted_without_changes(database, minutes) -> None:
    full = printed(document(database, minutes))

    assert UNCHANGED in full
    assert "In anderer Reihenfolge" not in full


def test_the_minutes_name_the_items_taken_up_in_another_order(
    database, actor, agenda, minutes
) -> None:
    take_debate_first(agenda, minutes)

    for public in (False, True):
        shown = printed(document(database, minutes, public=public))
        assert f"Die Tagesordnung wurde festgestellt. {MOVED}" in shown
        assert "ohne Änderungen" not in shown
        assert "TOP 2 Beratung" in shown

    service = MinutesService(database, actor)
    header = service.minutes(minutes.meeting_id).header
    typed = "Die Beratung wurde vor dem Bericht behandelt."
    service.save_header(minutes.meeting_id, replace(header, agenda_changes=typed))
    shown = printed(document(database, minutes))
    assert f"Die Tagesordnung wurde mit folgenden Änderungen festgestellt: {typed}" in shown
    assert "In anderer Reihenfolge" not in shown  # said once, in the words typed


def test_a_moved_item_the_changes_name_by_number_alone_is_told_by_both_numbers(
    database, actor, agenda, minutes
) -> None:
    """ "TOP 3 wird vor TOP 2 beraten" (the invitation's numbers) stood alone beside minutes
    whose TOP 3 is "Bericht", not the item moved (found by a tester)."""
    take_debate_first(agenda, minutes)
    service = MinutesService(database, actor)
    header = service.minutes(minutes.meeting_id).header
    typed = "TOP 3 wird vor TOP 2 beraten."
    service.save_header(minutes.meeting_id, replace(header, agenda_changes=typed))

    for public in (False, True):
        shown = printed(document(database, minutes, public=public))
        assert f"mit folgenden Änderungen festgestellt: {typed} {MOVED}" in shown
    assert "agenda_order" not in {line.key for line in service.checklist(minutes.meeting_id).lines}

    # approved minutes kept before the rule read as they were approved
    stamp = ApprovalStamp(date(2026, 5, 12), "2. Sitzung am 12.05.2026", "0" * 64)
    with database.reading() as session:
        meeting = session.get(models.Meeting, minutes.meeting_id)
        data = json.loads(approved_minutes_json(approved_minutes(session, meeting, stamp)))
    assert data["minutes"]["document"].pop("renumbered_told") is True
    older = printed(parse_approved_minutes(json.dumps(data, ensure_ascii=False)).public())
    assert typed in older and "In anderer Reihenfolge" not in older


def test_the_document_reads_the_agenda_for_the_moved_items_along_with_its_items(
    database, agenda, minutes
) -> None:
    """Found by review: the items taken up in another order read the meeting's agenda
    once more, after the items of the document had read it."""
    take_debate_first(agenda, minutes)

    with recorded_statements(database.engine) as statements:
        doc = document(database, minutes)

    assert [(m.number, m.invited_number) for m in doc.moved_items] == [("2", "3")]
    agenda_reads = [s for s in statements if "FROM agenda_items" in s and "discussion" in s]
    # the document's alone: the attendance sheet takes it (found by review: it read its own)
    assert len(agenda_reads) == 1


def test_approved_minutes_kept_before_the_order_was_read_as_approved(
    database, agenda, minutes
) -> None:
    take_debate_first(agenda, minutes)
    stamp = ApprovalStamp(date(2026, 5, 12), "2. Sitzung am 12.05.2026", "0" * 64)
    with database.reading() as session:
        meeting = session.get(models.Meeting, minutes.meeting_id)
        record = approved_minutes_json(approved_minutes(session, meeting, stamp))
    data = json.loads(record)
    assert data["minutes"]["document"]["moved_items"]
    del data["minutes"]["document"]["moved_items"]  # as stored before the field existed

    kept = parse_approved_minutes(record)
    older = parse_approved_minutes(json.dumps(data, ensure_ascii=False))

    assert MOVED in printed(kept.public())
    assert older.document.moved_items == ()
    shown = printed(older.public())
    assert UNCHANGED in shown and "In anderer Reihenfolge" not in shown


def test_a_moved_non_public_item_s_title_stays_out_of_the_public_minutes(
    database, actor, agenda, minutes
) -> None:
    with database.transaction() as session:
        item = session.get(models.AgendaItem, minutes.item_ids[2])
        item.title, item.public = "Personalie Meier", False
    take_debate_first(agenda, minutes)
    service = MinutesService(database, actor)

    def warnings() -> dict[str, str]:
        lines = service.checklist(minutes.meeting_id).lines
        return {line.key: line.text for line in lines if line.warning}

    def typed(text: str) -> str:
        header = service.minutes(minutes.meeting_id).header
        service.save_header(minutes.meeting_id, replace(header, agenda_changes=text))
        return printed(document(database, minutes, public=True))

    assert "TOP 2 (nichtöffentlich; in der Einladung TOP 3)" in warnings()["agenda_order"]
    assert "Meier" not in warnings()["agenda_order"]

    shown = typed("Die Personalie Meier wurde vorgezogen.")
    assert MOVED in shown  # the title is no mention: the sentence names the item's number
    assert "Titel des nichtöffentlichen TOP 2" in warnings()["agenda_titles"]

    shown = typed("TOP 2 (nichtöffentlich) wurde vor TOP 3 beraten.")  # as the warning said
    assert "Meier" not in shown and MOVED in shown  # a number alone: both numbers told
    assert "TOP 2 (nichtöffentlich) wurde vor TOP 3 beraten." in shown
    assert warnings() == {}
