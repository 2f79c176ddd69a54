"""The council's composition, checked all the time: size, action fields, sectors, terms.

Problems are returned as warnings for the UI to show, never hidden: too few or too many
active members, an action field nobody covers, one sector dominating, terms running out
and what follows when they do ("Stadtdaten ist dann von niemandem abgedeckt").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from expertenrat.domain.councils import (
    DEFAULT_ROLE_TITLES,
    ActionField,
    CouncilSettings,
    RoleTitles,
)
from expertenrat.domain.enums import MemberRole, Sector
from expertenrat.domain.members import Member
from expertenrat.domain.wording import counted

TERM_WARNING_MONTHS = 6
# More than this share of active members from one sector is called unbalanced.
MAX_SECTOR_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class FieldCoverage:
    field: ActionField
    primary: int
    further: int

    @property
    def total(self) -> int:
        return self.primary + self.further


@dataclass(frozen=True, slots=True)
class EndingTerm:
    member: Member
    ends_on: date
    consequences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CompositionNote:
    """A warning about the composition; ``member_id`` names the membership it is about."""

    text: str
    member_id: int | None = None


@dataclass(frozen=True, slots=True)
class Composition:
    active: int
    min_members: int
    max_members: int
    coverage: tuple[FieldCoverage, ...]
    sectors: tuple[tuple[Sector, int], ...]
    notes: tuple[CompositionNote, ...]
    # Persons whose term has not begun yet, and who are not members today: those who join.
    # They are neither active nor former: they do not count against the limits or cover a
    # field until their first day.
    future: int = 0
    # Terms not begun yet of persons who are members today (or join earlier): they stay,
    # so they are not counted as joining (found by a tester: "10 künftige Mitglieder"
    # beside 9 active, where 4 joined and 6 were re-appointed)
    further_terms: int = 0

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(note.text for note in self.notes)

    @property
    def ok(self) -> bool:
        return not self.notes


@dataclass(frozen=True, slots=True)
class CouncilMembers:
    """A council's memberships, its action fields and the composition they make, read at once."""

    members: tuple[Member, ...]
    fields: tuple[ActionField, ...]
    composition: Composition
    titles: RoleTitles = DEFAULT_ROLE_TITLES  # what the council calls chair and vice chair


def _covers(members: list[Member], field_id: int | None) -> list[Member]:
    return [m for m in members if field_id in m.field_ids()]


def check_composition(
    members: list[Member], fields: list[ActionField], council: CouncilSettings, today: date
) -> Composition:
    active = [m for m in members if m.is_active(today)]
    notes: list[CompositionNote] = []
    if len(active) < council.min_members:
        # A new council has none yet: "Noch keine …", never "Nur 0 aktive Mitglieder".
        now = f"Nur {_active(len(active))}" if active else "Noch keine aktiven Mitglieder"
        notes.append(CompositionNote(f"{now} – mindestens {_planned(council.min_members)}."))
    elif len(active) > council.max_members:
        notes.append(
            CompositionNote(f"{_active(len(active))} – höchstens {_planned(council.max_members)}.")
        )
    coverage = tuple(
        FieldCoverage(
            field=f,
            primary=sum(1 for m in active if m.primary_field_id == f.id),
            further=sum(
                1 for m in active if f.id in m.further_field_ids and m.primary_field_id != f.id
            ),
        )
        for f in fields
    )
    for item in coverage:
        if item.total == 0:
            notes.append(
                CompositionNote(f"{item.field.name} ist von keinem aktiven Mitglied abgedeckt.")
            )
    sectors = Counter(m.sector for m in active)
    for sector, count in sectors.items():
        if active and count / len(active) > MAX_SECTOR_SHARE and len(active) > 2:
            notes.append(
                CompositionNote(
                    f"Unausgewogen: {count} von {len(active)} aktiven Mitgliedern kommen aus "
                    f"dem Bereich {sector.label}."
                )
            )
    for role in (MemberRole.CHAIR, MemberRole.VICE_CHAIR):
        if active and not any(m.role is role for m in active):
            title = council.role_titles.of(role)
            notes.append(CompositionNote(f"{title} ist derzeit nicht besetzt."))
    ending = _ending_terms(active, members, fields, council, today)
    later = [m for m in members if m.term_start > today]
    joining = {m.person for m in later} - {m.person for m in active}
    for term in ending:
        text = f"Die Amtszeit von {term.member.full_name} endet am {term.ends_on:%d.%m.%Y}."
        notes.append(CompositionNote(" ".join((text, *term.consequences)), term.member.id))
    return Composition(
        active=len(active),
        min_members=council.min_members,
        max_members=council.max_members,
        coverage=coverage,
        sectors=tuple(sorted(sectors.items(), key=lambda item: (-item[1], item[0].label))),
        notes=tuple(notes),
        future=len(joining),
        further_terms=len(later) - len(joining),
    )


def _ending_terms(
    active: list[Member],
    members: list[Member],
    fields: list[ActionField],
    council: CouncilSettings,
    today: date,
) -> tuple[EndingTerm, ...]:
    """The active terms ending within the next months and what follows the day after,
    when those whose terms run on and those appointed by then are there (a successor, or
    the same person's next term). A term the person's next term continues, with nothing
    missing after it, is not named: the person stays (a re-appointment)."""
    horizon = today + relativedelta(months=TERM_WARNING_MONTHS)
    ending = sorted(
        (m for m in active if m.term_end is not None and m.term_end <= horizon),
        key=lambda m: (m.term_end, m.sort_name),
    )
    result = []
    for member in ending:
        assert member.term_end is not None
        day_after = member.term_end + timedelta(days=1)
        remaining = [m for m in members if m.is_active(day_after)]
        consequences = []
        for field in fields:
            if field.id in member.field_ids() and not _covers(remaining, field.id):
                consequences.append(f"{field.name} ist dann von niemandem abgedeckt.")
        if len(remaining) < council.min_members:
            consequences.append(
                f"Dann {'bleibt' if len(remaining) == 1 else 'bleiben'} "
                f"{_active(len(remaining))} (mindestens {council.min_members})."
            )
        if member.role is not MemberRole.MEMBER and not any(
            m.role is member.role for m in remaining
        ):
            title = council.role_titles.of(member.role)
            consequences.append(f"{title} ist dann neu zu besetzen.")
        stays = member.person_id is not None and any(
            m.person_id == member.person_id for m in remaining
        )
        if consequences or not stays:
            result.append(EndingTerm(member, member.term_end, tuple(consequences)))
    return tuple(result)


def _active(count: int) -> str:
    """ "1 aktives Mitglied", "7 aktive Mitglieder"."""
    return counted(count, "aktives Mitglied", "aktive Mitglieder")


def _planned(count: int) -> str:
    """ "1 ist vorgesehen", "8 sind vorgesehen"."""
    return f"{count} {'ist' if count == 1 else 'sind'} vorgesehen"
