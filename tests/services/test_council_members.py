"""council_members reads a council's members with plain selects: the same members that
member_from_rows makes of the ORM records, in the order of their sort names."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select

from expertenrat.domain.enums import MemberRole, Sector
from expertenrat.domain.members import Member
from expertenrat.services.member_rows import council_members, member_from_rows, membership_rows
from expertenrat.store import models


def _assert_same_as_orm(database, council_id: int) -> list[Member]:
    with database.reading() as session:
        read = council_members(session, council_id)
    with database.reading() as session:
        orm = [member_from_rows(r) for r in membership_rows(session, council_id).values()]
    assert read
    assert sorted(read, key=lambda m: m.id) == sorted(orm, key=lambda m: m.id)
    assert [m.sort_name for m in read] == sorted(m.sort_name for m in orm)
    for member in read:  # the same types too (a bool, not SQLite's 1; enums, dates)
        assert [type(getattr(member, f)) for f in Member.__slots__] == [
            type(getattr(orm_member, f))
            for orm_member in orm
            if orm_member.id == member.id
            for f in Member.__slots__
        ]
    return read


def test_the_demo_council_reads_as_with_the_orm(demo_database):
    with demo_database.reading() as session:
        council_ids = session.scalars(select(models.Council.id)).all()
    for council_id in council_ids:
        _assert_same_as_orm(demo_database, council_id)


def test_odd_values_read_as_with_the_orm(database, members_service, council, fields, today):
    ids = [f.id for f in fields.values()]
    first = members_service.save(
        council.id,
        Member(
            None,
            "Zoë 🌻",
            "Öztürk-Łukasiewicz",
            title="Prof. Dr.",
            form_of_address="Frau",
            affiliation="Café „Über“ & <Söhne>",
            position="'; DROP TABLE persons; --",
            sector=Sector.RESEARCH,
            email="zoe@example.org",
            phone="+49 381 498 0",
            postal_address="Straße 1\n18055 Rostock",
            notes="Notiz 😀\nzweite Zeile",
            role=MemberRole.CHAIR,
            term_start=date(2020, 1, 1),
            term_end=date(2024, 12, 31),
            voting_right=False,
            primary_field_id=ids[0],
            further_field_ids=tuple(ids[1:]),
            publish_name=True,
            publish_name_on=date(2020, 2, 2),
            publish_contact=True,
            publish_contact_on=None,
        ),
        today,
    )
    members_service.save(  # a second membership of the same person, still running
        council.id,
        replace(first, id=None, term_start=date(2025, 1, 1), term_end=None, version=0),
        today,
    )
    members_service.save(
        council.id,
        Member(None, "anna", "berg", term_start=date(2025, 1, 1), primary_field_id=ids[1]),
        today,
    )
    members_service.save(
        council.id,
        Member(None, "Anna", "Berg", term_start=date(2025, 1, 1), primary_field_id=ids[2]),
        today,
    )

    read = _assert_same_as_orm(database, council.id)

    assert len(read) == 4
    assert {m.further_field_ids for m in read} == {tuple(sorted(ids[1:])), ()}
