"""An old meeting's minutes read of the audit trail the entries of its own agenda items
since its invitation, not every entry of its council since: after years the council holds
tens of thousands (found by review). Counted in rows read, not in time."""

from __future__ import annotations

import json
from datetime import date, datetime

from held_meeting import AFTER
from meeting_rows import add_meeting
from sqlalchemy import event, insert

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.enums import MeetingState
from expertenrat.services.agenda import AgendaService
from expertenrat.services.agenda_item_trail import item_entries
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes_assembly import minutes_document
from expertenrat.store import models


def _other_meetings_entries(database, council_id: int, meeting_id: int, count: int) -> None:
    """``count`` entries of another meeting's agenda items after all others: each added,
    renamed and deleted, and its standard items created at once."""

    def entry(action: str, item: int | None, before: dict | None, after: dict | None) -> dict:
        return {
            "actor": "PC 2", "action": action, "entity": "agenda_item", "entity_id": item,
            "council_id": council_id, "summary": "Tagesordnung",
            "before": json.dumps(before) if before else None,
            "after": json.dumps(after) if after else None,
        }  # fmt: skip

    rows = [entry("create", None, None, {"meeting_id": meeting_id})]
    for n in range(count // 3):
        item = {"meeting_id": meeting_id, "title": f"Punkt {n}", "position": n}
        rows += [
            entry("create", 100_000 + n, None, item),
            entry("update", 100_000 + n, {"title": f"Punkt {n}"}, {"title": "Neu"}),
            entry("delete", 100_000 + n, {**item, "title": "Neu"}, None),
        ]
    with database.transaction() as session:
        session.execute(insert(models.AuditEntry), rows)


def _audit_rows_read(database, meeting_id: int) -> tuple[int, str]:
    """How many rows of the audit trail the minutes of ``meeting_id`` read, and what they
    say of its agenda."""
    read = [0]
    with database.reading() as session:

        def count(state):
            frozen = state.invoke_statement().freeze()
            if "audit_entries" in str(state.statement):
                read[0] += len(frozen().all())
            return frozen()

        event.listen(session, "do_orm_execute", count)
        document = minutes_document(session, session.get(models.Meeting, meeting_id))
        event.remove(session, "do_orm_execute", count)
    return read[0], repr((document.unsent_items, document.unsent_dropped))


def test_the_minutes_do_not_read_other_meetings_agenda_entries(database, council, actor):
    meetings = MeetingsService(database, actor)
    old = add_meeting(database, council.id).meeting_id
    meetings.change_state(
        old, meetings.get(old).version, MeetingState.INVITED, now=AFTER,
        sent_on=date(2026, 2, 20),
    )  # fmt: skip
    agenda = AgendaService(database, actor)
    agenda.add(old, AgendaItem(0, "Radwege"))
    report = next(i for i in agenda.agenda(old).items if i.title == "Bericht")
    agenda.delete(report.key, report.version)
    meetings.change_state(old, meetings.get(old).version, MeetingState.HELD, now=AFTER)
    read, said = _audit_rows_read(database, old)
    assert "Radwege" in said and "Bericht" in said  # added and removed since: named

    other = add_meeting(database, council.id, starts_at=datetime(2026, 4, 14, 16)).meeting_id
    _other_meetings_entries(database, council.id, other, 3_000)

    assert _audit_rows_read(database, old) == (read, said)


def test_the_entries_of_a_whole_list_of_meetings_are_read(database, council):
    """The documents of a long list (the Übersicht's) read the entries of the items deleted
    from any of them: the meetings are not named one by one (hundreds of terms are more
    than SQLite parses)."""
    meetings = [models.Meeting(id=n, council_id=council.id) for n in range(1, 301)]
    _other_meetings_entries(database, council.id, 300, 3)
    with database.reading() as session:
        entries = item_entries(session, meetings, [], 0)
        of_another = item_entries(session, meetings[:1], [], 0)
    assert [entry.item_id for _, entry in entries] == [None, 100_000, 100_000, 100_000]
    assert of_another == []  # one meeting named: the entries of the others are not read
