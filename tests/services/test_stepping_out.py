"""A member who steps out of a held meeting and comes back ("verlässt die Sitzung während
TOP 2 und nimmt ab TOP 4 wieder teil"), on both databases: the line keeps the time away,
the member is not counted at the items missed (quorum, vote limits), the minutes (full and
public), the Auskunft and the audit trail say so, and what does not fit is refused in
German with nothing saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

import pytest
from backup_round_trip import read_restored
from disclosure_lookup import person_number, section_titled
from dossier_pdfs import text_of
from minutes_rows import held_meeting
from sqlalchemy import select

from expertenrat.domain.attendance_sheet import AttendanceEntry
from expertenrat.domain.enums import AttendanceStatus
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.votes import VoteDraft
from expertenrat.services.context import Services
from expertenrat.store import models

AWAY_TEXT = "verlässt die Sitzung während TOP 2 (16:40 Uhr) und nimmt ab TOP 4 wieder teil"


@pytest.fixture
def services(database, actor) -> Services:
    return Services.create(database, actor)


@pytest.fixture
def held(services, council, fields, today):
    """The held meeting (TOP 1 Eröffnung, 2 Beratung, 3 non-public, 4 Verschiedenes; seven
    present, Anna Hahn from TOP 2), Anna Engel away during TOP 2 and 3."""
    held = held_meeting(services.database, council.id, fields["Stadtdaten"].id, today)
    _, consult, _, misc = held.item_ids
    entry = _engel(services, held)
    services.attendance.save_entry(
        held.meeting_id,
        replace(entry, away_item_id=consult, away_at=time(16, 40), back_item_id=misc),
        today=today,
    )
    return held


def _engel(services: Services, held) -> AttendanceEntry:
    (entry,) = [
        e for e in services.attendance.sheet(held.meeting_id).entries if e.name.endswith("Engel")
    ]
    return entry


def test_the_sheet_keeps_the_time_away_and_counts_without_the_member(services, held) -> None:
    first, consult, secret, misc = held.item_ids
    sheet = services.attendance.sheet(held.meeting_id)
    entry = sheet.entry(held.members[3])

    assert (entry.away_item_id, entry.away_at, entry.back_item_id, entry.back_at) == (
        consult,
        time(16, 40),
        misc,
        None,
    )
    assert held.members[3] not in sheet.present_at(consult)
    assert held.members[3] not in sheet.present_at(secret)
    assert held.members[3] in sheet.present_at(first) and held.members[3] in sheet.present_at(misc)
    # Hahn arrives at TOP 2, Engel is away: 6 of 9 there; Dahl is recused at TOP 3.
    assert [sheet.voting_at(i) for i in held.item_ids] == [6, 6, 5, 7]
    assert sheet.quorum.present_voting == 7  # over the meeting, Engel was present


def test_votes_at_an_item_missed_may_not_count_the_member(services, held) -> None:
    consult, misc = held.item_ids[1], held.item_ids[3]
    stored = {i.item_id: i.votes for i in services.minutes.minutes(held.meeting_id).items}

    with pytest.raises(ValidationError) as caught:
        services.minutes.save_votes(consult, [VoteDraft(yes=7)], stored[consult])
    services.minutes.save_votes(consult, [VoteDraft(yes=6)], stored[consult])
    services.minutes.save_votes(misc, [VoteDraft(yes=7)], stored[misc])

    assert caught.value.message == (
        "Es sind 7 Stimmen erfasst, aber bei TOP 2 waren nur 6 stimmberechtigte Mitglieder "
        "anwesend."
    )


def test_full_and_public_minutes_say_when_the_member_was_away(services, held) -> None:
    for public in (False, True):
        printed = text_of(
            services.minutes_documents.minutes_pdf(held.meeting_id, public=public).pdf
        )

        assert AWAY_TEXT in printed


def test_the_auskunft_and_the_audit_trail_name_the_time_away(services, held, today) -> None:
    disclosures = services.person_disclosure
    member = disclosures.disclosure(person_number(disclosures, "Engel"), today)
    (line,) = section_titled(member, "Anwesenheit in Sitzungen").rows
    entries = [e for e in services.audit.entries("attendance") if e.after.get("away_item_id")]

    assert line[1:] == ("anwesend", AWAY_TEXT)
    assert len(entries) == 1 and entries[0].before["away_item_id"] is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"back_item_id": None},
            "zu welchem Punkt Anna Engel die Sitzung zurückkehrt",
        ),
        (
            {"away_item_id": 3, "back_item_id": 1},
            "verlässt die Sitzung während TOP 4 und kehrt zu TOP 2 zurück",
        ),
        (
            {"away_item_id": 0, "back_item_id": 2},
            "verlässt die Sitzung schon während TOP 1, dem ersten Punkt",
        ),
        (
            {"left_item_id": 1},
            "geht nach TOP 2 und kehrt erst zu TOP 4 zurück",
        ),
        (
            {"away_at": time(17, 0), "back_at": time(16, 50)},
            "kehrt schon um 16:50 Uhr zurück",
        ),
        (
            {"back_at": time(20, 15)},
            "kehrt um 20:15 Uhr zurück, außerhalb der Sitzung",
        ),
        (
            {"status": AttendanceStatus.EXCUSED},
            "nur für anwesende Mitglieder",
        ),
    ],
)
def test_what_does_not_fit_is_refused_and_nothing_saved(
    services, held, today, change, message
) -> None:
    entry = _engel(services, held)
    change = {
        key: held.item_ids[value] if key.endswith("item_id") and value is not None else value
        for key, value in change.items()
    }

    with pytest.raises(ValidationError, match=message):
        services.attendance.save_entry(held.meeting_id, replace(entry, **change), today=today)
    assert _engel(services, held) == entry


def test_the_run_sheet_tells_the_chair_who_steps_out_and_comes_back(services, held) -> None:
    printed = text_of(services.meeting_documents.run_sheet_pdf(held.meeting_id).pdf)

    assert "Verlässt die Sitzung: Anna Engel (gegen 16:40 Uhr)." in printed
    assert "Nimmt wieder teil: Anna Engel." in printed


def test_a_backup_carries_the_time_away(services, held, tmp_path) -> None:
    away = read_restored(
        services.database,
        tmp_path,
        lambda session: session.execute(
            select(models.Attendance.away_at, models.Attendance.back_item_id).where(
                models.Attendance.away_item_id.is_not(None)
            )
        ).all(),
    )

    assert away == [(time(16, 40), held.item_ids[3])]
