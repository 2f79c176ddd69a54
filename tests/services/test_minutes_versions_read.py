"""The versions of a meeting's minutes are read without their stored files."""

from __future__ import annotations

from datetime import date, datetime

from client_statements import recorded_executions, recorded_statements
from minutes_setup import held_minutes, hold

from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.services.minutes_pdfs import render_minutes

_FILES = ("minutes_versions.pdf", "minutes_versions.public_pdf", "minutes_versions.document")


def test_the_status_of_approved_minutes_leaves_their_pdfs_in_the_database(
    database, actor, council, fields
) -> None:
    """Found by a tester: every status and check of a meeting's minutes (each opening of a
    meeting) read the full and public PDF and the approved document of each version."""
    service = MinutesApprovalService(database, actor, render_minutes)
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    hold(database, minutes.next_id, datetime(2026, 5, 12, 16, 0))
    service.circulate(minutes.meeting_id, date(2026, 3, 20))
    service.approve(minutes.meeting_id, minutes.next_id, today=date(2026, 5, 12))

    with recorded_statements(database.engine) as statements:
        status = service.status(minutes.meeting_id)

    assert len(status.versions[-1].sha256) == 64  # the rows have what they show
    read = [s for s in statements if "FROM minutes_versions" in s]
    assert read and not [s for s in read if any(column in s for column in _FILES)]


def test_the_genehmigung_tab_reads_the_versions_once_and_not_the_whole_document(
    database, actor, council, fields
) -> None:
    """Found by a tester on a shared server: the tab built the whole minutes document
    (annexes, the agenda's moves, earlier minutes …) only to tell whether the minutes
    changed since they were sent, and read the versions three times; 58 statements on
    the demo's circulated minutes, now 34."""
    service = MinutesApprovalService(database, actor, render_minutes)
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    hold(database, minutes.next_id, datetime(2026, 5, 12, 16, 0))
    service.circulate(minutes.meeting_id, date(2026, 3, 20))

    with recorded_executions(database.engine) as executions:
        status, approving = service.status_and_approving(minutes.meeting_id)
    statements = [statement for statement, _ in executions]

    assert status == service.status(minutes.meeting_id)
    assert approving == service.approving_meetings(minutes.meeting_id)
    assert not status.changed_since_sent and [c.id for c in approving] == [minutes.next_id]
    versions = [s for s in statements if "minutes_versions.content" in s]
    assert len(versions) == 1
    agenda = "SELECT agenda_items.id, agenda_items.meeting_id, agenda_items.parent_id, "
    own_agenda = [
        s for s, values in executions if s.startswith(agenda) and values == (minutes.meeting_id,)
    ]
    assert len(own_agenda) == 1  # for the objections' items and the snapshot alike
    document_only = ("FROM files", "FROM audit_entries", "FROM memberships JOIN action_fields")
    assert not [s for s in statements if any(table in s for table in document_only)]
    assert len(statements) <= 30
