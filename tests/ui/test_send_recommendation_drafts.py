"""Versenden with "E-Mail-Entwurf erstellen": the sending is recorded, then the drafts are
saved into the folder chosen; a draft that cannot be written leaves the sending recorded
and says so (the page alone, scripted dialogs)."""

from __future__ import annotations

from datetime import date

import pytest
from overview_sample import seed
from sqlalchemy import update

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.store import models
from expertenrat.ui.recommendations_page import RecommendationsPage
from expertenrat.ui.save_location import FileKind


@pytest.fixture
def page(qtbot, services, dialogs, sqlite_database, today):
    """The register with a recommendation adopted for ODP (with a contact e-mail) and
    KLIMA (without) selected."""
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )
    sample = seed(sqlite_database, council.id)
    with sqlite_database.transaction() as session:
        session.execute(
            update(models.Project)
            .where(models.Project.id == sample.projects["ODP"])
            .values(contact_name="Dr. Jana Ott", contact_email="ott@example.org")
        )
    content = RecommendationContent(
        "Gemeinsame Datenstrategie",
        project_ids=(sample.projects["ODP"], sample.projects["KLIMA"]),
    )
    row = services.recommendations.create(council.id, content, date(2026, 10, 1), adopted=True)
    page = RecommendationsPage(services, dialogs, lambda: today)
    qtbot.addWidget(page)
    page.set_council(council.id)
    page.refresh()
    page.select(row.row.id)
    return page


def test_confirming_records_the_sending_then_saves_the_draft(page, dialogs, tmp_path):
    """(found by a tester) Sending gave no covering e-mail to send the recommendation with."""
    folder = tmp_path / "Entwürfe"
    folder.mkdir()
    dialogs.paths.append(str(folder))
    page.send_button.click()
    assert page.steps.dialog.draft_check.isChecked()

    page.steps.dialog.accept_button.click()

    assert page.selected().status is RecommendationStatus.SENT
    code = page.selected().code
    assert [p.name for p in folder.iterdir()] == [f"Empfehlung-{code}-Open-Data-Portal-Co.eml"]
    kind, _title, text = dialogs.messages[-1]
    assert kind == "saved" and "Ohne Entwurf (keine Kontakt-E-Mail): „Klimadashboard“" in text


def test_a_draft_not_written_leaves_the_sending_recorded_and_says_so(page, dialogs, tmp_path):
    dialogs.paths.append(str(tmp_path / "gelöscht"))
    page.send_button.click()

    page.steps.dialog.accept_button.click()

    assert page.selected().status is RecommendationStatus.SENT
    kind, _title, text = dialogs.messages[-1]
    assert kind == "warning"
    assert text.startswith(f"Die Empfehlung {page.selected().code} ist als übermittelt vermerkt.")
    assert "Den Ordner" in text and "gibt es nicht" in text
    assert text.endswith("mit „E-Mail-Entwurf …“ noch einmal erstellen.")  # how to retry


def test_the_draft_is_made_again_for_one_sent_but_not_once_withdrawn(
    page, dialogs, services, tmp_path
):
    """(found by a helper) A folder choice cancelled after Versenden, or a draft not
    written, left no way to make the draft: it is recorded as sent, and Versenden has become
    "Versand ändern …"."""
    assert not page.draft_button.isEnabled()  # adopted, not sent yet
    assert "sobald sie übermittelt ist" in page.draft_button.toolTip()
    page.send_button.click()
    page.steps.dialog.accept_button.click()  # no folder chosen: no draft
    assert dialogs.file_dialogs == [(FileKind.REMINDERS, "")]
    assert page.draft_button.isEnabled()  # recorded as sent: its sending is corrected now
    assert page.send_button.text() == "Versand ändern …"
    folder = tmp_path / "Entwürfe"
    folder.mkdir()
    dialogs.paths.append(str(folder))

    page.draft_button.click()

    assert dialogs.file_dialogs[-1] == (FileKind.REMINDERS, "")  # the same folder memory
    code = page.selected().code
    assert [p.name for p in folder.iterdir()] == [f"Empfehlung-{code}-Open-Data-Portal-Co.eml"]
    kind, title, text = dialogs.messages[-1]
    assert (kind, title) == ("saved", "E-Mail-Entwurf")
    assert "Ohne Entwurf (keine Kontakt-E-Mail): „Klimadashboard“" in text

    row = page.selected()  # withdrawn meanwhile on another PC: refused, no file
    services.recommendations.withdraw(row.id, row.version, row.sent_on, "Überholt")
    dialogs.paths.append(str(folder))
    page.draft_button.click()

    assert dialogs.messages[-1][0] == "warning"
    assert dialogs.messages[-1][2] == (
        f"Die Empfehlung {code} ist „zurückgezogen“: Sie wird nicht mehr übermittelt."
    )
    assert len(list(folder.iterdir())) == 1
    page.refresh()
    assert not page.draft_button.isEnabled()


def test_one_addressed_to_no_project_gets_no_draft_and_says_why(page, dialogs, services, tmp_path):
    (council,) = services.settings.councils()
    content = RecommendationContent("Ohne Adressaten")
    lone = services.recommendations.create(council.id, content, date(2026, 10, 1), adopted=True)
    services.recommendations.send(
        lone.row.id, lone.row.version, date(2026, 10, 2), date(2026, 12, 2)
    )
    page.refresh()
    page.select(lone.row.id)
    dialogs.paths.append(str(tmp_path))

    page.draft_button.click()

    assert dialogs.messages[-1] == (
        "information",
        "E-Mail-Entwurf",
        f"Die Empfehlung {lone.row.code} ist an kein Projekt gerichtet: kein E-Mail-Entwurf.",
    )


def test_two_drafts_are_named_as_files_in_the_plural(
    page, dialogs, services, sqlite_database, tmp_path
):
    """(found by a tester) Two drafts were saved "… .eml, … .eml. Öffnen Sie die Datei …"."""
    with sqlite_database.transaction() as session:
        session.execute(
            update(models.Project)
            .where(models.Project.short_code == "KLIMA")
            .values(contact_name="Kai Berg", contact_email="berg@example.org")
        )
    folder = tmp_path / "Entwürfe"
    folder.mkdir()
    dialogs.paths.append(str(folder))
    page.send_button.click()

    page.steps.dialog.accept_button.click()

    kind, _title, text = dialogs.messages[-1]
    assert kind == "saved" and len(list(folder.iterdir())) == 2
    assert "Öffnen Sie die Dateien in Ihrem E-Mail-Programm" in text
