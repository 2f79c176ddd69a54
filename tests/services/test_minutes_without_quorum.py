"""A resolution recorded at an item where the council had no quorum (SQLite and
PostgreSQL): the minutes PDF notes it at the item, read back; the completeness check warns
of it without blocking; an item voted on with a quorum, or without a resolution, has no
note."""

from __future__ import annotations

from dataclasses import replace

import pytest
from minutes_setup import Minutes, held_minutes
from pdf_reading import text

from expertenrat.reports.minutes_pdf import render_minutes
from expertenrat.services.attendance import AttendanceService
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_assembly import minutes_document
from expertenrat.store import models

NOTE = (
    "Hinweis Bei der Abstimmung war das Gremium nicht beschlussfähig (1 von 3 "
    "stimmberechtigten Mitgliedern anwesend)."
)


@pytest.fixture
def minutes(database, council, fields, actor) -> Minutes:
    """Yılmaz left after TOP 2: at TOP 3 "Beratung", with its resolution and vote, only Berg
    of three members was there."""
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    attendance = AttendanceService(database, actor)
    entry = attendance.sheet(minutes.meeting_id).entry(minutes.members["Yılmaz"])
    attendance.save_entry(minutes.meeting_id, replace(entry, left_item_id=minutes.item_ids[1]))
    return minutes


def printed(database, meeting_id: int, *, public: bool = False) -> str:
    with database.reading() as session:
        meeting = session.get(models.Meeting, meeting_id)
        return text(render_minutes(minutes_document(session, meeting, public=public)).pdf)


def test_the_minutes_note_the_missing_quorum_at_the_item(database, minutes) -> None:
    full = printed(database, minutes.meeting_id)

    debate = full[full.rindex("TOP 3 Beratung") :]
    assert NOTE in debate[: debate.index("TOP 4 Verschiedenes")]
    assert full.count("Bei der Abstimmung war das Gremium") == 1  # not at TOP 1, 2 or 4
    assert "ab TOP 3 nicht beschlussfähig" in full  # the Feststellungen, as before
    assert NOTE in printed(database, minutes.meeting_id, public=True)


def test_the_check_warns_of_it_without_blocking(database, actor, minutes) -> None:
    checklist = MinutesService(database, actor).checklist(minutes.meeting_id)

    warned = [line for line in checklist.lines if line.key == "item_quorum"]
    assert [(line.ok, line.warning, line.text) for line in warned] == [
        (
            True,
            True,
            "TOP 3 Beratung: Bei der Abstimmung war das Gremium nicht beschlussfähig (1 von 3 "
            "stimmberechtigten Mitgliedern anwesend); das Protokoll vermerkt es.",
        )
    ]
    assert (warned[0].target.field, warned[0].target.item_id) == ("votes", minutes.item_ids[2])
    assert checklist.complete
    # The editor's warning at the item says it in the same words.
    item = MinutesService(database, actor).minutes(minutes.meeting_id).item(minutes.item_ids[2])
    assert item.warnings[0].startswith(
        "Bei TOP 3 war das Gremium nicht beschlussfähig (1 von 3 stimmberechtigten "
        "Mitgliedern anwesend). "
    )


def test_a_quorate_vote_has_no_note(database, actor, minutes) -> None:
    attendance = AttendanceService(database, actor)
    entry = attendance.sheet(minutes.meeting_id).entry(minutes.members["Yılmaz"])
    attendance.save_entry(minutes.meeting_id, replace(entry, left_item_id=None))

    assert "nicht beschlussfähig" not in printed(database, minutes.meeting_id)
    checklist = MinutesService(database, actor).checklist(minutes.meeting_id)
    assert not any(line.key == "item_quorum" for line in checklist.lines)
