"""The warning that the public minutes name a member who may not be named.

:func:`~expertenrat.domain.public_minutes.public_version` calls such a member "Mitglied
ohne Namensnennung" in the fields it knows (attendance, chair, presenter, recusals); what
the secretariat types into a title or a text ("Herr Pál erläutert …") it leaves as typed.
:func:`unnamed_mentions` looks for the member's family name in those texts of the public
minutes, as a whole word in any case (as the Auskunft searches the minutes:
:func:`~expertenrat.domain.name_mentions.family_name_pattern`), and says where: a warning,
not a refusal, since a namesake or a word of the same letters may be meant.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from expertenrat.domain.minutes_document import MinutesDocument
from expertenrat.domain.minutes_items import MinutesItem
from expertenrat.domain.name_mentions import family_name_pattern
from expertenrat.domain.public_minutes import public_version


@dataclass(frozen=True, slots=True)
class UnnamedMember:
    """A member who has not agreed to the publication of the name."""

    name: str  # as the full minutes print it
    family_name: str


def unnamed_mentions(doc: MinutesDocument, members: Iterable[UnnamedMember]) -> tuple[str, ...]:
    """ "Im öffentlichen Text von TOP 5 steht der Name von Ödön Pál, der nicht genannt werden
    darf.": one warning per part of the public version of ``doc`` and member of ``members``
    whose family name it holds."""
    members = tuple(members)
    warnings = [
        mention_warning(where, name)
        for where, texts in _public_texts(public_version(doc))
        for name in named_in(texts, members)
    ]
    return tuple(dict.fromkeys(warnings))


def named_in(texts: Iterable[str], members: Iterable[UnnamedMember]) -> tuple[str, ...]:
    """The names of ``members`` whose family name one of ``texts`` holds, once each."""
    texts = tuple(texts)
    return tuple(
        dict.fromkeys(
            m.name
            for m in members
            if any(family_name_pattern([m.family_name]).search(text) for text in texts)
        )
    )


def mention_warning(where: str, name: str) -> str:
    """The warning that the public text ``where`` ("von TOP 5") names ``name``."""
    return f"Im öffentlichen Text {where} steht der Name von {name}, der nicht genannt werden darf."


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
