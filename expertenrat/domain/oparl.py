"""The OParl 1.1 mapping: council records in, the objects of a static OParl tree out.

System → Body (a council) → Organization (the council; each action field as a working
group) → Person with embedded Membership → Meeting with embedded Location, AgendaItem and
File (invitation, public minutes) → Paper (consulted projects; recommendations with their
code as reference) with embedded Consultation → LegislativeTerm (the members' terms).

Every object's ``id`` is ``{base}/{kind}/{uuid}.json``: the uuid is the record's public id
(or one derived from it with :func:`derived_key`), so ids never change between exports.
Lists are pre-built pages ``{base}/body/{uuid}/{list}.json``, ``…/{list}-2.json`` … What
goes out is decided by :mod:`expertenrat.domain.oparl_public`; what OParl lacks goes into
``expertenrat:`` vendor fields.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from urllib.parse import quote

from expertenrat.domain.oparl_base import (
    SCHEMA,
    VENDOR,
    OParlTree,
    add_list,
    derived_key,
    utc_text,
)
from expertenrat.domain.oparl_previous import BODIES, PreviousExport, tombstone
from expertenrat.domain.oparl_public import Exposure, PublicCouncil
from expertenrat.domain.oparl_records import (
    AgendaItemRecord,
    CouncilRecord,
    FileRecord,
    MeetingRecord,
    MembershipRecord,
    PersonRecord,
    ProjectRecord,
    RecommendationRecord,
    Stamp,
)
from expertenrat.domain.votes import vote_outcome


def oparl_tree(
    base_url: str,
    councils: Sequence[CouncilRecord],
    previous: PreviousExport | None = None,
    now: datetime | None = None,
) -> OParlTree:
    """Every council as a Body of one System; ``previous``: the export this one replaces,
    whose objects missing now stay as tombstones; ``now``: the export's time (UTC)."""
    tree = OParlTree(base_url)
    memberships: dict[str, list[dict]] = {}  # by person: a person may sit in several councils
    builders = [_BodyBuilder(tree, council, memberships) for council in councils]
    for builder in builders:
        builder.collect_memberships()
    bodies = [builder.build() for builder in builders]
    now = now or datetime.now(UTC).replace(tzinfo=None)
    if previous is not None:
        _keep_tombstones(tree, builders, bodies, previous, utc_text(now))
    for builder in builders:
        builder.publish()
    system_url = f"{base_url}/system.json"
    stamps = [c.stamp for c in councils]
    system = {
        "id": system_url,
        "type": f"{SCHEMA}System",
        "oparlVersion": SCHEMA,
        "body": f"{base_url}/bodies.json",
        "name": "Expertenrat – Ratsinformationen",
        "created": utc_text(min((s.created for s in stamps), default=now)),
        "modified": utc_text(max((s.modified for s in stamps), default=now)),
    }
    tree.documents["system.json"] = system
    add_list(tree, f"{base_url}/bodies", bodies)
    return tree


def _keep_tombstones(
    tree: OParlTree,
    builders: list[_BodyBuilder],
    bodies: list[dict],
    previous: PreviousExport,
    now: str,
) -> None:
    """Every object of ``previous`` that is missing now, as a tombstone in the lists it
    stood in (of the bodies still there)."""
    lists = {(BODIES, "bodies"): bodies}
    for builder in builders:
        for name, objects in builder.listed.items():
            lists[(builder.council.stamp.key, name)] = objects
    published = {tree.path(obj["id"]) for objects in lists.values() for obj in objects}
    for gone in previous.missing(published):
        stone = tombstone(tree.base_url, gone, now)
        for place in gone.lists:
            if place in lists:
                lists[place].append(stone)
                tree.documents[gone.path] = stone


