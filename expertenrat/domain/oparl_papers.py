"""The OParl Papers of a council: its projects (consulted under agenda items) and its
recommendations (adopted under one, or in writing between meetings), each with its
Consultations."""

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

REPORT_ROLE = "Bericht"
"""The role of the Consultation of a recommendation adopted in writing at the item of a
later meeting that reported it."""


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
    if r.in_writing:
        obj[f"{VENDOR}adoptedInWriting"] = True  # Umlaufverfahren, between meetings
    if r.due_on is not None:
        obj[f"{VENDOR}responseDue"] = r.due_on.isoformat()
    if r.text:
        obj[f"{VENDOR}text"] = r.text
    obj["consultation"] = _adoption(body, r, url)
    return obj


def _adoption(body: OParlBody, r: RecommendationRecord, paper_url: str) -> list[dict]:
    """Where ``r`` was adopted: its public agenda item; for one adopted in writing, the
    public item of a later meeting that reported it (not authoritative: the decision was
    taken in writing; a Consultation names the meeting and item it belongs to). None for
    one adopted otherwise between meetings, or in writing and not reported yet."""
    if r.origin_item_key:
        origin, role, key = r.origin_item_key, "", derived_key(r.stamp.key, "consultation")
    elif r.reported_item_key:
        origin, role, key = r.reported_item_key, REPORT_ROLE, derived_key(r.stamp.key, "report")
    else:
        return []
    found = body.public_items.get(origin)
    if not found:
        return []
    authoritative = not role
    return [
        _consultation(body, key, r.stamp, paper_url, *found, authoritative=authoritative, role=role)
    ]


def _consultation(
    body: OParlBody,
    key: str,
    stamp: Stamp,
    paper_url: str,
    item: AgendaItemRecord,
    meeting: MeetingRecord,
    *,
    authoritative: bool,
    role: str = "",
) -> dict:
    own = Stamp(key, stamp.created, max(stamp.modified, item.stamp.modified))
    return {
        **body.head("Consultation", own, body.url("consultation", key)),
        "paper": paper_url,
        "agendaItem": body.url("agenda-item", item.stamp.key),
        "meeting": body.url("meeting", meeting.stamp.key),
        "organization": [body.org_url],
        "authoritative": authoritative,
        "role": role or ("Beschlussfassung" if authoritative else "Beratung"),
    }
