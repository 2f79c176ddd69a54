"""Approval and a concurrent change on PostgreSQL: the meeting row lock orders them, so an
approval never misses a change in flight and a change never slips in after an approval."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, datetime

import pytest
from minutes_setup import Minutes, held_minutes, hold
from racing_threads import in_thread
from sqlalchemy import select

from expertenrat.domain.enums import AttendanceStatus
from expertenrat.domain.minutes_versions import parse_snapshot
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.services.minutes_freeze import MinutesFrozenError, ensure_not_frozen
from expertenrat.services.minutes_pdfs import render_minutes
from expertenrat.store import models


@pytest.fixture
def minutes(database, council, fields, actor) -> Minutes:
    if database.engine.dialect.name != "postgresql":
        pytest.skip("SQLite serialises writers; the row lock is PostgreSQL's")
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    MinutesApprovalService(database, actor, render_minutes).circulate(
        minutes.meeting_id, date(2026, 3, 20)
    )
    hold(database, minutes.next_id, datetime(2026, 5, 12, 16, 0))
    return minutes


def test_an_approval_waits_for_a_change_in_flight_and_includes_it(database, actor, minutes) -> None:
    approval = MinutesApprovalService(database, actor, render_minutes)
    with database.transaction() as session:
        ensure_not_frozen(session, minutes.meeting_id)
        thread, outcome = in_thread(lambda: approval.approve(minutes.meeting_id, minutes.next_id))
        thread.join(1.0)
        assert thread.is_alive()  # waits for the change to commit
        session.get(models.AgendaItem, minutes.item_ids[1]).discussion = "Noch nachgetragen."
    thread.join(30)
    assert outcome and outcome[0].number == 2  # the change made a new version, approved
    with database.reading() as session:
        content = session.scalars(
            select(models.MinutesVersion.content).where(models.MinutesVersion.number == 2)
        ).one()
    assert parse_snapshot(content).items[1].discussion == "Noch nachgetragen."


def test_a_change_during_an_approval_waits_and_is_then_refused(database, actor, minutes) -> None:
    rendering, release = threading.Event(), threading.Event()

    def slow_render(doc):
        rendering.set()
        release.wait(30)
        return render_minutes(doc)

    approval = MinutesApprovalService(database, actor, slow_render)
    approving, approved = in_thread(lambda: approval.approve(minutes.meeting_id, minutes.next_id))
    assert rendering.wait(30)
    attendance = AttendanceService(database, actor)
    entry = attendance.sheet(minutes.meeting_id).entries[0]
    changing, changed = in_thread(
        lambda: attendance.save_entry(
            minutes.meeting_id, replace(entry, status=AttendanceStatus.ABSENT)
        )
    )
    changing.join(1.0)
    assert changing.is_alive()  # waits for the approval
    release.set()
    approving.join(30)
    changing.join(30)
    assert approved[0].sha256
    assert isinstance(changed[0], MinutesFrozenError)
    assert attendance.sheet(minutes.meeting_id).entry(entry.membership_id).status == entry.status
