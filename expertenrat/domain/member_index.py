"""A council's memberships indexed by name, e-mail address, person and role, for the rules
that compare a member with all the others
(:func:`expertenrat.domain.member_council_checks.council_problems`, the matching of an
import): overlapping terms of one person, a role held twice at once,
possible duplicates.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from expertenrat.domain.enums import MemberRole
from expertenrat.domain.text_folding import match_key

if TYPE_CHECKING:
    from expertenrat.domain.members import Member


class MemberIndex:
    """A council's memberships by name, e-mail address and role.

    The rules that compare a member with all others look up only the memberships that can
    matter, so checking every row of a large import stays linear. A lookup never returns the
    member it is asked about (the same object), so one index can hold a whole batch; the
    keys of a member it holds are worked out once, not again when it is asked about.
    """

    def __init__(self, members: Iterable[Member]) -> None:
        self._by_name: dict[tuple[str, str], list[Member]] = {}
        self._by_email: dict[str, list[Member]] = {}
        # by id(): the member itself is kept with its keys, so that its id stays its own
        self._keys: dict[int, tuple[Member, tuple[str, str], str]] = {}
        holders: dict[MemberRole, list[Member]] = {}
        self._by_person: dict[int, list[Member]] = {}
        self._person_terms: dict[int, _Terms] = {}  # made on first use, for several terms
        for member in members:
            name, email = name_key(member), email_key(member)
            self._keys[id(member)] = (member, name, email)
            if member.person_id is not None:
                self._by_person.setdefault(member.person_id, []).append(member)
            _add_person(self._by_name, name, member)
            if email:
                _add_person(self._by_email, email, member)
            if member.role is not MemberRole.MEMBER:
                holders.setdefault(member.role, []).append(member)
        self._by_role = {role: _Terms(found) for role, found in holders.items()}

    def _keys_of(self, member: Member) -> tuple[tuple[str, str], str]:
        known = self._keys.get(id(member))
        if known is not None and known[0] is member:
            return known[1], known[2]
        return name_key(member), email_key(member)

    def same_name(self, member: Member) -> Member | None:
        """Another person with the same given and family name, if there is one."""
        name, _ = self._keys_of(member)
        return _other_person(self._by_name.get(name, ()), member)

    def same_email(self, member: Member) -> Member | None:
        """Another person with the same e-mail address, if there is one."""
        _, email = self._keys_of(member)
        return _other_person(self._by_email.get(email, ()), member) if email else None

    def last_term(self, member: Member) -> Member:
        """The membership of ``member``'s person that ends last (an open-ended one first);
        ``member`` itself while it has no person or the index holds none of its terms."""
        terms = self._by_person.get(member.person_id) if member.person_id is not None else None
        return max(terms, key=_end) if terms else member

    def same_person_at_once(self, member: Member) -> Member | None:
        """Another membership of the member's person in an overlapping term."""
        person = member.person_id
        if person is None or person not in self._by_person:
            return None
        found = self._by_person[person]
        if len(found) == 1:
            other = found[0]
            return other if other is not member and terms_overlap(other, member) else None
        terms = self._person_terms.get(person)
        if terms is None:
            terms = self._person_terms[person] = _Terms(found)
        return terms.overlapping(member)

    def same_role_at_once(self, member: Member) -> Member | None:
        """Another membership with the member's chair or vice-chair role in an overlapping term."""
        terms = self._by_role.get(member.role)
        return terms.overlapping(member) if terms is not None else None


class _Terms:
    """Memberships sorted by the start of their term, to find one whose term overlaps a
    given one by bisection (thousands of chair rows in one import stay fast).

    Among the memberships that begin before a term ends, the one that ends last overlaps
    the term if any does; each prefix keeps its two latest ends, so that a membership that
    is asked about itself finds another one.
    """

    def __init__(self, members: Iterable[Member]) -> None:
        ordered = sorted(members, key=lambda m: m.term_start)
        self._starts = [m.term_start for m in ordered]
        self._latest: list[tuple[Member, Member | None]] = []
        first: Member | None = None
        second: Member | None = None
        for member in ordered:
            if first is None or _end(member) > _end(first):
                first, second = member, first
            elif second is None or _end(member) > _end(second):
                second = member
            self._latest.append((first, second))

    def overlapping(self, member: Member) -> Member | None:
        """A membership other than ``member`` whose term overlaps its term, if any."""
        count = bisect_right(self._starts, _end(member))  # those that begin before it ends
        if not count:
            return None
        first, second = self._latest[count - 1]
        other = second if first is member else first
        return other if other is not None and _end(other) >= member.term_start else None


def _end(member: Member) -> date:
    return member.term_end or date.max


def _person(member: Member) -> tuple[str, int]:
    """Who a membership belongs to: its person, or the membership itself while it has none."""
    return ("person", member.person_id) if member.person_id is not None else ("new", id(member))


def _add_person(index: dict, key: object, member: Member) -> None:
    """Keep the first two persons per key: enough to find one other than any given one."""
    found = index.get(key)
    if found is None:
        index[key] = [member]
    elif len(found) < 2 and all(_person(m) != _person(member) for m in found):
        found.append(member)


def _other_person(found: Iterable[Member], member: Member) -> Member | None:
    person = None
    for other in found:
        if other is not member:  # mostly the only one found is the member itself
            person = person or _person(member)
            if _person(other) != person:
                return other
    return None


# The form of a text that matching compares (``match_key``): case, accents, Unicode form and
# spacing do not count ("JORG MULLER" and a decomposed "Jörg Müller" match).


def name_key(member: Member) -> tuple[str, str]:
    return match_key(member.given_name), match_key(member.family_name)


def email_key(member: Member) -> str:
    return match_key(member.email)


def terms_overlap(a: Member, b: Member) -> bool:
    return a.term_start <= (b.term_end or date.max) and b.term_start <= (a.term_end or date.max)
