"""The member roster as a document: what the roster PDF prints, already filtered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


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
