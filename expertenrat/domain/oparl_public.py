"""What of a council may go out as open data (OParl), and what goes out as a tombstone.

The rules, from OParl's own data protection chapter and the council's consent ledger:

- a person only with consent to publish the name; contact data only with contact consent;
  a person whose consent was withdrawn (or who was deleted after being published) stays as
  a tombstone, so a client that harvested the name drops it; a person who never consented
  never appears;
- a membership goes out with its person (and dies with it);
- agenda items only if public; a deleted meeting or item stays as a tombstone;
- recommendations only once adopted (no drafts) and never from a non-public item;
- projects only as consulted in a public item or addressed by a published recommendation;
- recusals only on public items and only of published persons.
"""

from __future__ import annotations

from enum import Enum

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.oparl_records import (
    AgendaItemRecord,
    CouncilRecord,
    MeetingRecord,
    PersonRecord,
    RecommendationRecord,
)


class Exposure(Enum):
    """How a record goes out: in full, as a tombstone (``deleted: true``), or not at all."""

    FULL = "full"
    TOMBSTONE = "tombstone"
    NONE = "none"

    @property
    def shown(self) -> bool:
        return self is not Exposure.NONE


def person_exposure(person: PersonRecord) -> Exposure:
    was_published = person.publish_name or person.publish_name_on is not None
    if person.publish_name and person.stamp.deleted is None:
        return Exposure.FULL
    return Exposure.TOMBSTONE if was_published else Exposure.NONE


def item_exposure(meeting: MeetingRecord, item: AgendaItemRecord) -> Exposure:
    if not item.public:
        return Exposure.NONE
    if item.stamp.deleted is not None or meeting.stamp.deleted is not None:
        return Exposure.TOMBSTONE
    return Exposure.FULL


def recommendation_exposure(
    recommendation: RecommendationRecord, items: dict[str, Exposure]
) -> Exposure:
    """``items``: the exposure of every agenda item of the council by key."""
    status = recommendation.status
    if status is RecommendationStatus.DRAFT or (
        status is RecommendationStatus.WITHDRAWN and recommendation.adopted_on is None
    ):
        # Never adopted (a draft, or one withdrawn as a draft): not the council's word. An
        # export into the folder of one that published it tombstones it (oparl_previous).
        return Exposure.NONE
    origin = recommendation.origin_item_key
    if origin is not None and items.get(origin, Exposure.NONE) is Exposure.NONE:
        return Exposure.NONE  # adopted in a non-public item
    return Exposure.FULL if recommendation.stamp.deleted is None else Exposure.TOMBSTONE


class PublicCouncil:
    """A council's records with the exposure of each, by key."""

    def __init__(self, council: CouncilRecord) -> None:
        self.council = council
        self.persons = {p.stamp.key: person_exposure(p) for p in council.persons}
        self.memberships = {
            m.stamp.key: _membership_exposure(
                self.persons.get(m.person_key, Exposure.NONE), m.stamp.deleted is not None
            )
            for m in council.memberships
        }
        self.items = {
            item.stamp.key: item_exposure(meeting, item)
            for meeting in council.meetings
            for item in meeting.items
        }
        self.recommendations = {
            r.stamp.key: recommendation_exposure(r, self.items) for r in council.recommendations
        }
        consulted = {
            item.project_key
            for meeting in council.meetings
            for item in meeting.items
            if item.project_key and self.items[item.stamp.key].shown
        }
        for recommendation in council.recommendations:
            if self.recommendations[recommendation.stamp.key].shown:
                consulted.update(recommendation.project_keys)
        self.projects = {
            p.stamp.key: (
                Exposure.NONE
                if p.stamp.key not in consulted
                else Exposure.TOMBSTONE
                if p.stamp.deleted
                else Exposure.FULL
            )
            for p in council.projects
        }

    def published_person(self, key: str) -> bool:
        return self.persons.get(key) is Exposure.FULL


def _membership_exposure(person: Exposure, deleted: bool) -> Exposure:
    if person is Exposure.FULL and deleted:
        return Exposure.TOMBSTONE
    return person
