"""The OParl LegislativeTerms: one per appointment period of a council (Berufungsperiode),
else one open term from the earliest published membership, never one per member's term."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from test_oparl_export import BASE, TODAY, all_text, exported

from expertenrat.domain.appointment_periods import AppointmentPeriod
from expertenrat.domain.members import Member
from expertenrat.services.context import Services
from expertenrat.store import models
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url


@pytest.fixture
def services(demo_file) -> Iterator[Services]:
    db = open_database(database_url(str(demo_file)))
    yield Services.create(db, "Frau Schulz")
    db.close()


def _terms(walk) -> list[dict]:
    return [t for t in walk.of_type("LegislativeTerm") if not t.get("deleted")]


def test_without_periods_a_council_has_one_open_term_from_its_first_published_member(
    services, tmp_path
):
    """(found by a tester) The Body's LegislativeTerms were made from every membership:
    a member appointed alone in the middle of a term, who has not agreed to be named, was
    told by a term of their own ("Amtszeit ab 03.03.2026 bis 02.03.2029"); and each member
    who left early added a term."""
    council_id = services.settings.councils()[0].id
    field = services.settings.action_fields(council_id)[0].id
    services.members.save(
        council_id,
        Member(
            None, "Nachrückerin", "Ungenannt", term_start=date(2020, 3, 3),
            term_end=date(2029, 3, 2), primary_field_id=field, publish_name=False,
        ),
        TODAY,
    )  # fmt: skip

    walk = exported(services, tmp_path / "oparl")

    starts = {}
    for m in walk.of_type("Membership"):
        if not m.get("deleted"):
            body = walk.objects[m["organization"]]["body"]
            starts[body] = min(starts.get(body, m["startDate"]), m["startDate"])
    terms = _terms(walk)
    assert {t["body"]: t["startDate"] for t in terms} == starts  # one per body with members
    assert len(terms) == len(starts)
    assert all("endDate" not in t for t in terms)
    assert "03.03.2020" not in all_text(tmp_path / "oparl")
    assert "2020-03-03" not in all_text(tmp_path / "oparl")


def test_each_appointment_period_is_a_term_and_a_deleted_one_a_tombstone(services, tmp_path):
    council_id = services.settings.councils()[0].id
    periods = services.appointment_periods
    first = periods.add(
        council_id, AppointmentPeriod(None, "Berufungsperiode 2024–2027", date(2024, 9, 25),
                                      date(2027, 9, 24)),
    )  # fmt: skip
    second = periods.add(council_id, AppointmentPeriod(None, "Ab 2027", date(2027, 9, 25)))
    folder = tmp_path / "oparl"

    walk = exported(services, folder)

    body_url = walk.of_type("Body")[0]["id"]
    own = [t for t in _terms(walk) if t["body"] == body_url]
    assert [(t["name"], t["startDate"], t.get("endDate")) for t in own] == [
        ("Berufungsperiode 2024–2027", "2024-09-25", "2027-09-24"),
        ("Ab 2027", "2027-09-25", None),
    ]
    assert walk.objects[body_url]["legislativeTerm"] == own
    assert own[0]["id"] == f"{BASE}/legislative-term/{_public_id(services, first.id)}.json"

    periods.delete(second)
    again = exported(services, folder, again=True)

    gone = again.objects[own[1]["id"]]
    assert gone["deleted"] is True and "name" not in gone
    assert [t["name"] for t in _terms(again) if t["body"] == body_url] == [first.name]


def _public_id(services: Services, period_id: int) -> str:
    with services.database.reading() as session:
        return session.get(models.AppointmentPeriod, period_id).public_id
