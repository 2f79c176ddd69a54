"""Alembic migrations on SQLite and PostgreSQL: build, tear down, rebuild, keep data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from migration_scripts import script_directory
from old_schema import add_row
from schema_reads import revision_of, table_names
from sqlalchemy import Connection, exc, func, insert, select, update
from sqlalchemy.engine import URL, Engine

from expertenrat.store import migrate, models, schema_revisions
from expertenrat.store.engine import make_engine

MODEL_TABLES = set(models.Base.metadata.tables)
# 0004 converts data in ways that cannot be undone (see its docstring): no downgrade.
LAST_REVERSIBLE = script_directory().get_revision("0004").down_revision

# Every table that refers to ``councils`` directly or through a chain of foreign keys,
# with the number of rows ``_fill_revision_0001`` puts into it.
CHILD_ROWS = {
    "action_fields": 2,
    "persons": 2,
    "memberships": 2,
    "membership_further_fields": 1,
    "projects": 1,
    "meeting_series": 1,
    "meetings": 2,
    "agenda_items": 2,
    "attendances": 2,
    "guests": 1,
    "conflicts_of_interest": 1,
    "votes": 1,
    "recommendations": 1,
    "recommendation_status_changes": 1,
    "minutes_versions": 1,
    "objections": 1,
}


def _add(connection: Connection, model: type[models.Base], **values: object) -> int:
    """Insert one row into the model's table as it is at the database's revision."""
    return add_row(connection, model.__tablename__, **values)


def _fill_revision_0001(connection: Connection) -> int:
    """A council with rows in every child table, as a 0001 database would hold them."""
    council = _add(connection, models.Council, name="Expert*innenrat", city="Rostock")
    field_a = _add(connection, models.ActionField, council_id=council, name="Stadtdaten")
    field_b = _add(connection, models.ActionField, council_id=council, name="Umwelt", position=1)
    anna = _add(connection, models.Person, given_name="Anna", family_name="Berg")
    ben = _add(connection, models.Person, given_name="Ben", family_name="Özdemir")
    membership_a = _add(
        connection,
        models.Membership,
        council_id=council,
        person_id=anna,
        role="chair",
        term_start=date(2025, 1, 1),
        primary_field_id=field_a,
    )
    membership_b = _add(
        connection,
        models.Membership,
        council_id=council,
        person_id=ben,
        term_start=date(2025, 1, 1),
        primary_field_id=field_b,
    )
    connection.execute(
        insert(models.MembershipFurtherField.__table__).values(
            membership_id=membership_a, action_field_id=field_b
        )
    )
    project = _add(
        connection,
        models.Project,
        council_id=council,
        title="Urbane Datenplattform",
        action_field_id=field_a,
    )
    series = _add(
        connection, models.MeetingSeries, council_id=council, rrule="FREQ=MONTHLY;INTERVAL=3"
    )
    first = _add(
        connection,
        models.Meeting,
        council_id=council,
        series_id=series,
        number=1,
        starts_at=datetime(2025, 3, 15, 16, 0),
        state="held",
        chair_person_id=anna,
    )
    second = _add(
        connection,
        models.Meeting,
        council_id=council,
        number=2,
        starts_at=datetime(2025, 6, 15, 16, 0),
    )
    item = _add(
        connection,
        models.AgendaItem,
        meeting_id=first,
        number="1",
        title="Datenplattform",
        project_id=project,
    )
    _add(connection, models.AgendaItem, meeting_id=second, number="1", title="Begrüßung")
    _add(connection, models.Attendance, meeting_id=first, membership_id=membership_a)
    _add(connection, models.Attendance, meeting_id=first, membership_id=membership_b)
    _add(connection, models.Guest, meeting_id=first, name="Henrike Vogt")
    _add(connection, models.ConflictOfInterest, agenda_item_id=item, membership_id=membership_b)
    _add(connection, models.Vote, agenda_item_id=item, yes=2)
    recommendation = _add(
        connection,
        models.Recommendation,
        council_id=council,
        code="E-2025-01",
        title="Offene Schnittstellen",
        action_field_id=field_a,
        project_id=project,
        origin_agenda_item_id=item,
        adopted_on=date(2025, 3, 15),
    )
    _add(
        connection,
        models.RecommendationStatusChange,
        recommendation_id=recommendation,
        changed_at=datetime(2025, 3, 15, 18, 0),
        to_status="adopted",
    )
    minutes = _add(
        connection,
        models.MinutesVersion,
        meeting_id=first,
        approved_in_meeting_id=second,
        state="approved",
    )
    _add(
        connection,
        models.Objection,
        minutes_version_id=minutes,
        raised_by="Ben Özdemir",
        raised_on=date(2025, 4, 1),
        text="TOP 1 unvollständig",
    )
    return council


def _row_counts(url: URL) -> dict[str, int]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return {
                name: connection.scalar(
                    select(func.count()).select_from(models.Base.metadata.tables[name])
                )
                for name in CHILD_ROWS
            }
    finally:
        engine.dispose()


def test_upgrade_of_an_empty_database_creates_every_table_and_records_the_head_revision(
    empty_url,
):
    """All migrations at once, in one transaction, as an upgrade from the first version
    would run them (the other tests start from a database at a revision between)."""
    migrate.upgrade(empty_url)

    assert table_names(empty_url) == MODEL_TABLES | {"alembic_version"}
    assert revision_of(empty_url) == schema_revisions.head_revision()


def test_downgrade_to_base_removes_every_table(database_at):
    url = database_at(LAST_REVERSIBLE)

    migrate.downgrade(url, "base")

    assert table_names(url) - {"alembic_version"} == set()
    assert revision_of(url) is None


def test_upgrade_after_downgrade_to_base_restores_the_full_schema(database_at):
    url = database_at(LAST_REVERSIBLE)
    migrate.downgrade(url, "base")

    migrate.upgrade(url)

    assert table_names(url) == MODEL_TABLES | {"alembic_version"}
    assert revision_of(url) == schema_revisions.head_revision()


def test_every_revision_up_to_0004_can_be_downgraded_and_upgraded_step_by_step(database_at):
    scripts = script_directory()
    revisions = [r.revision for r in scripts.iterate_revisions(LAST_REVERSIBLE, "base")]
    url = database_at(LAST_REVERSIBLE)

    for revision in revisions:  # newest first
        migrate.downgrade(url, "-1")
        migrate.upgrade(url, revision)
        migrate.downgrade(url, "-1")
    assert revision_of(url) is None

    migrate.upgrade(url)
    assert revision_of(url) == schema_revisions.head_revision()


@pytest.mark.parametrize("database_at", ["sqlite"], indirect=True)
def test_0004_cannot_be_downgraded_and_leaves_the_database_at_head(database_at):
    url = database_at("0004")

    with pytest.raises(NotImplementedError, match="Sicherung"):
        migrate.downgrade(url, "-1")

    assert revision_of(url) == "0004"
    assert "project_partners" in table_names(url)


@pytest.fixture(scope="module")
def upgraded_from_0001(module_database_at) -> Iterator[tuple[Engine, int]]:
    """A database at revision 0001 filled (:func:`_fill_revision_0001`), then upgraded to
    the head, once per backend for the module's tests that only read it (or try changes
    it must refuse): an engine on it and the council's id. The upgrade is tested itself
    by test_upgrade_that_rebuilds_councils_keeps_all_child_rows."""
    url = module_database_at("0001")
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            council = _fill_revision_0001(connection)
        migrate.upgrade(url)
        yield engine, council
    finally:
        engine.dispose()


def test_upgrade_that_rebuilds_councils_keeps_all_child_rows(engine_at):
    url, engine = engine_at("0001")
    with engine.begin() as connection:
        _fill_revision_0001(connection)
    before = _row_counts(url)
    assert before == CHILD_ROWS

    migrate.upgrade(url)

    assert revision_of(url) == schema_revisions.head_revision()
    assert _row_counts(url) == CHILD_ROWS


def test_upgrade_that_rebuilds_councils_keeps_the_council_itself(upgraded_from_0001):
    engine, council = upgraded_from_0001
    with engine.connect() as connection:
        row = connection.execute(
            select(models.Council.__table__).where(models.Council.id == council)
        ).one()
    assert (row.name, row.city, row.min_members, row.max_members, row.version) == (
        "Expert*innenrat",
        "Rostock",
        8,
        10,
        1,
    )


@pytest.mark.parametrize("module_database_at", ["sqlite"], indirect=True)
def test_upgrade_that_rebuilds_councils_leaves_no_dangling_foreign_keys(upgraded_from_0001):
    """SQLite only: PostgreSQL never lets a foreign key point into the void."""
    engine, _council = upgraded_from_0001
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_rebuilt_councils_table_still_guards_the_childrens_foreign_keys(upgraded_from_0001):
    """The rebuilt parent is the one the children's foreign keys point at."""
    engine, council = upgraded_from_0001
    with engine.begin() as connection:
        with pytest.raises(exc.IntegrityError), connection.begin_nested():
            connection.execute(
                insert(models.ActionField.__table__).values(
                    council_id=council + 1000, name="Ins Leere"
                )
            )
        assert (
            connection.scalar(select(func.count()).select_from(models.ActionField.__table__))
            == CHILD_ROWS["action_fields"]
        )


