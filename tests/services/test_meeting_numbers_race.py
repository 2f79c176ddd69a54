"""Running numbers under concurrent planning: two PCs (two Database objects, two
connections) creating meetings of one council at the same time all save them, numbered
in the order of their dates without a gap or a number twice, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import datetime, timedelta

from racing_threads import called_in, in_thread

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.services import meetings
from expertenrat.services.meetings import MeetingsService
from expertenrat.store.database_opening import open_database

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


def test_a_meeting_moved_while_another_pc_plans_one_both_are_saved(database, council, monkeypatch):
    """PC 1 moves a planned meeting to another day and is about to renumber when PC 2 plans
    a meeting before it (which renumbers the same meetings): PC 2 waits for PC 1, and both
    are saved (before, on PostgreSQL each held what the other needed and one failed)."""
    here = MeetingsService(database, "PC 1")
    other = open_database(database.url)
    there = MeetingsService(other, "PC 2")
    first = datetime(2027, 1, 12, 16)
    moved_id = here.create(council.id, _draft(first))
    here.create(council.id, _draft(first + timedelta(weeks=2)))
    renumbering, go_on = threading.Event(), threading.Event()
    renumber = meetings.renumber

    def pause_pc_1(*args, **kwargs):
        if called_in("PC 1"):
            renumbering.set()
            go_on.wait(30)
        return renumber(*args, **kwargs)

    monkeypatch.setattr(meetings, "renumber", pause_pc_1)
    meeting = here.get(moved_id)
    draft = meeting.draft()
    later = replace(
        draft, start=draft.start + timedelta(weeks=3), end=draft.end + timedelta(weeks=3)
    )
    try:
        moving, moved = in_thread(lambda: here.update(moved_id, meeting.version, later), "PC 1")
        assert renumbering.wait(30), moved
        planning, planned = in_thread(
            lambda: there.create(council.id, _draft(first - timedelta(weeks=1)))
        )
        planning.join(2.0)  # time to reach the meetings PC 1 holds
        go_on.set()
        moving.join(30)
        planning.join(30)
    finally:
        other.close()

    assert not isinstance(moved[0], Exception), moved
    assert not isinstance(planned[0], Exception), planned
    stored = sorted(here.list(council.id), key=lambda m: m.starts_at)
    assert [m.number for m in stored] == [1, 2, 3]
    assert stored[-1].id == moved_id


def _draft(start: datetime) -> MeetingDraft:
    return MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus")
