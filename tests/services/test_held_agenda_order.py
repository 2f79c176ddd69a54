"""A held meeting's items are moved into the order in which they were taken up while its
minutes are an open draft (within their level); the attendance recorded at an item moves
with it, and the quorum per item follows the new order. Finished or circulated minutes fix
the order (approved ones refuse every change: ``test_minutes_freeze``)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from minutes_setup import Minutes, held_minutes

from expertenrat.domain.agenda import HELD_OPEN_ORDER, AgendaItem, numbers
from expertenrat.domain.enums import MinutesState
from expertenrat.domain.errors import ValidationError
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.minutes import MinutesService
from expertenrat.store import models


@pytest.fixture
def minutes(database, council, fields) -> Minutes:
    return held_minutes(database, council.id, fields["Stadtdaten"].id)


def version(agenda, minutes: Minutes, key: int) -> int:
    return next(i.version for i in agenda.agenda(minutes.meeting_id).items if i.key == key)


def record(database, actor, minutes: Minutes, family: str, **marks) -> None:
    """Yılmaz (or another) arrives or leaves at the agenda items ``marks`` name."""
    attendance = AttendanceService(database, actor)
    entry = attendance.sheet(minutes.meeting_id).entry(minutes.members[family])
    attendance.save_entry(minutes.meeting_id, replace(entry, **marks))


def statement_at(database, actor, minutes: Minutes, key: int) -> str:
    sheet = AttendanceService(database, actor).sheet(minutes.meeting_id)
    return next(q.quorum.statement for q in sheet.item_quorums if q.item.id == key)


def test_an_open_draft_takes_the_order_the_items_were_taken_in(
    agenda, database, actor, minutes
) -> None:
    """Yılmaz left after TOP 2, so the vote at TOP 3 "Beratung" had no quorum; the council
    took it before TOP 2: moved up, it is TOP 2, Yılmaz still leaves after "Bericht" (now
    TOP 3), and "Beratung" had a quorum."""
    _opening, report, debate, _misc = minutes.item_ids
    record(database, actor, minutes, "Yılmaz", left_item_id=report)
    assert statement_at(database, actor, minutes, debate).endswith("nicht beschlussfähig")
    assert agenda.agenda(minutes.meeting_id).order_open

    moved = agenda.move(debate, version(agenda, minutes, debate), -1)

    assert (numbers(moved.items)[debate], numbers(moved.items)[report]) == ("2", "3")
    sheet = AttendanceService(database, actor).sheet(minutes.meeting_id)
    assert sheet.entry(minutes.members["Yılmaz"]).left_item_id == report  # moved with it
    assert [q.item.number for q in sheet.item_quorums] == ["1", "2", "3", "4"]
    assert statement_at(database, actor, minutes, debate) == (
        "2 von 3 stimmberechtigten Mitgliedern anwesend – beschlussfähig"
    )
    checklist = MinutesService(database, actor).checklist(minutes.meeting_id)
    quorum = next(line for line in checklist.lines if line.key == "quorum")
    assert "Das Gremium war bis TOP 3 beschlussfähig" in quorum.text  # TOP 2 was TOP 3
    entry = AuditService(database).entries("agenda_item")[-1]
    assert entry.summary == "TOP 2 „Beratung“ der 1. Sitzung verschoben (vorher TOP 3)"
    with database.reading() as session:
        assert session.get(models.AgendaItem, debate).number == "2"


def test_a_move_that_crosses_an_arrival_and_a_departure_is_named_by_the_check(
    agenda, database, actor, minutes
) -> None:
    _opening, report, debate, _misc = minutes.item_ids
    record(database, actor, minutes, "Yılmaz", arrived_item_id=report, left_item_id=debate)

    agenda.move(debate, version(agenda, minutes, debate), -1)

    checklist = MinutesService(database, actor).checklist(minutes.meeting_id)
    line = next(line for line in checklist.lines if line.key == "attendance")
    assert not line.ok
    assert "Gülşen Yılmaz kommt zu TOP 3 und geht schon nach TOP 2" in line.text


def test_a_held_meetings_items_keep_their_level(agenda, minutes) -> None:
    _opening, report, debate, _misc = minutes.item_ids
    with pytest.raises(ValidationError, match="nur innerhalb ihrer Ebene"):
        agenda.indent(debate, version(agenda, minutes, debate))
    with pytest.raises(ValidationError, match="nur innerhalb ihrer Ebene"):
        agenda.move_to(debate, version(agenda, minutes, debate), report, 0)
    assert numbers(agenda.agenda(minutes.meeting_id).items)[debate] == "3"


def test_finished_or_circulated_minutes_fix_the_order(agenda, database, actor, minutes) -> None:
    debate = minutes.item_ids[2]
    service = MinutesService(database, actor)
    service.finish_draft(minutes.meeting_id)
    shown = agenda.agenda(minutes.meeting_id)
    assert not shown.order_open
    assert "„Abschluss aufheben“" in shown.order_refusal

    with pytest.raises(ValidationError, match=r"abgeschlossen; die Reihenfolge der Tages"):
        agenda.move(debate, version(agenda, minutes, debate), -1)

    service.reopen_draft(minutes.meeting_id)
    agenda.move(debate, version(agenda, minutes, debate), -1)
    with database.transaction() as session:
        session.add(
            models.MinutesVersion(
                meeting_id=minutes.meeting_id, number=1, state=MinutesState.CIRCULATED.value
            )
        )
    with pytest.raises(ValidationError, match=r"bereits versandt; die Reihenfolge"):
        agenda.move(debate, version(agenda, minutes, debate), 1)


def test_items_are_still_not_added_to_a_held_meeting(agenda, minutes) -> None:
    with pytest.raises(ValidationError) as refused:
        agenda.add(minutes.meeting_id, AgendaItem(0, "Neu"))
    assert refused.value.problems[0].message == HELD_OPEN_ORDER
