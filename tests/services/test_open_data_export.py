"""The open-data files of the demo: a valid data package, and only public records."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from data_package_check import data_package_problems
from sqlalchemy import select

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.services.context import Services
from expertenrat.store import models
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

TITLE = 'Zoë <b>&</b> „Ünß“, "Zitat"; =SUMME(A1) 😀'
HOSTILE = f"{TITLE}\nzweite Zeile"
DAY = date(2026, 11, 27)


@pytest.fixture
def services(demo_file) -> Iterator[Services]:
    db = open_database(database_url(str(demo_file)))
    yield Services.create(db, "Frau Schulz")
    db.close()


def rows(folder, name: str) -> list[dict[str, str]]:
    text = (folder / f"{name}.csv").read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_demo_gives_a_valid_data_package_of_public_records(services, tmp_path):
    council_id = services.settings.councils()[0].id
    services.recommendations.create(
        council_id, RecommendationContent(TITLE, text=HOSTILE), DAY
    )  # a draft: never published
    with services.database.reading() as session:
        published = set(
            session.scalars(
                select(models.Recommendation.code).where(models.Recommendation.status != "draft")
            )
        )
        meetings = len(session.scalars(select(models.Meeting.id)).all())
    folder = tmp_path / "offen"

    written = services.open_data_export.export(folder)

    assert written.files == 3
    assert data_package_problems(folder) == []
    register = rows(folder, "empfehlungen")
    assert {r["code"] for r in register} <= published and register
    assert all(r["status"] != "Entwurf" for r in register)
    assert "Zitat" not in (folder / "empfehlungen.csv").read_text("utf-8")
    assert len(rows(folder, "sitzungen")) == meetings


def test_hostile_text_survives_the_csv(services, tmp_path):
    council_id = services.settings.councils()[0].id
    created = services.recommendations.create(
        council_id, RecommendationContent(TITLE, text=HOSTILE), DAY, adopted=True
    )
    folder = tmp_path / "offen"

    services.open_data_export.export(folder)

    assert data_package_problems(folder) == []
    row = next(r for r in rows(folder, "empfehlungen") if r["code"] == created.row.code)
    assert (row["titel"], row["text"], row["beschlossen_am"]) == (TITLE, HOSTILE, "2026-11-27")


def test_a_broken_package_is_noticed(services, tmp_path):
    folder = tmp_path / "offen"
    services.open_data_export.export(folder)
    path = folder / "sitzungen.csv"
    path.write_text(path.read_text("utf-8").replace(",false,", ",vielleicht,", 1), "utf-8")

    assert data_package_problems(folder) == ["sitzungen Zeile 2: abgesagt ist kein boolean"]


def test_the_exports_are_titled_with_the_councils_not_the_program(sqlite_database, tmp_path):
    """Görlitz publishes its Digitalbeirat and Jugendbeirat: the OParl System and the data
    package were titled "Expertenrat – …", the program's name, which the city's readers
    would take for a body of Görlitz's (found by a tester)."""
    services = Services.create(sqlite_database, "Frau Neumann")
    for name in ("Digitalbeirat der Stadt Görlitz", "Jugendbeirat Görlitz"):
        services.settings.create_council(CouncilSettings(id=None, name=name, city="Görlitz"))
    both = "Digitalbeirat der Stadt Görlitz, Jugendbeirat Görlitz"

    services.open_data_export.export(tmp_path / "offen")
    services.oparl_export.export(tmp_path / "oparl", "https://daten.goerlitz.de/oparl")

    package = json.loads((tmp_path / "offen" / "datapackage.json").read_text("utf-8"))
    system = json.loads((tmp_path / "oparl" / "system.json").read_text("utf-8"))
    assert package["title"] == f"{both} – offene Daten"
    assert system["name"] == f"{both} – Ratsinformationen"
    assert "Expertenrat" not in package["title"] + system["name"]


def test_the_package_names_no_other_council_s_prefix(sqlite_database, tmp_path):
    """The Digitalbeirat Lübeck ("DB-2026-01") published a data package describing its
    codes as "Zeichen der Empfehlung, z. B. E-2026-07", the program's default prefix, not
    its own (found by a tester): the description names how a code is made."""
    services = Services.create(sqlite_database, "Geschäftsstelle")
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Digitalbeirat der Hansestadt Lübeck", city="Lübeck")
    )
    services.settings.update_settings(replace(council, recommendation_prefix="DB"))
    folder = tmp_path / "offen"

    services.open_data_export.export(folder)

    package = json.loads((folder / "datapackage.json").read_text("utf-8"))
    (code,) = [
        field
        for resource in package["resources"]
        for field in resource["schema"]["fields"]
        if field["name"] == "code"
    ]
    assert "E-2026" not in code["description"]
    assert code["description"] == (
        "Zeichen der Empfehlung: Kürzel des Gremiums, Jahr und laufende Nummer"
    )


def test_a_damaged_approved_public_minutes_pdf_does_not_stop_the_open_data(services, tmp_path):
    # the open data publish the approval date, not the PDF (found by a tester)
    with services.database.transaction() as session:
        version = session.scalars(
            select(models.MinutesVersion)
            .where(models.MinutesVersion.state == "approved")
            .order_by(models.MinutesVersion.id)
        ).first()
        version.public_pdf = version.public_pdf[:1000]
        meeting_key = session.get(models.Meeting, version.meeting_id).public_id
        approved_on = version.approved_on.isoformat()

    services.open_data_export.export(tmp_path / "offen")

    [row] = [r for r in rows(tmp_path / "offen", "sitzungen") if r["id"] == meeting_key]
    assert approved_on in row.values()
