"""A council's templates: standard phrases for the minutes and recurring agenda items."""

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from expertenrat.domain.enums import AgendaItemKind, TextTemplatePurpose
from expertenrat.store.model_base import Base, Versioned, not_negative, one_of


class TextTemplate(Versioned, Base):
    """A standard phrase the minute-taker inserts ("Der Expert*innenrat nimmt … zur Kenntnis.")."""

    __tablename__ = "text_templates"
    __table_args__ = (
        UniqueConstraint("council_id", "purpose", "position", name="uq_text_templates_position"),
        one_of("purpose", TextTemplatePurpose),
        *not_negative("position"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(30), default="minutes")
    position: Mapped[int] = mapped_column(Integer, default=0)
    label: Mapped[str] = mapped_column(String(100), default="")
    text: Mapped[str] = mapped_column(Text, default="")


class AgendaTemplate(Versioned, Base):
    """A council's template for a recurring agenda item ("Bericht der Geschäftsstelle")."""

    __tablename__ = "agenda_templates"
    __table_args__ = (
        UniqueConstraint("council_id", "position", name="uq_agenda_templates_position"),
        one_of("kind", AgendaItemKind),
        *not_negative("position", "planned_minutes"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(
        ForeignKey("councils.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(2000))
    kind: Mapped[str] = mapped_column(String(30), default="report")
    public: Mapped[bool] = mapped_column(Boolean, default=True)
    planned_minutes: Mapped[int] = mapped_column(Integer, default=0)
