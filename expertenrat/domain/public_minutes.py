"""The public minutes made from the full ones (:func:`public_version`).

Non-public items keep only their number and a line that they were discussed
non-publicly, annexes not meant for the public only their number (the others keep theirs:
``domain.annexes``); guests marked as present only in the non-public part, guests who
presented only non-public items and everything said in non-public items (names, recusal
reasons, votes, recommendations) are left out; members who have not agreed to the
publication of their name (``unnamed``) are called :data:`UNNAMED_MEMBER` wherever the
minutes name them (attendance, chair, presenter, candidates of an election, recusals,
these without the reason, which may name their institution), listed after the named
members so that their place does not hint at the name — free texts the secretariat
writes are theirs to word (exporting warns where one names such a member:
:mod:`domain.unnamed_mentions`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TypeVar

from expertenrat.domain.annexes import public_entry
from expertenrat.domain.elections import Election, renamed
from expertenrat.domain.meeting_documents import DeclaredConflict
from expertenrat.domain.minutes_attendees import GuestLine
from expertenrat.domain.minutes_document import MinutesDocument
from expertenrat.domain.minutes_items import MinutesItem
from expertenrat.domain.name_mentions import family_name_pattern

WITHHELD_TITLE = "Nichtöffentlicher Tagesordnungspunkt"
UNNAMED_MEMBER = "Mitglied ohne Namensnennung"
"""How the public minutes call a member who has not agreed to the publication of the name."""

_T = TypeVar("_T")


def public_version(doc: MinutesDocument) -> MinutesDocument:
    """The public minutes of ``doc``: non-public items withheld, their people not named."""
    if doc.public:
        return doc
    items = tuple(item if item.public else _withheld(item) for item in doc.items)
    left_out = left_out_guests(doc.guests, ((i.presenter, i.public) for i in doc.items))
    guests = tuple(g for g in doc.guests if g not in left_out)
    annexes = tuple(public_entry(a) for a in doc.annexes)
    public = replace(doc, items=items, guests=guests, annexes=annexes, public=True)
    return _without_unnamed(public) if doc.unnamed else public


def left_out_guests(
    guests: Iterable[GuestLine], presenters: Iterable[tuple[str, bool]]
) -> tuple[GuestLine, ...]:
    """The ``guests`` the public minutes leave out, given each agenda item's presenter line
    with whether the item is public: those marked as present only in the non-public part,
    and those a presenter line of a non-public item names and none of a public one (the
    warning that a public text names one of them reads this too:
    :func:`~expertenrat.services.minutes_assembly.unnamed_in_public`)."""
    presenters = tuple(presenters)
    hidden = [line for line, public in presenters if not public]
    shown = [line for line, public in presenters if public]
    return tuple(
        g
        for g in guests
        if g.non_public_only or (_named(g.name, hidden) and not _named(g.name, shown))
    )


def _unnamed_recusal(conflict: DeclaredConflict) -> DeclaredConflict:
    """The recusal of a member not to be named: without its reason, which names the
    member's institution or ties ("Institution „IHK zu Rostock“ ist Partner …")."""
    return replace(conflict, member_name=UNNAMED_MEMBER, reason="")


def _without_unnamed(doc: MinutesDocument) -> MinutesDocument:
    """``doc`` with each member in ``doc.unnamed`` called :data:`UNNAMED_MEMBER`."""

    def name(text: str) -> str:
        return UNNAMED_MEMBER if text in doc.unnamed else text

    items = tuple(
        replace(
            item,
            presenter=unnamed_in(item.presenter, doc.unnamed),
            recused=_named_first(
                (_unnamed_recusal(c) if c.member_name in doc.unnamed else c for c in item.recused),
                lambda c: c.member_name,
            ),
            votes=tuple(
                replace(v, election=_unnamed_candidates(v.election, doc.unnamed))
                if v.election
                else v
                for v in item.votes
            ),
        )
        for item in doc.items
    )
    return replace(
        doc,
        chair=name(doc.chair),
        present=_named_first(
            (replace(p, name=name(p.name)) for p in doc.present), lambda p: p.name
        ),
        excused=_named_first((name(n) for n in doc.excused), str),
        absent=_named_first((replace(a, name=name(a.name)) for a in doc.absent), lambda a: a.name),
        items=items,
        unnamed=frozenset(),
    )


def _unnamed_candidates(election: Election, unnamed: frozenset[str]) -> Election:
    """``election`` with each candidate who is one of the members ``unnamed`` called
    :data:`UNNAMED_MEMBER`: by the name typed or, for a member chosen, by the member's name
    (typed "Frau Berg" for the member "Anna Berg")."""
    hidden = {c.name: UNNAMED_MEMBER for c in election.candidates if {c.name, c.member} & unnamed}
    return renamed(election, hidden)


def unnamed_in(presenter: str, unnamed: Iterable[str]) -> str:
    """The ``presenter`` line as the public minutes print it: each of the names ``unnamed``
    in it called :data:`UNNAMED_MEMBER` (a presenter line may name a member among others)."""
    for hidden in unnamed:
        presenter = presenter.replace(hidden, UNNAMED_MEMBER)
    return presenter


def _named_first(entries: Iterable[_T], name: Callable[[_T], str]) -> tuple[_T, ...]:
    """``entries`` with those called :data:`UNNAMED_MEMBER` after the named ones, each part
    in its order: left at the alphabetical place of the real name, they would hint at it."""
    return tuple(sorted(entries, key=lambda entry: name(entry).startswith(UNNAMED_MEMBER)))


def _withheld(item: MinutesItem) -> MinutesItem:
    return MinutesItem(number=item.number, title=WITHHELD_TITLE, public=False, withheld=True)


def _named(name: str, lines: list[str]) -> bool:
    """Whether one of the presenter ``lines`` names the guest ``name``: by the whole name,
    or by the family name as a word of its own, since a presenter line is typed as it
    comes ("Frau Steffens", "M. Steffens (Amt für Umwelt)" for the guest "Dr. Merle
    Steffens"), in any case, accents aside ("Herr Gundogan" for the guest "İlkay Gündoğan":
    found by a tester, the guest of a non-public item stood in the public minutes; see
    :func:`~expertenrat.domain.name_mentions.family_name_pattern`). A namesake presenting a
    non-public item leaves the guest out too: the public minutes name a guest too few
    rather than one from a non-public item."""
    if not lines:
        return False
    names = family_name_pattern([name, guest_family_name(name)])
    return any(names.search(line) for line in lines)


def guest_family_name(name: str) -> str:
    """The family name of the guest ``name`` as typed: its last word ("Steffens" of "Dr.
    Merle Steffens"), "" if that is a single letter ("Horst G.")."""
    words = name.split()
    family = words[-1].strip(".,;()") if words else ""
    return family if len(family) > 1 else ""
