"""The elections' part of the Auskunft nach Art. 15 DSGVO (:mod:`services.person_disclosure`):
each election in the minutes of any council in which the person stood, as a member chosen
from the list or by a name typed for it (a guest, a former name), with the votes received
and whether elected."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.person_disclosure import DisclosureSection
from expertenrat.domain.wording import counted
from expertenrat.services.person_disclosure_meetings import item_label, meeting_label, name_pattern
from expertenrat.store import models


def candidacies_section(
    session: Session,
    family_name: str,
    memberships: list[models.Membership],
    councils: dict[int, str],
    former: list[str],
) -> DisclosureSection:
    """Councils are named as in "Nennungen in Protokollen": for a member of several, and
    for a meeting of a council the person is no member of."""
    ids = {m.id for m in memberships}
    own = {m.council_id for m in memberships}
    name = name_pattern(family_name, former)
    query = (
        select(models.ElectionCandidate, models.Vote, models.AgendaItem, models.Meeting)
        .join(models.Vote, models.Vote.id == models.ElectionCandidate.vote_id)
        .join(models.AgendaItem, models.AgendaItem.id == models.Vote.agenda_item_id)
        .join(models.Meeting, models.Meeting.id == models.AgendaItem.meeting_id)
        .where(models.Meeting.deleted_at.is_(None), models.AgendaItem.deleted_at.is_(None))
        .order_by(
            models.Meeting.starts_at,
            models.Meeting.id,
            models.AgendaItem.position,
            models.Vote.position,
            models.ElectionCandidate.position,
        )
    )
    rows = []
    for candidate, vote, item, meeting in session.execute(query):
        if candidate.membership_id not in ids and not name.search(candidate.name):
            continue
        named = councils if len(own) > 1 or meeting.council_id not in own else None
        rows.append(
            (
                f"{meeting_label(meeting, named)}\n{item_label(item)}",
                f"{vote.subject or 'Wahl'}\n(als {candidate.name})",
                counted(candidate.votes, "Stimme", "Stimmen"),
                "gewählt" if candidate.elected else "nicht gewählt",
            )
        )
    return DisclosureSection(
        "Kandidaturen bei Wahlen",
        ("Sitzung und Tagesordnungspunkt", "Wahl", "Stimmen", "Ergebnis"),
        (0.40, 0.30, 0.13, 0.17),
        tuple(rows),
        "Bei keiner Wahl in einem Protokoll zur Wahl gestanden.",
    )
