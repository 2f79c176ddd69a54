"""The bulk INSERT stores exactly what SQLAlchemy's own insert stores, on both databases."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    Table,
    Time,
    exc,
    func,
    insert,
    select,
)
from sqlalchemy.engine import URL

from expertenrat.store import bulk_insert, models
from expertenrat.store.bulk_insert import insert_rows, insert_value_rows, written_behind
from expertenrat.store.engine import make_engine

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


def test_dates_and_times_are_stored_in_sqlalchemys_sqlite_text() -> None:
    """The stored text itself, not only the values read back: SQLite compares text."""
    table = Table(
        "moments",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("on", Date),
        Column("at", DateTime),
        Column("clock", Time),
    )
    values = [
        (date(2026, 3, 10), datetime(2026, 3, 10, 16, 0), time(16, 0)),
        (date(5, 1, 2), datetime(2026, 3, 10, 16, 0, 5, 7), time(23, 59, 59, 999999)),
        (None, datetime(2026, 3, 10, 16, 0, tzinfo=UTC), time(9, 30, tzinfo=UTC)),
        (date(2026, 3, 10), date(2026, 3, 11), None),  # a date where a timestamp belongs
    ]
    engine = make_engine(URL.create("sqlite"))
    table.create(engine)
    with engine.begin() as connection:
        for offset, write in ((0, "insert"), (100, "rows"), (200, "value_rows")):
            rows = [[offset + n, *row] for n, row in enumerate(values)]
            named = [dict(zip(table.c.keys(), row, strict=True)) for row in rows]
            if write == "insert":
                connection.execute(insert(table), named)
            elif write == "rows":
                insert_rows(connection, table, named)
            else:
                insert_value_rows(connection, table, rows)
        text = connection.exec_driver_sql(
            'SELECT id % 100, "on", "at", "clock" FROM moments ORDER BY id'
        ).all()
    engine.dispose()
    assert text[0] == (0, "2026-03-10", "2026-03-10 16:00:00.000000", "16:00:00.000000")
    assert text[:4] == text[4:8] == text[8:]


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


def test_inserts_written_behind_land_in_order_and_the_first_error_is_raised(database) -> None:
    """On PostgreSQL a thread writes them; its error is raised here and nothing is kept."""
    table = models.Person.__table__
    with database.engine.begin() as connection, written_behind(connection) as write:
        write.insert(table, [person(1), person(2)])
        write.insert(table, [])
        count = write.query(lambda c: c.scalar(select(func.count()).select_from(table)))
        write.insert(table, [person(3)])
        assert count() == 2  # asked after the first insert, before the last

    written = stored(database, range(1000, 1010))
    assert len(written) == 3
    refused = pytest.raises(exc.IntegrityError, match="persons")
    with refused, database.engine.begin() as connection, written_behind(connection) as write:
        write.insert(table, [person(4)])
        write.insert(table, [person(5), person(4)])  # the same id again
        never = write.query(lambda c: c.scalar(select(1)))
        write.insert(table, [person(6)])
        never()  # skipped: it raises the insert's error
    assert stored(database, range(1000, 1010)) == written


@pytest.mark.parametrize("database", ["postgresql"], indirect=True)
def test_when_the_block_fails_the_writes_not_yet_begun_are_skipped(database, monkeypatch) -> None:
    table = models.Person.__table__
    started, release, ran = threading.Event(), threading.Event(), []

    def slow(connection):
        started.set()
        release.wait(30)

    cancel = bulk_insert._BackgroundWriter.cancel

    def cancel_then_release(writer) -> None:
        cancel(writer)
        release.set()  # the slow query ends only after the block has failed

    monkeypatch.setattr(bulk_insert._BackgroundWriter, "cancel", cancel_then_release)
    failed = pytest.raises(KeyError)
    with failed, database.engine.begin() as connection, written_behind(connection) as write:
        write.query(slow)
        write.insert(table, [person(1)])
        write.query(lambda c: ran.append("later"))
        assert started.wait(30)
        raise KeyError("the caller failed")
    assert ran == []
    assert stored(database, range(1000, 1010)) == []
