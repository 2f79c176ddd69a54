"""The recommendations' part of the Auskunft (:mod:`services.person_disclosure`): where the
secretariat's notes in a recommendation's history name the person — a reason for reopening
("Wieder geöffnet …: …"), for removing an answer, a note on a withdrawal — searched by the
rule of the minutes (:func:`~services.person_disclosure_meetings.mentions_section`)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import HistoryKind
from expertenrat.domain.person_disclosure import DisclosureSection
from expertenrat.services.person_disclosure_meetings import found, name_pattern, searched
from expertenrat.store import models


def recommendation_notes_section(
    session: Session,
    person: models.Person,
    memberships: list[models.Membership],
    councils: dict[int, str],
    former: list[str],
) -> DisclosureSection:
    """One query: the history notes of every council's recommendations (not deleted) that
    name the person; a recommendation of a council the person is not a member of, or of
    one of several, names its council beside its code. ``former`` as
    :func:`~services.person_disclosure_meetings.earlier_names` gives them."""
    name = name_pattern(person, former)
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
        council = recommendation.council_id
        named = len(own) > 1 or council not in own
        code = (
            f"{councils.get(council, '')}: {recommendation.code}" if named else recommendation.code
        )
        where = f"Verlauf vom {change.occurred_on:%d.%m.%Y}, {HistoryKind(change.kind).label}"
        rows += [(code, *hit) for hit in found(where, change.note, name)]
    return DisclosureSection(
        "Nennungen im Verlauf der Empfehlungen",
        ("Empfehlung", "Stelle", "Auszug"),
        (0.22, 0.3, 0.48),
        tuple(rows),
        "Der Name kommt in keiner Notiz zu einer Empfehlung vor.",
        f"{searched(former)} als ganzes Wort in den Notizen der Geschäftsstelle im Verlauf "
        "jeder Empfehlung (etwa Gründe für das Wiederöffnen, für das Entfernen einer Antwort "
        "oder zu einem Rückzug); eine gleichnamige Person wird mit gefunden.",
    )