def test_check_constraint_after_upgrade_rejects_min_members_above_max(upgraded_from_0001):
    engine, council = upgraded_from_0001
    with pytest.raises(exc.IntegrityError), engine.begin() as connection:
        connection.execute(
            update(models.Council.__table__)
            .where(models.Council.id == council)
            .values(min_members=11, max_members=10)
        )
    with engine.connect() as connection:
        limits = connection.execute(
            select(models.Council.min_members, models.Council.max_members)
        ).one()
    assert tuple(limits) == (8, 10)


def test_revision_0001_has_no_member_limits_check(engine_at):
    """Proves the constraint test above checks what 0002 added, not what 0001 had."""
    url, engine = engine_at("0001")
    with engine.begin() as connection:
        _add(
            connection,
            models.Council,
            name="Rat",
            city="Wismar",
            min_members=11,
            max_members=10,
        )
    assert revision_of(url) == "0001"


def test_models_and_migrations_agree(engine_at):
    """What ``alembic check`` does: autogenerate against a migrated database finds nothing.

    Migrated: a new SQLite file opened by the program is built from the models.
    """
    _url, engine = engine_at("head")
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        differences = compare_metadata(context, models.Base.metadata)

    assert differences == []


def test_current_revision_of_an_unmigrated_database_is_none(empty_url):
    engine = make_engine(empty_url)
    try:
        with engine.connect() as connection:
            assert migrate.current_revision(connection) is None
    finally:
        engine.dispose()


