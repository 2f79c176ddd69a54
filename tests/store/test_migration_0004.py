"""Migration 0004 on SQLite and PostgreSQL: a filled database before it keeps every row,
its conversions are right, timestamps end up in UTC and the CHECK constraints hold."""

from __future__ import annotations

import time
import uuid
from datetime import date, datetime

import pytest
from migration_scripts import script_directory
from old_schema import add_row
from sqlalchemy import Connection, MetaData, exc, func, select, text, update
from sqlalchemy.engine import URL

from expertenrat.store import migrate, models
from expertenrat.store.engine import make_engine

# The revision just before 0004 (0003 once the consent ledger is there).
BEFORE = script_directory().get_revision("0004").down_revision
WINTER = datetime(2025, 1, 15, 12, 0)  # Europe/Berlin: UTC+1
SUMMER = datetime(2025, 7, 15, 12, 0)  # Europe/Berlin: UTC+2


def _fill(connection: Connection) -> dict[str, int]:
    """A council as a database before 0004 holds it, with everything 0004 converts."""
    ids: dict[str, int] = {}
    council = ids["council"] = add_row(
        connection,
        "councils",
        name="Expert*innenrat",
        city="Rostock",
        created=WINTER,
        modified=SUMMER,
    )
    other_council = add_row(connection, "councils", name="Beirat", city="Wismar")
    field = add_row(connection, "action_fields", council_id=council, name="Stadtdaten")
    anna = add_row(connection, "persons", given_name="Anna", family_name="Berg", sector="research")
    ben = add_row(connection, "persons", given_name="Ben", family_name="Özdemir")
    cem = add_row(connection, "persons", given_name="Cem", family_name="Yılmaz")
    # Anna chairs twice: a first term ending 2024, a second from 2025; and a third council.
    add_row(
        connection,
        "memberships",
        council_id=council,
        person_id=anna,
        role="chair",
        term_start=date(2022, 1, 1),
        term_end=date(2024, 12, 31),
    )
    ids["anna_2025"] = add_row(
        connection,
        "memberships",
        council_id=council,
        person_id=anna,
        role="chair",
        term_start=date(2025, 1, 1),
    )
    add_row(
        connection,
        "memberships",
        council_id=other_council,
        person_id=anna,
        term_start=date(2025, 1, 1),
    )
    ids["ben"] = add_row(
        connection, "memberships", council_id=council, person_id=ben, term_start=date(2025, 1, 1)
    )
    ids["cem"] = add_row(
        connection,
        "memberships",
        council_id=council,
        person_id=cem,
        term_start=date(2025, 1, 1),
        voting_right=False,
    )
    ids["project"] = add_row(
        connection,
        "projects",
        council_id=council,
        title="Urbane Datenplattform",
        action_field_id=field,
        partners="Universität Rostock\n\n  Stadtwerke Rostock AG  \nهيئة المياه & Co <KG>\n",
    )
    ids["bare_project"] = add_row(connection, "projects", council_id=council, title="Ohne Partner")
    ids["meeting"] = add_row(
        connection,
        "meetings",
        council_id=council,
        number=1,
        starts_at=datetime(2025, 3, 15, 16, 0),
        state="held",
        chair_person_id=anna,
    )
    ids["unchaired"] = add_row(
        connection, "meetings", council_id=council, number=2, starts_at=datetime(2025, 6, 15, 16, 0)
    )
    # Positions as old code wrote them: one running sequence over the whole agenda.
    for position, number in enumerate(["1", "2", "2.1", "2.2", "3"]):
        ids[f"item {number}"] = add_row(
            connection,
            "agenda_items",
            meeting_id=ids["meeting"],
            number=number,
            position=position,
            title=f"TOP {number}",
        )
    ids["other item 2"] = add_row(
        connection, "agenda_items", meeting_id=ids["unchaired"], number="2", title="Anderes"
    )
    ids["late_ben"] = add_row(
        connection,
        "attendances",
        meeting_id=ids["meeting"],
        membership_id=ids["ben"],
        from_item="2.1",
        until_item="3",
    )
    ids["cem_unknown_item"] = add_row(
        connection,
        "attendances",
        meeting_id=ids["meeting"],
        membership_id=ids["cem"],
        from_item="9",
        until_item="",
    )
    ids["anna_attends"] = add_row(
        connection, "attendances", meeting_id=ids["meeting"], membership_id=ids["anna_2025"]
    )
    for reason in ("Partnerin", "", "Partnerin", "Arbeitgeber"):
        add_row(
            connection,
            "conflicts_of_interest",
            agenda_item_id=ids["item 2.1"],
            membership_id=ids["ben"],
            reason=reason,
        )
    add_row(
        connection, "conflicts_of_interest", agenda_item_id=ids["item 3"], membership_id=ids["ben"]
    )
    ids["recommendation"] = add_row(
        connection,
        "recommendations",
        council_id=council,
        code="E-2025-01",
        title="Offene Schnittstellen",
        adopted_on=date(2025, 3, 15),
    )
    add_row(
        connection,
        "recommendation_status_changes",
        recommendation_id=ids["recommendation"],
        changed_at=SUMMER,
        to_status="adopted",
    )
    minutes = add_row(connection, "minutes_versions", meeting_id=ids["meeting"])
    add_row(
        connection,
        "objections",
        minutes_version_id=minutes,
        raised_by="Ben Özdemir",
        raised_on=date(2025, 4, 1),
        text="TOP 2.1 fehlt",
    )
    add_row(connection, "votes", agenda_item_id=ids["item 2.1"], yes=3)
    add_row(
        connection,
        "consent_entries",
        person_id=anna,
        kind="name",
        granted=True,
        source="form",
        recorded_at=WINTER,
    )
    ids["audit"] = add_row(
        connection, "audit_entries", at=WINTER, actor="anna", action="update", entity="member"
    )
    return ids


