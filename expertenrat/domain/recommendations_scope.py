"""What a recommendations report covers, said in its lead line: the year, the statuses or
"Abschluss möglich", "nur überfällige", the action field, the project and the search
("Jahr 2026 · Status: übermittelt · Handlungsfeld Umwelt")."""

from __future__ import annotations

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.recommendation_filter import RecommendationFilter
from expertenrat.domain.recommendations_report import REPORTED
from expertenrat.domain.wording import isolated


def scope_text(chosen: RecommendationFilter, field: str = "", project: str = "") -> str:
    """What the report covers, for its lead line (``field`` and ``project``: the names of
    the chosen action field and project)."""
    parts = [f"Jahr {chosen.year}" if chosen.year else "alle Jahre"]
    if chosen.overdue:  # with the statuses chosen beside it, as both select
        parts.append("nur überfällige")
    if chosen.settled:  # a choice of the status filter of its own, only answered ones
        parts.append("Abschluss möglich")
    elif not chosen.statuses or chosen.statuses == REPORTED:
        if not chosen.overdue:
            parts.append("alle Status außer Entwurf")
    else:
        shown = ", ".join(s.label for s in RecommendationStatus if s in chosen.statuses)
        parts.append(f"Status: {shown}")
    if field:
        parts.append(f"Handlungsfeld {isolated(field)}")
    if project:
        parts.append(f"Projekt {isolated(project)}")
    if chosen.search.strip():
        parts.append(f"Suche „{isolated(chosen.search.strip())}“")
    return " · ".join(parts)
