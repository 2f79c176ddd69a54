"""The warning that the public minutes name a member who may not be named.

:func:`~expertenrat.domain.public_minutes.public_version` calls such a member "Mitglied
ohne Namensnennung" in the fields it knows (attendance, chair, presenter, recusals); what
the secretariat types into a title or a text ("Herr Pál erläutert …") it leaves as typed.
:func:`unnamed_mentions` looks for the member's family name in those texts of the public
minutes, as a whole word in any case, accents aside (as the Auskunft searches the minutes:
:func:`~expertenrat.domain.name_mentions.family_name_pattern`), and says where: a warning,
not a refusal, since a namesake or a word of the same letters may be meant. So too for a
guest whom the public minutes leave out of the guests (:func:`non_public_guest`: marked
"nur im nichtöffentlichen Teil anwesend", or presenter of non-public items only): by the
whole name or its last word.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from expertenrat.domain.minutes_document import MinutesDocument
from expertenrat.domain.minutes_items import MinutesItem
from expertenrat.domain.name_mentions import NamePattern, family_name_pattern
from expertenrat.domain.public_minutes import guest_family_name, public_version


@dataclass(frozen=True, slots=True)
class UnnamedMember:
    """A member who has not agreed to the publication of the name, or (``guest``) a guest
    the public minutes leave out: the public version calls only the member "Mitglied ohne
    Namensnennung" (:attr:`MinutesDocument.unnamed` holds members alone); the warnings
    name both, each with its reason."""

    name: str  # as the full minutes print it
    family_name: str  # "" to look for the whole name alone
    guest: bool = False
    presented_only: bool = False  # a guest not marked, left out as presenter of non-public items


_Sought = tuple[tuple[UnnamedMember, NamePattern], ...]  # each person and the names' pattern


def non_public_guest(name: str, *, marked: bool = True) -> UnnamedMember:
    """The guest ``name`` the public minutes leave out (``marked`` "nur im nichtöffentlichen
    Teil anwesend", else as presenter of non-public items only: the warning's reason), as
    looked for in the public texts: by the whole name and by its last word (as the public
    minutes look for a guest in presenter lines)."""
    name = " ".join(name.split())
    return UnnamedMember(name, guest_family_name(name), guest=True, presented_only=not marked)


def unnamed_mentions(doc: MinutesDocument, members: Iterable[UnnamedMember]) -> tuple[str, ...]:
    """ "Im öffentlichen Text von TOP 5 steht der Name von Ödön Pál, der nicht genannt werden
    darf.": one warning per part of the public version of ``doc`` and member of ``members``
    whose family name it holds (each member's pattern made once, not for each part)."""
    sought = _sought(members)
    warnings = [
        mention_warning(where, person)
        for where, texts in _public_texts(public_version(doc))
        for person in _found_in(texts, sought)
    ]
    return tuple(dict.fromkeys(warnings))


def named_in(texts: Iterable[str], members: Iterable[UnnamedMember]) -> tuple[UnnamedMember, ...]:
    """Those of ``members`` whose family name (a guest's: or whole name) one of ``texts``
    holds, once each."""
    return _found_in(tuple(texts), _sought(members))


def _sought(members: Iterable[UnnamedMember]) -> _Sought:
    """Each of ``members`` with the pattern of the names looked for."""
    return tuple(
        (m, family_name_pattern([m.family_name, *([m.name] if m.guest else [])])) for m in members
    )


def _found_in(texts: tuple[str, ...], sought: _Sought) -> tuple[UnnamedMember, ...]:
    return tuple(dict.fromkeys(m for m, name in sought if any(name.search(text) for text in texts)))


def mention_warning(where: str, person: UnnamedMember) -> str:
    """The warning that the public text ``where`` ("von TOP 5") names ``person``."""
    if person.guest:
        why = (
            "nur zu nichtöffentlichen Tagesordnungspunkten vorgetragen"
            if person.presented_only
            else "nur am nichtöffentlichen Teil teilgenommen"
        )
        return (
            f"Im öffentlichen Text {where} steht der Name des Gastes {person.name}, der {why} hat."
        )
    return (
        f"Im öffentlichen Text {where} steht der Name von {person.name}, der nicht genannt "
        "werden darf."
    )


def _public_texts(doc: MinutesDocument) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each part of the public minutes with the texts typed into it ("von TOP 5", …)."""
    yield "der Kopfdaten", (doc.title, doc.place, doc.room, doc.minute_taker)
    yield "der Änderungen der Tagesordnung", (doc.agenda_changes,)
    for item in doc.items:
        if not item.withheld:
            yield f"von TOP {item.number}", _item_texts(item)
    yield "der Anlagen", tuple(a.label for a in doc.annexes)  # a withheld one: its number


def _item_texts(item: MinutesItem) -> tuple[str, ...]:
    return (
        item.title,
        item.presenter,
        item.discussion,
        item.motion,
        item.resolution,
        item.result,
        *(v.subject for v in item.votes),
        *(c.reason for c in item.recused),
        *(text for r in item.recommendations for text in (r.title, r.text)),
    )
