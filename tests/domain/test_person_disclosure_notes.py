"""The notes at the end of an Auskunft (Art. 15 Abs. 1 lit. d DSGVO: how long the data is
stored) name the daily backups, which keep a deleted or anonymised person's data for about
a year (found by a tester, the city's data protection officer: the note named only the
safety copies, which are kept for 90 days)."""

from __future__ import annotations

import pytest

from expertenrat.domain.backup_rotation import DAILY_COPIES, MONTHLY_COPIES
from expertenrat.domain.person_disclosure import GUEST_NOTES, NOTES


@pytest.mark.parametrize("notes", [NOTES, GUEST_NOTES], ids=["member", "guest"])
def test_the_storage_note_names_the_daily_backups_and_how_long_they_stay(notes):
    (storage,) = [note for note in notes if note.startswith("Speicherdauer:")]
    assert "Die täglichen Sicherungen der Datenbank" in storage
    assert "rund einem Jahr" in storage
    assert (
        f"der letzten {DAILY_COPIES} Tage und je eine der letzten {MONTHLY_COPIES} Monate"
        in storage
    )
    assert "Sicherheitskopien vor einer Wiederherstellung oder Aktualisierung" in storage


def test_a_member_learns_that_the_deletion_may_come_earlier_on_request():
    """Art. 17 DSGVO: Datei → Aufbewahrung → "Auf Antrag" anonymises a former member before
    the period ends."""
    (storage,) = [note for note in NOTES if note.startswith("Speicherdauer:")]
    assert "gelöscht (anonymisiert), auf Ihren Antrag schon früher;" in storage


def test_a_member_learns_which_fields_each_consent_publishes():
    """(found by a tester) The public roster prints the postal address under the consent
    to publish the contact data, the OParl export never: the note says so."""
    (recipients,) = [note for note in NOTES if note.startswith("Empfänger:")]
    assert (
        "mit der zu den Kontaktdaten: E-Mail und Telefon; in der öffentlichen "
        "Mitgliederliste auch die Postanschrift." in recipients
    )
    assert "mit der zu Name und Institution: Anrede, Titel, Name, Institution" in recipients
