"""What the OParl export reads: the council's records as plain values, before any rule.

The service fills these from the database, everything included (non-public items,
unconsented names); :mod:`expertenrat.domain.oparl` decides what of it goes out. ``key``
is the record's stable public UUID; ``created``/``modified``/``deleted`` are naive UTC.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from expertenrat.domain.enums import (
    AgendaItemOutcome,
    MeetingKind,
    MeetingState,
    MemberRole,
    RecommendationKind,
    RecommendationStatus,
    VoteMode,
)


@dataclass(frozen=True, slots=True)
class Stamp:
    """Identity and times of a record: its public UUID, created, modified, deleted (UTC)."""

    key: str
    created: datetime
    modified: datetime
    deleted: datetime | None = None


@dataclass(frozen=True, slots=True)
class ActionFieldRecord:
    stamp: Stamp
    name: str


@dataclass(frozen=True, slots=True)
class PersonRecord:
    stamp: Stamp
    given_name: str
    family_name: str
    title: str = ""
    form_of_address: str = ""
    affiliation: str = ""
    email: str = ""
    phone: str = ""
    publish_name: bool = False
    publish_name_on: date | None = None  # with publish_name False: the day it was withdrawn
    publish_contact: bool = False


@dataclass(frozen=True, slots=True)
class MembershipRecord:
    stamp: Stamp
    person_key: str
    role: MemberRole
    start: date
    end: date | None = None
    voting_right: bool = True
    field_key: str | None = None  # the primary action field
    further_field_keys: tuple[str, ...] = ()
    role_title: str = ""  # the council's title of the role ("Sprecher*in"); "" = role.label


@dataclass(frozen=True, slots=True)
class FileRecord:
    """A document that goes out with its bytes (invitation, public minutes, public annex)."""

    stamp: Stamp
    name: str
    file_name: str
    content: bytes
    on: date | None = None
    mime_type: str = "application/pdf"


@dataclass(frozen=True, slots=True)
class CandidateRecord:
    """A person who stood in an election: ``person_key`` where a member (named only where
    published), never a name typed (the export carries no names of others)."""

    person_key: str | None
    votes: int = 0
    elected: bool = False


@dataclass(frozen=True, slots=True)
class VoteRecord:
    mode: VoteMode
    yes: int = 0
    no: int = 0
    abstain: int = 0
    recused: int = 0
    adopted: bool = False
    # an election's (VoteMode.ELECTION) invalid ballots, secret ballot, candidates, and
    # whether the elected person accepted (None: not recorded)
    invalid: int = 0
    secret: bool = False
    candidates: tuple[CandidateRecord, ...] = ()
    accepted: bool | None = None


@dataclass(frozen=True, slots=True)
class RecusalRecord:
    person_key: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class AgendaItemRecord:
    stamp: Stamp
    number: str
    order: int
    title: str
    public: bool
    result: str = ""
    resolution_text: str = ""
    project_key: str | None = None
    votes: tuple[VoteRecord, ...] = ()
    recusals: tuple[RecusalRecord, ...] = ()
    outcome: AgendaItemOutcome = AgendaItemOutcome.DISCUSSED


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    """A meeting; ``start``/``end`` are aware (the council's zone)."""

    stamp: Stamp
    number: int | None
    title: str
    state: MeetingState
    start: datetime
    end: datetime | None = None
    kind: MeetingKind = MeetingKind.REGULAR
    place: str = ""
    room: str = ""
    present_keys: tuple[str, ...] = ()  # persons present
    items: tuple[AgendaItemRecord, ...] = ()
    invitation: FileRecord | None = None
    minutes: FileRecord | None = None  # the approved public version
    annexes: tuple[FileRecord, ...] = ()  # the public annexes, in order
    retired: tuple[Stamp, ...] = ()  # files published before and no longer (tombstones)


@dataclass(frozen=True, slots=True)
class ProjectRecord:
    stamp: Stamp
    title: str
    short_code: str = ""
    field_key: str | None = None


@dataclass(frozen=True, slots=True)
class RecommendationRecord:
    stamp: Stamp
    code: str
    kind: RecommendationKind
    title: str
    status: RecommendationStatus
    text: str = ""
    adopted_on: date | None = None
    due_on: date | None = None
    field_key: str | None = None
    project_keys: tuple[str, ...] = ()
    origin_item_key: str | None = None
    # Adopted in writing between meetings (Umlaufverfahren); the item of a later meeting
    # that reports it, if one does
    in_writing: bool = False
    reported_item_key: str | None = None


@dataclass(frozen=True, slots=True)
class PeriodRecord:
    """An appointment period (Berufungsperiode): the OParl LegislativeTerm."""

    stamp: Stamp
    name: str
    start: date
    end: date | None = None


@dataclass(frozen=True, slots=True)
class CouncilRecord:
    """A council with everything it publishes."""

    stamp: Stamp
    name: str
    short_name: str
    city: str
    fields: tuple[ActionFieldRecord, ...] = ()
    persons: tuple[PersonRecord, ...] = ()
    memberships: tuple[MembershipRecord, ...] = ()
    meetings: tuple[MeetingRecord, ...] = ()
    projects: tuple[ProjectRecord, ...] = ()
    recommendations: tuple[RecommendationRecord, ...] = ()
    periods: tuple[PeriodRecord, ...] = ()  # by their start
    website: str = ""
    classification: str = ""


def export_title(councils: Sequence[CouncilRecord], what: str) -> str:
    """ "Digitalbeirat der Stadt Görlitz, Jugendbeirat Görlitz – Ratsinformationen": an
    export is titled with the names of the councils it publishes (each once), not the
    program's name, which another city's readers would take for a body of theirs."""
    names = ", ".join(dict.fromkeys(c.name for c in councils if c.stamp.deleted is None))
    return f"{names} – {what}" if names else what
