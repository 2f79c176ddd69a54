"""The integrity check's rules for the recommendations register: a recommendation is
addressed only to projects of its own council, an answer comes from a project it is
addressed to (or is a joint one), and its due date is not before it was sent (deleted
recommendations left out, as in ``integrity``). Where the database holds several councils,
a recommendation is named with its council's name, as two councils' codes may be alike
("Empfehlung E-2026-01 (Digitalbeirat): …", found by a tester)."""

from __future__ import annotations

from sqlalchemy import Connection, and_, exists, select

from expertenrat.domain.integrity import Finding, FindingKind
from expertenrat.store.models import (
    Council,
    Project,
    Recommendation,
    RecommendationProject,
    RecommendationResponse,
)


def recommendation_findings(connection: Connection) -> list[Finding]:
    councils = {row.id: row.name for row in connection.execute(select(Council.id, Council.name))}

    def named(code: str, council_id: int) -> str:
        return f"{code} ({councils.get(council_id, '?')})" if len(councils) > 1 else code

    foreign = (
        select(Recommendation.code, Recommendation.council_id, Project.title)
        .join(RecommendationProject, RecommendationProject.recommendation_id == Recommendation.id)
        .join(Project, Project.id == RecommendationProject.project_id)
        .where(Project.council_id != Recommendation.council_id, Recommendation.deleted_at.is_(None))
        .order_by(Recommendation.code)
    )
    findings = [
        Finding(
            FindingKind.RECOMMENDATION,
            f"Empfehlung {named(code, council_id)}: ist an das Projekt „{title}“ eines anderen "
            "Gremiums gerichtet.",
        )
        for code, council_id, title in connection.execute(foreign)
    ]
    link = RecommendationProject
    unaddressed = (
        select(Recommendation.code, Recommendation.council_id, Project.title)
        .join(RecommendationResponse, RecommendationResponse.recommendation_id == Recommendation.id)
        .join(Project, Project.id == RecommendationResponse.project_id)
        .where(
            Recommendation.deleted_at.is_(None),
            ~exists().where(
                and_(link.recommendation_id == Recommendation.id, link.project_id == Project.id)
            ),
        )
        .distinct()
        .order_by(Recommendation.code, Project.title)
    )
    findings += [
        Finding(
            FindingKind.RECOMMENDATION,
            f"Empfehlung {named(code, council_id)}: eine Stellungnahme stammt vom Projekt "
            f"„{title}“, an das sie nicht gerichtet ist; sie zählt für kein adressiertes Projekt.",
        )
        for code, council_id, title in connection.execute(unaddressed)
    ]
    early = (
        select(
            Recommendation.code,
            Recommendation.council_id,
            Recommendation.sent_on,
            Recommendation.due_on,
        )
        .where(Recommendation.due_on < Recommendation.sent_on, Recommendation.deleted_at.is_(None))
        .order_by(Recommendation.code)
    )
    findings += [
        Finding(
            FindingKind.RECOMMENDATION,
            f"Empfehlung {named(code, council_id)}: die Frist ({due:%d.%m.%Y}) liegt vor der "
            f"Übermittlung ({sent:%d.%m.%Y}).",
        )
        for code, council_id, sent, due in connection.execute(early)
    ]
    return findings