class _BodyBuilder:
    def __init__(
        self, tree: OParlTree, council: CouncilRecord, memberships: dict[str, list[dict]]
    ) -> None:
        self.tree = tree
        self.council = council
        self.memberships_of = memberships  # every council's published ones, by person
        self.memberships: list[dict] = []  # this council's
        self.public = PublicCouncil(council)
        self.base = tree.base_url
        self.body_url = self.url("body", council.stamp.key)
        self.org_url = self.url("organization", derived_key(council.stamp.key, "organization"))
        self.lists = f"{self.base}/body/{council.stamp.key}"
        self.listed: dict[str, list[dict]] = {}  # list name → objects, by build()
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
            if r.origin_item_key and self._published(r):
                self.adopted_in.setdefault(r.origin_item_key, r)

    def url(self, kind: str, key: str) -> str:
        return f"{self.base}/{kind}/{key}.json"

    def collect_memberships(self) -> None:
        for m in self.council.memberships:
            if self.public.memberships[m.stamp.key] is Exposure.FULL:
                self.memberships.append(self._membership(m))
                self.memberships_of.setdefault(m.person_key, []).append(self.memberships[-1])

    def build(self) -> dict:
        c = self.council
        organizations = [self._council_organization(), *self._field_organizations()]
        persons = [self._person(p) for p in c.persons if self.public.persons[p.stamp.key].shown]
        memberships = self.memberships + self._membership_tombstones()
        meetings = [self._meeting(m) for m in c.meetings]
        items = [i for m in meetings for i in m.get("agendaItem", ())]
        items += self._tombstone_items_of_deleted(c.meetings)
        files = [f for m in meetings for f in (m.get("invitation"), m.get("resultsProtocol")) if f]
        files += [
            self._tombstone("File", stamp, self.url("file", stamp.key))
            for m in c.meetings
            for stamp in m.retired
        ]
        locations = [m["location"] for m in meetings if "location" in m]
        papers = [self._project(p) for p in c.projects if self.public.projects[p.stamp.key].shown]
        papers += [
            self._recommendation(r)
            for r in c.recommendations
            if self.public.recommendations[r.stamp.key].shown
        ]
        consultations = [x for p in papers for x in p.get("consultation", ())]
        terms = self._terms()
        body = {
            **self._head("Body", c.stamp, self.body_url),
            "system": f"{self.base}/system.json",
            "name": c.name,
            "shortName": c.short_name or c.name,
            **({"website": c.website} if c.website else {}),
            **({"classification": c.classification} if c.classification else {}),
            "organization": f"{self.lists}/organizations.json",
            "person": f"{self.lists}/persons.json",
            "meeting": f"{self.lists}/meetings.json",
            "paper": f"{self.lists}/papers.json",
            "legislativeTerm": terms,
            "agendaItem": f"{self.lists}/agenda-items.json",
            "consultation": f"{self.lists}/consultations.json",
            "file": f"{self.lists}/files.json",
            "locationList": f"{self.lists}/locations.json",
            "legislativeTermList": f"{self.lists}/legislative-terms.json",
            "membership": f"{self.lists}/memberships.json",
            f"{VENDOR}city": c.city,
        }
        self._store(body)
        self.listed = {
            "organizations": organizations,
            "persons": persons,
            "memberships": memberships,
            "meetings": meetings,
            "agenda-items": items,
            "papers": papers,
            "consultations": consultations,
            "files": files,
            "locations": locations,
            "legislative-terms": terms,
        }
        return body

    def publish(self) -> None:
        """The objects of every list as files, and the lists' pages."""
        for name, objects in self.listed.items():
            for obj in objects:
                self._store(obj)
            add_list(self.tree, f"{self.lists}/{name}", objects)

    # -- objects -------------------------------------------------------------------------

    def _head(self, kind: str, stamp: Stamp, url: str) -> dict:
        return {
            "id": url,
            "type": f"{SCHEMA}{kind}",
            "created": utc_text(stamp.created),
            "modified": utc_text(stamp.deleted or stamp.modified),
        }

    def _tombstone(self, kind: str, stamp: Stamp, url: str) -> dict:
        deleted = stamp.deleted or stamp.modified
        return {**self._head(kind, stamp, url), "modified": utc_text(deleted), "deleted": True}

    def _council_organization(self) -> dict:
        c = self.council
        stamp = Stamp(derived_key(c.stamp.key, "organization"), c.stamp.created, c.stamp.modified)
        published = [
            self.url("membership", m.stamp.key)
            for m in c.memberships
            if self.public.memberships[m.stamp.key] is Exposure.FULL
        ]
        return {
            **self._head("Organization", stamp, self.org_url),
            "body": self.body_url,
            "name": c.name,
            "shortName": c.short_name or c.name,
            "organizationType": "Gremium",
            **({"classification": c.classification} if c.classification else {}),
            "membership": published,
            **({"website": c.website} if c.website else {}),
        }

    def _field_organizations(self) -> list[dict]:
        return [
            {
                **self._head("Organization", f.stamp, self.url("organization", f.stamp.key)),
                "body": self.body_url,
                "name": f.name,
                "organizationType": "Arbeitsgruppe",
                "classification": "Handlungsfeld",
                "subOrganizationOf": self.org_url,
            }
            for f in self.council.fields
        ]

    def _field_url(self, key: str | None) -> dict:
        return {f"{VENDOR}actionField": self.url("organization", key)} if key else {}

    def _person(self, person: PersonRecord) -> dict:
        url = self.url("person", person.stamp.key)
        if self.public.persons[person.stamp.key] is not Exposure.FULL:
            return self._tombstone("Person", person.stamp, url)
        name = " ".join(p for p in (person.title, person.given_name, person.family_name) if p)
        obj = {  # no ``body``: the same person may sit in several councils
            **self._head("Person", person.stamp, url),
            "name": name,
            "givenName": person.given_name,
            "familyName": person.family_name,
        }
        if person.title:
            obj["title"] = [person.title]
        if person.form_of_address:
            obj["formOfAddress"] = person.form_of_address
        if person.affiliation:
            obj[f"{VENDOR}affiliation"] = person.affiliation
        if person.publish_contact:
            if person.email:
                obj["email"] = [person.email]
            if person.phone:
                obj["phone"] = [person.phone]
        obj["membership"] = self.memberships_of.get(person.stamp.key, [])
        return obj

    def _membership(self, membership: MembershipRecord) -> dict:
        url = self.url("membership", membership.stamp.key)
        obj = {
            **self._head("Membership", membership.stamp, url),
            "person": self.url("person", membership.person_key),
            "organization": self.org_url,
            "role": membership.role.label,
            "votingRight": membership.voting_right,
            "startDate": membership.start.isoformat(),
            **self._field_url(membership.field_key),
        }
        if membership.end is not None:
            obj["endDate"] = membership.end.isoformat()
        if membership.further_field_keys:
            obj[f"{VENDOR}furtherActionFields"] = [
                self.url("organization", k) for k in membership.further_field_keys
            ]
        return obj

    def _membership_tombstones(self) -> list[dict]:
        """Memberships deleted, or of a person no longer published (never embedded); such
        a membership dies when its person does (the person's change is its ``modified``)."""
        persons = {p.stamp.key: p.stamp for p in self.council.persons}
        found = []
        for m in self.council.memberships:
            if self.public.memberships[m.stamp.key] is not Exposure.TOMBSTONE:
                continue
            person = persons[m.person_key]
            died = max(m.stamp.deleted or m.stamp.modified, person.deleted or person.modified)
            stamp = Stamp(m.stamp.key, m.stamp.created, m.stamp.modified, died)
            found.append(self._tombstone("Membership", stamp, self.url("membership", m.stamp.key)))
        return found

    def _meeting(self, meeting: MeetingRecord) -> dict:
        url = self.url("meeting", meeting.stamp.key)
        if meeting.stamp.deleted is not None:
            return self._tombstone("Meeting", meeting.stamp, url)
        name = meeting.title or (f"{meeting.number}. Sitzung" if meeting.number else "Sitzung")
        obj = {
            **self._head("Meeting", meeting.stamp, url),
            "name": name,
            "meetingState": meeting.state.label,
            "cancelled": meeting.state.value == "cancelled",
            "start": meeting.start.isoformat(timespec="seconds"),
            "organization": [self.org_url],
        }
        if meeting.end is not None:
            obj["end"] = meeting.end.isoformat(timespec="seconds")
        if meeting.place or meeting.room:
            obj["location"] = self._location(meeting, url)
        obj["participant"] = [
            self.url("person", k) for k in meeting.present_keys if self.public.published_person(k)
        ]
        if meeting.invitation is not None:
            obj["invitation"] = self._file(meeting.invitation, url)
        if meeting.minutes is not None:
            obj["resultsProtocol"] = self._file(meeting.minutes, url)
        obj["agendaItem"] = [
            self._item(meeting, item, url)
            for item in meeting.items
            if self.public.items[item.stamp.key].shown
        ]
        if meeting.number is not None:
            obj[f"{VENDOR}number"] = meeting.number
        return obj

    def _location(self, meeting: MeetingRecord, meeting_url: str) -> dict:
        key = derived_key(meeting.stamp.key, "location")
        stamp = Stamp(key, meeting.stamp.created, meeting.stamp.modified)
        obj = {
            **self._head("Location", stamp, self.url("location", key)),
            "description": ", ".join(p for p in (meeting.place, meeting.room) if p),
            "locality": self.council.city,
            "meeting": [meeting_url],
        }
        if meeting.room:
            obj["room"] = meeting.room
        return obj

    def _file(self, record: FileRecord, meeting_url: str) -> dict:
        key = record.stamp.key
        access = f"file/{key}/{record.file_name}"
        download = f"download/{key}/{record.file_name}"
        self.tree.contents[access] = record.content
        self.tree.contents[download] = record.content
        obj = {
            **self._head("File", record.stamp, self.url("file", key)),
            "name": record.name,
            "fileName": record.file_name,
            "mimeType": record.mime_type,
            "size": len(record.content),
            "sha512Checksum": hashlib.sha512(record.content).hexdigest(),
            "accessUrl": f"{self.base}/{quote(access)}",
            "downloadUrl": f"{self.base}/{quote(download)}",
            "meeting": [meeting_url],
        }
        if record.on is not None:
            obj["date"] = record.on.isoformat()
        return obj

    def _item(self, meeting: MeetingRecord, item: AgendaItemRecord, meeting_url: str) -> dict:
        url = self.url("agenda-item", item.stamp.key)
        if self.public.items[item.stamp.key] is Exposure.TOMBSTONE:
            return self._tombstone("AgendaItem", item.stamp, url)
        obj = {
            **self._head("AgendaItem", item.stamp, url),
            "meeting": meeting_url,
            "number": item.number,
            "order": item.order,
            "name": item.title,
            "public": True,
        }
        consultation = self._item_consultation(item)
        if consultation:
            obj["consultation"] = consultation
        result = _result(item)
        if result:
            obj["result"] = result
        if item.resolution_text:
            obj["resolutionText"] = item.resolution_text
        obj.update(_vote_fields(item))
        recused = [
            {"person": self.url("person", r.person_key), "reason": r.reason}
            for r in item.recusals
            if self.public.published_person(r.person_key)
        ]
        if recused:
            obj[f"{VENDOR}recused"] = recused
        return obj

    def _item_consultation(self, item: AgendaItemRecord) -> str | None:
        if item.project_key and self.public.projects.get(item.project_key, Exposure.NONE).shown:
            return self.url("consultation", derived_key(item.stamp.key, "consultation"))
        adopted = self.adopted_in.get(item.stamp.key)
        if adopted is not None:
            return self.url("consultation", derived_key(adopted.stamp.key, "consultation"))
        return None

    def _published(self, recommendation: RecommendationRecord) -> bool:
        return self.public.recommendations[recommendation.stamp.key] is Exposure.FULL

    def _tombstone_items_of_deleted(self, meetings: Iterable[MeetingRecord]) -> list[dict]:
        """The public items of deleted meetings (their meeting is only a tombstone)."""
        return [
            self._tombstone("AgendaItem", i.stamp, self.url("agenda-item", i.stamp.key))
            for m in meetings
            if m.stamp.deleted is not None
            for i in m.items
            if self.public.items[i.stamp.key].shown
        ]

    def _project(self, project: ProjectRecord) -> dict:
        url = self.url("paper", project.stamp.key)
        if self.public.projects[project.stamp.key] is Exposure.TOMBSTONE:
            return self._tombstone("Paper", project.stamp, url)
        obj = {
            **self._head("Paper", project.stamp, url),
            "body": self.body_url,
            "name": project.title,
            "paperType": "Projekt",
            **self._field_url(project.field_key),
        }
        if project.short_code:
            obj["reference"] = project.short_code
        obj["consultation"] = [
            self._consultation(
                derived_key(item.stamp.key, "consultation"),
                item.stamp,
                url,
                item,
                meeting,
                authoritative=False,
            )
            for item, meeting in self.consulted_in.get(project.stamp.key, ())
        ]
        return obj

    def _recommendation(self, r: RecommendationRecord) -> dict:
        url = self.url("paper", r.stamp.key)
        if not self._published(r):
            return self._tombstone("Paper", r.stamp, url)
        obj = {
            **self._head("Paper", r.stamp, url),
            "body": self.body_url,
            "name": r.title,
            "reference": r.code,
            "paperType": r.kind.label,
            "underDirectionOf": [self.org_url],
            "relatedPaper": [
                self.url("paper", k)
                for k in r.project_keys
                if self.public.projects.get(k, Exposure.NONE).shown
            ],
            f"{VENDOR}responseStatus": r.status.label,
            **self._field_url(r.field_key),
        }
        if r.adopted_on is not None:
            obj["date"] = r.adopted_on.isoformat()
        if r.due_on is not None:
            obj[f"{VENDOR}responseDue"] = r.due_on.isoformat()
        if r.text:
            obj[f"{VENDOR}text"] = r.text
        origin = self._origin(r)
        obj["consultation"] = (
            [
                self._consultation(
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

    def _origin(self, r: RecommendationRecord) -> tuple[AgendaItemRecord, MeetingRecord] | None:
        return self.public_items.get(r.origin_item_key) if r.origin_item_key else None

    def _consultation(
        self,
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
            **self._head("Consultation", own, self.url("consultation", key)),
            "paper": paper_url,
            "agendaItem": self.url("agenda-item", item.stamp.key),
            "meeting": self.url("meeting", meeting.stamp.key),
            "organization": [self.org_url],
            "authoritative": authoritative,
            "role": "Beschlussfassung" if authoritative else "Beratung",
        }

    def _terms(self) -> list[dict]:
        c = self.council
        periods = sorted(
            {(m.start, m.end) for m in c.memberships if m.stamp.deleted is None},
            key=lambda p: (p[0], p[1] or date.max),
        )
        terms = []
        for start, end in periods:
            key = derived_key(c.stamp.key, "term", start.isoformat(), str(end))
            stamp = Stamp(key, c.stamp.created, c.stamp.modified)
            term = {
                **self._head("LegislativeTerm", stamp, self.url("legislative-term", key)),
                "body": self.body_url,
                "name": f"Amtszeit ab {start:%d.%m.%Y}" + (f" bis {end:%d.%m.%Y}" if end else ""),
                "startDate": start.isoformat(),
            }
            if end is not None:
                term["endDate"] = end.isoformat()
            terms.append(term)
        return terms

    def _store(self, obj: dict) -> None:
        self.tree.documents[self.tree.path(obj["id"])] = obj


def _result(item: AgendaItemRecord) -> str:
    """The minutes' result of the item, else what came of its last vote ("angenommen"),
    else nothing."""
    if item.result or not item.votes:
        return item.result
    last = item.votes[-1]
    return vote_outcome(last.mode, last.adopted)


def _vote_fields(item: AgendaItemRecord) -> dict:
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
        }
        for v in item.votes
    ]
    fields = dict(votes[-1])
    if len(votes) > 1:
        fields[f"{VENDOR}votes"] = votes
    return fields
