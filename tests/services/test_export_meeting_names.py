"""OParl and open data name a meeting as the invitation, the minutes and the calendar do
(``meetings.meeting_label``): "5. Sitzung", a titled one "2. Sitzung – Sondersitzung
Mobilität" (its title alone hid the running number the documents published beside it
carry: found by a tester), "Klausur" for a workshop without title and number."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from sqlalchemy import select, update

from expertenrat.services.context import Services
from expertenrat.store import models
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

BASE = "https://daten.example.de/oparl/v1"


@pytest.fixture
def services(demo_file) -> Iterator[Services]:
    db = open_database(database_url(str(demo_file)))
    yield Services.create(db, "Frau Schulz")
    db.close()


@pytest.fixture
def meetings(services) -> dict[str, str]:
    """Public ids of the demo's workshop, left without title and number (as an older
    version could store it), a numbered meeting without a title, and a titled one."""
    with services.database.transaction() as session:
        workshop = session.scalars(
            select(models.Meeting).where(models.Meeting.kind == "workshop")
        ).first()
        numbered, titled = session.scalars(
            select(models.Meeting)
            .where(models.Meeting.kind == "regular", models.Meeting.number.is_not(None))
            .order_by(models.Meeting.id)
            .limit(2)
        ).all()
        session.execute(
            update(models.Meeting)
            .where(models.Meeting.id == workshop.id)
            .values(title="", number=None)
        )
        session.execute(
            update(models.Meeting).where(models.Meeting.id == numbered.id).values(title="")
        )
        session.execute(
            update(models.Meeting)
            .where(models.Meeting.id == titled.id)
            .values(title="Sondersitzung Mobilität")
        )
        return {
            "Klausur": workshop.public_id,
            f"{numbered.number}. Sitzung": numbered.public_id,
            f"{titled.number}. Sitzung – Sondersitzung Mobilität": titled.public_id,
        }


def test_oparl_names_meetings_by_the_one_rule(services, meetings, tmp_path):
    folder = tmp_path / "oparl"
    services.oparl_export.export(folder, BASE)

    for name, key in meetings.items():
        meeting = json.loads((folder / "meeting" / f"{key}.json").read_text("utf-8"))
        assert meeting["name"] == name


def test_open_data_names_meetings_by_the_one_rule(services, meetings, tmp_path):
    folder = tmp_path / "offen"
    services.open_data_export.export(folder)

    text = (folder / "sitzungen.csv").read_text("utf-8")
    names = {row["id"]: row["name"] for row in csv.DictReader(io.StringIO(text, newline=""))}
    for name, key in meetings.items():
        assert names[key] == name
