"""The integrity check's rules for the recommendations register: a recommendation is
addressed only to projects of its own council, an answer comes from a project it is
addressed to (or is a joint one), and its due date is not before it was sent (deleted
recommendations left out, as in ``integrity``)."""

from __future__ import annotations

from sqlalchemy import Connection, and_, exists, select

from expertenrat.domain.integrity import Finding, FindingKind
from expertenrat.store.models import (
    Project,
    Recommendation,
    RecommendationProject,
    RecommendationResponse,
)


def recommendation_findings(connection: Connection) -> list[Finding]:
    foreign = (
        select(Recommendation.code, Project.title)
        .join(RecommendationProject, RecommendationProject.recommendation_id == Recommendation.id)
        .join(Project, Project.id == RecommendationProject.project_id)
        .where(Project.council_id != Recommendation.council_id, Recommendation.deleted_at.is_(None))
        .order_by(Recommendation.code)
    )
    findings = [
        Finding(
            FindingKind.RECOMMENDATION,
            f"Empfehlung {code}: ist an das Projekt „{title}“ eines anderen Gremiums gerichtet.",
        )
        for code, title in connection.execute(foreign)
    ]
    link = RecommendationProject
    unaddressed = (
        select(Recommendation.code, Project.title)
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
            f"Empfehlung {code}: eine Stellungnahme stammt vom Projekt „{title}“, an das sie "
            "nicht gerichtet ist; sie zählt für kein adressiertes Projekt.",
        )
        for code, title in connection.execute(unaddressed)
    ]
    early = (
        select(Recommendation.code, Recommendation.sent_on, Recommendation.due_on)
        .where(Recommendation.due_on < Recommendation.sent_on, Recommendation.deleted_at.is_(None))
        .order_by(Recommendation.code)
    )
    findings += [
        Finding(
            FindingKind.RECOMMENDATION,
            f"Empfehlung {code}: die Frist ({due:%d.%m.%Y}) liegt vor der Übermittlung "
            f"({sent:%d.%m.%Y}).",
        )
        for code, sent, due in connection.execute(early)
    ]
    return findings
