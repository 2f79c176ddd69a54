"""The guests a sign-in sheet lists: those recorded, then the presenters who are no members."""

from __future__ import annotations

from expertenrat.domain.attendance_list import ListedGuest, known_guests
from expertenrat.domain.attendance_sheet import GuestEntry
from expertenrat.domain.meeting_documents import AgendaEntry


def test_recorded_guests_come_first_and_presenters_who_are_no_members_follow_once() -> None:
    recorded = [
        GuestEntry(1, "Dr. Merle Steffens", "Amt für Umwelt", "Abteilungsleitung"),
        GuestEntry(2, "  ", "leer"),
    ]
    agenda = [
        AgendaEntry("1", "Eröffnung", presenter="Prof. Dr. Anna Berg"),  # a member
        AgendaEntry("2", "Bericht", presenter="Geschäftsstelle Smart City"),  # as a member
        AgendaEntry("3", "Laternen", presenter="Jan Rau (Projektteam)", project_title="Laternen"),
        AgendaEntry("4", "Klima", presenter="dr. merle  steffens (Gast)"),
        AgendaEntry("5", "Laternen II", presenter="Jan Rau (Projektteam)"),
        AgendaEntry("6", "Ausblick", presenter="Eva Dahl (Gast)"),
    ]

    assert known_guests(recorded, agenda) == (
        ListedGuest("Dr. Merle Steffens", ("Amt für Umwelt", "Abteilungsleitung"), ("4",)),
        ListedGuest("Jan Rau", ("Projektteam", "Projekt: Laternen"), ("3", "5")),
        ListedGuest("Eva Dahl", (), ("6",)),
    )
