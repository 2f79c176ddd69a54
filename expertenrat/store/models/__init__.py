"""Typed SQLAlchemy 2 models for the whole mission, one module per area.

``from expertenrat.store import models`` gives every model (``models.Meeting``) and
``models.Base``, whose metadata Alembic compares with the database: importing this package
imports every area module, so the metadata always holds all tables.

Every record a user edits carries a ``version`` column that SQLAlchemy increments on each
UPDATE and checks in its WHERE clause (optimistic locking). Enums are stored as their
string values so that the database stays readable and portable between SQLite and
PostgreSQL; a CHECK constraint built from the domain enum guards each of them.

Time: every timestamp (``created``, ``modified``, ``deleted_at``, the audit's ``at``, a
recommendation's ``changed_at``) is a *naive datetime in UTC*, set on the Python side by
:func:`utc_now`, so both databases hold the same values whatever their server time zone
(for rows written without the ORM, PostgreSQL's server default is UTC too since 0004).
Meeting times (``starts_at``, ``ends_at``, ``opened_at`` …) are not timestamps but wall-clock
times in the council's ``time_zone``.

Records that leave the app (OParl, calendars, files) carry a ``public_id``: a uuid4 string
that never changes. Those that OParl must report as deleted carry ``deleted_at``.
"""

from expertenrat.store.model_base import Base, utc_now
from expertenrat.store.models.agenda import (
    AgendaItem,
    ConflictOfInterest,
    ElectionCandidate,
    Vote,
)
from expertenrat.store.models.appointment_periods import AppointmentPeriod
from expertenrat.store.models.audit import AuditEntry
from expertenrat.store.models.councils import ActionField, Council
from expertenrat.store.models.files import StoredFile
from expertenrat.store.models.meetings import (
    Attendance,
    Guest,
    LateInvitation,
    Meeting,
    MeetingSeries,
)
from expertenrat.store.models.members import (
    ConsentEntry,
    Membership,
    MembershipFurtherField,
    Person,
)
from expertenrat.store.models.minutes import MinutesVersion, Objection
from expertenrat.store.models.projects import Project, ProjectPartner
from expertenrat.store.models.recommendations import (
    Recommendation,
    RecommendationProject,
    RecommendationResponse,
    RecommendationStatusChange,
    RetiredRecommendationCode,
    WrittenProcedure,
)
from expertenrat.store.models.templates import AgendaTemplate, TextTemplate

__all__ = [
    "ActionField",
    "AgendaItem",
    "AgendaTemplate",
    "AppointmentPeriod",
    "Attendance",
    "AuditEntry",
    "Base",
    "ConflictOfInterest",
    "ConsentEntry",
    "Council",
    "ElectionCandidate",
    "Guest",
    "LateInvitation",
    "Meeting",
    "MeetingSeries",
    "Membership",
    "MembershipFurtherField",
    "MinutesVersion",
    "Objection",
    "Person",
    "Project",
    "ProjectPartner",
    "Recommendation",
    "RecommendationProject",
    "RecommendationResponse",
    "RecommendationStatusChange",
    "RetiredRecommendationCode",
    "StoredFile",
    "TextTemplate",
    "Vote",
    "WrittenProcedure",
    "utc_now",
]
