"""The OParl objects of a council's meetings: Meetings with their Location, their Files
(invitation, public minutes, public annexes as ``auxiliaryFile``) and their AgendaItems,
with the votes as vendor fields."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from urllib.parse import quote

from expertenrat.domain.enums import AgendaItemOutcome, VoteMode
from expertenrat.domain.meetings import meeting_label
from expertenrat.domain.oparl_base import VENDOR, derived_key
from expertenrat.domain.oparl_body import OParlBody
from expertenrat.domain.oparl_public import Exposure
from expertenrat.domain.oparl_records import (
    AgendaItemRecord,
    FileRecord,
    MeetingRecord,
    Stamp,
    VoteRecord,
)
from expertenrat.domain.votes import vote_outcome


def meeting_object(body: OParlBody, meeting: MeetingRecord) -> dict:
    url = body.url("meeting", meeting.stamp.key)
    if meeting.stamp.deleted is not None:
        return body.tombstone("Meeting", meeting.stamp, url)
    name = meeting_label(meeting.number, meeting.kind, " ".join(meeting.title.split()))
    obj = {
        **body.head("Meeting", meeting.stamp, url),
        "name": name,
        "meetingState": meeting.state.label,
        "cancelled": meeting.state.value == "cancelled",
        "start": meeting.start.isoformat(timespec="seconds"),
        "organization": [body.org_url],
    }
    if meeting.end is not None:
        obj["end"] = meeting.end.isoformat(timespec="seconds")
    if meeting.place or meeting.room:
        obj["location"] = _location(body, meeting, url)
    obj["participant"] = [
        body.url("person", k) for k in meeting.present_keys if body.public.published_person(k)
    ]
    of_meeting = f"{name}, {meeting.start:%d.%m.%Y}"
    if meeting.invitation is not None:
        obj["invitation"] = _file(body, meeting.invitation, url, of_meeting)
    if meeting.minutes is not None:
        obj["resultsProtocol"] = _file(body, meeting.minutes, url, of_meeting)
    if meeting.annexes:
        obj["auxiliaryFile"] = [_file(body, a, url, of_meeting) for a in meeting.annexes]
    obj["agendaItem"] = [
        _item(body, item, url, minutes_approved=meeting.minutes is not None)
        for item in meeting.items
        if body.public.items[item.stamp.key].shown
    ]
    if meeting.number is not None:
        obj[f"{VENDOR}number"] = meeting.number
    return obj


def items_of_deleted_meetings(body: OParlBody, meetings: Iterable[MeetingRecord]) -> list[dict]:
    """The public items of deleted meetings as tombstones (their meeting is only one)."""
    return [
        body.tombstone("AgendaItem", i.stamp, body.url("agenda-item", i.stamp.key))
        for m in meetings
        if m.stamp.deleted is not None
        for i in m.items
        if body.public.items[i.stamp.key].shown
    ]


def _location(body: OParlBody, meeting: MeetingRecord, meeting_url: str) -> dict:
    key = derived_key(meeting.stamp.key, "location")
    stamp = Stamp(key, meeting.stamp.created, meeting.stamp.modified)
    obj = {
        **body.head("Location", stamp, body.url("location", key)),
        "description": ", ".join(p for p in (meeting.place, meeting.room) if p),
        "locality": body.council.city,
        "meeting": [meeting_url],
    }
    if meeting.room:
        obj["room"] = meeting.room
    return obj


def _file(body: OParlBody, record: FileRecord, meeting_url: str, of_meeting: str) -> dict:
    """``of_meeting``: "7. Sitzung, 11.12.2026", in the name, which a portal lists the files
    by ("Einladung – 7. Sitzung, 11.12.2026"; each file is called ``protokoll.pdf`` or
    ``einladung.pdf`` in a folder of its own; an annex by its own file name)."""
    key = record.stamp.key
    access = f"file/{key}/{record.file_name}"
    download = f"download/{key}/{record.file_name}"
    body.tree.contents[access] = record.content
    body.tree.contents[download] = record.content
    obj = {
        **body.head("File", record.stamp, body.url("file", key)),
        "name": f"{record.name} – {of_meeting}",
        "fileName": record.file_name,
        "mimeType": record.mime_type,
        "size": len(record.content),
        "sha512Checksum": hashlib.sha512(record.content).hexdigest(),
        "accessUrl": f"{body.base}/{quote(access)}",
        "downloadUrl": f"{body.base}/{quote(download)}",
        "meeting": [meeting_url],
    }
    if record.on is not None:
        obj["date"] = record.on.isoformat()
    return obj


def _item(
    body: OParlBody, item: AgendaItemRecord, meeting_url: str, *, minutes_approved: bool
) -> dict:
    """The item; what its minutes say of it (result, resolution text, votes, recusals with
    their reasons) only once they are approved: a draft is the council's, not yet public,
    and may still change after an objection."""
    url = body.url("agenda-item", item.stamp.key)
    if body.public.items[item.stamp.key] is Exposure.TOMBSTONE:
        return body.tombstone("AgendaItem", item.stamp, url)
    obj = {
        **body.head("AgendaItem", item.stamp, url),
        "meeting": meeting_url,
        "number": item.number,
        "order": item.order,
        "name": item.title,
        "public": True,
    }
    consultation = _item_consultation(body, item)
    if consultation:
        obj["consultation"] = consultation
    if minutes_approved:
        obj.update(_minutes_fields(body, item))
    return obj


def _minutes_fields(body: OParlBody, item: AgendaItemRecord) -> dict:
    """What the approved minutes say of ``item``."""
    obj: dict = {}
    result = _result(item)
    if result:
        obj["result"] = result
    if item.resolution_text:
        obj["resolutionText"] = item.resolution_text
    obj.update(_vote_fields(body, item))
    recused = [
        {"person": body.url("person", r.person_key), "reason": r.reason}
        for r in item.recusals
        if body.public.published_person(r.person_key)
    ]
    if recused:
        obj[f"{VENDOR}recused"] = recused
    return obj


def _item_consultation(body: OParlBody, item: AgendaItemRecord) -> str | None:
    if item.project_key and body.public.projects.get(item.project_key, Exposure.NONE).shown:
        return body.url("consultation", derived_key(item.stamp.key, "consultation"))
    adopted = body.adopted_in.get(item.stamp.key)
    if adopted is not None:
        return body.url("consultation", derived_key(adopted.stamp.key, "consultation"))
    return None


def _result(item: AgendaItemRecord) -> str:
    """ "vertagt" or "abgesetzt" for an item not dealt with, else the minutes' result of the
    item, else what came of its last vote ("angenommen"), else nothing."""
    if item.outcome is not AgendaItemOutcome.DISCUSSED:
        return item.outcome.label
    if item.result or not item.votes:
        return item.result
    last = item.votes[-1]
    return vote_outcome(last.mode, last.adopted)


def _vote_fields(body: OParlBody, item: AgendaItemRecord) -> dict:
    """The last vote on the item as vendor fields (OParl has no vote counts); all of them
    as ``expertenrat:votes`` when there were several."""
    if not item.votes:
        return {}
    votes = [
        {
            f"{VENDOR}voteMode": v.mode.value,
            f"{VENDOR}votesYes": v.yes,
            f"{VENDOR}votesNo": v.no,
            f"{VENDOR}votesAbstain": v.abstain,
            f"{VENDOR}votesRecused": v.recused,
            f"{VENDOR}adopted": v.adopted,
            **(_election_fields(body, v) if v.mode is VoteMode.ELECTION else {}),
        }
        for v in item.votes
    ]
    fields = dict(votes[-1])
    if len(votes) > 1:
        fields[f"{VENDOR}votes"] = votes
    return fields


def _election_fields(body: OParlBody, vote: VoteRecord) -> dict:
    """An election's counts: per candidate the votes, whether elected, and the person where
    a member whose name is published (no name of anyone else: a typed name is left out)."""
    candidates = []
    for c in vote.candidates:
        shown = c.person_key is not None and body.public.published_person(c.person_key)
        person = {"person": body.url("person", c.person_key)} if shown else {}
        candidates.append({**person, f"{VENDOR}votes": c.votes, f"{VENDOR}elected": c.elected})
    fields: dict = {
        f"{VENDOR}votesInvalid": vote.invalid,
        f"{VENDOR}secretBallot": vote.secret,
        f"{VENDOR}candidates": candidates,
    }
    if vote.accepted is not None:
        fields[f"{VENDOR}electionAccepted"] = vote.accepted
    return fields
