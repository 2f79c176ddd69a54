"""The Auskunft searches the secretariat's notes in the recommendations' history for the
family name, as it searches the minutes (found by a tester: a reason for reopening and a
withdrawal note that named the person were left out)."""

from __future__ import annotations

from pdf_reading import text

from expertenrat.domain.enums import RecommendationStatus as S
from expertenrat.services.context import Services


def test_history_notes_naming_the_person_are_listed_with_code_date_and_excerpt(
    demo_database, today
):
    services = Services.create(demo_database, "Geschäftsstelle")
    council = services.settings.councils()[0]
    rows = services.recommendations.list(council.id, today=today)
    sent = [r for r in rows if r.status is S.SENT]
    closed = next(r for r in rows if r.status is S.IMPLEMENTED)
    withdrawn, other = sent[0], sent[1]
    recs = services.recommendations
    recs.withdraw(withdrawn.id, withdrawn.version, today, "Auf Hinweis von Frau Lindqvist")
    recs.withdraw(other.id, other.version, today, "Lindqvists Entwurf ist überholt")
    recs.reopen(closed.id, closed.version, "Frau LINDQVIST meldet: noch offen", today=today)
    service = services.person_disclosure
    (person_id,) = [p.person_id for p in service.persons() if p.name.endswith("Lindqvist")]

    printed = " ".join(text(service.disclosure_pdf(person_id, today).pdf).split())

    notes = printed.split("Nennungen im Verlauf der Empfehlungen")[1]
    assert f"{withdrawn.code} Verlauf vom {today:%d.%m.%Y}, Statuswechsel" in notes
    assert "Auf Hinweis von Frau Lindqvist" in notes
    assert closed.code in notes and "Frau LINDQVIST meldet: noch offen" in notes
    assert other.code not in notes  # not the name as a whole word
    assert "als ganzes Wort in den Notizen der Geschäftsstelle" in notes
