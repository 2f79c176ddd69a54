"""The minutes of a meeting whose changed agenda ("Geänderte Tagesordnung") was sent after
the invitation say the agenda was adopted in that version, read back from the PDF (SQLite
and PostgreSQL); an agenda changed without the changed letter recorded as sent does not."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from held_meeting import AFTER
from meeting_rows import add_meeting
from pdf_reading import text
from sqlalchemy import select

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.council_clock import CouncilClock
from expertenrat.domain.enums import MeetingState
from expertenrat.reports.minutes_pdf import render_minutes
from expertenrat.services.agenda import AgendaService
from expertenrat.services.meeting_documents import MeetingDocumentsService
from expertenrat.services.meetings import MeetingsService
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_assembly import minutes_document
from expertenrat.services.minutes_snapshot import minutes_snapshot
from expertenrat.store import models

START = datetime(2026, 3, 10, 16, 0)
CHANGED = "in der Fassung der geänderten Tagesordnung"


@pytest.fixture(autouse=True)
def _before_the_meeting(monkeypatch) -> None:
    """Today is 02.03.2026: a change after the meeting's day makes no changed letter."""
    monkeypatch.setattr(CouncilClock, "today", lambda _clock: date(2026, 3, 2))


def _meeting(database, council_id: int, actor: str, *, letter_sent_on: date | None) -> int:
    """A meeting invited on 20.02.2026 whose agenda changed after the invitation (on
    02.03.2026); the changed letter recorded as sent on ``letter_sent_on``, that day (or not
    at all); then held."""
    meeting_id = _invited(database, council_id, actor)
    AgendaService(database, actor).add(meeting_id, AgendaItem(0, "Radwege & <Ampeln>"))
    if letter_sent_on is not None:
        _record_letter(database, actor, meeting_id, letter_sent_on, today=letter_sent_on)
    _held(database, actor, meeting_id)
    return meeting_id


def _invited(database, council_id: int, actor: str) -> int:
    """A meeting on 10.03.2026, invited on 20.02.2026."""
    meetings = MeetingsService(database, actor)
    meeting_id = add_meeting(database, council_id, starts_at=START).meeting_id
    meetings.change_state(
        meeting_id, meetings.get(meeting_id).version, MeetingState.INVITED,
        now=AFTER, sent_on=date(2026, 2, 20),
    )  # fmt: skip
    return meeting_id


def _adopt(database, actor: str, meeting_id: int, changes: str = "") -> None:
    minutes = MinutesService(database, actor)
    header = minutes.minutes(meeting_id).header
    minutes.save_header(meeting_id, replace(header, agenda_approved=True, agenda_changes=changes))


def _record_letter(
    database, actor: str, meeting_id: int, sent_on: date, today: date = date(2026, 3, 5)
) -> None:
    """The changed agenda recorded as sent on ``sent_on`` (recorded ``today``)."""
    meetings = MeetingsService(database, actor)
    MeetingDocumentsService(database, actor, meetings).record_invitation_sent(
        meeting_id, meetings.get(meeting_id).version, sent_on, today=today
    )


def _held(database, actor: str, meeting_id: int) -> None:
    meetings = MeetingsService(database, actor)
    meetings.change_state(
        meeting_id, meetings.get(meeting_id).version, MeetingState.HELD, now=AFTER
    )


def _check_keys(database, actor: str, meeting_id: int) -> list[str]:
    """The keys of the lines of the minutes' completeness check."""
    return [line.key for line in MinutesService(database, actor).checklist(meeting_id).lines]


def _check_line(database, actor: str, meeting_id: int, key: str):
    """The one line of the completeness check with ``key``."""
    lines = MinutesService(database, actor).checklist(meeting_id).lines
    (line,) = [line for line in lines if line.key == key]
    return line


def _printed(database, meeting_id: int) -> str:
    with database.reading() as session:
        meeting = session.get(models.Meeting, meeting_id)
        return " ".join(text(render_minutes(minutes_document(session, meeting)).pdf).split())


def test_the_minutes_name_the_changed_agenda_that_was_sent(database, council, actor) -> None:
    # Found by a tester: the minutes said "ohne Änderungen festgestellt" although a changed
    # agenda had gone out to the members after the invitation.
    meeting_id = _meeting(database, council.id, actor, letter_sent_on=date(2026, 3, 3))
    with database.reading() as session:
        before = minutes_snapshot(session, session.get(models.Meeting, meeting_id))
    _adopt(database, actor, meeting_id)

    assert (
        "Die Tagesordnung wurde in der Fassung der geänderten Tagesordnung vom 03.03.2026 "
        "ohne Änderungen festgestellt."
    ) in _printed(database, meeting_id)

    _adopt(database, actor, meeting_id, "TOP 3 wurde vor TOP 2 beraten.")
    assert (
        "Die Tagesordnung wurde in der Fassung der geänderten Tagesordnung vom 03.03.2026 "
        "mit folgenden Änderungen festgestellt: TOP 3 wurde vor TOP 2 beraten."
    ) in _printed(database, meeting_id)
    # The content snapshot (versions, their diff, the approval's fingerprint) holds the
    # facts typed, not the sentence: the letter's day is no part of it.
    with database.reading() as session:
        after = minutes_snapshot(session, session.get(models.Meeting, meeting_id))
    assert replace(after.header, agenda_approved=False, agenda_changes="") == before.header


