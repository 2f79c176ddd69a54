"""The OParl 1.1 mapping: council records in, the objects of a static OParl tree out.

System → Body (a council) → Organization (the council; each action field as a working
group) → Person with embedded Membership → Meeting with embedded Location, AgendaItem and
File (invitation, public minutes, public annexes) → Paper (consulted projects;
recommendations with their code as reference) with embedded Consultation →
LegislativeTerm (the council's appointment periods).

Every object's ``id`` is ``{base}/{kind}/{uuid}.json``: the uuid is the record's public id
(or one derived from it with :func:`derived_key`), so ids never change between exports.
Lists are pre-built pages ``{base}/body/{uuid}/{list}.json``, ``…/{list}-2.json`` … What
goes out is decided by :mod:`expertenrat.domain.oparl_public`; what OParl lacks goes into
``expertenrat:`` vendor fields.

This module puts the tree together (System, Bodies, their lists, tombstones of what an
earlier export published); the objects come from ``oparl_members`` (organizations,
persons, memberships, terms), ``oparl_meetings`` (meetings, files, agenda items) and
``oparl_papers`` (projects, recommendations, consultations).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from expertenrat.domain.oparl_base import SCHEMA, VENDOR, OParlTree, add_list, utc_text
from expertenrat.domain.oparl_body import OParlBody
from expertenrat.domain.oparl_meetings import items_of_deleted_meetings, meeting_object
from expertenrat.domain.oparl_members import (
    council_organization,
    field_organizations,
    legislative_terms,
    membership_object,
    membership_tombstones,
    person_object,
)
from expertenrat.domain.oparl_papers import project_paper, recommendation_paper
from expertenrat.domain.oparl_previous import (
    BODIES,
    OBJECT_LISTS,
    PreviousExport,
    modified_since,
    tombstone,
)
from expertenrat.domain.oparl_public import Exposure
from expertenrat.domain.oparl_records import CouncilRecord, export_title


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
    if previous is not None:
        _date_changes(tree, previous, utc_text(now))
    system_url = f"{base_url}/system.json"
    stamps = [c.stamp for c in councils]
    system = {
        "id": system_url,
        "type": f"{SCHEMA}System",
        "oparlVersion": SCHEMA,
        "body": f"{base_url}/bodies.json",
        "name": export_title(councils, "Ratsinformationen"),
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


def _date_changes(tree: OParlTree, previous: PreviousExport, now: str) -> None:
    """Each object's ``modified`` as :func:`modified_since` says, against what ``previous``
    published at its path. An embedded object is the same dict as its own file's, so it
    is dated once, for both; a person of several councils is one dict per council's list,
    each dated alike."""
    dated: dict[str, str] = {}
    for path, obj in tree.documents.items():
        if path.count("/") == 1 and path.split("/", 1)[0] in OBJECT_LISTS:
            obj["modified"] = dated[path] = modified_since(obj, previous.published(path), now)
    for page in tree.documents.values():
        for obj in page.get("data", ()) if "pagination" in page else ():
            if (path := tree.path(obj["id"])) in dated:
                obj["modified"] = dated[path]


class _BodyBuilder:
    def __init__(
        self, tree: OParlTree, council: CouncilRecord, memberships: dict[str, list[dict]]
    ) -> None:
        self.tree = tree
        self.council = council
        self.body = OParlBody(tree, council)
        self.memberships_of = memberships  # every council's published ones, by person
        self.memberships: list[dict] = []  # this council's
        self.listed: dict[str, list[dict]] = {}  # list name → objects, by build()

    def collect_memberships(self) -> None:
        for m in self.council.memberships:
            if self.body.public.memberships[m.stamp.key] is Exposure.FULL:
                self.memberships.append(membership_object(self.body, m))
                self.memberships_of.setdefault(m.person_key, []).append(self.memberships[-1])

    def build(self) -> dict:
        c = self.council
        body = self.body
        public = body.public
        organizations = [council_organization(body), *field_organizations(body)]
        persons = [
            person_object(body, p, self.memberships_of.get(p.stamp.key, []))
            for p in c.persons
            if public.persons[p.stamp.key].shown
        ]
        memberships = self.memberships + membership_tombstones(body)
        meetings = [meeting_object(body, m) for m in c.meetings]
        items = [i for m in meetings for i in m.get("agendaItem", ())]
        items += items_of_deleted_meetings(body, c.meetings)
        files = [f for m in meetings for f in (m.get("invitation"), m.get("resultsProtocol")) if f]
        files += [f for m in meetings for f in m.get("auxiliaryFile", ())]
        files += [
            body.tombstone("File", stamp, body.url("file", stamp.key))
            for m in c.meetings
            for stamp in m.retired
        ]
        locations = [m["location"] for m in meetings if "location" in m]
        papers = [project_paper(body, p) for p in c.projects if public.projects[p.stamp.key].shown]
        papers += [
            recommendation_paper(body, r)
            for r in c.recommendations
            if public.recommendations[r.stamp.key].shown
        ]
        consultations = [x for p in papers for x in p.get("consultation", ())]
        terms = legislative_terms(body)
        lists = body.lists
        body_object = {
            **body.head("Body", c.stamp, body.body_url),
            "system": f"{body.base}/system.json",
            "name": c.name,
            "shortName": c.short_name or c.name,
            **({"website": c.website} if c.website else {}),
            **({"classification": c.classification} if c.classification else {}),
            "organization": f"{lists}/organizations.json",
            "person": f"{lists}/persons.json",
            "meeting": f"{lists}/meetings.json",
            "paper": f"{lists}/papers.json",
            "legislativeTerm": terms,
            "agendaItem": f"{lists}/agenda-items.json",
            "consultation": f"{lists}/consultations.json",
            "file": f"{lists}/files.json",
            "locationList": f"{lists}/locations.json",
            "legislativeTermList": f"{lists}/legislative-terms.json",
            "membership": f"{lists}/memberships.json",
            f"{VENDOR}city": c.city,
        }
        body.store(body_object)
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
        return body_object

    def publish(self) -> None:
        """The objects of every list as files, and the lists' pages."""
        for name, objects in self.listed.items():
            for obj in objects:
                self.body.store(obj)
            add_list(self.tree, f"{self.body.lists}/{name}", objects)
