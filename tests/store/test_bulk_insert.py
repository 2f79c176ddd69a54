"""The bulk INSERT stores exactly what SQLAlchemy's own insert stores, on both databases."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import exc, insert, select

from expertenrat.store import models
from expertenrat.store.bulk_insert import insert_rows

NOW = datetime(2026, 11, 27, 9, 30, 15, 123456)


def person(n: int) -> dict:
    return {
        "id": 1000 + n,
        "given_name": f"Zoë {n}",
        "family_name": "Çelik-O'Brien & <Co> 🚀",
        "title": "",
        "form_of_address": "",
        "affiliation": "",
        "position": "",
        "sector": "research",
        "email": "" if n % 2 else f"zoe{n}@example.org",
        "phone": "",
        "postal_address": "",
        "notes": "",
        "publish_name": bool(n % 2),
        "publish_name_on": date(2026, 1, n + 1) if n % 2 else None,
        "publish_contact": False,
        "publish_contact_on": None,
        "public_id": f"00000000-0000-4000-8000-{n:012d}",
        "version": 1,
        "created": NOW,
        "modified": NOW,
    }


def stored(database, ids: range) -> list[tuple]:
    table = models.Person.__table__
    with database.engine.connect() as connection:
        rows = connection.execute(select(table).where(table.c.id.in_(ids)).order_by(table.c.id))
        return [tuple(row)[1:] for row in rows]  # without the id


def test_the_rows_read_back_as_sqlalchemys_insert_writes_them(database) -> None:
    table = models.Person.__table__
    with database.engine.begin() as connection:
        connection.execute(insert(table), [person(n) for n in range(4)])
        insert_rows(
            connection,
            table,
            [
                person(n) | {"id": 2000 + n, "public_id": f"00000000-0000-4000-9000-{n:012d}"}
                for n in range(4)
            ],
        )

    by_sqlalchemy = stored(database, range(1000, 1004))
    by_bulk = stored(database, range(2000, 2004))
    assert len(by_bulk) == 4
    public_id = [c.name for c in table.c][1:].index("public_id")
    assert [r[:public_id] + r[public_id + 1 :] for r in by_bulk] == [
        r[:public_id] + r[public_id + 1 :] for r in by_sqlalchemy
    ]


def test_rows_without_a_defaulted_column_or_of_other_shapes_are_refused(database) -> None:
    table = models.Person.__table__
    lacking = person(1)
    del lacking["created"]
    with database.engine.begin() as connection:
        with pytest.raises(ValueError, match="lack created"):
            insert_rows(connection, table, [lacking])
        with pytest.raises(ValueError, match="differ in their columns"):
            insert_rows(connection, table, [person(1), lacking])
        insert_rows(connection, table, [])  # nothing to do
    assert stored(database, range(1000, 1010)) == []


@pytest.mark.parametrize("database", ["postgresql"], indirect=True)
def test_a_value_too_long_for_its_column_is_refused_not_cut(database) -> None:
    """PostgreSQL gets the rows as arrays: a cast to the column's length would cut."""
    too_long = person(1) | {"given_name": "Z" * 201}
    with pytest.raises(exc.DataError), database.engine.begin() as connection:
        insert_rows(connection, models.Person.__table__, [person(2), too_long])
    assert stored(database, range(1000, 1010)) == []
