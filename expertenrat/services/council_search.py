"""The search across a council's records (:mod:`expertenrat.domain.council_search`): its
projects, meetings, agenda items with their minutes texts (approved, frozen minutes too:
their texts stay in the agenda items the approval rendered), and recommendations with
their responses. Deleted records are left out, a deleted project also from the agenda
items and recommendations that named it.

A record is found by its own texts and names: a meeting by its day, place and guests, a
meeting or agenda item by its annexes' titles and file names, an agenda item also by its
meeting's name and day ("4. Sitzung", a Klausur's topic), a
recommendation by the projects it is addressed to. Not by the state words its "Wo" shows
(a project's phase, "abgesagt", "nichtöffentlich", "umgesetzt"): "öffentlich" would find
every non-public item (found by a tester).

The index is read in eleven queries, whatever the number of records (none per record),
and folded once; searching it again as one types reads nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from itertools import chain

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.council_search import HitKind, Searchable, SearchHit, SearchIndex
from expertenrat.domain.enums import ProjectPhase, RecommendationKind, RecommendationStatus
from expertenrat.domain.german_dates import searched_day_names
from expertenrat.domain.overview import Area, Target
from expertenrat.domain.recommendation_codes import code_prefix, parse_code
from expertenrat.domain.text_folding import fold
from expertenrat.services.council_search_meetings import agenda_items_searched, meetings_searched
from expertenrat.services.unit_of_work import reading
from expertenrat.store import models
from expertenrat.store.database import Database


class CouncilSearchService:
    def __init__(self, database: Database) -> None:
        self._database = database

    def index(self, council_id: int) -> SearchIndex:
        """Every live record of the council: projects first (by title, as the Projekte page
        orders them: umlauts and case aside, not by the database's bytes or a server's
        locale), then meetings, agenda items and recommendations, the newest first (a
        meeting before its items)."""
        with reading(self._database) as session:
            fields = _field_names(session, council_id)
            projects = sorted(
                _projects(session, council_id, fields), key=lambda record: fold(record.hit.what)
            )
            dated = [
                *meetings_searched(session, council_id),
                *agenda_items_searched(session, council_id),
                *_recommendations(session, council_id, fields),
            ]
        # Stable: a meeting before its items; a draft recommendation (no day) last.
        dated.sort(key=lambda record: record.hit.day or date.min, reverse=True)
        return SearchIndex([*projects, *dated])

    def find(self, council_id: int, text: str) -> list[SearchHit]:
        """The records whose texts hold every word of ``text`` (see :meth:`index`)."""
        return self.index(council_id).find(text)


def _field_names(session: Session, council_id: int) -> dict[int, str]:
    field = models.ActionField
    rows = session.execute(select(field.id, field.name).where(field.council_id == council_id))
    return {field_id: name for field_id, name in rows}


def _projects(session: Session, council_id: int, fields: dict[int, str]) -> Iterator[Searchable]:
    project, partner = models.Project, models.ProjectPartner
    partners: dict[int, list[str]] = defaultdict(list)
    for project_id, name in session.execute(
        select(partner.project_id, partner.name)
        .join(project, project.id == partner.project_id)
        .where(project.council_id == council_id, project.deleted_at.is_(None))
        .order_by(partner.project_id, partner.position)
    ):
        partners[project_id].append(name)
    for row in session.execute(
        select(
            project.id,
            project.title,
            project.short_code,
            project.lead_unit,
            project.contact_name,
            project.phase,
            project.action_field_id,
            project.description,
        )
        .where(project.council_id == council_id, project.deleted_at.is_(None))
        .order_by(project.id)
    ):
        where = ", ".join(part for part in (row.lead_unit, ProjectPhase(row.phase).label) if part)
        yield Searchable(
            SearchHit(
                HitKind.PROJECT, row.id, row.title, where, None, "", Target(Area.PROJECTS, row.id)
            ),
            names=(
                row.short_code,
                row.lead_unit,
                row.contact_name,
                fields.get(row.action_field_id, ""),
                *partners[row.id],
            ),
            texts=(row.description,),
            called=(row.title, row.short_code),
        )


def _unpadded(code: str) -> str:
    """The code as typed without its leading zero ("E-2026-8" for E-2026-08), else ""."""
    parsed = parse_code(code)
    unpadded = f"{code_prefix(code)}-{parsed[0]}-{parsed[1]}" if parsed else ""
    return unpadded if unpadded != code else ""


def _recommendations(
    session: Session, council_id: int, fields: dict[int, str]
) -> Iterator[Searchable]:
    recommendation, link = models.Recommendation, models.RecommendationProject
    response, project = models.RecommendationResponse, models.Project
    live = (recommendation.council_id == council_id, recommendation.deleted_at.is_(None))
    # Per recommendation, the projects it is addressed to: title, lead unit, Kürzel.
    addressed: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    for recommendation_id, title, lead_unit, short_code in session.execute(
        select(link.recommendation_id, project.title, project.lead_unit, project.short_code)
        .join(recommendation, recommendation.id == link.recommendation_id)
        .join(project, project.id == link.project_id)
        .where(*live, project.deleted_at.is_(None))
        .order_by(link.recommendation_id, link.position)
    ):
        addressed[recommendation_id].append((title, lead_unit, short_code))
    answers: dict[int, list[str]] = defaultdict(list)
    responders: dict[int, list[str]] = defaultdict(list)
    for row in session.execute(
        select(response.recommendation_id, response.responder, response.reasons, response.measures)
        .join(recommendation, recommendation.id == response.recommendation_id)
        .where(*live)
        .order_by(response.recommendation_id, response.received_on, response.id)
    ):
        answers[row.recommendation_id] += [row.reasons, row.measures]
        responders[row.recommendation_id].append(row.responder)
    for row in session.execute(
        select(
            recommendation.id,
            recommendation.code,
            recommendation.kind,
            recommendation.title,
            recommendation.text,
            recommendation.status,
            recommendation.adopted_on,
            recommendation.action_field_id,
        )
        .where(*live)
        .order_by(recommendation.code, recommendation.id)
    ):
        projects = addressed[row.id]
        titles = (title for title, _lead_unit, _short_code in projects)
        where = ", ".join([RecommendationStatus(row.status).label, *titles])
        yield Searchable(
            SearchHit(
                HitKind.RECOMMENDATION,
                row.id,
                f"{row.code} {row.title}",
                where,
                row.adopted_on,
                "",
                Target(Area.RECOMMENDATIONS, row.id),
            ),
            names=(
                _unpadded(row.code),
                RecommendationKind(row.kind).label,
                fields.get(row.action_field_id, ""),
                *chain.from_iterable(projects),
                *responders[row.id],
                *(searched_day_names(row.adopted_on) if row.adopted_on else ()),
            ),
            texts=(row.text, *answers[row.id]),
            called=(row.code, row.title, f"{row.code} {row.title}"),
        )
