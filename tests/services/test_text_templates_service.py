"""Standard phrases: seeded once, added, edited, deleted and reordered per council."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from expertenrat.domain.councils import CouncilSettings, classification_for
from expertenrat.domain.enums import MinutesApproval, MinutesStyle
from expertenrat.domain.errors import ConcurrentEditError, ValidationError
from expertenrat.domain.text_templates import DEFAULT_PHRASES, TextTemplate
from expertenrat.services.text_templates import TextTemplatesService
from expertenrat.store import models

HOSTILE = """Kim "K" & <Co>; O'Neil 🚀 مرحبا שלום"""


@pytest.fixture
def service(database, actor) -> TextTemplatesService:
    return TextTemplatesService(database, actor)


def test_a_new_council_starts_with_the_default_phrases(service, council) -> None:
    phrases = service.templates(council.id)
    assert [(p.label, p.text) for p in phrases] == list(DEFAULT_PHRASES)
    assert phrases[0].text == "Der Expert*innenrat nimmt den Bericht zur Kenntnis."


def test_a_council_gets_the_phrases_in_its_own_words(service, settings_service) -> None:
    # A Digitalbeirat's minutes do not say "Der Expert*innenrat nimmt … zur Kenntnis".
    for name, subject in (
        ("Digitalbeirat des Landkreises Fürstenfeldbruck", "Der Digitalbeirat"),
        ("Digitalkommission der Hansestadt Lübeck", "Die Digitalkommission"),
        ("Smarte Köpfe", "Das Gremium"),
    ):
        council = settings_service.create_council(
            CouncilSettings(None, name, "Lübeck", classification=classification_for(name))
        )

        texts = [p.text for p in service.templates(council.id)]

        assert texts[:3] == [
            f"{subject} nimmt den Bericht zur Kenntnis.",
            f"{subject} empfiehlt einstimmig, …",
            f"{subject} empfiehlt mehrheitlich, …",
        ]
        assert not any("Expert*innenrat" in text for text in texts)


def test_an_existing_council_gets_them_once(service, database) -> None:
    with database.transaction() as session:
        row = models.Council(name="Alter Rat", city="Wismar")
        session.add(row)
        session.flush()
        council_id = row.id
    phrases = service.templates(council_id)
    assert len(phrases) == len(DEFAULT_PHRASES)
    for phrase in phrases:
        service.delete(phrase)
    assert service.templates(council_id) == []  # deleted on purpose: not seeded again


def test_add_edit_delete_and_reorder(service, council) -> None:
    first, second, third = service.templates(council.id)[:3]
    added = service.add(council.id, TextTemplate(None, "Eigener", f"{HOSTILE}\nZeile 2"))
    assert added.position == len(DEFAULT_PHRASES) and added.text.endswith("Zeile 2")
    changed = service.update(replace(first, label="Kenntnis", text="Zur Kenntnis genommen."))
    assert changed.version == first.version + 1
    with pytest.raises(ConcurrentEditError):
        service.update(replace(first, label="Alt"))
    service.delete(second)
    ids = [t.id for t in service.templates(council.id)]
    reordered = service.reorder(council.id, [ids[-1], *ids[:-1]])
    assert [t.label for t in reordered][:3] == ["Eigener", "Kenntnis", third.label]
    assert [t.id for t in service.templates(council.id)] == [t.id for t in reordered]


def test_empty_or_too_long_phrases_are_refused(service, council) -> None:
    with pytest.raises(ValidationError) as caught:
        service.add(council.id, TextTemplate(None, " ", ""))
    assert caught.value.message == (
        "Bitte geben Sie dem Textbaustein eine Bezeichnung.\n"
        "Bitte geben Sie den Text des Bausteins ein."
    )
    with pytest.raises(ValidationError) as caught:
        service.add(council.id, TextTemplate(None, "x" * 101, "y"))
    assert (
        caught.value.message
        == "Die Bezeichnung des Textbausteins darf höchstens 100 Zeichen haben."
    )


def test_minutes_settings_are_council_settings(settings_service, council) -> None:
    assert (council.minutes_style, council.minutes_approval, council.objection_period_days) == (
        MinutesStyle.RESULTS, MinutesApproval.VOTE, 14,
    )  # fmt: skip
    saved = settings_service.update_settings(
        replace(
            council,
            minutes_style=MinutesStyle.COURSE,
            minutes_approval=MinutesApproval.OBJECTIONS,
            objection_period_days=10,
        )
    )
    assert settings_service.settings(council.id) == saved
    assert saved.minutes_style is MinutesStyle.COURSE and saved.objection_period_days == 10
    with pytest.raises(ValidationError) as caught:
        settings_service.update_settings(replace(saved, objection_period_days=0))
    assert caught.value.problems[0].field == "objection_period_days"


