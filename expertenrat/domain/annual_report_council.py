"""The annual report's first section (:class:`CouncilPart`): who served in the year, who
joined and who left, and the composition on the key date.

Members are named only with their consent to publish the name (the public roster's rule,
:func:`~expertenrat.domain.roster.roster_entries`), the others are counted. The composition
figures are those of :func:`~expertenrat.domain.composition.check_composition` on the key
date: the last day of the year (in the running year: the report's date), as a council's
Tätigkeitsbericht prints its "Zusammensetzung am 31.12."; a member whose term ends on that
day still belongs to it and has left in the year too, so the report says how many of the
counted members that is (:attr:`CouncilPart.leaving`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from expertenrat.domain.composition import Composition, check_composition
from expertenrat.domain.councils import ActionField, CouncilSettings, RoleTitles
from expertenrat.domain.enums import MemberRole
from expertenrat.domain.members import Member, replaced
from expertenrat.domain.roster import RosterEntry, roster_entries
from expertenrat.domain.wording import counted


@dataclass(frozen=True, slots=True)
class NamedMembers:
    """Members as a public document names them: ``named`` with consent, ``unnamed`` counted."""

    named: tuple[RosterEntry, ...]
    unnamed: int

    @property
    def count(self) -> int:
        return len(self.named) + self.unnamed

    @property
    def others(self) -> str:
        """ "sowie 2 weitere Mitglieder", "2 Mitglieder" when no one is named (empty when
        everyone is)."""
        if not self.unnamed:
            return ""
        if not self.named:
            return counted(self.unnamed, "Mitglied", "Mitglieder")
        word = "weiteres Mitglied" if self.unnamed == 1 else "weitere Mitglieder"
        return f"sowie {self.unnamed} {word}"


@dataclass(frozen=True, slots=True)
class CouncilPart:
    """Section 1: who served in the year, who joined and left, the composition."""

    members: NamedMembers  # everyone whose term touched the year
    joined: NamedMembers
    left: NamedMembers  # terms that ended in the year by the report's date
    key_date: date  # of the composition figures
    composition: Composition
    leaving: int = 0  # of those left, whose term ends on the key date: in the composition too


def council_part(
    members: Sequence[Member],
    fields: Sequence[ActionField],
    council: CouncilSettings,
    year: int,
    on: date,
) -> CouncilPart:
    """Who served in ``year``, who joined and left (by ``on``), the composition figures.

    A person's memberships that continue one another count as one stretch (see
    :func:`_stretches`): a new term straight after the last is neither leaving nor joining.
    A stretch ending in the year by the key date, its last day included, has left; a
    person back after a break is counted once, with the latest stretch. The composition is
    that of the key date, so a term ending on the key date is in it and has left
    (``leaving`` counts those).
    """
    first, last = date(year, 1, 1), date(year, 12, 31)
    key_date = min(last, on)
    served = [
        m
        for m in _stretches(members, key_date)
        if m.term_start <= key_date and (m.term_end or last) >= first
    ]
    joined = [m for m in served if m.term_start >= first]
    left = [m for m in served if m.term_end is not None and m.term_end <= key_date]
    people = {_person(m): m for m in served}  # stretches come in order of their start
    return CouncilPart(
        members=_named(list(people.values()), fields, council.role_titles),
        joined=_named(joined, fields, council.role_titles),
        left=_named(left, fields, council.role_titles),
        key_date=key_date,
        composition=check_composition(list(members), list(fields), council, key_date),
        leaving=sum(1 for m in left if m.term_end == key_date),
    )


def _stretches(members: Sequence[Member], key_date: date) -> list[Member]:
    """Each person's unbroken time in the council, one membership per stretch.

    A membership continues the ones before it when it begins by the day after the latest
    of them ends (or while one of them runs on). A stretch carries the data (role, field,
    consent) of its latest membership begun by ``key_date`` and the stretch's first day
    and last day (``None`` while open-ended).
    """
    by_person: dict[object, list[Member]] = {}
    for member in members:
        by_person.setdefault(_person(member), []).append(member)
    found = []
    for terms in by_person.values():
        chain: list[Member] = []
        for member in sorted(terms, key=lambda m: m.term_start):
            if chain and not _continues(chain, member):
                found.append(_stretch(chain, key_date))
                chain = []
            chain.append(member)
        found.append(_stretch(chain, key_date))
    return found


def _person(member: Member) -> object:
    return member.person_id if member.person_id is not None else ("new", id(member))


def _continues(chain: list[Member], member: Member) -> bool:
    end = _last_day(chain)
    return end is None or (member.term_start - end).days <= 1


def _stretch(chain: list[Member], key_date: date) -> Member:
    begun = [m for m in chain if m.term_start <= key_date]
    shown = begun[-1] if begun else chain[0]
    return replaced(shown, term_start=chain[0].term_start, term_end=_last_day(chain))


def _last_day(chain: list[Member]) -> date | None:
    """The last day of the chain's terms; ``None`` while one of them is open-ended."""
    ends = [m.term_end for m in chain if m.term_end is not None]
    return max(ends) if len(ends) == len(chain) else None


def _named(
    members: list[Member], fields: Sequence[ActionField], titles: RoleTitles
) -> NamedMembers:
    entries, withheld = roster_entries(members, list(fields), public=True, titles=titles)
    rank = {titles.of(role): rank for rank, role in enumerate(MemberRole)}
    ordered = sorted(entries, key=lambda e: (rank.get(e.role, len(rank)), e.sort_key))
    return NamedMembers(tuple(ordered), withheld)
