"""The member roster as a document: what the roster PDF prints, already filtered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from expertenrat.domain.appointment_periods import AppointmentPeriod, span
from expertenrat.domain.councils import (
    DEFAULT_ROLE_TITLES,
    ActionField,
    CouncilSettings,
    RoleTitles,
)
from expertenrat.domain.members import Member


class RosterGrouping(StrEnum):
    BY_FIELD = "field"
    ALPHABETICAL = "alpha"


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One member as the roster shows them. Empty strings are simply not printed."""

    name: str
    sort_key: str
    form_of_address: str = ""
    affiliation: str = ""
    position: str = ""
    sector: str = ""
    role: str = ""
    primary_field: str = ""
    further_fields: tuple[str, ...] = ()
    term_start: date | None = None
    term_end: date | None = None
    email: str = ""
    phone: str = ""
    postal_address: str = ""


@dataclass(frozen=True, slots=True)
class RosterDocument:
    council_name: str
    city: str
    printed_on: date
    public: bool
    grouping: RosterGrouping
    field_names: tuple[str, ...]
    entries: tuple[RosterEntry, ...]
    logo_png: bytes | None = None
    withheld_count: int = 0
    period: str = ""  # the current appointment period with its span, "" for none


def build_roster(
    members: list[Member],
    fields: list[ActionField],
    council: CouncilSettings,
    *,
    public: bool,
    grouping: RosterGrouping,
    today: date,
    period: AppointmentPeriod | None = None,
) -> RosterDocument:
    """The roster of the members active on ``today`` (consent: :func:`roster_entries`),
    headed by ``period``, the council's appointment period of that day."""
    ordered = sorted(fields, key=lambda f: f.position)
    active = [member for member in members if member.is_active(today)]
    entries, withheld = roster_entries(active, ordered, public=public, titles=council.role_titles)
    return RosterDocument(
        council_name=council.name,
        city=council.city,
        printed_on=today,
        public=public,
        grouping=grouping,
        field_names=tuple(f.name for f in ordered),
        entries=entries,
        logo_png=council.logo_png,
        withheld_count=withheld,
        period=f"{period.name} ({span(period)})" if period is not None else "",
    )


def named_publicly(member: Member) -> bool:
    """Whether a public document may name ``member``: only with consent to publish the name."""
    return member.publish_name


def roster_entries(
    members: list[Member],
    fields: list[ActionField],
    *,
    public: bool,
    titles: RoleTitles = DEFAULT_ROLE_TITLES,
) -> tuple[tuple[RosterEntry, ...], int]:
    """``members`` as roster entries by name, and how many a public document leaves out.

    The public version leaves out members who did not consent to publishing their name
    (they are only counted) and blanks the contact data of those who did not consent to
    publishing it (:func:`named_publicly`); the internal version shows everything.
    """
    ordered = sorted(fields, key=lambda f: f.position)
    names = {f.id: f.name for f in ordered}
    rank = {f.id: i for i, f in enumerate(ordered)}
    entries: list[RosterEntry] = []
    withheld = 0
    for member in members:
        if public and not named_publicly(member):
            withheld += 1
            continue
        entries.append(
            _entry(
                member,
                names,
                rank,
                show_contact=member.publish_contact or not public,
                role=titles.of(member.role),
            )
        )
    entries.sort(key=lambda e: e.sort_key)
    return tuple(entries), withheld


def _entry(
    member: Member,
    names: dict[int | None, str],
    rank: dict[int | None, int],
    *,
    show_contact: bool,
    role: str,
) -> RosterEntry:
    further = sorted(
        (f for f in set(member.further_field_ids) - {member.primary_field_id} if f in names),
        key=rank.__getitem__,
    )
    return RosterEntry(
        name=member.full_name,
        sort_key=member.sort_name,  # name_sort_key: "von Hohenzollern" under H
        form_of_address=member.form_of_address,
        affiliation=member.affiliation,
        position=member.position,
        sector=member.sector.label,
        role=role,
        primary_field=names.get(member.primary_field_id, ""),
        further_fields=tuple(names[f] for f in further),
        term_start=member.term_start,
        term_end=member.term_end,
        email=member.email if show_contact else "",
        phone=member.phone if show_contact else "",
        postal_address=member.postal_address if show_contact else "",
    )
