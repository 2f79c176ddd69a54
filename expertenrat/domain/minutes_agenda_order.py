"""What the minutes say of a held meeting's items taken up in another order than the
invitation listed (:mod:`~expertenrat.domain.agenda_held_order`).

"Änderungen der Tagesordnung" is where the minute-taker says how the agenda was changed;
the items it does not mention (a public one by title as a whole phrase; any as "TOP 3",
"die TOPs 3 und 5" by their number now or in the invitation:
:mod:`~expertenrat.domain.agenda_references`) are named by the completeness check (a
warning) and, so that the minutes never print "ohne Änderungen festgestellt" beside
numbers that are not the invitation's, in a sentence of their own among the Feststellungen
(:func:`order_line`). The sentence says what was done, not when it was decided: whether
the council set the order when it adopted the agenda or the chair changed it later only
the minute-taker knows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from expertenrat.domain.agenda_held_order import MovedItem
from expertenrat.domain.agenda_references import names_title, referenced_numbers
from expertenrat.domain.meeting_documents import DroppedItem
from expertenrat.domain.wording import isolated, listed


def unmentioned(moved: Sequence[MovedItem], agenda_changes: str) -> tuple[MovedItem, ...]:
    """The items of ``moved`` that ``agenda_changes`` (the minutes' text) does not mention."""
    return tuple(item for item in moved if not _mentioned(item, agenda_changes))


def order_line(
    moved: Sequence[MovedItem], agenda_changes: str, *, renumbered_told: bool = True
) -> str:
    """ "In anderer Reihenfolge als eingeladen wurde TOP 2 (in der Einladung TOP 3)
    behandelt." for the items of ``moved`` that ``agenda_changes`` does not mention, or
    (``renumbered_told``; approved minutes kept before this rule are not) mentions by a
    number alone where the item's number changed (which numbering the text means only the
    minute-taker knows); "" where it mentions them all so. Numbers only: the line stands in
    the public minutes too."""
    said = _said_which if renumbered_told else _mentioned
    named = [
        f"TOP {item.number}{item.invited_note}" for item in moved if not said(item, agenda_changes)
    ]
    if not named:
        return ""
    verb = "wurde" if len(named) == 1 else "wurden"
    return f"In anderer Reihenfolge als eingeladen {verb} {listed(named)} behandelt."


def added_line(
    unsent: Sequence[MovedItem], agenda_changes: str, agenda_sent_on: date | None = None
) -> str:
    """ "Nach der Einladung wurde TOP 7 auf die Tagesordnung gesetzt." for the items of
    ``unsent`` (added after the last letter that told the members the agenda) that
    ``agenda_changes`` does not mention; after a changed agenda sent on ``agenda_sent_on``
    "Nach der geänderten Tagesordnung vom 03.12.2026 wurde …" (the invitation did not
    carry the items the changed agenda did either); "" where it mentions them all. Numbers
    only, as :func:`order_line`."""
    named = [f"TOP {item.number}" for item in unmentioned(unsent, agenda_changes)]
    if not named:
        return ""
    verb = "wurde" if len(named) == 1 else "wurden"
    return f"Nach {_letter(agenda_sent_on)} {verb} {listed(named)} auf die Tagesordnung gesetzt."


def dropped_line(
    dropped: Sequence[DroppedItem], agenda_changes: str, agenda_sent_on: date | None = None
) -> str:
    """ "Nach der Einladung wurde „Radwege“ von der Tagesordnung abgesetzt." for the items
    of ``dropped`` (the last letter that told the members the agenda listed them, none
    told them they are gone) that ``agenda_changes`` does not mention
    (:func:`dropped_unmentioned`); a non-public one not by its title ("ein nichtöffentlicher
    Tagesordnungspunkt"), the line stands in the public minutes too; "" for none."""
    unnamed = dropped_unmentioned(dropped, agenda_changes)
    if not unnamed:
        return ""
    named = [f"„{isolated(item.title)}“" for item in unnamed if item.public]
    hidden = sum(not item.public for item in unnamed)
    if hidden:
        named.append(
            "ein nichtöffentlicher Tagesordnungspunkt"
            if hidden == 1
            else f"{hidden} nichtöffentliche Tagesordnungspunkte"
        )
    verb = "wurde" if len(unnamed) == 1 else "wurden"
    return f"Nach {_letter(agenda_sent_on)} {verb} {listed(named)} von der Tagesordnung abgesetzt."


def dropped_unmentioned(
    dropped: Sequence[DroppedItem], agenda_changes: str
) -> tuple[DroppedItem, ...]:
    """The items of ``dropped`` that ``agenda_changes`` does not mention: a public one by
    its title, any by its number when it was removed ("TOP 5")."""
    numbers = referenced_numbers(agenda_changes)
    return tuple(
        item
        for item in dropped
        if not (item.public and names_title(agenda_changes, item.title))
        and not (item.number and item.number in numbers)
    )


def _letter(agenda_sent_on: date | None) -> str:
    """The last letter that told the members the agenda, as "Nach …" names it."""
    if agenda_sent_on is None:
        return "der Einladung"
    return f"der geänderten Tagesordnung vom {agenda_sent_on:%d.%m.%Y}"


def _mentioned(item: MovedItem, text: str) -> bool:
    """Whether ``text`` names ``item`` by number, or a public item by its title."""
    if _named_by_title(item, text):
        return True
    return bool({item.number, item.invited_number} & referenced_numbers(text))


def _said_which(item: MovedItem, text: str) -> bool:
    """Whether ``text`` says which item ``item`` is: by its title, or by its number where
    that is the same now and in the invitation."""
    return _named_by_title(item, text) or (not item.invited_note and _mentioned(item, text))


def _named_by_title(item: MovedItem, text: str) -> bool:
    """Whether ``text`` names a public ``item`` by its title: the text stands in the public
    minutes, where a non-public item's title must not be."""
    return item.public and names_title(text, item.title)
