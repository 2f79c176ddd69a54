"""(found by a tester) SQLite gives a member saved after one deleted (entered by mistake)
the deleted one's person and membership numbers: the new member's Auskunft held the
audit entries of the deleted one (her creation with her name, her deletion), each
labelled with the new member's name, and took her name for a former one of his."""

from __future__ import annotations

from pdf_reading import text
from sqlalchemy import text as sql

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.members import Member
from expertenrat.services.context import Services


def _save(services: Services, council_id: int, today, **names) -> Member:
    field = services.settings.action_fields(council_id)[0].id
    member = Member(id=None, primary_field_id=field, term_start=today, **names)
    return services.members.save(council_id, member, today)


def _auskunft(services: Services, person_id: int, today) -> str:
    pdf = services.person_disclosure.disclosure_pdf(person_id, today).pdf
    return " ".join(text(pdf).split())


def _forget_the_numbers_given(database) -> None:
    """As SQLite before migration 0028 did: the next member gets the deleted one's numbers."""
    with database.engine.begin() as connection:
        connection.execute(
            sql("DELETE FROM sqlite_sequence WHERE name IN ('persons', 'memberships')")
        )


def test_the_auskunft_leaves_out_a_deleted_member_who_had_the_same_numbers(sqlite_database, today):
    services = Services.create(sqlite_database, "Geschäftsstelle")
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Beirat", city="Wismar")
    )
    first = _save(services, council.id, today, given_name="Jana", family_name="Petersen")
    services.members.delete(services.members.member(first.id), today=today)
    _forget_the_numbers_given(sqlite_database)
    second = _save(services, council.id, today, given_name="Max", family_name="Neumann")
    assert (second.id, second.person_id) == (first.id, first.person_id)  # as before 0028

    auskunft = _auskunft(services, second.person_id, today)

    assert "Mitglied Max Neumann angelegt" in auskunft
    assert "Petersen" not in auskunft


def test_a_membership_deleted_leaves_the_entries_of_the_person_s_other_one(sqlite_database, today):
    services = Services.create(sqlite_database, "Geschäftsstelle")
    councils = [
        services.settings.create_council(CouncilSettings(id=None, name=name, city="Wismar"))
        for name in ("Beirat", "Rat")
    ]
    kept = _save(services, councils[0].id, today, given_name="Ina", family_name="Lang")
    other = _save(
        services, councils[1].id, today, person_id=kept.person_id, given_name="Ina",
        family_name="Lang", person_version=kept.person_version,
    )  # fmt: skip
    assert other.person_id == kept.person_id
    services.members.delete(services.members.member(other.id), today=today)

    auskunft = _auskunft(services, kept.person_id, today)

    assert "Mitglied Ina Lang angelegt Vorname: Ina" in auskunft
    assert "Mitglied Ina Lang gelöscht" in auskunft
