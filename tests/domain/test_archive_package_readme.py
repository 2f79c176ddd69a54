"""The Archivpaket's LIESMICH says what its files are, also of a cancelled meeting."""

from __future__ import annotations

from datetime import date, datetime

from expertenrat.domain.archive_package import ArchivedMeeting, readme
from expertenrat.domain.enums import MeetingKind, MeetingState


def test_a_cancelled_meeting_s_absage_is_said_to_be_dated_the_day_the_package_is_made():
    """(found by a tester) The Absage in the package bears the day the package was made,
    months after the cancellation went out; the LIESMICH said only "die Absage"."""
    cancelled = ArchivedMeeting(
        7, MeetingKind.REGULAR, datetime(2026, 3, 12, 16), MeetingState.CANCELLED
    )

    text = readme("Rat", 2026, date(2027, 1, 15), (cancelled,), "1.0").decode("utf-8")

    assert (
        "2026-03-12 7. Sitzung: abgesagt; die Absage (datiert auf den 15.01.2027, den Tag der "
        "Zusammenstellung, nicht den ihres Versands)." in text
    )


def test_minutes_made_anew_are_named_as_german_lists_them():
    made_anew = tuple(
        ArchivedMeeting(
            number,
            MeetingKind.REGULAR,
            datetime(2025, number, 10, 16),
            MeetingState.HELD,
            approved_on=date(2025, 12, 1),
            minutes_remade=True,
        )
        for number in (2, 3, 4)
    )

    text = readme("Rat", 2025, date(2026, 1, 15), made_anew, "1.0").decode("utf-8")

    assert "Protokoll-PDFs der 2. Sitzung, der 3. Sitzung und der 4. Sitzung: genehmigt" in text


def test_the_checksums_are_checked_on_windows_by_one_command_not_file_by_file():
    """(found by a tester) An archive on Windows was told to hash each of some twenty files
    and compare by eye; the LIESMICH gives one PowerShell line that checks the whole list
    as written ("<hex>  <path>", paths with "/" and umlauts, so UTF-8 and -LiteralPath)."""
    text = readme("Rat", 2026, date(2027, 1, 15), (), "1.0").decode("utf-8")

    [command] = [line for line in text.split("\r\n") if line.startswith("Get-Content")]
    assert command == (
        "Get-Content -Encoding UTF8 SHA256SUMS.txt | ForEach-Object { $h, $p = $_ -split "
        "'  ', 2; if ((Get-FileHash -Algorithm SHA256 -LiteralPath $p).Hash -ne $h) "
        '{ "ABWEICHEND: $p" } }; "Prüfung beendet."'
    )
    assert "je Datei" not in text


def test_the_period_covered_is_named_and_a_year_not_over_is_said_so():
    """(found by a tester) A package of the running year, made on 5 December, covers the
    year only so far; its LIESMICH named the year alone, as for a year complete."""
    running = readme("Rat", 2026, date(2026, 12, 5), (), "1.0").decode("utf-8")
    past = readme("Rat", 2025, date(2026, 1, 15), (), "1.0").decode("utf-8")

    assert (
        "Zeitraum: 01.01.2026 bis 05.12.2026 (das Jahr war bei der Zusammenstellung noch "
        "nicht abgeschlossen)." in running
    )
    assert "Zeitraum: 01.01.2025 bis 31.12.2025." in past
