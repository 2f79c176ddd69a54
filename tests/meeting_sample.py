"""A meeting document with hostile text, shared by the invitation, run sheet and .ics tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from expertenrat.domain.meeting_documents import (
    AgendaEntry,
    DeclaredConflict,
    Letterhead,
    MeetingDocument,
)

BERLIN = ZoneInfo("Europe/Berlin")
HOSTILE = """Kim "K" & <Co>; O'Neil, a\\b 🚀 مرحبا שלום"""
LETTERHEAD = Letterhead(
    "Smart City Expert*innenrat", "Hanse- und Universitätsstadt Rostock", short_name="SCER"
)


def item(number: str, title: str, minute: int, **changes: object) -> AgendaEntry:
    values: dict[str, object] = {
        "number": number,
        "title": title,
        "planned_start": datetime(2026, 3, 10, 16, minute, tzinfo=BERLIN),
        "planned_minutes": 10,
    }
    values.update(changes)
    return AgendaEntry(**values)  # type: ignore[arg-type]


AGENDA = (
    item("1", "Eröffnung und Begrüßung", 0, kind_label="Eröffnung und Formalien",
         presenter="Dr. Łukasz Wiśniewski"),
    item("2", "Genehmigung des Protokolls der 4. Sitzung", 10),
    item("3", "Beratung: Offene Daten für Rostock", 20, presenter="Gülşen Yılmaz",
         project_title="Urbane Datenplattform", kind_label="Beratung eines Projekts"),
    item("3.1", f"Zwischenbericht {HOSTILE}", 30, presenter=HOSTILE),
    item("4", "Vergabe Straßenbeleuchtung – vertraulich", 40, public=False,
         presenter="Zoë Brontë", project_title="Smarte Laternen",
         conflicts=(DeclaredConflict("Ödön Pál", "Geschäftsführer der Stadtwerke Rostock AG"),),
         notes="Ödön Pál verlässt den Raum.\nAbstimmung geheim."),
    item("5", "Personalangelegenheiten", 50, public=False),
)  # fmt: skip


def meeting(**changes: object) -> MeetingDocument:
    values: dict[str, object] = {
        "letterhead": LETTERHEAD,
        "uid": "3f2b6c1e-0d55-4a51-9a1e-5b1f7c0e2a10@expertenrat",
        "sequence": 0,
        "number": 5,
        "start": datetime(2026, 3, 10, 16, 0, tzinfo=BERLIN),
        "end": datetime(2026, 3, 10, 18, 0, tzinfo=BERLIN),
        "invitation_date": date(2026, 2, 24),
        "notice_period_days": 7,
        "agenda": AGENDA,
        "place": "Rathaus Rostock",
        "room": "Raum 1.23 (Bürgerschaftssaal)",
    }
    values.update(changes)
    return MeetingDocument(**values)  # type: ignore[arg-type]


def series(count: int) -> list[MeetingDocument]:
    """Quarterly meetings from 10 March 2026 (crossing DST changes), numbers 5, 6, …"""
    first = meeting()
    return [
        meeting(
            number=5 + i,
            uid=f"meeting-{i}@expertenrat",
            start=first.start + timedelta(weeks=13 * i),
            end=first.end + timedelta(weeks=13 * i),
        )
        for i in range(count)
    ]