def test_the_phrases_follow_the_title_of_the_chair(service, settings_service, council, database):
    """The phrases said "Die/Der Vorsitzende" where the council calls its chair
    "Sprecher*in" (found by a tester): a new title renames the chair in every phrase that
    names it so; what the user wrote around it, and a phrase worded otherwise, stay."""
    phrases = {p.label: p for p in service.templates(council.id)}
    service.update(replace(phrases["Eröffnung"], text=phrases["Eröffnung"].text + " Gäste: …"))
    service.update(replace(phrases["Schluss"], text="Frau Berg schließt die Sitzung."))

    settings_service.update_settings(
        replace(settings_service.settings(council.id), chair_title="Sprecher*in")
    )

    texts = {p.label: p.text for p in service.templates(council.id)}
    assert texts["Eröffnung"] == (
        "Die/Der Sprecher*in eröffnet die Sitzung und begrüßt die Anwesenden. Gäste: …"
    )
    assert texts["Ladung und Beschlussfähigkeit"].startswith("Die/Der Sprecher*in stellt")
    assert texts["Schluss"] == "Frau Berg schließt die Sitzung."
    with database.reading() as session:
        summaries = session.scalars(
            select(models.AuditEntry.summary).where(models.AuditEntry.entity == "text_template")
        ).all()
    assert "Textbaustein „Eröffnung“ an die Bezeichnung „Sprecher*in“ angepasst" in summaries

    settings_service.update_settings(
        replace(settings_service.settings(council.id), chair_title="Sitzungsleitung")
    )
    texts = {p.label: p.text for p in service.templates(council.id)}
    assert texts["Eröffnung"].startswith("Die Sitzungsleitung eröffnet die Sitzung")


def test_a_council_created_with_a_speaker_names_the_speaker(service, settings_service) -> None:
    council = settings_service.create_council(
        CouncilSettings(None, "Zukunftsrat", "Görlitz", chair_title="Sprecher*in")
    )
    texts = {p.label: p.text for p in service.templates(council.id)}
    assert texts["Schluss"] == (
        "Die/Der Sprecher*in dankt allen Beteiligten und schließt die Sitzung."
    )


def _summaries(database) -> list[str]:
    with database.reading() as session:
        return session.scalars(
            select(models.AuditEntry.summary).where(models.AuditEntry.entity == "text_template")
        ).all()


def test_the_phrases_follow_the_councils_name_and_kind(
    service, settings_service, council, database
) -> None:
    """The phrases kept "Der Expert*innenrat nimmt …" after the council was renamed
    "Digitalbeirat …" or, its name showing no such word, got another Art des Gremiums
    (found by a tester): they follow its name, else short name, else kind, keeping what
    the user wrote around it; a phrase worded otherwise stays."""
    phrases = {p.label: p for p in service.templates(council.id)}
    noted = "Der Expert*innenrat nimmt den Bericht zur Kenntnis; die/der Vorsitzende dankt."
    service.update(replace(phrases["Kenntnisnahme"], text=noted))
    service.update(replace(phrases["Empfehlung mehrheitlich"], text="Frau Berg empfiehlt …"))

    def save(**changes) -> dict[str, str]:
        settings_service.update_settings(replace(settings_service.settings(council.id), **changes))
        return {p.label: p.text for p in service.templates(council.id)}

    texts = save(name="Digitalbeirat der Hansestadt Lübeck", classification="Beirat")
    assert texts["Kenntnisnahme"] == (
        "Der Digitalbeirat nimmt den Bericht zur Kenntnis; die/der Vorsitzende dankt."
    )
    assert texts["Empfehlung einstimmig"] == "Der Digitalbeirat empfiehlt einstimmig, …"
    assert texts["Empfehlung mehrheitlich"] == "Frau Berg empfiehlt …"
    assert (
        "Textbaustein „Empfehlung einstimmig“ an die Bezeichnung „Digitalbeirat“ angepasst"
        in _summaries(database)
    )

    texts = save(name="Smarte Köpfe", classification="Gremium")
    assert texts["Empfehlung einstimmig"] == "Das Gremium empfiehlt einstimmig, …"
    texts = save(classification="Bürgerrat", chair_title="Sprecher*in")
    assert texts["Kenntnisnahme"] == (
        "Der Bürgerrat nimmt den Bericht zur Kenntnis; die/der Sprecher*in dankt."
    )
    assert texts["Eröffnung"].startswith("Die/Der Sprecher*in eröffnet")
    assert (
        "Textbaustein „Kenntnisnahme“ an die Bezeichnungen „Bürgerrat“ und „Sprecher*in“ "
        "angepasst" in _summaries(database)
    )
    texts = save(short_name="Zukunftskommission")
    assert texts["Empfehlung einstimmig"] == "Die Zukunftskommission empfiehlt einstimmig, …"
