"""The OParl Papers of a council: its projects (consulted under agenda items) and its
recommendations (adopted under one), each with its Consultations."""

from __future__ import annotations

from expertenrat.domain.oparl_base import VENDOR, derived_key
from expertenrat.domain.oparl_body import OParlBody
from expertenrat.domain.oparl_public import Exposure
from expertenrat.domain.oparl_records import (
    AgendaItemRecord,
    MeetingRecord,
    ProjectRecord,
    RecommendationRecord,
    Stamp,
)


def project_paper(body: OParlBody, project: ProjectRecord) -> dict:
    url = body.url("paper", project.stamp.key)
    if body.public.projects[project.stamp.key] is Exposure.TOMBSTONE:
        return body.tombstone("Paper", project.stamp, url)
    obj = {
        **body.head("Paper", project.stamp, url),
        "body": body.body_url,
        "name": project.title,
        "paperType": "Projekt",
        **body.field_url(project.field_key),
    }
    if project.short_code:
        obj["reference"] = project.short_code
    obj["consultation"] = [
        _consultation(
            body,
            derived_key(item.stamp.key, "consultation"),
            item.stamp,
            url,
            item,
            meeting,
            authoritative=False,
        )
        for item, meeting in body.consulted_in.get(project.stamp.key, ())
    ]
    return obj


def recommendation_paper(body: OParlBody, r: RecommendationRecord) -> dict:
    url = body.url("paper", r.stamp.key)
    if not body.published(r):
        return body.tombstone("Paper", r.stamp, url)
    obj = {
        **body.head("Paper", r.stamp, url),
        "body": body.body_url,
        "name": r.title,
        "reference": r.code,
        "paperType": r.kind.label,
        "underDirectionOf": [body.org_url],
        "relatedPaper": [
            body.url("paper", k)
            for k in r.project_keys
            if body.public.projects.get(k, Exposure.NONE).shown
        ],
        f"{VENDOR}responseStatus": r.status.label,
        **body.field_url(r.field_key),
    }
    if r.adopted_on is not None:
        obj["date"] = r.adopted_on.isoformat()
    if r.due_on is not None:
        obj[f"{VENDOR}responseDue"] = r.due_on.isoformat()
    if r.text:
        obj[f"{VENDOR}text"] = r.text
    origin = body.public_items.get(r.origin_item_key) if r.origin_item_key else None
    obj["consultation"] = (
        [
            _consultation(
                body,
                derived_key(r.stamp.key, "consultation"),
                r.stamp,
                url,
                *origin,
                authoritative=True,
            )
        ]
        if origin
        else []
    )
    return obj


def _consultation(
    body: OParlBody,
    key: str,
    stamp: Stamp,
    paper_url: str,
    item: AgendaItemRecord,
    meeting: MeetingRecord,
    *,
    authoritative: bool,
) -> dict:
    own = Stamp(key, stamp.created, max(stamp.modified, item.stamp.modified))
    return {
        **body.head("Consultation", own, body.url("consultation", key)),
        "paper": paper_url,
        "agendaItem": body.url("agenda-item", item.stamp.key),
        "meeting": body.url("meeting", meeting.stamp.key),
        "organization": [body.org_url],
        "authoritative": authoritative,
        "role": "Beschlussfassung" if authoritative else "Beratung",
    }
