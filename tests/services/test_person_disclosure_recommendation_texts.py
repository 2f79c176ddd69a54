"""The Auskunft searches the recommendations' titles and texts and the projects' responses
to them for the family name as a whole word, as it searches the minutes and the history
notes (a recommendation or an answer naming the person was left out)."""

from __future__ import annotations

from datetime import timedelta

from pdf_reading import text

from expertenrat.domain.enums import ResponseVerdict
from expertenrat.domain.projects import Project
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_responses import ResponseDraft
from expertenrat.services.context import Services


def test_a_recommendation_text_and_a_response_naming_the_person_are_listed(demo_database, today):
    services = Services.create(demo_database, "Geschäftsstelle")
    council = services.settings.councils()[0].id
    field = services.settings.action_fields(council)[0].id
    project = services.projects.create(council, Project(None, "Klimaportal", action_field_id=field))
    recs, on = services.recommendations, today - timedelta(days=10)
    wording = "Wie Frau Lindqvist vorschlug, werden die Messdaten offen gelegt."
    content = RecommendationContent("Offene Messdaten", wording, project_ids=(project,))
    named = recs.create(council, content, on, adopted=True, today=today).row
    namesake = RecommendationContent("Lindqvistplatz beleuchten", "Die Lindqvistschule fragt.")
    other = recs.create(council, namesake, on, adopted=True, today=today).row
    sent = recs.send(named.id, named.version, on, today + timedelta(days=30), today=today).row
    answer = ResponseDraft(
        today, ResponseVerdict.COMPLIED, "Projektleitung",
        reasons="Mit Frau LINDQVIST abgestimmt.", measures="Lindqvists Plan", project_id=project,
    )  # fmt: skip
    recs.record_response(sent.id, sent.version, answer, today=today)
    service = services.person_disclosure
    (person_id,) = [p.person_id for p in service.persons() if p.name.endswith("Lindqvist")]

    printed = " ".join(text(service.disclosure_pdf(person_id, today).pdf).split())

    section = printed.split("Nennungen in Empfehlungen und Stellungnahmen")[1]
    section = section.split("Nennungen im Verlauf der Empfehlungen")[0]
    assert f"{named.code} Text {wording}" in section
    reasons = f"Stellungnahme vom {today:%d.%m.%Y} (Klimaportal) – Begründung"
    assert f"{reasons} Mit Frau LINDQVIST abgestimmt." in section
    assert "Lindqvistplatz" not in section and "Lindqvistschule" not in section
    assert other.code not in section and "Lindqvists Plan" not in section  # not a whole word
    assert (
        "als ganzes Wort im Titel und im Text jeder Empfehlung und in den Stellungnahmen" in section
    )
