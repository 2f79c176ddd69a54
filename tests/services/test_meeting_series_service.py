"""Meeting series through the service: preview with warnings, and saving all or nothing."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from expertenrat.domain.agenda import numbers
from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.meeting_numbers import NUMBER_ORDER_FIELD
from expertenrat.domain.meeting_series import Frequency, SeriesSpec
from expertenrat.services.agenda import AgendaService

BERLIN = ZoneInfo("Europe/Berlin")
UTC = ZoneInfo("UTC")


def spec(**changes) -> SeriesSpec:
    values = {
        "frequency": Frequency.QUARTERLY,
        "first_day": date(2026, 1, 13),
        "start_time": time(16),
        "end_time": time(18),
        "weekday": 1,
        "ordinal": 2,
        "until": date(2027, 12, 31),
        **changes,
    }
    return SeriesSpec(**values)


def test_quarterly_second_tuesday_until_the_end_of_2027(meetings_service, council):
    preview = meetings_service.preview_series(council.id, spec())

    assert preview.description == (
        "vierteljährlich, am zweiten Dienstag, 16:00–18:00 Uhr, bis 31.12.2027 – 8 Termine"
    )
    assert [o.start.date() for o in preview.occurrences] == [
        date(2026, 1, 13),
        date(2026, 4, 14),
        date(2026, 7, 14),
        date(2026, 10, 13),
        date(2027, 1, 12),
        date(2027, 4, 13),
        date(2027, 7, 13),
        date(2027, 10, 12),
    ]
    assert preview.lines[0] == "Di, 13.01.2026, 16:00–18:00 Uhr"
    assert preview.warnings == ()


def test_month_ends_are_skipped_like_rrule_does(meetings_service, council):
    preview = meetings_service.preview_series(
        council.id,
        spec(
            frequency=Frequency.MONTHLY,
            first_day=date(2026, 1, 31),
            weekday=None,
            ordinal=None,
            day_of_month=31,
            until=date(2026, 6, 30),
        ),
    )
    assert [o.start.date() for o in preview.occurrences] == [
        date(2026, 1, 31),
        date(2026, 3, 31),
        date(2026, 5, 31),
    ]


def test_the_wall_clock_stays_across_the_change_to_summer_time(meetings_service, council):
    preview = meetings_service.preview_series(
        council.id,
        spec(
            frequency=Frequency.WEEKLY,
            first_day=date(2026, 3, 24),
            ordinal=None,
            until=date(2026, 4, 1),
        ),
    )
    starts = [o.start for o in preview.occurrences]
    assert [s.astimezone(UTC).hour for s in starts] == [15, 14]  # CET, then CEST
    assert {s.time() for s in starts} == {time(16)}


def test_holidays_of_the_bundesland_and_overlaps_are_warned(meetings_service, council):
    start = datetime(2026, 12, 8, 17, tzinfo=BERLIN)
    meetings_service.create(
        council.id,
        MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=1), place="Rathaus"),
    )
    preview = meetings_service.preview_series(
        council.id,
        spec(
            frequency=Frequency.WEEKLY,
            first_day=date(2026, 10, 27),
            ordinal=None,
            until=date(2026, 12, 8),
            weekday=5,  # Saturdays: 31 October is Reformationstag in MV
        ),
    )
    assert [w.message for w in preview.warnings] == [
        "Der 31.10.2026 ist ein Feiertag in Mecklenburg-Vorpommern: Reformationstag."
    ]
    two_tuesdays = spec(
        frequency=Frequency.WEEKLY, first_day=date(2026, 12, 1), ordinal=None, count=2, until=None
    )
    tuesdays = meetings_service.preview_series(council.id, two_tuesdays)
    assert [w.message for w in tuesdays.warnings] == [
        "Der Termin am 08.12.2026 um 16:00 Uhr überschneidet sich mit „1. Sitzung“ "
        "(08.12.2026, 17:00 Uhr)."
    ]
    assert all(w.warning for w in tuesdays.warnings)


def test_more_than_200_dates_are_refused_and_nothing_is_saved(meetings_service, council):
    too_many = spec(frequency=Frequency.WEEKLY, ordinal=None, until=date(2030, 1, 1))
    with pytest.raises(ValidationError, match="mehr als 200 Termine"):
        meetings_service.preview_series(council.id, too_many)
    with pytest.raises(ValidationError, match="mehr als 200 Termine"):
        meetings_service.create_series(council.id, too_many, place="Rathaus")
    exactly = spec(frequency=Frequency.WEEKLY, ordinal=None, until=None, count=200)
    assert len(meetings_service.preview_series(council.id, exactly).occurrences) == 200
    assert meetings_service.list(council.id) == []


def test_a_rule_without_dates_is_refused(meetings_service, council):
    april_31 = spec(
        frequency=Frequency.MONTHLY,
        weekday=None,
        ordinal=None,
        day_of_month=31,
        first_day=date(2026, 4, 1),
        until=date(2026, 4, 30),
    )
    with pytest.raises(ValidationError, match="keinen einzigen Termin"):
        meetings_service.preview_series(council.id, april_31)


def test_end_before_start_is_refused(meetings_service, council):
    with pytest.raises(ValidationError, match="Das Ende muss nach dem Beginn liegen"):
        meetings_service.preview_series(council.id, spec(end_time=time(15)))


def test_a_series_is_saved_whole_numbered_and_linked(meetings_service, council):
    ids = meetings_service.create_series(
        council.id, spec(until=date(2026, 12, 31)), title="", place="Rathaus", room="Saal"
    )

    meetings = [meetings_service.get(i) for i in ids]
    assert [m.number for m in meetings] == [1, 2, 3, 4]
    assert len({m.series_id for m in meetings}) == 1 and meetings[0].series_id is not None
    assert {(m.place, m.room) for m in meetings} == {("Rathaus", "Saal")}
    assert meetings[1].starts_at == datetime(2026, 4, 14, 16, tzinfo=BERLIN)


def test_every_meeting_of_a_series_starts_with_the_standard_opening_items(
    meetings_service, council, database
):
    ids = meetings_service.create_series(
        council.id, spec(until=date(2026, 12, 31)), place="Rathaus"
    )

    agenda = AgendaService(database, "tester")
    opening = [
        ("1", "Eröffnung"),
        ("2", "Feststellung der ordnungsgemäßen Ladung und Beschlussfähigkeit"),
        ("3", "Genehmigung der Tagesordnung"),
        ("4", "Genehmigung des Protokolls der letzten Sitzung"),
    ]
    for index, meeting_id in enumerate(ids):
        items = agenda.agenda(meeting_id).items
        by_number = numbers(items)
        # the council's first meeting has no minutes before it to approve
        expected = opening if index else opening[:3]
        assert sorted((by_number[i.key], i.title) for i in items) == expected


def test_a_series_with_bad_details_saves_nothing(meetings_service, council):
    with pytest.raises(ValidationError, match="Ort oder einen Link"):
        meetings_service.create_series(council.id, spec())
    assert meetings_service.list(council.id) == []


def test_dates_before_an_invited_meeting_are_told_their_higher_numbers(meetings_service, council):
    """A series' dates before a meeting already invited get numbers after it (its number
    stands in its invitation): the preview says so before the series is saved, as the
    Sitzung tab does for one meeting."""
    start = datetime(2026, 6, 9, 16, tzinfo=BERLIN)
    invited = meetings_service.create(
        council.id, MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="R")
    )
    version = meetings_service.get(invited).version
    meetings_service.change_state(invited, version, MeetingState.INVITED)

    two = meetings_service.preview_series(council.id, spec())
    one = meetings_service.preview_series(council.id, spec(until=date(2026, 3, 31)))
    after = meetings_service.preview_series(council.id, spec(first_day=date(2026, 7, 1)))

    head = "Die spätere 1. Sitzung am 09.06.2026 ist bereits eingeladen und behält ihre Nummer; "
    assert [w.message for w in two.warnings if w.field == NUMBER_ORDER_FIELD] == [
        head + "die 2 Termine davor erhalten deshalb die Nummern 2 und 3."
    ]
    assert [w.message for w in one.warnings if w.field == NUMBER_ORDER_FIELD] == [
        head + "der Termin am 13.01.2026 erhält deshalb die Nummer 2."
    ]
    assert not [w for w in after.warnings if w.field == NUMBER_ORDER_FIELD]