def _migrate_filled(url: URL, *, berlin_server: bool) -> tuple[dict[str, int], dict[str, int]]:
    """Fill a database at the revision before 0004, upgrade it; return ids and row counts."""
    if berlin_server and url.get_backend_name() == "postgresql":
        engine = make_engine(url)
        with engine.connect() as connection:
            connection.execute(
                text(f"ALTER DATABASE {url.database} SET timezone TO 'Europe/Berlin'")
            )
            connection.commit()
        engine.dispose()
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            ids = _fill(connection)
        with engine.connect() as connection:
            counts = _counts(connection)
    finally:
        engine.dispose()
    migrate.upgrade(url)
    return ids, counts


def _counts(connection: Connection) -> dict[str, int]:
    metadata = MetaData()
    metadata.reflect(connection)
    return {
        name: connection.scalar(select(func.count()).select_from(table))
        for name, table in metadata.tables.items()
        if name != "alembic_version"
    }


def _read(url: URL, query):
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(query).all()
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def migrated(module_database_at):
    """One filled database per backend, migrated to head while this machine's local zone
    and (on PostgreSQL) the server's zone are Europe/Berlin; the tests only read it."""
    url = module_database_at(BEFORE)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "Europe/Berlin")
        time.tzset()
        try:
            ids, counts = _migrate_filled(url, berlin_server=True)
        finally:
            patch.undo()
            time.tzset()
    return url, ids, counts


def test_no_row_is_lost_but_duplicated_conflicts(migrated):
    url, _ids, before = migrated
    engine = make_engine(url)
    with engine.connect() as connection:
        after = _counts(connection)
    engine.dispose()

    expected = dict(before, conflicts_of_interest=2, project_partners=3)
    expected.update(files=0, text_templates=0)  # created empty by 0006
    expected.update(recommendation_projects=0, recommendation_responses=0)  # by 0007
    expected.update(agenda_templates=before["councils"] * 5)  # 0010: the 5 standard ones each
    expected.update(retired_recommendation_codes=0)  # 0019: nothing retired in these rows
    expected.update(late_invitations=0)  # 0026: no invitation sent on in these rows
    expected.update(appointment_periods=0)  # 0029: no period recorded before
    expected.update(written_procedures=0)  # 0039: no written procedure recorded before
    expected.update(election_candidates=0)  # 0040: no election recorded before
    assert after == expected


def test_duplicated_conflicts_are_merged_with_their_reasons(migrated):
    url, ids, _ = migrated
    rows = _read(
        url,
        select(
            models.ConflictOfInterest.agenda_item_id,
            models.ConflictOfInterest.reason,
            models.ConflictOfInterest.origin,
            models.ConflictOfInterest.decision,
        ).order_by(models.ConflictOfInterest.id),
    )

    assert [tuple(r) for r in rows] == [
        (ids["item 2.1"], "Partnerin\nArbeitgeber", "declared", "recused"),
        (ids["item 3"], "", "declared", "recused"),
    ]


def test_partners_text_becomes_rows_in_order(migrated):
    url, ids, _ = migrated
    rows = _read(
        url,
        select(models.ProjectPartner.project_id, models.ProjectPartner.name).order_by(
            models.ProjectPartner.project_id, models.ProjectPartner.position
        ),
    )

    assert [tuple(r) for r in rows] == [
        (ids["project"], "Universität Rostock"),
        (ids["project"], "Stadtwerke Rostock AG"),
        (ids["project"], "هيئة المياه & Co <KG>"),
    ]


