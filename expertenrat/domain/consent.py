"""Consent to publish a member's name and contact data: the ledger's entries and its rules.

Every grant and withdrawal is an entry of the ledger; a person's current consent of each
kind is the latest entry of that kind (none: not given). A member carries the current state
as ``publish_name``/``publish_name_on`` and ``publish_contact``/``publish_contact_on``; the
date is the day the consent was given or withdrawn.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from operator import attrgetter

from expertenrat.domain.enums import ConsentKind, ConsentSource
from expertenrat.domain.members import Member

CONSENT_ATTRIBUTES: Mapping[ConsentKind, tuple[str, str]] = {
    ConsentKind.NAME: ("publish_name", "publish_name_on"),
    ConsentKind.CONTACT: ("publish_contact", "publish_contact_on"),
}
"""The Member attributes that hold the current consent of each kind: (given, date)."""

CONSENT_COVERS: Mapping[ConsentKind, str] = {
    ConsentKind.NAME: (
        "Anrede, Titel, Name, Institution, Rolle, Amtszeit, Handlungsfelder; in der "
        "öffentlichen Mitgliederliste auch Funktion und Sektor, im OParl-Export das Stimmrecht"
    ),
    ConsentKind.CONTACT: (
        "E-Mail und Telefon; in der öffentlichen Mitgliederliste auch die Postanschrift"
    ),
}
"""What each consent lets the public documents show (``roster.roster_entries``, the public
roster; ``oparl_members.person_object`` and ``membership_object``, the OParl export)."""

CONSENT_FIELDS = frozenset(name for pair in CONSENT_ATTRIBUTES.values() for name in pair)

NOT_GIVEN: tuple[bool, date | None] = (False, None)


@dataclass(frozen=True, slots=True)
class ConsentEntry:
    """One grant or withdrawal as the ledger holds it; ``recorded_at`` is in UTC."""

    kind: ConsentKind
    granted: bool
    on: date | None
    source: ConsentSource
    actor: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class ConsentChange:
    """A consent that saving a member would record, and the state it replaces."""

    kind: ConsentKind
    granted: bool
    on: date | None
    was_granted: bool = False
    was_on: date | None = None

    @property
    def text(self) -> str:
        """E.g. "Kontaktdaten: erteilt am 01.03.2025 (bisher: widerrufen am 27.11.2026)"."""
        was = (self.was_granted, self.was_on)
        before = "keine" if was == NOT_GIVEN else _state_text(*was)
        return f"{self.kind.label}: {_state_text(self.granted, self.on)} (bisher: {before})"


_KINDS = tuple(ConsentKind)
"""The kinds of consent, in their order (iterating the enum itself costs more: every row of
an import asks)."""
_consent_values = attrgetter(*(name for kind in _KINDS for name in CONSENT_ATTRIBUTES[kind]))
_NO_CONSENT = tuple(value for _ in _KINDS for value in NOT_GIVEN)


def consent_of(member: Member | None, kind: ConsentKind) -> tuple[bool, date | None]:
    """The member's consent of ``kind`` as (given, date); ``NOT_GIVEN`` for no member."""
    if member is None:
        return NOT_GIVEN
    given, on = CONSENT_ATTRIBUTES[kind]
    return bool(getattr(member, given)), getattr(member, on)


def consents_of(member: Member) -> dict[ConsentKind, tuple[bool, date | None]]:
    return {kind: consent_of(member, kind) for kind in _KINDS}


def consent_changes(member: Member, stored: Member | None) -> tuple[ConsentChange, ...]:
    """What saving ``member`` over ``stored`` (``None``: a new person) changes in consent."""
    before = _NO_CONSENT if stored is None else _consent_values(stored)
    if _consent_values(member) == before:
        return ()  # the common case, seen at once: an import asks for every row
    changes = []
    for kind in _KINDS:
        new, old = consent_of(member, kind), consent_of(stored, kind)
        if new != old:
            changes.append(ConsentChange(kind, *new, *old))
    return tuple(changes)


def review_consent(
    member: Member, stored: Member | None, withdrawn_on: Mapping[ConsentKind, date]
) -> tuple[tuple[ConsentChange, ...], tuple[str, ...]]:
    """The consent step of an import row: its consent changes, and why they cannot be made.

    ``stored`` is a stored membership of the row's person (``None``: a new person);
    ``withdrawn_on`` the person's latest recorded withdrawal of each kind.
    """
    changes = consent_changes(member, stored)
    return changes, stale_grants(changes, withdrawn_on)


def stale_grants(
    changes: tuple[ConsentChange, ...], withdrawn_on: Mapping[ConsentKind, date]
) -> tuple[str, ...]:
    """Why a file's grants cannot be recorded: each is older than a recorded withdrawal.

    ``withdrawn_on`` holds the person's latest recorded withdrawal of each kind. A grant
    without a date cannot show that it is newer, so it counts as older.
    """
    reasons = []
    for change in changes:
        withdrawn = withdrawn_on.get(change.kind)
        if not change.granted or withdrawn is None:
            continue
        if change.on is None:
            reasons.append(
                f"{change.kind.label}: Einwilligung wurde am {withdrawn:%d.%m.%Y} widerrufen; "
                "die Datei enthält eine Einwilligung ohne Datum."
            )
        elif change.on < withdrawn:
            reasons.append(
                f"{change.kind.label}: Einwilligung wurde am {withdrawn:%d.%m.%Y} widerrufen; "
                f"die Datei enthält eine ältere Einwilligung vom {change.on:%d.%m.%Y}."
            )
    return tuple(reasons)


def _state_text(granted: bool, on: date | None) -> str:
    word = "erteilt" if granted else "widerrufen"
    return f"{word} am {on:%d.%m.%Y}" if on is not None else f"{word}, ohne Datum"
