"""The OParl objects of a council's people: the council and its action fields as
Organizations, Persons with their Memberships, and the council's LegislativeTerms (its appointment
periods)."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.oparl_base import VENDOR, derived_key
from expertenrat.domain.oparl_body import OParlBody
from expertenrat.domain.oparl_public import Exposure
from expertenrat.domain.oparl_records import MembershipRecord, PersonRecord, Stamp


def council_organization(body: OParlBody) -> dict:
    c = body.council
    stamp = Stamp(derived_key(c.stamp.key, "organization"), c.stamp.created, c.stamp.modified)
    published = [
        body.url("membership", m.stamp.key)
        for m in c.memberships
        if body.public.memberships[m.stamp.key] is Exposure.FULL
    ]
    return {
        **body.head("Organization", stamp, body.org_url),
        "body": body.body_url,
        "name": c.name,
        "shortName": c.short_name or c.name,
        "organizationType": "Gremium",
        **({"classification": c.classification} if c.classification else {}),
        "membership": published,
        **({"website": c.website} if c.website else {}),
    }


def field_organizations(body: OParlBody) -> list[dict]:
    return [
        {
            **body.head("Organization", f.stamp, body.url("organization", f.stamp.key)),
            "body": body.body_url,
            "name": f.name,
            "organizationType": "Arbeitsgruppe",
            "classification": "Handlungsfeld",
            "subOrganizationOf": body.org_url,
        }
        for f in body.council.fields
    ]


def person_object(body: OParlBody, person: PersonRecord, memberships: list[dict]) -> dict:
    """``memberships``: the person's published ones in every council."""
    url = body.url("person", person.stamp.key)
    if body.public.persons[person.stamp.key] is not Exposure.FULL:
        return body.tombstone("Person", person.stamp, url)
    name = " ".join(p for p in (person.title, person.given_name, person.family_name) if p)
    obj = {  # no ``body``: the same person may sit in several councils
        **body.head("Person", person.stamp, url),
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
    obj["membership"] = memberships
    # The memberships are part of what the person shows: a later change of one (its role's
    # title set anew by its council) is a change of the person too.
    obj["modified"] = max([obj["modified"], *(m["modified"] for m in memberships)])
    return obj


def membership_object(body: OParlBody, membership: MembershipRecord) -> dict:
    url = body.url("membership", membership.stamp.key)
    obj = {
        **body.head("Membership", membership.stamp, url),
        "person": body.url("person", membership.person_key),
        "organization": body.org_url,
        "role": membership.role_title or membership.role.label,
        "votingRight": membership.voting_right,
        "startDate": membership.start.isoformat(),
        **body.field_url(membership.field_key),
    }
    if membership.end is not None:
        obj["endDate"] = membership.end.isoformat()
    if membership.further_field_keys:
        obj[f"{VENDOR}furtherActionFields"] = [
            body.url("organization", k) for k in membership.further_field_keys
        ]
    return obj


def membership_tombstones(body: OParlBody) -> list[dict]:
    """Memberships deleted, or of a person no longer published (never embedded); such
    a membership dies when its person does (the person's change is its ``modified``)."""
    persons = {p.stamp.key: p.stamp for p in body.council.persons}
    found = []
    for m in body.council.memberships:
        if body.public.memberships[m.stamp.key] is not Exposure.TOMBSTONE:
            continue
        person = persons[m.person_key]
        died = max(m.stamp.deleted or m.stamp.modified, person.deleted or person.modified)
        stamp = Stamp(m.stamp.key, m.stamp.created, m.stamp.modified, died)
        found.append(body.tombstone("Membership", stamp, body.url("membership", m.stamp.key)))
    return found


def legislative_terms(body: OParlBody) -> list[dict]:
    """One LegislativeTerm per appointment period of the council (its Berufungsperiode:
    what OParl means by the term of a body). A council that keeps none has one open term
    from the earliest start of a published membership, none without one: the term of a
    member who has not agreed to be named is personal data (one appointed alone, in the
    middle of a term, would be told by it), and one term per member's term made a term of
    each member who left early."""
    c = body.council
    if c.periods:
        return [_term(body, p.stamp, p.name, p.start, p.end) for p in c.periods]
    starts = [
        m.start for m in c.memberships if body.public.memberships.get(m.stamp.key) is Exposure.FULL
    ]
    if not starts:
        return []
    start = min(starts)
    stamp = Stamp(derived_key(c.stamp.key, "term"), c.stamp.created, c.stamp.modified)
    return [_term(body, stamp, f"Amtszeit ab {start:%d.%m.%Y}", start, None)]


def _term(body: OParlBody, stamp: Stamp, name: str, start: date, end: date | None) -> dict:
    term = {
        **body.head("LegislativeTerm", stamp, body.url("legislative-term", stamp.key)),
        "body": body.body_url,
        "name": name,
        "startDate": start.isoformat(),
    }
    if end is not None:
        term["endDate"] = end.isoformat()
    return term