def test_chair_person_becomes_the_membership_whose_term_covers_the_meeting(migrated):
    url, ids, _ = migrated
    rows = _read(
        url, select(models.Meeting.id, models.Meeting.chair_membership_id).order_by("number")
    )

    assert [tuple(r) for r in rows] == [
        (ids["meeting"], ids["anna_2025"]),
        (ids["unchaired"], None),
    ]


def test_sub_items_get_their_parent_and_positions_count_per_parent(migrated):
    url, ids, _ = migrated
    rows = _read(
        url,
        select(models.AgendaItem.number, models.AgendaItem.parent_id, models.AgendaItem.position)
        .where(models.AgendaItem.meeting_id == ids["meeting"])
        .order_by(models.AgendaItem.id),
    )

    assert [tuple(r) for r in rows] == [
        ("1", None, 0),
        ("2", None, 1),
        ("2.1", ids["item 2"], 0),
        ("2.2", ids["item 2"], 1),
        ("3", None, 2),
    ]


def test_attendance_items_become_ids_within_the_meeting(migrated):
    url, ids, _ = migrated
    rows = _read(
        url,
        select(
            models.Attendance.id,
            models.Attendance.arrived_item_id,
            models.Attendance.left_item_id,
            models.Attendance.voting_right,
        ).order_by(models.Attendance.id),
    )

    assert [tuple(r) for r in rows] == [
        (ids["late_ben"], ids["item 2.1"], ids["item 3"], True),
        (ids["cem_unknown_item"], None, None, False),  # "9" is no item; voting right copied
        (ids["anna_attends"], None, None, True),
    ]


def test_public_ids_and_calendar_uids_are_unique_uuids(migrated):
    url, _, _ = migrated
    values = []
    for model in (
        models.Person,
        models.Membership,
        models.Project,
        models.Meeting,
        models.AgendaItem,
        models.Recommendation,
        models.MinutesVersion,
    ):
        values += [row[0] for row in _read(url, select(model.public_id))]
    values += [row[0] for row in _read(url, select(models.Meeting.uid))]

    assert len(values) == 3 + 5 + 2 + 2 + 6 + 1 + 1 + 2
    assert len(set(values)) == len(values)
    assert all(uuid.UUID(value).version == 4 for value in values)


def test_new_columns_have_their_defaults(migrated):
    url, ids, _ = migrated
    council = _read(
        url,
        select(models.Council.bundesland, models.Council.time_zone).where(
            models.Council.id == ids["council"]
        ),
    )
    meeting = _read(
        url,
        select(
            models.Meeting.cancellation_reason,
            models.Meeting.ics_sequence,
            models.Meeting.deleted_at,
        ).where(models.Meeting.id == ids["meeting"]),
    )
    project = _read(
        url, select(models.Project.short_code).where(models.Project.id == ids["project"])
    )

    assert [tuple(council[0]), tuple(meeting[0]), tuple(project[0])] == [
        ("DE-MV", "Europe/Berlin"),
        ("", 0, None),
        ("",),
    ]


def test_timestamps_are_utc_afterwards(migrated):
    """PostgreSQL's server-local created/modified (here Europe/Berlin) become UTC, SQLite's
    were UTC already; the audit's and status changes' local times become UTC on both."""
    url, ids, _ = migrated
    council = _read(
        url,
        select(models.Council.created, models.Council.modified).where(
            models.Council.id == ids["council"]
        ),
    )[0]
    audit = _read(url, select(models.AuditEntry.at))[0][0]
    changed = _read(url, select(models.RecommendationStatusChange.changed_at))[0][0]

    if url.get_backend_name() == "postgresql":
        assert tuple(council) == (datetime(2025, 1, 15, 11, 0), datetime(2025, 7, 15, 10, 0))
    else:
        assert tuple(council) == (WINTER, SUMMER)
    assert (audit, changed) == (datetime(2025, 1, 15, 11, 0), datetime(2025, 7, 15, 10, 0))


def test_new_rows_get_utc_timestamps_on_both_databases(database):
    """The models set created/modified in Python, in UTC, whatever the server's zone."""
    before = models.utc_now()
    with database.transaction() as session:
        council = models.Council(name="Rat", city="Güstrow")
        session.add(council)
        session.flush()
        created = council.created
    after = models.utc_now()

    assert before <= created <= after


# --- CHECK constraints -------------------------------------------------------------------

