"""The completeness check's lines about "Änderungen der Tagesordnung": a warning naming a
held meeting's items taken up in another order than the invitation listed (moved so
while the minutes were written, :mod:`~expertenrat.domain.agenda_held_order`) that the
text does not mention, and one where it names a non-public item by its title; both point
at that field.

A warning, not a refusal: the field is where the minutes say how the agenda was changed
(its example is a reorder), and only the minute-taker knows whether the council decided
the order when it adopted the agenda or the chair changed it later. Until it mentions
them, the minutes name the items in a plain sentence of their own
(:func:`~expertenrat.domain.minutes_agenda_order.order_line`). The field is printed as
typed in the public minutes too, so a non-public item is suggested by its number alone
and its title does not count as a mention.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from expertenrat.domain.agenda_held_order import MovedItem
from expertenrat.domain.agenda_references import names_title
from expertenrat.domain.meeting_documents import DroppedItem
from expertenrat.domain.minutes import ItemMinutes
from expertenrat.domain.minutes_agenda_order import dropped_unmentioned, unmentioned
from expertenrat.domain.minutes_checklist_lines import ChecklistLine, ChecklistTarget
from expertenrat.domain.wording import isolated, listed


def order_lines(moved: Sequence[MovedItem], agenda_changes: str) -> list[ChecklistLine]:
    """The warning about the items of ``moved`` that ``agenda_changes`` (the minutes' text)
    does not mention by title, or as "TOP 3" by their number now or in the invitation;
    none where it mentions them all. A non-public item is named by its number alone."""
    unnamed = unmentioned(moved, agenda_changes)
    if not unnamed:
        return []
    named = [
        f"TOP {i.number} „{isolated(i.title)}“{i.invited_note}"
        if i.public
        else f"TOP {i.number} ({'; '.join(filter(None, ['nichtöffentlich', i.invited_text]))})"
        for i in unnamed
    ]
    text = (
        f"Die Punkte wurden in anderer Reihenfolge behandelt als eingeladen: {listed(named)}. "
        "Unter „Änderungen der Tagesordnung“ steht dazu nichts."
    )
    return [ChecklistLine("agenda_order", True, text, ChecklistTarget("agenda_changes"), True)]


def unsent_lines(
    unsent: Sequence[MovedItem], agenda_changes: str, certain: bool = True
) -> list[ChecklistLine]:
    """The warning about the items of ``unsent`` (added after the invitation, no changed
    agenda sent since) that ``agenda_changes`` does not mention as :func:`order_lines`
    reads it: the members had no notice of them, and the minutes said the agenda was
    adopted as invited (found by a tester). Not ``certain``: whether a changed agenda
    sent again carried them is not known, and the line says so."""
    unnamed = unmentioned(unsent, agenda_changes)
    if not unnamed:
        return []
    named = [
        f"TOP {i.number} „{isolated(i.title)}“" if i.public else f"TOP {i.number} (nichtöffentlich)"
        for i in unnamed
    ]
    text = (
        f"Nach der Einladung auf die Tagesordnung gesetzt "
        f"{_unsent('und nicht mit einer geänderten Tagesordnung versandt', certain)}: "
        f"{listed(named)}. Unter „Änderungen der Tagesordnung“ steht dazu nichts."
    )
    return [ChecklistLine("agenda_added", True, text, ChecklistTarget("agenda_changes"), True)]


def dropped_lines(
    dropped: Sequence[DroppedItem], agenda_changes: str, certain: bool = True
) -> list[ChecklistLine]:
    """The warning about the items of ``dropped`` (the last letter that told the members the
    agenda listed them, none told them they are gone) that ``agenda_changes`` does not
    mention (:func:`~expertenrat.domain.minutes_agenda_order.dropped_unmentioned`); a
    non-public one by its number alone (found by a tester: items removed on the
    meeting's day were named nowhere); not ``certain``: as :func:`unsent_lines`."""
    unnamed = dropped_unmentioned(dropped, agenda_changes)
    if not unnamed:
        return []
    named = [
        f"„{isolated(i.title)}“"
        if i.public
        else (
            f"zuletzt TOP {i.number} (nichtöffentlich)"
            if i.number
            else "ein nichtöffentlicher Punkt"
        )
        for i in unnamed
    ]
    text = (
        f"Nach der Einladung von der Tagesordnung genommen "
        f"{_unsent('und mit keiner geänderten Tagesordnung mitgeteilt', certain)}: "
        f"{listed(named)}. Unter „Änderungen der Tagesordnung“ steht dazu nichts."
    )
    return [ChecklistLine("agenda_dropped", True, text, ChecklistTarget("agenda_changes"), True)]


def _unsent(phrase: str, certain: bool) -> str:
    """``phrase`` ("und nicht mit einer geänderten Tagesordnung versandt"), or where that is
    not known, that it is not."""
    if certain:
        return phrase
    return (
        "(ob eine geänderte Tagesordnung es mitteilte, ist nicht erfasst: sie wurde am Tag "
        "ihres Versands noch geändert)"
    )


def non_public_title_lines(
    items: Sequence[ItemMinutes], agenda_changes: str
) -> list[ChecklistLine]:
    """The warning that ``agenda_changes`` names a non-public item of ``items`` (or one
    below it) by its title (:func:`non_public_title_warning`)."""
    hidden = _non_public(items)
    text = non_public_title_warning(
        ((i.number, i.title, i.item_id not in hidden) for i in items), agenda_changes
    )
    if not text:
        return []
    return [ChecklistLine("agenda_titles", True, text, ChecklistTarget("agenda_changes"), True)]


def non_public_title_warning(items: Iterable[tuple[str, str, bool]], agenda_changes: str) -> str:
    """The warning that ``agenda_changes``, printed in the public minutes as typed, names a
    non-public item of ``items`` (number, title, and whether it is public, as it is only
    below public items) by its title as a whole phrase; "" where it names none. A title
    that a public item has as well gives nothing away. The completeness check and the
    export of the public minutes say it alike."""
    items = tuple(items)
    public_titles = {" ".join(title.split()).casefold() for _n, title, public in items if public}
    named = [
        f"TOP {number}"
        for number, title, public in items
        if not public
        and " ".join(title.split()).casefold() not in public_titles
        and names_title(agenda_changes, title)
    ]
    if not named:
        return ""
    which = "des nichtöffentlichen" if len(named) == 1 else "der nichtöffentlichen"
    return (
        f"Unter „Änderungen der Tagesordnung“ steht der Titel {which} {listed(named)}; der "
        "Text wird auch im öffentlichen Protokoll gedruckt. Bitte nur die Nummer nennen."
    )


def _non_public(items: Sequence[ItemMinutes]) -> set[int]:
    """The ids of the non-public ``items``, those below a non-public item too."""
    parents = {i.item_id: i.parent_id for i in items}
    own = {i.item_id for i in items if not i.public}
    hidden = set()
    for key in parents:
        at: int | None = key
        while at is not None and at not in own:
            at = parents.get(at)
        if at is not None:
            hidden.add(key)
    return hidden