def test_an_agenda_changed_without_a_letter_sent_is_not_named(database, council, actor) -> None:
    """No changed letter is named, nor is the agenda said to be adopted "ohne Änderungen":
    the item added after the invitation, of which no letter told, is named instead, and the
    completeness check warns until "Änderungen der Tagesordnung" mentions it. (Found by a
    tester: an item taken up at the start of a meeting, added on the day before it was set
    "durchgeführt", was neither a Dringlichkeitsantrag nor named, and the minutes said the
    agenda was adopted without changes.)"""
    meeting_id = _meeting(database, council.id, actor, letter_sent_on=None)
    _adopt(database, actor, meeting_id)

    printed = _printed(database, meeting_id)
    assert CHANGED not in printed
    added = number_of(database, meeting_id, "Radwege & <Ampeln>")
    assert (
        f"Die Tagesordnung wurde festgestellt. Nach der Einladung wurde TOP {added} auf die "
        "Tagesordnung gesetzt."
    ) in printed
    line = _check_line(database, actor, meeting_id, "agenda_added")
    assert (line.ok, line.warning) == (True, True)
    assert line.text == (
        f"Nach der Einladung auf die Tagesordnung gesetzt und nicht mit einer geänderten "
        f"Tagesordnung versandt: TOP {added} „Radwege & <Ampeln>“. Unter „Änderungen der "
        "Tagesordnung“ steht dazu nichts."
    )

    _adopt(database, actor, meeting_id, f"TOP {added} wurde zu Beginn der Sitzung aufgenommen.")
    printed = _printed(database, meeting_id)
    assert "Nach der Einladung wurde" not in printed
    assert "mit folgenden Änderungen festgestellt" in printed
    assert "agenda_added" not in _check_keys(database, actor, meeting_id)


def test_an_item_added_after_a_sent_changed_letter_is_not_named_as_unsent(
    database, council, actor
) -> None:
    meeting_id = _meeting(database, council.id, actor, letter_sent_on=date(2026, 3, 3))
    _adopt(database, actor, meeting_id)

    assert "Nach der Einladung wurde" not in _printed(database, meeting_id)
    assert "agenda_added" not in _check_keys(database, actor, meeting_id)


def test_only_the_item_added_after_a_sent_changed_agenda_is_named_as_unsent(
    database, council, actor, monkeypatch
) -> None:
    """A changed agenda went out on 02.03.2026 carrying "Radwege & <Ampeln>"; the agenda
    changed again on 03.03.2026: only the item added then is named, not the one the letter
    carried (found by a tester: both were named as added after the invitation, of which no
    changed agenda told)."""
    meeting_id = _invited(database, council.id, actor)
    agenda = AgendaService(database, actor)
    agenda.add(meeting_id, AgendaItem(0, "Radwege & <Ampeln>"))
    _record_letter(database, actor, meeting_id, date(2026, 3, 2), today=date(2026, 3, 2))
    monkeypatch.setattr(CouncilClock, "today", lambda _clock: date(2026, 3, 3))
    agenda.add(meeting_id, AgendaItem(0, "Baumschutz"))
    _held(database, actor, meeting_id)
    _adopt(database, actor, meeting_id)

    printed = _printed(database, meeting_id)
    late = number_of(database, meeting_id, "Baumschutz")
    assert (
        "Die Tagesordnung wurde in der Fassung der geänderten Tagesordnung vom 02.03.2026 "
        f"festgestellt. Nach der geänderten Tagesordnung vom 02.03.2026 wurde TOP {late} auf "
        "die Tagesordnung gesetzt."
    ) in printed
    line = _check_line(database, actor, meeting_id, "agenda_added")
    assert "„Baumschutz“" in line.text
    assert "Radwege" not in line.text


def test_an_invited_item_removed_on_the_meeting_s_day_is_named(
    database, council, actor, monkeypatch
) -> None:
    """ "Beratung" the invitation listed is removed on the meeting's day, no changed agenda
    sent: the minutes name it and the check warns until "Änderungen der Tagesordnung"
    mentions it, by title or by its number (found by a tester: it was named nowhere and
    the agenda was said to be adopted "ohne Änderungen")."""
    meeting_id = _invited(database, council.id, actor)
    monkeypatch.setattr(CouncilClock, "today", lambda _clock: START.date())
    agenda = AgendaService(database, actor)
    removed = next(i for i in agenda.agenda(meeting_id).items if i.title == "Beratung")
    agenda.delete(removed.key, removed.version)
    _held(database, actor, meeting_id)
    _adopt(database, actor, meeting_id)

    assert (
        "Die Tagesordnung wurde festgestellt. Nach der Einladung wurde „Beratung“ von der "
        "Tagesordnung abgesetzt."
    ) in _printed(database, meeting_id)
    line = _check_line(database, actor, meeting_id, "agenda_dropped")
    assert (line.ok, line.warning) == (True, True)
    assert line.text == (
        "Nach der Einladung von der Tagesordnung genommen und mit keiner geänderten "
        "Tagesordnung mitgeteilt: „Beratung“. Unter „Änderungen der Tagesordnung“ steht dazu "
        "nichts."
    )

    for changes in ("TOP 3 wurde abgesetzt.", "„Beratung“ entfiel."):
        _adopt(database, actor, meeting_id, changes)
        assert "von der Tagesordnung abgesetzt" not in _printed(database, meeting_id)
        assert "agenda_dropped" not in _check_keys(database, actor, meeting_id)