_BAD_VALUES = [
    (models.Council, "quorum_rule", "most"),
    (models.Council, "notice_period_days", -1),
    (models.Council, "response_period_months", 25),
    (models.Person, "sector", "church"),
    (models.Membership, "role", "boss"),
    (models.Project, "phase", "dreaming"),
    (models.Meeting, "state", "postponed"),
    (models.Meeting, "kind", "party"),
    (models.Meeting, "ics_sequence", -1),
    (models.AgendaItem, "kind", "gossip"),
    (models.AgendaItem, "planned_minutes", -5),
    (models.Attendance, "status", "asleep"),
    (models.ConflictOfInterest, "origin", "rumour"),
    (models.ConflictOfInterest, "decision", "maybe"),
    (models.Vote, "yes", -1),
    (models.Vote, "no", -1),
    (models.Vote, "abstain", -1),
    (models.Vote, "recused", -1),
    (models.Recommendation, "status", "forgotten"),
    (models.Recommendation, "kind", "order"),
    (models.RecommendationStatusChange, "kind", "gossip"),
    (models.MinutesVersion, "state", "burnt"),
    (models.Objection, "state", "pending"),
    (models.ConsentEntry, "kind", "soul"),
    (models.ConsentEntry, "source", "rumour"),
]


def test_check_constraints_refuse_bad_states_after_the_migration(migrated):
    """Each bad value is refused; the transaction is rolled back, the data stays as it was."""
    url, _, _ = migrated
    engine = make_engine(url)
    refused = []
    try:
        for model, column, value in _BAD_VALUES:
            table = model.__table__
            with engine.connect() as connection:
                if connection.scalar(select(func.count()).select_from(table)) == 0:
                    raise AssertionError(f"no row in {table.name} to test {column} on")
                try:
                    connection.execute(update(table).values({column: value}))
                    connection.commit()
                except exc.IntegrityError:
                    connection.rollback()
                    refused.append((table.name, column))
    finally:
        engine.dispose()

    assert refused == [(m.__table__.name, c) for m, c, _ in _BAD_VALUES]


def test_check_constraints_accept_every_value_of_the_domain_enums(database):
    """The enums are the single source of the lists: each of their values is accepted."""
    from expertenrat.domain.enums import MeetingState

    with database.transaction() as session:
        council = models.Council(name="Rat", city="Rostock")
        session.add(council)
        session.flush()
        for number, state in enumerate(MeetingState, start=1):
            session.add(
                models.Meeting(
                    council_id=council.id,
                    number=number,
                    starts_at=datetime(2026, 1, number, 16, 0),
                    state=state.value,
                )
            )
        session.flush()
        assert session.scalar(select(func.count(models.Meeting.id))) == len(MeetingState)


def test_the_lists_frozen_in_0004_are_those_of_the_domain_enums():
    """The enums are the single source; 0004 wrote their values out. A new value needs a
    migration that changes the CHECK (and this test then compares with that one)."""
    from expertenrat.domain import enums

    frozen = script_directory().get_revision("0004").module
    pairs = {
        "SECTORS": enums.Sector,
        "MEMBER_ROLES": enums.MemberRole,
        "PROJECT_PHASES": enums.ProjectPhase,
        "QUORUM_RULES": enums.QuorumRule,
        "MEETING_KINDS": enums.MeetingKind,
        "MEETING_STATES": enums.MeetingState,
        "AGENDA_ITEM_KINDS": enums.AgendaItemKind,
        "ATTENDANCE_STATUSES": enums.AttendanceStatus,
        "CONFLICT_ORIGINS": enums.ConflictOrigin,
        "CONFLICT_DECISIONS": enums.ConflictDecision,
        "MINUTES_STATES": enums.MinutesState,
        "OBJECTION_STATES": enums.ObjectionState,
        "CONSENT_KINDS": enums.ConsentKind,
        "CONSENT_SOURCES": enums.ConsentSource,
    }

    for name, enum in pairs.items():
        assert getattr(frozen, name) == tuple(member.value for member in enum), name


def test_the_lists_frozen_in_0007_are_those_of_the_domain_enums():
    """0007 replaced the recommendations' lists (see the test above)."""
    from expertenrat.domain import enums

    frozen = script_directory().get_revision("0007").module
    pairs = {
        "RECOMMENDATION_KINDS": enums.RecommendationKind,
        "RECOMMENDATION_STATUSES": enums.RecommendationStatus,
        "RESPONSE_VERDICTS": enums.ResponseVerdict,
        "HISTORY_KINDS": enums.HistoryKind,
    }

    for name, enum in pairs.items():
        assert getattr(frozen, name) == tuple(member.value for member in enum), name
