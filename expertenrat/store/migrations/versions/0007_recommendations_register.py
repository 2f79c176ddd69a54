"""recommendations register: lifecycle, several projects, responses as rows, a richer history

- councils: ``response_period_months`` (0–24, default 2) replaces ``response_period_days``
  (converted to the nearest number of months, at least 1 as the settings require: 56 days
  become 2 months).
- recommendations: the kind "statement" (Stellungnahme); the statuses of the lifecycle
  draft → adopted → sent → answered → implemented / partly_implemented / not_implemented, or
  withdrawn (old ``responded`` and ``in_implementation`` become ``answered``, ``closed``
  becomes ``implemented``); ``adopted_on`` may be empty (a draft is not adopted yet).
- recommendation_projects: the addressed projects as rows (the old ``project_id`` becomes
  the first and only one), then ``project_id`` is dropped.
- recommendation_responses: one row per response of a project (date, who answered, verdict,
  reasons, measures and their date, final or interim); the old ``response_*`` and
  ``follow_up`` columns become one row each (final when the recommendation was closed) and
  are dropped.
- recommendation_status_changes: ``kind`` (status, response, reminder, due_date, edit) and
  ``occurred_on`` (the step's date as entered; old rows take the date of ``changed_at``);
  ``to_status`` may be empty for steps that are not status changes.

There is no downgrade: several projects and responses per recommendation cannot be folded
back into one column each. Restore the backup made before every upgrade instead.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

RECOMMENDATION_KINDS = ("recommendation", "impulse", "statement")
RECOMMENDATION_STATUSES = (
    "draft",
    "adopted",
    "sent",
    "answered",
    "implemented",
    "partly_implemented",
    "not_implemented",
    "withdrawn",
)
RESPONSE_VERDICTS = ("complied", "partly_complied", "not_complied", "planned")
HISTORY_KINDS = ("status", "response", "reminder", "due_date", "edit")

# Old status -> new status; the others keep their name.
_STATUS_MAP = {"responded": "answered", "in_implementation": "answered", "closed": "implemented"}
# Old response kind -> verdict; a response without a kind was not yet a decision.
_VERDICT_MAP = {"accepted": "complied", "partly": "partly_complied", "rejected": "not_complied"}
_DAYS_PER_MONTH = 30.44


def _one_of(column: str, values: tuple[str, ...], *, nullable: bool = False) -> str:
    condition = f"{column} IN ({', '.join(repr(v) for v in values)})"
    return f"{column} IS NULL OR {condition}" if nullable else condition


def _timestamps(dialect: str) -> list[sa.Column]:
    now = "(now() AT TIME ZONE 'UTC')" if dialect == "postgresql" else "(CURRENT_TIMESTAMP)"
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created", sa.DateTime(), server_default=sa.text(now), nullable=False),
        sa.Column("modified", sa.DateTime(), server_default=sa.text(now), nullable=False),
    ]


def upgrade() -> None:
    connection = op.get_bind()
    _councils(connection)
    _projects_as_rows(connection)
    _responses_as_rows(connection)
    _recommendations(connection)
    _history(connection)


def downgrade() -> None:
    raise NotImplementedError(
        "Version 0007 der Datenbank lässt sich nicht zurückstufen. "
        "Bitte stellen Sie die Sicherung von vor der Aktualisierung wieder her."
    )


def _update_each(
    connection: sa.Connection, table: sa.TableClause, column: str, values: dict[int, object]
) -> None:
    if values:
        connection.execute(
            table.update()
            .where(table.c.id == sa.bindparam("row_id"))
            .values({column: sa.bindparam("value")}),
            [{"row_id": key, "value": value} for key, value in values.items()],
        )


def _councils(connection: sa.Connection) -> None:
    op.add_column(
        "councils",
        sa.Column("response_period_months", sa.Integer(), server_default="2", nullable=False),
    )
    councils = sa.table(
        "councils",
        sa.column("id", sa.Integer()),
        sa.column("response_period_days", sa.Integer()),
        sa.column("response_period_months", sa.Integer()),
    )
    months = {
        key: min(24, max(1, round(days / _DAYS_PER_MONTH)))
        for key, days in connection.execute(
            sa.select(councils.c.id, councils.c.response_period_days)
        )
    }
    _update_each(connection, councils, "response_period_months", months)
    with op.batch_alter_table("councils") as batch_op:
        batch_op.drop_constraint(
            op.f("ck_councils_response_period_days_not_negative"), type_="check"
        )
        batch_op.drop_column("response_period_days")
        batch_op.create_check_constraint(
            "response_period_months_range", "response_period_months BETWEEN 0 AND 24"
        )


def _projects_as_rows(connection: sa.Connection) -> None:
    links = op.create_table(
        "recommendation_projects",
        sa.Column("recommendation_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "position >= 0", name=op.f("ck_recommendation_projects_position_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendations.id"],
            name=op.f("fk_recommendation_projects_recommendation_id_recommendations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_recommendation_projects_project_id_projects"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "recommendation_id", "project_id", name=op.f("pk_recommendation_projects")
        ),
    )
    op.create_index(
        op.f("ix_recommendation_projects_project_id"),
        "recommendation_projects",
        ["project_id"],
        unique=False,
    )
    old = sa.table(
        "recommendations", sa.column("id", sa.Integer()), sa.column("project_id", sa.Integer())
    )
    rows = [
        {"recommendation_id": key, "project_id": project, "position": 0}
        for key, project in connection.execute(
            sa.select(old.c.id, old.c.project_id).where(old.c.project_id.isnot(None))
        )
    ]
    if rows:
        op.bulk_insert(links, rows)


def _responses_as_rows(connection: sa.Connection) -> None:
    responses = op.create_table(
        "recommendation_responses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recommendation_id", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("responder", sa.String(200), nullable=False),
        sa.Column("verdict", sa.String(30), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.Column("measures_due_on", sa.Date(), nullable=True),
        sa.Column("final", sa.Boolean(), nullable=False),
        *_timestamps(connection.dialect.name),
        sa.CheckConstraint(
            _one_of("verdict", RESPONSE_VERDICTS), name=op.f("ck_recommendation_responses_verdict")
        ),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendations.id"],
            name=op.f("fk_recommendation_responses_recommendation_id_recommendations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recommendation_responses")),
    )
    op.create_index(
        op.f("ix_recommendation_responses_recommendation_id"),
        "recommendation_responses",
        ["recommendation_id"],
        unique=False,
    )
    old = sa.table(
        "recommendations",
        sa.column("id", sa.Integer()),
        *(sa.column(name, sa.String()) for name in ("status", "response_kind")),
        *(sa.column(name, sa.Text()) for name in ("response_text", "follow_up")),
        *(sa.column(name, sa.Date()) for name in ("responded_on", "sent_on", "adopted_on")),
    )
    answered = sa.or_(
        old.c.response_kind.isnot(None),
        old.c.responded_on.isnot(None),
        old.c.response_text != "",
        old.c.follow_up != "",
    )
    rows = [
        {
            "recommendation_id": row.id,
            "received_on": row.responded_on or row.sent_on or row.adopted_on,
            "responder": "",
            "verdict": _VERDICT_MAP.get(row.response_kind, "planned"),
            "reasons": row.response_text or "",
            "measures": row.follow_up or "",
            "measures_due_on": None,
            "final": row.status == "closed",
            "version": 1,
        }
        for row in connection.execute(sa.select(old).where(answered))
    ]
    if rows:
        op.bulk_insert(responses, rows)


def _recommendations(connection: sa.Connection) -> None:
    with op.batch_alter_table("recommendations") as batch_op:
        for name in ("kind", "status", "response_kind"):
            batch_op.drop_constraint(op.f(f"ck_recommendations_{name}"), type_="check")
        batch_op.drop_index(op.f("ix_recommendations_project_id"))
        batch_op.drop_constraint(op.f("fk_recommendations_project_id_projects"), type_="foreignkey")
        for column in ("project_id", "response_kind", "response_text", "responded_on", "follow_up"):
            batch_op.drop_column(column)
        batch_op.alter_column("adopted_on", existing_type=sa.Date(), nullable=True)
    _map_statuses(connection, "recommendations", "status")
    with op.batch_alter_table("recommendations") as batch_op:
        batch_op.create_check_constraint("kind", _one_of("kind", RECOMMENDATION_KINDS))
        batch_op.create_check_constraint("status", _one_of("status", RECOMMENDATION_STATUSES))


def _map_statuses(connection: sa.Connection, table_name: str, column: str) -> None:
    table = sa.table(table_name, sa.column(column, sa.String()))
    for old, new in _STATUS_MAP.items():
        connection.execute(table.update().where(table.c[column] == old).values({column: new}))


def _history(connection: sa.Connection) -> None:
    name = "recommendation_status_changes"
    with op.batch_alter_table(name) as batch_op:
        for column in ("from_status", "to_status"):
            batch_op.drop_constraint(op.f(f"ck_{name}_{column}"), type_="check")
        batch_op.add_column(
            sa.Column("kind", sa.String(30), server_default="status", nullable=False)
        )
        batch_op.add_column(sa.Column("occurred_on", sa.Date(), nullable=True))
        batch_op.alter_column("to_status", existing_type=sa.String(30), nullable=True)
    for column in ("from_status", "to_status"):
        _map_statuses(connection, name, column)
    history = sa.table(
        name,
        sa.column("id", sa.Integer()),
        sa.column("changed_at", sa.DateTime()),
        sa.column("occurred_on", sa.Date()),
    )
    days = {
        key: changed_at.date()
        for key, changed_at in connection.execute(sa.select(history.c.id, history.c.changed_at))
    }
    _update_each(connection, history, "occurred_on", days)
    with op.batch_alter_table(name) as batch_op:
        batch_op.alter_column("occurred_on", existing_type=sa.Date(), nullable=False)
        batch_op.create_check_constraint("kind", _one_of("kind", HISTORY_KINDS))
        batch_op.create_check_constraint(
            "from_status", _one_of("from_status", RECOMMENDATION_STATUSES, nullable=True)
        )
        batch_op.create_check_constraint(
            "to_status", _one_of("to_status", RECOMMENDATION_STATUSES, nullable=True)
        )
