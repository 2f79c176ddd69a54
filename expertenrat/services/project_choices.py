"""The projects an agenda item may link, as its form offers them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import ProjectPhase
from expertenrat.domain.text_folding import fold
from expertenrat.store import models


@dataclass(frozen=True, slots=True)
class ProjectChoice:
    """A project an agenda item may link (a consultation of that project); ``ended``: it
    is marked as finished (phase abgeschlossen)."""

    id: int
    title: str
    ended: bool = False


def project_choices(session: Session, council_id: int) -> list[ProjectChoice]:
    """The council's projects that an item may link (not deleted), by title: the running
    ones first, then those marked as finished (found by a tester: after ten years most
    of 150 projects are finished, and they stood among the running ones). The titles in
    the Projekte page's order, umlauts and case aside (the database orders by bytes, or
    by a server's own locale)."""
    ended = (models.Project.phase == ProjectPhase.COMPLETED.value).label("ended")
    rows = session.execute(
        select(models.Project.id, models.Project.title, ended).where(
            models.Project.council_id == council_id, models.Project.deleted_at.is_(None)
        )
    )
    offered = [ProjectChoice(r.id, r.title, bool(r.ended)) for r in rows]
    return sorted(offered, key=lambda p: (p.ended, fold(p.title), p.id))
