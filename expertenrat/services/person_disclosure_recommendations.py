"""The recommendations' part of the Auskunft (:mod:`services.person_disclosure`): where a
recommendation's title or text, a project's response to one (who answered, the reasons, the
measures planned) or the secretariat's notes in its history (a reason for reopening, for
removing an answer, a note on a withdrawal) name the person — searched by the rule of the
minutes (:func:`~services.person_disclosure_meetings.mentions_section`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import HistoryKind
from expertenrat.domain.name_mentions import NamePattern, found
from expertenrat.domain.person_disclosure import DisclosureSection, mentions_table
from expertenrat.services.person_disclosure_meetings import name_pattern
from expertenrat.store import models

# A response's texts as the response dialog calls them.
_RESPONSE_TEXTS = (
    ("responder", "Geantwortet hat"),
    ("reasons", "Begründung"),
    ("measures", "Geplante Maßnahmen"),
)


def recommendation_texts_section(
    session: Session,
    family_name: str,
    memberships: list[models.Membership],
    councils: dict[int, str],
    former: list[str],
) -> DisclosureSection:
    """Two queries: the title and text of every council's recommendations (not deleted)
    and the responses of the projects to them that name the person, by recommendation
    (adopted first, drafts last), its responses by the day received. ``former`` as
    :func:`~services.person_disclosure_meetings.earlier_names` gives them."""
    name = name_pattern(family_name, former)
    recommendations = session.scalars(
        select(models.Recommendation)
        .where(models.Recommendation.deleted_at.is_(None))
        .order_by(
            models.Recommendation.adopted_on.is_(None),
            models.Recommendation.adopted_on,
            models.Recommendation.code,
            models.Recommendation.id,
        )
    )
    responses = defaultdict(list)
    query = (
        select(models.RecommendationResponse, models.Project.title)
        .outerjoin(models.Project, models.Project.id == models.RecommendationResponse.project_id)
        .order_by(models.RecommendationResponse.received_on, models.RecommendationResponse.id)
    )
    for response, project in session.execute(query):
        responses[response.recommendation_id].append((response, project))
    own = {m.council_id for m in memberships}
    rows = []
    for recommendation in recommendations:
        code = _code(recommendation, own, councils)
        hits = _in_recommendation(recommendation, responses[recommendation.id], name)
        rows += [(code, *hit) for hit in hits]
    return mentions_table(
        "Nennungen in Empfehlungen und Stellungnahmen",
        "Empfehlung",
        rows,
        "Der Name kommt in keiner Empfehlung und keiner Stellungnahme vor.",
        former,
        " im Titel und im Text jeder Empfehlung und in den Stellungnahmen der Projekte "
        "(wer geantwortet hat, Begründung, geplante Maßnahmen)",
    )


def _in_recommendation(
    recommendation: models.Recommendation,
    responses: list[tuple[models.RecommendationResponse, str | None]],
    name: NamePattern,
) -> Iterator[tuple[str, str]]:
    yield from found("Titel", recommendation.title, name)
    yield from found("Text", recommendation.text, name)
    for response, project in responses:
        # project None: a joint answer of all the projects addressed
        source = project or "alle Projekte gemeinsam"
        where = f"Stellungnahme vom {response.received_on:%d.%m.%Y} ({source})"
        for field, label in _RESPONSE_TEXTS:
            yield from found(f"{where} – {label}", getattr(response, field), name)


def recommendation_notes_section(
    session: Session,
    family_name: str,
    memberships: list[models.Membership],
    councils: dict[int, str],
    former: list[str],
) -> DisclosureSection:
    """One query: the history notes of every council's recommendations (not deleted) that
    name the person. ``former`` as :func:`recommendation_texts_section` takes them."""
    name = name_pattern(family_name, former)
    own = {m.council_id for m in memberships}
    query = (
        select(models.Recommendation, models.RecommendationStatusChange)
        .join(models.RecommendationStatusChange)
        .where(models.Recommendation.deleted_at.is_(None))
        .where(models.RecommendationStatusChange.note != "")
        .order_by(
            models.RecommendationStatusChange.occurred_on,
            models.RecommendationStatusChange.id,
        )
    )
    rows = []
    for recommendation, change in session.execute(query):
        code = _code(recommendation, own, councils)
        where = f"Verlauf vom {change.occurred_on:%d.%m.%Y}, {HistoryKind(change.kind).label}"
        rows += [(code, *hit) for hit in found(where, change.note, name)]
    return mentions_table(
        "Nennungen im Verlauf der Empfehlungen",
        "Empfehlung",
        rows,
        "Der Name kommt in keiner Notiz zu einer Empfehlung vor.",
        former,
        " in den Notizen der Geschäftsstelle im Verlauf jeder Empfehlung (etwa Gründe für das "
        "Wiederöffnen, für das Entfernen einer Antwort oder zu einem Rückzug)",
    )


def _code(recommendation: models.Recommendation, own: set[int], councils: dict[int, str]) -> str:
    """The recommendation's code; of a council the person is not a member of, or of one of
    several, with its council's name before it."""
    council = recommendation.council_id
    if len(own) > 1 or council not in own:
        return f"{councils.get(council, '')}: {recommendation.code}"
    return recommendation.code
