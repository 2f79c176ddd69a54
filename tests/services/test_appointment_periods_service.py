"""Appointment periods (Berufungsperioden): added, edited and deleted per council, each in
the audit trail; a bad or overlapping period is refused in German with nothing stored."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from expertenrat.domain.appointment_periods import AppointmentPeriod, period_on
from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.errors import ConcurrentEditError, ValidationError
from expertenrat.domain.roster import RosterGrouping
from expertenrat.services.appointment_periods import AppointmentPeriodsService
from expertenrat.store import models

FIRST = AppointmentPeriod(None, "Berufungsperiode 2024–2027", date(2024, 9, 25), date(2027, 9, 24))


@pytest.fixture
def service(database, actor) -> AppointmentPeriodsService:
    return AppointmentPeriodsService(database, actor)


def _summaries(database) -> list[str]:
    with database.reading() as session:
        return list(
            session.scalars(
                select(models.AuditEntry.summary)
                .where(models.AuditEntry.entity == "appointment_period")
                .order_by(models.AuditEntry.id)
            )
        )


def test_periods_are_added_listed_by_start_changed_and_deleted_with_the_audit(
    service, council, database
) -> None:
    later = service.add(council.id, AppointmentPeriod(None, "  Zweite  ", date(2027, 9, 25)))
    first = service.add(council.id, FIRST)
    assert later.name == "Zweite" and later.end is None

    assert [p.name for p in service.periods(council.id)] == [FIRST.name, "Zweite"]
    stored = service.periods(council.id)
    assert period_on(stored, date(2027, 9, 24)) == first
    assert period_on(stored, date(2040, 1, 1)) == later
    assert period_on(stored, date(2024, 9, 24)) is None

    changed = service.update(replace(first, name="Erste Berufungsperiode"))
    service.delete(changed)

    assert service.periods(council.id) == [later]
    assert _summaries(database) == [
        "Berufungsperiode „Zweite“ angelegt",
        f"Berufungsperiode „{FIRST.name}“ angelegt",
        "Berufungsperiode „Erste Berufungsperiode“ geändert",
        "Berufungsperiode „Erste Berufungsperiode“ gelöscht",
    ]


@pytest.mark.parametrize(
    ("draft", "field", "words"),
    [
        (replace(FIRST, name="   "), "name", "einen Namen"),
        (replace(FIRST, name="B" * 101), "name", "höchstens 100 Zeichen"),
        (replace(FIRST, name="Periode\u202e2024"), "name", "Steuerzeichen"),
        (replace(FIRST, name="Periode\n2024"), "name", "in einer Zeile"),
        (replace(FIRST, end=date(2024, 9, 24)), "end", "liegt vor dem Beginn"),
        (replace(FIRST, start=date(1024, 9, 25)), "start", "zwischen 1900 und 2100"),
    ],
)
def test_a_bad_period_is_refused_in_german_and_nothing_is_stored(
    service, council, database, draft, field, words
) -> None:
    with pytest.raises(ValidationError) as refused:
        service.add(council.id, draft)

    assert any(p.field == field and words in p.message for p in refused.value.problems)
    assert service.periods(council.id) == []
    assert _summaries(database) == []


def test_overlapping_periods_of_one_council_are_refused_naming_the_other(
    service, council, settings_service
) -> None:
    first = service.add(council.id, FIRST)
    open_one = AppointmentPeriod(None, "Neu", date(2027, 9, 24))  # shares the last day

    with pytest.raises(ValidationError) as refused:
        service.add(council.id, open_one)

    (problem,) = refused.value.problems
    assert f"„{FIRST.name}“ (25.09.2024 bis 24.09.2027)" in problem.message
    second = service.add(council.id, replace(open_one, start=date(2027, 9, 25)))
    with pytest.raises(ValidationError):  # the first one stretched into the second
        service.update(replace(first, end=None))
    assert service.periods(council.id) == [first, second]
    # another council's periods are its own
    other = settings_service.create_council(CouncilSettings(None, "Beirat", "Wismar"))
    assert service.add(other.id, FIRST).name == FIRST.name


def test_a_period_overlapping_two_is_refused_in_one_message_naming_both(service, council):
    """(found by a tester) The form showed the same refusal twice, once per period."""
    service.add(council.id, FIRST)
    service.add(council.id, AppointmentPeriod(None, "Zweite", date(2027, 9, 25)))

    with pytest.raises(ValidationError) as refused:
        service.add(council.id, AppointmentPeriod(None, "Quer", date(2027, 1, 1), date(2028, 1, 1)))

    assert [p.message for p in refused.value.problems] == [
        f"Die Berufungsperiode überschneidet sich mit „{FIRST.name}“ (25.09.2024 bis "
        "24.09.2027) und „Zweite“ (ab 25.09.2027). Die Berufungsperioden eines Gremiums "
        "dürfen sich nicht überschneiden."
    ]


def test_a_period_changed_on_another_pc_meanwhile_is_not_overwritten(service, council) -> None:
    first = service.add(council.id, FIRST)
    service.update(replace(first, name="Am anderen PC"))

    with pytest.raises(ConcurrentEditError):
        service.update(replace(first, name="Hier"))
    with pytest.raises(ConcurrentEditError):
        service.delete(first)
    assert [p.name for p in service.periods(council.id)] == ["Am anderen PC"]


def test_the_roster_names_the_period_of_its_day(
    service, members_service, council, new_member, today
) -> None:
    members_service.save(council.id, new_member("Jörg", "Brüggemann"), today)
    service.add(council.id, replace(FIRST, end=today - timedelta(days=1)))
    service.add(council.id, AppointmentPeriod(None, "Zweite & <Periode>", today))

    def roster_text(day: date) -> str:
        rendered = members_service.roster_pdf(
            council.id, public=False, grouping=RosterGrouping.ALPHABETICAL, today=day
        )
        pages = PdfReader(io.BytesIO(rendered.pdf)).pages
        return " ".join("".join(page.extract_text() for page in pages).split())

    assert f"Zweite & <Periode> (ab {today:%d.%m.%Y}) · 1 Mitglied" in roster_text(today)
    earlier = roster_text(today - timedelta(days=1))
    assert "Berufungsperiode 2024–2027 (25.09.2024 bis " in earlier
    assert "Zweite" not in earlier
    assert "Berufungsperiode" not in roster_text(date(2024, 9, 24))


def test_two_periods_of_one_council_may_not_share_a_name(service, council, settings_service):
    """(found by a tester) They became two OParl terms of one name."""
    first = service.add(council.id, FIRST)

    with pytest.raises(ValidationError) as refused:
        service.add(council.id, AppointmentPeriod(None, FIRST.name.upper(), date(2027, 9, 25)))

    (problem,) = refused.value.problems
    assert problem.field == "name"
    assert problem.message.endswith("gibt es schon. Bitte geben Sie dieser einen anderen Namen.")
    assert service.update(replace(first, name=FIRST.name.lower())).name == FIRST.name.lower()
    other = settings_service.create_council(CouncilSettings(None, "Beirat", "Wismar"))
    assert service.add(other.id, FIRST).name == FIRST.name