def test_head_revision_is_known_and_an_invented_one_is_not():
    assert schema_revisions.is_known_revision(schema_revisions.head_revision())
    assert schema_revisions.is_known_revision("0001")
    assert not schema_revisions.is_known_revision("9999")


def test_the_quick_revision_reading_agrees_with_alembic():
    """Start-up reads revisions without Alembic; it must see what Alembic sees."""
    scripts = script_directory()
    assert schema_revisions.head_revision() == scripts.get_current_head()
    known = {script.revision for script in scripts.walk_revisions()}
    assert all(schema_revisions.is_known_revision(r) for r in known)
    assert not schema_revisions.is_known_revision("9999")


def _consent_rows(url: URL) -> list[tuple]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return [
                tuple(row)
                for row in connection.execute(
                    select(
                        models.ConsentEntry.person_id,
                        models.ConsentEntry.kind,
                        models.ConsentEntry.granted,
                        models.ConsentEntry.effective_on,
                        models.ConsentEntry.source,
                    ).order_by(models.ConsentEntry.person_id, models.ConsentEntry.kind)
                )
            ]
    finally:
        engine.dispose()


def _fill_consents_0002(url: URL) -> dict[str, int]:
    """Persons as a 0002 database (at ``url``) holds them: consent only in the persons'
    columns."""
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            return {
                "both": _add(
                    connection,
                    models.Person,
                    given_name="Anna",
                    family_name="Berg",
                    publish_name=True,
                    publish_name_on=date(2025, 1, 10),
                    publish_contact=False,
                    publish_contact_on=date(2025, 6, 1),
                ),
                "none": _add(connection, models.Person, given_name="Ben", family_name="Özdemir"),
                "undated": _add(
                    connection,
                    models.Person,
                    given_name="Chiara",
                    family_name="Rossi",
                    publish_contact=True,
                ),
            }
    finally:
        engine.dispose()


def test_upgrade_to_0003_turns_the_consent_columns_into_ledger_entries(database_at):
    url = database_at("0002")
    ids = _fill_consents_0002(url)

    migrate.upgrade(url, "0003")

    assert _consent_rows(url) == [
        (ids["both"], "contact", False, date(2025, 6, 1), "migration"),
        (ids["both"], "name", True, date(2025, 1, 10), "migration"),
        (ids["undated"], "contact", True, None, "migration"),
    ]


def test_upgrade_to_0003_keeps_the_consent_columns_as_the_current_state(database_at):
    url = database_at("0002")
    ids = _fill_consents_0002(url)

    migrate.upgrade(url, "0003")

    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            row = connection.execute(
                select(
                    models.Person.publish_name,
                    models.Person.publish_name_on,
                    models.Person.publish_contact,
                    models.Person.publish_contact_on,
                ).where(models.Person.id == ids["both"])
            ).one()
    finally:
        engine.dispose()
    assert tuple(row) == (True, date(2025, 1, 10), False, date(2025, 6, 1))


def test_downgrade_from_0003_keeps_the_current_consent(database_at):
    url = database_at("0002")
    ids = _fill_consents_0002(url)
    migrate.upgrade(url, "0003")

    migrate.downgrade(url, "0002")

    assert "consent_entries" not in table_names(url)
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            contact = connection.execute(
                select(models.Person.publish_contact).where(models.Person.id == ids["undated"])
            ).scalar()
    finally:
        engine.dispose()
    assert contact is True
