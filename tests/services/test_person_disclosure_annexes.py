"""The Auskunft searches the meetings' annexes (title, file name and the text of each page)
for the person's family name (found by a tester, the city's data protection officer: a
statement or presentation naming a member was kept in the database and not in the
Auskunft), and names an annex whose text cannot be read as not searched."""

from __future__ import annotations

import hashlib
import io

from disclosure_lookup import person_number, section_titled
from reportlab.pdfgen import canvas

from expertenrat.services.context import Services
from expertenrat.store import models


def _pdf(*lines: str) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    for number, line in enumerate(lines):
        page.drawString(72, 700 - 20 * number, line)
    page.save()
    return out.getvalue()


def test_an_annex_naming_the_member_is_in_the_auskunft(demo_database, today):
    services = Services.create(demo_database, "Geschäftsstelle")
    rostock = next(c for c in services.settings.councils() if "Expert" in c.name)
    meeting = services.meetings.list(rostock.id)[-1]
    services.annexes.add(
        meeting.id,
        "Brief-Behrens.pdf",
        _pdf("Sehr geehrte Damen und Herren,", "die Stellungnahme von Sascha Behrens folgt."),
        title="Stellungnahme zum Datenportal",
    )
    services.annexes.add(meeting.id, "Vortrag.pdf", _pdf("Kein Name hier"))
    damaged = b"%PDF-1.4 nicht mehr lesbar"
    with services.database.transaction() as session:
        session.add(
            models.StoredFile(
                council_id=rostock.id,
                meeting_id=meeting.id,
                position=9,
                name="Kaputt.pdf",
                title="Kaputt",
                content=damaged,
                size=len(damaged),
                sha256=hashlib.sha256(damaged).hexdigest(),
            )
        )
    service = services.person_disclosure

    section = section_titled(
        service.disclosure(person_number(service, "Behrens"), today), "Nennungen in Anlagen"
    )

    label = f"{meeting.number}. Sitzung am {meeting.starts_at:%d.%m.%Y}"
    places = [(where, place) for where, place, _ in section.rows]
    assert places == [
        (label, "Anlage „Stellungnahme zum Datenportal“ – Dateiname"),
        (label, "Anlage „Stellungnahme zum Datenportal“ – Seite 1"),
    ]
    assert "die Stellungnahme von Sascha Behrens folgt." in section.rows[1][2]
    assert section.note.endswith(
        f"Nicht lesbar und daher nicht durchsucht: Anlage „Kaputt“ ({label})."
    )
