"""One council as an OParl Body while its objects are built: its URLs, what the public may
see of it (:class:`~expertenrat.domain.oparl_public.PublicCouncil`), the links between its
public agenda items, projects and recommendations, and the head every object starts with."""

from __future__ import annotations

from expertenrat.domain.oparl_base import SCHEMA, VENDOR, OParlTree, derived_key, utc_text
from expertenrat.domain.oparl_public import Exposure, PublicCouncil
from expertenrat.domain.oparl_records import (
    AgendaItemRecord,
    CouncilRecord,
    MeetingRecord,
    RecommendationRecord,
    Stamp,
)


class OParlBody:
    def __init__(self, tree: OParlTree, council: CouncilRecord) -> None:
        self.tree = tree
        self.council = council
        self.public = PublicCouncil(council)
        self.base = tree.base_url
        self.body_url = self.url("body", council.stamp.key)
        self.org_url = self.url("organization", derived_key(council.stamp.key, "organization"))
        self.lists = f"{self.base}/body/{council.stamp.key}"
        self.public_items: dict[str, tuple[AgendaItemRecord, MeetingRecord]] = {
            item.stamp.key: (item, meeting)
            for meeting in council.meetings
            for item in meeting.items
            if self.public.items[item.stamp.key] is Exposure.FULL
        }
        self.consulted_in: dict[str, list[tuple[AgendaItemRecord, MeetingRecord]]] = {}
        for item, meeting in self.public_items.values():
            if item.project_key:
                self.consulted_in.setdefault(item.project_key, []).append((item, meeting))
        self.adopted_in: dict[str, RecommendationRecord] = {}  # the first, by origin item
        for r in council.recommendations:
            if r.origin_item_key and self.published(r):
                self.adopted_in.setdefault(r.origin_item_key, r)

    def url(self, kind: str, key: str) -> str:
        return f"{self.base}/{kind}/{key}.json"

    def published(self, recommendation: RecommendationRecord) -> bool:
        return self.public.recommendations[recommendation.stamp.key] is Exposure.FULL

    def head(self, kind: str, stamp: Stamp, url: str) -> dict:
        return {
            "id": url,
            "type": f"{SCHEMA}{kind}",
            "created": utc_text(stamp.created),
            "modified": utc_text(stamp.deleted or stamp.modified),
        }

    def tombstone(self, kind: str, stamp: Stamp, url: str) -> dict:
        deleted = stamp.deleted or stamp.modified
        return {**self.head(kind, stamp, url), "modified": utc_text(deleted), "deleted": True}

    def field_url(self, key: str | None) -> dict:
        return {f"{VENDOR}actionField": self.url("organization", key)} if key else {}

    def store(self, obj: dict) -> None:
        self.tree.documents[self.tree.path(obj["id"])] = obj
