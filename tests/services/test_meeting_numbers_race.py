"""Running numbers under concurrent planning: two PCs (two Database objects, two
connections) creating meetings of one council at the same time all save them, numbered
in the order of their dates without a gap or a number twice, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.services.meetings import MeetingsService
from expertenrat.store.database import open_database

PER_PC = 5


def test_two_pcs_planning_meetings_at_once_save_all_numbered_by_date(database, council):
    other = open_database(database.url)
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def plan_on(db, pc: str, week: int) -> None:
        service = MeetingsService(db, pc)
        start.wait()
        for n in range(PER_PC):  # PC 1 every other Tuesday, PC 2 the Tuesdays between
            day = datetime(2027, 1, 5, 16) + timedelta(weeks=2 * n + week)
            draft = MeetingDraft(MeetingKind.REGULAR, day, day + timedelta(hours=2), place=pc)
            try:
                service.create(council.id, draft)
            except BaseException as error:  # handed to the test thread
                failures.append(error)

    threads = [
        threading.Thread(target=plan_on, args=(db, pc, week))
        for week, (db, pc) in enumerate(((database, "PC 1"), (other, "PC 2")))
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        other.close()

    assert failures == []
    meetings = sorted(MeetingsService(database, "test").list(council.id), key=lambda m: m.starts_at)
    assert [m.number for m in meetings] == list(range(1, 2 * PER_PC + 1))
