"""Retention: exactly the members gone longer than the period are anonymised."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from expertenrat.domain.councils import CouncilSettings
from expertenrat.services.audit_reading import AuditFilter, AuditService
from expertenrat.services.retention import RetentionService
from expertenrat.store.engine import sqlite_file
from expertenrat.store.models import ConsentEntry, Person

TODAY = date(2026, 11, 27)


def _member(members_service, new_member, name: str, end: date | None, council_id: int):
    member = new_member(
        "Kim",
        name,
        email=f"{name.lower()}@example.org",
        phone="0381 123",
        notes="privat: <&> 🙂",
        term_start=date(2022, 1, 1),
        term_end=end,
        publish_contact=True,
        publish_contact_on=date(2025, 2, 1),
    )
    return members_service.save(council_id, member, TODAY)


def _beirat_with_former_member(settings_service, members_service, new_member, name, end):
    """A new council "Digitalbeirat" and its former member "Kim ``name``" (until ``end``)."""
    beirat = settings_service.create_council(
        CouncilSettings(id=None, name="Digitalbeirat", city="Rostock")
    )
    field = settings_service.action_fields(beirat.id)[0].id
    member = new_member(
        "Kim",
        name,
        email=f"{name.lower()}@example.org",
        primary_field_id=field,
        term_start=date(2022, 1, 1),
        term_end=end,
    )
    return beirat, members_service.save(beirat.id, member, TODAY)


def test_exactly_the_members_past_the_period_are_anonymised(
    database, members_service, new_member, council, actor
):
    gone_long = _member(members_service, new_member, "Alt", date(2024, 11, 26), council.id)
    _member(members_service, new_member, "Jung", date(2024, 11, 28), council.id)
    active = _member(members_service, new_member, "Aktiv", None, council.id)
    service = RetentionService(database, actor)

    due = service.due(TODAY)
    assert [c.name for c in due] == ["Kim Alt"]
    assert due[0].left_on == date(2024, 11, 26)

    assert service.anonymise([c.person_id for c in due] + [active.person_id], TODAY) == 1

    with database.reading() as session:
        people = {p.family_name: p for p in session.scalars(select(Person))}
        old = people["Alt"]
        assert (old.given_name, old.email, old.phone, old.notes) == ("Kim", "", "", "")
        assert (old.publish_contact, old.publish_contact_on) == (False, None)
        ledger = select(func.count()).select_from(ConsentEntry)
        assert session.scalar(ledger.where(ConsentEntry.person_id == old.id)) == 0
        for name in ("Jung", "Aktiv"):
            kept = people[name]
            assert kept.email and kept.notes and kept.publish_contact_on == date(2025, 2, 1)
            assert session.scalar(ledger.where(ConsentEntry.person_id == kept.id)) >= 1
    assert service.due(TODAY) == []  # nothing left to anonymise
    trail = AuditService(database).entries("person", gone_long.person_id)
    assert trail[-1].summary == (  # (found by a tester) it said "email, phone, notes"
        "Anonymisiert nach Ablauf der Aufbewahrungsfrist (2 Jahre): E-Mail-Adresse, "
        "Telefonnummer, Notizen, Einwilligungen entfernt"
    )
    assert "alt@example.org" not in str(trail[-1])


def test_anonymising_takes_the_contact_data_out_of_the_audit_trail(
    database, members_service, new_member, council, actor
):
    """(found by a tester) The entries written when the member was added and changed kept
    e-mail, phone, notes and consent dates: the Änderungsprotokoll, its CSV export and
    every backup still had what the anonymisation had emptied."""
    gone = _member(members_service, new_member, "Alt", date(2024, 11, 26), council.id)
    gone = members_service.save(council.id, replace(gone, phone="0381 999"), TODAY)
    stays = _member(members_service, new_member, "Jung", date(2024, 11, 28), council.id)

    RetentionService(database, actor).anonymise([gone.person_id], TODAY)

    trail = AuditService(database)
    text = str([(e.before, e.after) for e in trail.entries("membership", gone.id)])
    for value in ("alt@example.org", "0381 123", "0381 999", "privat", "2025-02-01"):
        assert value not in text
    assert "'family_name': 'Alt'" in text  # the name stays, as in the minutes
    kept = trail.entries("membership", stays.id)[0].after
    assert (kept["email"], kept["publish_contact_on"]) == ("jung@example.org", "2025-02-01")


def test_members_gone_the_same_day_are_listed_in_reading_order(
    database, members_service, new_member, council, actor
):
    """Longest gone first; on the same day by name_sort_key: "von Hohenzollern" between
    Hoffmann and Huber, "Öztürk" before Zimmermann (SQL's family_name put them under V
    and, on PostgreSQL, after Z)."""
    families = ["Hoffmann", "von Hohenzollern", "Huber", "Öztürk", "Zimmermann"]
    for number, family in enumerate(reversed(families)):
        member = new_member(
            "Kim",
            family,
            email=f"m{number}@example.org",
            term_start=date(2022, 1, 1),
            term_end=date(2024, 6, 30),
        )
        members_service.save(council.id, member, TODAY)
    _member(members_service, new_member, "Zuerst", date(2024, 1, 31), council.id)

    due = RetentionService(database, actor).due(TODAY)

    assert [c.name for c in due] == ["Kim Zuerst", *(f"Kim {f}" for f in families)]


def test_a_period_of_one_year_is_named_in_the_singular_in_the_audit_trail(
    database, members_service, new_member, council, actor
):
    """(found by review) "Aufbewahrungsfrist (1 Jahre)"."""
    gone = _member(members_service, new_member, "Alt", date(2025, 6, 30), council.id)

    assert RetentionService(database, actor).anonymise([gone.person_id], TODAY, years=1) == 1

    trail = AuditService(database).entries("person", gone.person_id)
    assert trail[-1].summary.startswith("Anonymisiert nach Ablauf der Aufbewahrungsfrist (1 Jahr):")


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_anonymised_contact_data_leaves_no_trace_in_the_sqlite_file(
    database, members_service, new_member, council, actor, monkeypatch
):
    """(found by a tester) SQLite as Python brings it on Windows (built without
    SECURE_DELETE, unlike Debian's) leaves a changed or deleted value in the file's free
    space: the anonymised e-mail and phone stayed readable in the database file
    with any text editor, and in every daily copy made from it since."""
    plain_connect = sqlite3.dbapi2.connect

    def connect_as_on_windows(*args, **kwargs):
        connection = plain_connect(*args, **kwargs)
        connection.execute("PRAGMA secure_delete=OFF")
        return connection

    monkeypatch.setattr(sqlite3.dbapi2, "connect", connect_as_on_windows)
    database.engine.dispose()  # its next connections are made so
    gone = _member(members_service, new_member, "Alt", date(2024, 11, 26), council.id)
    gone = members_service.save(council.id, replace(gone, phone="0381 999"), TODAY)
    for number in range(12):  # the pages fill and split, as a council's years of work do
        _member(members_service, new_member, f"Neu{number}", None, council.id)

    RetentionService(database, actor).anonymise([gone.person_id], TODAY)
    database.engine.dispose()  # the write-ahead log goes into the file

    stored = sqlite_file(database.url).read_bytes()
    for value in (b"alt@example.org", b"0381 999"):
        assert value not in stored


def test_an_anonymisation_is_in_the_audit_trail_of_the_persons_council_only(
    database, members_service, new_member, settings_service, council, actor
):
    """The entry had no council: every council's Änderungsprotokoll listed the former
    member of another (the Digitalbeirat's beside the Expert*innenrat) (found by a tester)."""
    beirat, gone = _beirat_with_former_member(
        settings_service, members_service, new_member, "Alt", date(2024, 11, 26)
    )

    RetentionService(database, actor).anonymise([gone.person_id], TODAY)

    def anonymisations(council_id: int) -> list[str]:
        page = AuditService(database).search(AuditFilter(council_id, entity="person"))
        return [line.summary for line in page.lines if line.summary.startswith("Anonymisiert")]

    assert anonymisations(council.id) == []
    assert len(anonymisations(beirat.id)) == 1


def test_with_two_councils_each_person_due_names_the_council(
    database, members_service, new_member, settings_service, council, actor
):
    """A human on both councils is a record in each: the list named "Kim Alt" alone, the
    Digitalbeirat's record due while the same name sat on in the Expert*innenrat (found by a
    tester)."""
    _member(members_service, new_member, "Alt", date(2024, 11, 26), council.id)
    assert [c.councils for c in RetentionService(database, actor).due(TODAY)] == [""]
    _beirat_with_former_member(
        settings_service, members_service, new_member, "Berg", date(2024, 6, 30)
    )

    due = RetentionService(database, actor).due(TODAY)

    assert [(c.name, c.councils) for c in due] == [
        ("Kim Berg", "Digitalbeirat"),
        ("Kim Alt", "Smart City Expert*innenrat"),
    ]
