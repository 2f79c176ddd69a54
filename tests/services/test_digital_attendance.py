"""Members present and guests who took part digitally (by video or phone, not in the room:
a hybrid meeting, as § 29a KV M-V allows): the mark is stored, and the minutes (full and
public), their versions, the Auskunft and a backup carry it (found by a tester: the
attendance could only say present, excused or absent)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from backup_round_trip import read_restored
from disclosure_lookup import person_number, section_titled
from dossier_pdfs import text_of
from minutes_rows import held_meeting
from sqlalchemy import select

from expertenrat.domain.attendance_sheet import AttendanceEntry
from expertenrat.domain.enums import AttendanceStatus
from expertenrat.services.context import Services
from expertenrat.services.minutes_snapshot import minutes_snapshot
from expertenrat.store import models

VIDEO_GUEST = "Gülşen Yılmaz"  # the held meeting's guest of a public item, "Amt"


@pytest.fixture
def services(database, actor) -> Services:
    return Services.create(database, actor)


@pytest.fixture
def held(services, council, fields, today):
    """The held meeting with Anna Çelik present by video and its public guest joined so."""
    held = held_meeting(services.database, council.id, fields["Stadtdaten"].id, today)
    sheet = services.attendance.sheet(held.meeting_id)
    services.attendance.save_entry(
        held.meeting_id, replace(_entry(sheet.entries, "Çelik"), digital=True), today=today
    )
    (guest,) = [g for g in sheet.guests if g.name == VIDEO_GUEST]
    services.attendance.save_guest(held.meeting_id, replace(guest, digital=True))
    return held


def _entry(entries: tuple[AttendanceEntry, ...], family_name: str) -> AttendanceEntry:
    (found,) = [e for e in entries if e.name.endswith(family_name)]
    return found


def test_the_sheet_reads_the_marks_back(services, held) -> None:
    sheet = services.attendance.sheet(held.meeting_id)

    assert [e.name for e in sheet.entries if e.digital] == ["Anna Çelik"]
    assert [g.name for g in sheet.guests if g.digital] == [VIDEO_GUEST]


def test_the_audit_trail_says_digital(services, held) -> None:
    (line,) = [e for e in services.audit.entries("attendance") if e.after["digital"]]

    assert line.summary.endswith(": anwesend, digital zugeschaltet")


def test_only_a_member_present_takes_part_digitally(services, held, today) -> None:
    """An apology or an absence "digital" means nothing: the mark is not kept."""
    entry = _entry(services.attendance.sheet(held.meeting_id).entries, "Çelik")

    sheet = services.attendance.save_entry(
        held.meeting_id, replace(entry, status=AttendanceStatus.EXCUSED), today=today
    )

    assert not _entry(sheet.entries, "Çelik").digital


def test_full_and_public_minutes_say_who_was_digitally_present(services, held) -> None:
    for public in (False, True):
        printed = text_of(
            services.minutes_documents.minutes_pdf(held.meeting_id, public=public).pdf
        )

        assert printed.count("(digital zugeschaltet)") == 1  # Anna Çelik's line alone
        assert f"{VIDEO_GUEST} (Amt; digital zugeschaltet)" in printed


def test_the_minutes_versions_see_the_mark(services, held) -> None:
    """Marking a member digital after the draft went out changes what the members read;
    the content a minutes version keeps (and its comparison with the next) holds it."""
    with services.database.reading() as session:
        snapshot = minutes_snapshot(session, session.get(models.Meeting, held.meeting_id))
    attendance = snapshot.header.attendance

    assert "Anna Çelik – digital zugeschaltet" in attendance
    assert f"{VIDEO_GUEST}, Amt – digital zugeschaltet" in attendance
    assert attendance.count("digital zugeschaltet") == 2


def test_the_auskunft_names_the_digital_participation(services, held, today) -> None:
    disclosures = services.person_disclosure
    member = disclosures.disclosure(person_number(disclosures, "Çelik"), today)
    guest = disclosures.guest_disclosure(VIDEO_GUEST, today)

    (line,) = section_titled(member, "Anwesenheit in Sitzungen").rows
    assert line[1:] == ("anwesend", "digital zugeschaltet")
    (line,) = section_titled(guest, "Teilnahme an Sitzungen als Gast").rows
    assert line[2] == "in öffentlichen Protokollen genannt; digital zugeschaltet"


def test_a_backup_carries_the_marks(services, held, tmp_path) -> None:
    members, guests = read_restored(
        services.database,
        tmp_path,
        lambda session: (
            session.scalars(
                select(models.Attendance.membership_id).where(models.Attendance.digital)
            ).all(),
            session.scalars(select(models.Guest.name).where(models.Guest.digital)).all(),
        ),
    )

    assert len(members) == 1 and guests == [VIDEO_GUEST]