def _invited_with_a_sent_change(database, council_id: int, actor: str) -> int:
    """A meeting invited on 20.02.2026, "Radwege & <Ampeln>" added and a changed agenda
    recorded as sent on 02.03.2026 (today, as the fixture has it)."""
    meeting_id = _invited(database, council_id, actor)
    AgendaService(database, actor).add(meeting_id, AgendaItem(0, "Radwege & <Ampeln>"))
    _record_letter(database, actor, meeting_id, date(2026, 3, 2))
    return meeting_id


def test_an_item_added_on_the_day_a_changed_agenda_went_out_is_not_said_to_be_unsent(
    database, council, actor
) -> None:
    """ "Baumschutz" added on 02.03.2026, the day the changed agenda went out: a second
    changed agenda sent that day leaves no trace (nothing of the meeting changes), so
    whether one carried it is not known. The minutes say what is true either way, "Nach
    der Einladung …", and the check says it is not known."""
    meeting_id = _invited_with_a_sent_change(database, council.id, actor)
    AgendaService(database, actor).add(meeting_id, AgendaItem(0, "Baumschutz"))
    _held(database, actor, meeting_id)
    _adopt(database, actor, meeting_id)

    late = number_of(database, meeting_id, "Baumschutz")
    printed = _printed(database, meeting_id)
    assert f"Nach der Einladung wurde TOP {late} auf die Tagesordnung gesetzt." in printed
    assert "Nach der geänderten Tagesordnung" not in printed
    line = _check_line(database, actor, meeting_id, "agenda_added")
    assert line.text.startswith(
        "Nach der Einladung auf die Tagesordnung gesetzt (ob eine geänderte Tagesordnung es "
        "mitteilte, ist nicht erfasst: sie wurde am Tag ihres Versands noch geändert): "
        f"TOP {late} „Baumschutz“."
    )


def test_a_changed_agenda_sent_again_under_its_earlier_day_counts_as_a_letter(
    database, council, actor, monkeypatch
) -> None:
    """ "Baumschutz" added on 03.03.2026, then the changed agenda recorded as sent again
    under 02.03.2026: that letter carried it (the entry sets only the day the agenda
    changed), so it is named as unsent nowhere."""
    meeting_id = _invited_with_a_sent_change(database, council.id, actor)
    monkeypatch.setattr(CouncilClock, "today", lambda _clock: date(2026, 3, 3))
    AgendaService(database, actor).add(meeting_id, AgendaItem(0, "Baumschutz"))
    _record_letter(database, actor, meeting_id, date(2026, 3, 2))
    _held(database, actor, meeting_id)
    _adopt(database, actor, meeting_id)

    assert "auf die Tagesordnung gesetzt" not in _printed(database, meeting_id)
    assert "agenda_added" not in _check_keys(database, actor, meeting_id)


def number_of(database, meeting_id: int, title: str) -> str:
    with database.reading() as session:
        return session.scalars(
            select(models.AgendaItem.number).where(
                models.AgendaItem.meeting_id == meeting_id, models.AgendaItem.title == title
            )
        ).one()


def test_an_item_added_after_the_meeting_s_day_before_it_was_set_held_is_named(
    database, council, actor, monkeypatch
) -> None:
    """(found by review) The secretariat writes the minutes the day after the meeting and
    records then the item taken up at its start, before setting it "durchgeführt". No
    changed letter goes out after the day, so the agenda's change left no mark: the minutes
    said the agenda was adopted "ohne Änderungen", naming no item added."""
    meeting_id = _invited(database, council.id, actor)
    monkeypatch.setattr(CouncilClock, "today", lambda _clock: date(2026, 3, 11))
    AgendaService(database, actor).add(meeting_id, AgendaItem(0, "Radwege & <Ampeln>"))
    _held(database, actor, meeting_id)
    _adopt(database, actor, meeting_id)

    added = number_of(database, meeting_id, "Radwege & <Ampeln>")
    assert (
        f"Die Tagesordnung wurde festgestellt. Nach der Einladung wurde TOP {added} auf die "
        "Tagesordnung gesetzt."
    ) in _printed(database, meeting_id)
    line = _check_line(database, actor, meeting_id, "agenda_added")
    assert line.text.startswith(
        "Nach der Einladung auf die Tagesordnung gesetzt und nicht mit einer geänderten "
        f"Tagesordnung versandt: TOP {added} „Radwege & <Ampeln>“."
    )
