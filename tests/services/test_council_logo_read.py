"""The council's logo is read where the settings or a document show it, and only there."""

from __future__ import annotations

from dataclasses import replace

from client_statements import recorded_statements
from logo_images import png
from meeting_rows import add_meeting

from expertenrat.services.meetings import MeetingsService


def _council_reads(statements: list[str]) -> list[str]:
    return [s for s in statements if "FROM councils" in s]


def test_reading_a_meeting_leaves_the_logo_in_the_database(
    database, actor, settings_service, council
) -> None:
    """Found by a tester: every read of the council (its time zone for a meeting's times,
    its rules) took the logo along, some ten times for one meeting opened."""
    settings_service.update_settings(replace(council, logo_png=png()))
    meeting_id = add_meeting(database, council.id).meeting_id
    meetings = MeetingsService(database, actor)

    with recorded_statements(database.engine) as statements:
        meetings.get(meeting_id)
        meetings.list(council.id)

    councils = _council_reads(statements)
    assert councils and not [s for s in councils if "logo_png" in s]


def test_the_settings_read_the_logo_with_the_council(database, settings_service, council) -> None:
    settings_service.update_settings(replace(council, logo_png=png()))

    with recorded_statements(database.engine) as statements:
        shown = settings_service.settings(council.id)

    assert shown.logo_png == png()
    councils = _council_reads(statements)
    assert len(councils) == 1 and "logo_png" in councils[0]  # in the same statement
