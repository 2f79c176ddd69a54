"""Projects the council advises and their partner institutions."""

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from expertenrat.domain.enums import ProjectPhase
from expertenrat.domain.field_limits import PARTNER_NAME, PROJECT
from expertenrat.store.model_base import (
    Base,
    PublicId,
    SoftDeleted,
    Versioned,
    limited_string,
    one_of,
)


class Project(PublicId, SoftDeleted, Versioned, Base):
    __tablename__ = "projects"
    __table_args__ = (
        one_of("phase", ProjectPhase),
        # A short code is optional, but unique within the council once given.
        Index(
            "uq_projects_short_code",
            "council_id",
            "short_code",
            unique=True,
            sqlite_where=text("short_code <> ''"),
            postgresql_where=text("short_code <> ''"),
        ),
        # A deleted project's id is given to no other (migration 0028).
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(limited_string(PROJECT["title"]))
    short_code: Mapped[str] = mapped_column(
        limited_string(PROJECT["short_code"]), default="", server_default=""
    )
    action_field_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_fields.id", ondelete="RESTRICT"), index=True
    )
    lead_unit: Mapped[str] = mapped_column(limited_string(PROJECT["lead_unit"]), default="")
    contact_name: Mapped[str] = mapped_column(limited_string(PROJECT["contact_name"]), default="")
    contact_email: Mapped[str] = mapped_column(limited_string(PROJECT["contact_email"]), default="")
    phase: Mapped[str] = mapped_column(String(30), default="planning")
    description: Mapped[str] = mapped_column(Text, default="")

    partners: Mapped[list["ProjectPartner"]] = relationship(
        order_by="ProjectPartner.position", cascade="all, delete-orphan"
    )


class ProjectPartner(Base):
    """A partner institution of a project (matched against members' affiliations)."""

    __tablename__ = "project_partners"
    __table_args__ = (
        UniqueConstraint("project_id", "position", name="uq_project_partners_position"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(limited_string(PARTNER_NAME))
    position: Mapped[int] = mapped_column(Integer, default=0)
