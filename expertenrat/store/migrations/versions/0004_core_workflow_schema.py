"""The schema for the core workflow: meetings, agenda, attendance, conflicts, public ids, UTC

- agenda items: ``parent_id`` (2.1 under 2), a position unique per (meeting, parent),
  ``planned_minutes``; "4.1" items of old databases get their parent "4";
- attendance: arrival and departure name agenda items by id (``arrived_item_id``,
  ``left_item_id``) instead of the number strings ``from_item``/``until_item``, matched
  by number within the meeting; ``voting_right`` per meeting, taken from the membership;
- conflicts of interest: one per (agenda item, membership) — duplicates are merged into
  the oldest row, their reasons joined — with the screening decision;
- meetings: cancellation reason, calendar ``uid``, ``ics_sequence``, and the chair as a
  membership (the council's membership of the former chair person, preferring the one
  whose term covers the meeting day);
- projects: ``short_code`` (unique per council when given), partners as rows of
  ``project_partners`` (one per non-empty line of the old text);
- councils: ``bundesland`` and ``time_zone``;
- ``public_id`` (uuid4) on every record that leaves the app, ``deleted_at`` for tombstones;
- timestamps in UTC: on PostgreSQL ``created``/``modified`` were server-local (``now()``)
  and are converted from the server's time zone; on SQLite they were UTC already. The
  audit's ``at`` and the recommendation status changes' ``changed_at`` were local times
  of the PC on both databases and are converted with this machine's local time zone;
- CHECK constraints on every state string and on counts that cannot be negative.

The value lists are written out here on purpose: a migration must not change when the
domain enums change later.

There is no downgrade: the conversions (partners text to rows, item numbers to ids,
merged conflicts, local times to UTC) cannot be undone faithfully. Restore the backup that
is made before every upgrade instead.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

import uuid
from datetime import UTC

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SECTORS = ("research", "business", "civil_society", "administration", "other")
MEMBER_ROLES = ("chair", "vice_chair", "member")
PROJECT_PHASES = ("idea", "planning", "implementation", "operation", "completed")
QUORUM_RULES = ("more_than_half", "at_least_half", "two_thirds")
MEETING_KINDS = ("regular", "extraordinary", "constituent", "workshop")
MEETING_STATES = ("planned", "invited", "held", "cancelled")
AGENDA_ITEM_KINDS = (
    "formal",
    "minutes_approval",
    "report",
    "consultation",
    "resolution",
    "miscellaneous",
)
ATTENDANCE_STATUSES = ("present", "excused", "absent")
CONFLICT_ORIGINS = ("declared", "screening")
CONFLICT_DECISIONS = ("recused", "overruled")
RECOMMENDATION_KINDS = ("recommendation", "impulse")
RECOMMENDATION_STATUSES = (
    "adopted",
    "sent",
    "responded",
    "in_implementation",
    "closed",
    "withdrawn",
)
RESPONSE_KINDS = ("accepted", "partly", "rejected")
MINUTES_STATES = ("draft", "circulated", "approved")
OBJECTION_STATES = ("open", "accepted", "rejected")
CONSENT_KINDS = ("name", "contact")
CONSENT_SOURCES = ("form", "import", "demo", "migration")

PUBLIC_TABLES = (
    "persons",
    "memberships",
    "projects",
    "meetings",
    "agenda_items",
    "recommendations",
    "minutes_versions",
)
SOFT_DELETED_TABLES = (
    "persons",
    "memberships",
    "projects",
    "meetings",
    "agenda_items",
    "recommendations",
)
VERSIONED_TABLES = (
    "councils",
    "action_fields",
    "persons",
    "memberships",
    "projects",
    "meeting_series",
    "meetings",
    "agenda_items",
    "attendances",
    "guests",
    "conflicts_of_interest",
    "votes",
    "recommendations",
    "minutes_versions",
    "objections",
)


def _one_of(column: str, values: tuple[str, ...], *, nullable: bool = False) -> str:
    condition = f"{column} IN ({', '.join(repr(v) for v in values)})"
    return f"{column} IS NULL OR {condition}" if nullable else condition


def _new_uuid() -> str:
    return str(uuid.uuid4())


def upgrade() -> None:
    connection = op.get_bind()
    _timestamps_to_utc(connection)
    for name in PUBLIC_TABLES:
        _add_public_id(connection, name)
    for name in SOFT_DELETED_TABLES:
        op.add_column(name, sa.Column("deleted_at", sa.DateTime(), nullable=True))
    _councils()
    _persons_and_memberships()
    _projects(connection)
    _meetings(connection)
    _agenda_items(connection)
    _attendances(connection)
    _conflicts(connection)
    _recommendations_minutes_votes()


def downgrade() -> None:
    raise NotImplementedError(
        "Version 0004 der Datenbank lässt sich nicht zurückstufen. "
        "Bitte stellen Sie die Sicherung von vor der Aktualisierung wieder her."
    )


# --- time -------------------------------------------------------------------------------


def _timestamps_to_utc(connection: sa.Connection) -> None:
    if connection.dialect.name == "postgresql":
        # ``now()`` stored the server's local time; reinterpret it in the session's zone
        # (the server's, as nothing here sets another) and express it in UTC.
        for name in VERSIONED_TABLES:
            for column in ("created", "modified"):
                op.execute(
                    f"UPDATE {name} SET {column} = "
                    f"({column} AT TIME ZONE current_setting('TimeZone')) AT TIME ZONE 'UTC'"
                )
                op.alter_column(name, column, server_default=sa.text("(now() AT TIME ZONE 'UTC')"))
    _local_to_utc(connection, "audit_entries", "at")
    _local_to_utc(connection, "recommendation_status_changes", "changed_at")


def _local_to_utc(connection: sa.Connection, table_name: str, column: str) -> None:
    """Naive local times of this machine become naive UTC (DST decided per value)."""
    table = sa.table(table_name, sa.column("id", sa.Integer()), sa.column(column, sa.DateTime()))
    rows = connection.execute(sa.select(table.c.id, table.c[column])).all()
    changes = [
        {"row_id": row_id, "value": value.astimezone(UTC).replace(tzinfo=None)}
        for row_id, value in rows
        if value is not None
    ]
    if changes:
        connection.execute(
            table.update()
            .where(table.c.id == sa.bindparam("row_id"))
            .values({column: sa.bindparam("value")}),
            changes,
        )


# --- public ids --------------------------------------------------------------------------


def _fill_uuids(connection: sa.Connection, table_name: str, column: str) -> None:
    table = sa.table(table_name, sa.column("id", sa.Integer()), sa.column(column, sa.String()))
    ids = connection.execute(sa.select(table.c.id)).scalars().all()
    if ids:
        connection.execute(
            table.update()
            .where(table.c.id == sa.bindparam("row_id"))
            .values({column: sa.bindparam("value")}),
            [{"row_id": row_id, "value": _new_uuid()} for row_id in ids],
        )


def _add_public_id(connection: sa.Connection, table_name: str, column: str = "public_id") -> None:
    op.add_column(table_name, sa.Column(column, sa.String(length=36), nullable=True))
    _fill_uuids(connection, table_name, column)
    with op.batch_alter_table(table_name) as batch_op:
        batch_op.alter_column(column, existing_type=sa.String(length=36), nullable=False)
        batch_op.create_unique_constraint(op.f(f"uq_{table_name}_{column}"), [column])


# --- councils, persons, memberships ------------------------------------------------------


def _councils() -> None:
    with op.batch_alter_table("councils") as batch_op:
        batch_op.add_column(
            sa.Column("bundesland", sa.String(length=6), server_default="DE-MV", nullable=False)
        )
        batch_op.add_column(
            sa.Column(
                "time_zone", sa.String(length=60), server_default="Europe/Berlin", nullable=False
            )
        )
        batch_op.create_check_constraint("quorum_rule", _one_of("quorum_rule", QUORUM_RULES))
        for column in ("min_members", "notice_period_days", "response_period_days"):
            batch_op.create_check_constraint(f"{column}_not_negative", f"{column} >= 0")


def _persons_and_memberships() -> None:
    with op.batch_alter_table("persons") as batch_op:
        batch_op.create_check_constraint("sector", _one_of("sector", SECTORS))
    with op.batch_alter_table("memberships") as batch_op:
        batch_op.create_check_constraint("role", _one_of("role", MEMBER_ROLES))


# --- projects ----------------------------------------------------------------------------


def _projects(connection: sa.Connection) -> None:
    partners = op.create_table(
        "project_partners",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_partners_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_partners")),
        sa.UniqueConstraint("project_id", "position", name="uq_project_partners_position"),
    )
    op.create_index(
        op.f("ix_project_partners_project_id"), "project_partners", ["project_id"], unique=False
    )
    projects = sa.table("projects", sa.column("id", sa.Integer()), sa.column("partners", sa.Text()))
    rows = []
    for project_id, text in connection.execute(sa.select(projects.c.id, projects.c.partners)):
        names = [line.strip() for line in (text or "").splitlines() if line.strip()]
        rows += [
            {"project_id": project_id, "name": name[:300], "position": position}
            for position, name in enumerate(names)
        ]
    if rows:
        op.bulk_insert(partners, rows)

    with op.batch_alter_table("projects") as batch_op:
        batch_op.add_column(
            sa.Column("short_code", sa.String(length=20), server_default="", nullable=False)
        )
        batch_op.drop_column("partners")
        batch_op.create_check_constraint("phase", _one_of("phase", PROJECT_PHASES))
    op.create_index(
        "uq_projects_short_code",
        "projects",
        ["council_id", "short_code"],
        unique=True,
        sqlite_where=sa.text("short_code <> ''"),
        postgresql_where=sa.text("short_code <> ''"),
    )


# --- meetings ----------------------------------------------------------------------------


def _meetings(connection: sa.Connection) -> None:
    op.add_column("meetings", sa.Column("uid", sa.String(length=36), nullable=True))
    _fill_uuids(connection, "meetings", "uid")
    op.add_column("meetings", sa.Column("chair_membership_id", sa.Integer(), nullable=True))
    _chair_as_membership(connection)
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.add_column(
            sa.Column("cancellation_reason", sa.Text(), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("ics_sequence", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.alter_column("uid", existing_type=sa.String(length=36), nullable=False)
        batch_op.create_unique_constraint(op.f("uq_meetings_uid"), ["uid"])
        batch_op.create_foreign_key(
            op.f("fk_meetings_chair_membership_id_memberships"),
            "memberships",
            ["chair_membership_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch_op.create_index(
            op.f("ix_meetings_chair_membership_id"), ["chair_membership_id"], unique=False
        )
        batch_op.drop_index("ix_meetings_chair_person_id")
        batch_op.drop_constraint("fk_meetings_chair_person_id_persons", type_="foreignkey")
        batch_op.drop_column("chair_person_id")
        batch_op.create_check_constraint("state", _one_of("state", MEETING_STATES))
        batch_op.create_check_constraint("kind", _one_of("kind", MEETING_KINDS))
        batch_op.create_check_constraint("ics_sequence_not_negative", "ics_sequence >= 0")


def _chair_as_membership(connection: sa.Connection) -> None:
    meetings = sa.table(
        "meetings",
        sa.column("id", sa.Integer()),
        sa.column("council_id", sa.Integer()),
        sa.column("starts_at", sa.DateTime()),
        sa.column("chair_person_id", sa.Integer()),
        sa.column("chair_membership_id", sa.Integer()),
    )
    memberships = sa.table(
        "memberships",
        sa.column("id", sa.Integer()),
        sa.column("council_id", sa.Integer()),
        sa.column("person_id", sa.Integer()),
        sa.column("term_start", sa.Date()),
        sa.column("term_end", sa.Date()),
    )
    terms: dict[tuple[int, int], list[sa.Row]] = {}
    for row in connection.execute(sa.select(memberships).order_by(memberships.c.term_start)):
        terms.setdefault((row.council_id, row.person_id), []).append(row)
    changes = []
    query = sa.select(meetings).where(meetings.c.chair_person_id.is_not(None))
    for meeting in connection.execute(query):
        candidates = terms.get((meeting.council_id, meeting.chair_person_id), [])
        if not candidates:
            continue  # the chair was no member of this council: nothing to point at
        day = meeting.starts_at.date()
        covering = [m for m in candidates if m.term_start <= day <= (m.term_end or day)]
        chosen = (covering or candidates)[-1]
        changes.append({"row_id": meeting.id, "membership": chosen.id})
    if changes:
        connection.execute(
            meetings.update()
            .where(meetings.c.id == sa.bindparam("row_id"))
            .values(chair_membership_id=sa.bindparam("membership")),
            changes,
        )


# --- agenda items ------------------------------------------------------------------------


def _agenda_items(connection: sa.Connection) -> None:
    op.add_column("agenda_items", sa.Column("parent_id", sa.Integer(), nullable=True))
    items = sa.table(
        "agenda_items",
        sa.column("id", sa.Integer()),
        sa.column("meeting_id", sa.Integer()),
        sa.column("number", sa.String()),
        sa.column("position", sa.Integer()),
        sa.column("parent_id", sa.Integer()),
    )
    rows = connection.execute(
        sa.select(items).order_by(items.c.meeting_id, items.c.position, items.c.id)
    ).all()
    by_number = {(row.meeting_id, row.number.strip()): row.id for row in rows}
    siblings: dict[tuple[int, int | None], int] = {}
    changes = []
    for row in rows:
        number = row.number.strip()
        parent = None
        if "." in number.rstrip("."):
            parent = by_number.get((row.meeting_id, number.rstrip(".").rsplit(".", 1)[0]))
        key = (row.meeting_id, parent)
        position = siblings.get(key, 0)
        siblings[key] = position + 1
        changes.append({"row_id": row.id, "parent": parent, "new_position": position})
    if changes:
        connection.execute(
            items.update()
            .where(items.c.id == sa.bindparam("row_id"))
            .values(parent_id=sa.bindparam("parent"), position=sa.bindparam("new_position")),
            changes,
        )
    with op.batch_alter_table("agenda_items") as batch_op:
        batch_op.add_column(
            sa.Column("planned_minutes", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.create_foreign_key(
            op.f("fk_agenda_items_parent_id_agenda_items"),
            "agenda_items",
            ["parent_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_index(op.f("ix_agenda_items_parent_id"), ["parent_id"], unique=False)
        batch_op.create_check_constraint("kind", _one_of("kind", AGENDA_ITEM_KINDS))
        batch_op.create_check_constraint("position_not_negative", "position >= 0")
        batch_op.create_check_constraint("planned_minutes_not_negative", "planned_minutes >= 0")
    for name, columns, where in (
        ("uq_agenda_items_top_position", ["meeting_id", "position"], "parent_id IS NULL"),
        ("uq_agenda_items_sub_position", ["parent_id", "position"], "parent_id IS NOT NULL"),
    ):
        op.create_index(
            name,
            "agenda_items",
            columns,
            unique=True,
            sqlite_where=sa.text(where),
            postgresql_where=sa.text(where),
        )


# --- attendance --------------------------------------------------------------------------


def _attendances(connection: sa.Connection) -> None:
    for column in ("arrived_item_id", "left_item_id"):
        op.add_column("attendances", sa.Column(column, sa.Integer(), nullable=True))
    op.add_column("attendances", sa.Column("voting_right", sa.Boolean(), nullable=True))
    attendances = sa.table(
        "attendances",
        sa.column("id", sa.Integer()),
        sa.column("meeting_id", sa.Integer()),
        sa.column("membership_id", sa.Integer()),
        sa.column("from_item", sa.String()),
        sa.column("until_item", sa.String()),
        sa.column("arrived_item_id", sa.Integer()),
        sa.column("left_item_id", sa.Integer()),
        sa.column("voting_right", sa.Boolean()),
    )
    items = sa.table(
        "agenda_items",
        sa.column("id", sa.Integer()),
        sa.column("meeting_id", sa.Integer()),
        sa.column("number", sa.String()),
    )
    memberships = sa.table(
        "memberships", sa.column("id", sa.Integer()), sa.column("voting_right", sa.Boolean())
    )
    item_ids = {
        (meeting_id, number.strip().rstrip(".")): item_id
        for item_id, meeting_id, number in connection.execute(sa.select(items))
    }
    voting = dict(connection.execute(sa.select(memberships.c.id, memberships.c.voting_right)).all())
    changes = []
    for row in connection.execute(sa.select(attendances)):
        changes.append(
            {
                "row_id": row.id,
                "arrived": item_ids.get(
                    (row.meeting_id, (row.from_item or "").strip().rstrip("."))
                ),
                "left": item_ids.get((row.meeting_id, (row.until_item or "").strip().rstrip("."))),
                "voting": bool(voting.get(row.membership_id, True)),
            }
        )
    if changes:
        connection.execute(
            attendances.update()
            .where(attendances.c.id == sa.bindparam("row_id"))
            .values(
                arrived_item_id=sa.bindparam("arrived"),
                left_item_id=sa.bindparam("left"),
                voting_right=sa.bindparam("voting"),
            ),
            changes,
        )
    with op.batch_alter_table("attendances") as batch_op:
        batch_op.alter_column("voting_right", existing_type=sa.Boolean(), nullable=False)
        for column in ("arrived_item_id", "left_item_id"):
            batch_op.create_foreign_key(
                op.f(f"fk_attendances_{column}_agenda_items"),
                "agenda_items",
                [column],
                ["id"],
                ondelete="SET NULL",
            )
            batch_op.create_index(op.f(f"ix_attendances_{column}"), [column], unique=False)
        batch_op.drop_column("from_item")
        batch_op.drop_column("until_item")
        batch_op.create_check_constraint("status", _one_of("status", ATTENDANCE_STATUSES))


# --- conflicts of interest ---------------------------------------------------------------


def _conflicts(connection: sa.Connection) -> None:
    conflicts = sa.table(
        "conflicts_of_interest",
        sa.column("id", sa.Integer()),
        sa.column("agenda_item_id", sa.Integer()),
        sa.column("membership_id", sa.Integer()),
        sa.column("reason", sa.Text()),
    )
    groups: dict[tuple[int, int], list[sa.Row]] = {}
    for row in connection.execute(sa.select(conflicts).order_by(conflicts.c.id)):
        groups.setdefault((row.agenda_item_id, row.membership_id), []).append(row)
    for kept, *duplicates in groups.values():
        if not duplicates:
            continue
        reasons: list[str] = []
        for row in (kept, *duplicates):
            reason = (row.reason or "").strip()
            if reason and reason not in reasons:
                reasons.append(reason)
        connection.execute(
            conflicts.update().where(conflicts.c.id == kept.id).values(reason="\n".join(reasons))
        )
        connection.execute(
            conflicts.delete().where(conflicts.c.id.in_([row.id for row in duplicates]))
        )
    with op.batch_alter_table("conflicts_of_interest") as batch_op:
        batch_op.add_column(
            sa.Column("origin", sa.String(length=30), server_default="declared", nullable=False)
        )
        batch_op.add_column(
            sa.Column("decision", sa.String(length=30), server_default="recused", nullable=False)
        )
        batch_op.add_column(
            sa.Column("decided_by", sa.String(length=200), server_default="", nullable=False)
        )
        batch_op.add_column(
            sa.Column("decision_reason", sa.Text(), server_default="", nullable=False)
        )
        batch_op.create_unique_constraint(
            "uq_conflicts_of_interest_member", ["agenda_item_id", "membership_id"]
        )
        batch_op.create_check_constraint("origin", _one_of("origin", CONFLICT_ORIGINS))
        batch_op.create_check_constraint("decision", _one_of("decision", CONFLICT_DECISIONS))


# --- recommendations, consent ledger, minutes, objections, votes ------------------------


def _recommendations_minutes_votes() -> None:
    with op.batch_alter_table("recommendations") as batch_op:
        batch_op.create_check_constraint("kind", _one_of("kind", RECOMMENDATION_KINDS))
        batch_op.create_check_constraint("status", _one_of("status", RECOMMENDATION_STATUSES))
        batch_op.create_check_constraint(
            "response_kind", _one_of("response_kind", RESPONSE_KINDS, nullable=True)
        )
    with op.batch_alter_table("recommendation_status_changes") as batch_op:
        batch_op.create_check_constraint(
            "from_status", _one_of("from_status", RECOMMENDATION_STATUSES, nullable=True)
        )
        batch_op.create_check_constraint("to_status", _one_of("to_status", RECOMMENDATION_STATUSES))
    with op.batch_alter_table("consent_entries") as batch_op:
        batch_op.create_check_constraint("kind", _one_of("kind", CONSENT_KINDS))
        batch_op.create_check_constraint("source", _one_of("source", CONSENT_SOURCES))
    with op.batch_alter_table("minutes_versions") as batch_op:
        batch_op.create_check_constraint("state", _one_of("state", MINUTES_STATES))
    with op.batch_alter_table("objections") as batch_op:
        batch_op.create_check_constraint("state", _one_of("state", OBJECTION_STATES))
    with op.batch_alter_table("votes") as batch_op:
        for column in ("yes", "no", "abstain", "recused"):
            batch_op.create_check_constraint(f"{column}_not_negative", f"{column} >= 0")
