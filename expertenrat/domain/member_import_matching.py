"""Which person and which membership each row of a member import is: the rows of one
person in the file (by e-mail address, else by name), the council's stored memberships by
the same keys, and the pairing of rows with stored memberships."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from operator import itemgetter
from typing import NamedTuple

from expertenrat.domain.member_history import RecordedSpan, term_covers
from expertenrat.domain.member_index import email_key, name_key, terms_overlap
from expertenrat.domain.members import Member


class PersonRows:
    """Rows of a file by the keys that make two rows the same person (e-mail, else name).

    The rows of one key never overlap in their terms (a later row that would is refused),
    so each key keeps its rows sorted by term and finds an overlapping one by bisection:
    a file with thousands of rows of one person stays linear. ``keys`` holds each asked
    row's e-mail and name key (``email_key``, ``name_key``), worked out once per row.
    """

    def __init__(self) -> None:
        self.keys: dict[int, tuple[str, tuple[str, str]]] = {}
        # by e-mail (a str) and by name (a tuple): the two kinds of keys never meet
        self._by_key: dict[object, list[tuple[date, date, int]]] = {}
        self._first: dict[object, int] = {}

    def _keys_of(self, i: int, member: Member) -> tuple[object, ...]:
        email, name = self.keys[i] = email_key(member), name_key(member)
        return (email, name) if email else (name,)

    def add(self, i: int, member: Member) -> None:
        """Add row ``i`` (asked about by ``overlapping`` before)."""
        email, name = self.keys[i]
        term = (*_term(member), i)
        for key in (email, name) if email else (name,):
            if key in self._by_key:
                insort(self._by_key[key], term)
            else:
                self._by_key[key] = [term]
                self._first[key] = i

    def overlapping(self, i: int, member: Member) -> int | None:
        """The earliest row of the person of row ``i`` with an overlapping term, if any."""
        found = None
        for key in self._keys_of(i, member):
            terms = self._by_key.get(key)
            if terms is None:
                continue
            start, end = _term(member)
            k = bisect_left(terms, start, key=_end_of_term)  # first ending on or after
            if k < len(terms) and terms[k][0] <= end and (found is None or terms[k][2] < found):
                found = terms[k][2]
        return found

    def first_before(self, i: int) -> int | None:
        """The first row of the person of row ``i`` in file order, if it comes before ``i``
        (row ``i`` was added)."""
        email, name = self.keys[i]
        first = min(self._first[email], self._first[name]) if email else self._first[name]
        return first if first < i else None


_end_of_term = itemgetter(1)


def _term(member: Member) -> tuple[date, date]:
    return member.term_start, member.term_end or date.max


class Candidates(NamedTuple):
    """The stored memberships of one person (as an import row finds them), looked up once."""

    members: tuple[Member, ...]
    persons: dict[int | None, Member]  # one membership per person
    by_start: dict[date, list[Member]]


_NO_CANDIDATES = Candidates((), {}, {})


class StoredMembers:
    """The council's stored memberships by e-mail address and by name."""

    def __init__(self, existing: Sequence[Member]) -> None:
        by_email: dict[str, list[Member]] = {}
        by_name: dict[tuple[str, str], list[Member]] = {}
        for member in existing:
            if email := email_key(member):
                by_email.setdefault(email, []).append(member)
            by_name.setdefault(name_key(member), []).append(member)
        self._by_email = {key: _candidates(found) for key, found in by_email.items()}
        self._by_name = {key: _candidates(found) for key, found in by_name.items()}

    def candidates(self, email: str, name: tuple[str, str]) -> Candidates:
        """The stored memberships of a row's person, by its ``email_key`` and ``name_key``:
        by e-mail address, else by name."""
        by_email = self._by_email.get(email) if email else None
        return by_email or self._by_name.get(name, _NO_CANDIDATES)


def _candidates(members: list[Member]) -> Candidates:
    by_start: dict[date, list[Member]] = {}
    for member in members:
        by_start.setdefault(member.term_start, []).append(member)
    return Candidates(tuple(members), {m.person_id: m for m in members}, by_start)


def match_rows(
    accepted: list[int],
    parsed: dict[int, Member],
    candidates: dict[int, Candidates],
    recorded: Mapping[int, RecordedSpan] | None = None,
) -> dict[int, Member]:
    """Pair rows with stored memberships, the surest pairs first, each membership once:
    the same term start, else an overlapping term, else the person's only membership (a
    corrected term), unless meetings record that one outside the row's term (``recorded``,
    by membership id): then the row is a further term of the person (a re-appointment)."""
    recorded = recorded or {}
    targets: dict[int, Member] = {}
    claimed: set[int | None] = set()
    accepted = [i for i in accepted if candidates[i].members]  # the others match nothing

    def claim(i: int, found: Iterable[Member], rule: Callable[[Member], bool]) -> None:
        for candidate in found:
            if candidate.id not in claimed and rule(candidate):
                targets[i] = candidate
                claimed.add(candidate.id)
                return

    for i in accepted:  # looked up by term start: thousands of terms of one person stay fast
        claim(i, candidates[i].by_start.get(parsed[i].term_start, ()), lambda e: True)
    for i in accepted:
        if i not in targets:
            claim(i, candidates[i].members, lambda e, m=parsed[i]: terms_overlap(m, e))
    for i in accepted:
        if i not in targets and len(candidates[i].members) == 1:
            claim(
                i,
                candidates[i].members,
                lambda e, m=parsed[i]: e.id is None or term_covers(m, recorded.get(e.id)),
            )
    return targets
