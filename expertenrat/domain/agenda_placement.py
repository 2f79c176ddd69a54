"""Where items stand in an agenda's frame: the standard opening items of a new meeting,
the opening formalities and the closing items by kind, and where a new item or an urgent
item goes among the top-level items.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from expertenrat.domain.agenda import AgendaItem, agenda_problem, children_by_parent
from expertenrat.domain.enums import AgendaItemKind

STANDARD_OPENING_ITEMS: tuple[tuple[str, AgendaItemKind], ...] = (
    ("Eröffnung", AgendaItemKind.FORMAL),
    ("Feststellung der ordnungsgemäßen Ladung und Beschlussfähigkeit", AgendaItemKind.FORMAL),
    ("Genehmigung der Tagesordnung", AgendaItemKind.FORMAL),
    ("Genehmigung des Protokolls der letzten Sitzung", AgendaItemKind.MINUTES_APPROVAL),
)


def opening_items(first_key: int = 1, *, after_another: bool = True) -> list[AgendaItem]:
    """The standard opening items of a new meeting, keyed from ``first_key``; the
    approval of the last minutes only ``after_another`` meeting (a council's first meeting
    has no minutes to approve)."""
    chosen = [
        (title, kind)
        for title, kind in STANDARD_OPENING_ITEMS
        if after_another or kind is not AgendaItemKind.MINUTES_APPROVAL
    ]
    return [
        AgendaItem(first_key + index, title, position=index, kind=kind, planned_minutes=5)
        for index, (title, kind) in enumerate(chosen)
    ]


def closing_item(items: Sequence[AgendaItem]) -> AgendaItem | None:
    """The agenda's standard closing item, before which an urgent item is taken up: its
    last top-level item where that is of the kind "Verschiedenes" (the standard template
    "Verschiedenes", or "Termine und nächste Sitzung"); else ``None``."""
    top = children_by_parent(items).get(None, [])
    last = top[-1] if top else None
    return last if last is not None and last.kind is AgendaItemKind.MISCELLANEOUS else None


OPENING_KINDS = frozenset({AgendaItemKind.FORMAL, AgendaItemKind.MINUTES_APPROVAL})
"""The kinds of the opening formalities (Eröffnung, Ladung, Tagesordnung, Protokoll)."""
CLOSING_KINDS = frozenset({AgendaItemKind.MISCELLANEOUS, AgendaItemKind.FORMAL})
"""The kinds of the closing items ("Termine und nächste Sitzung", "Verschiedenes", a
formality such as "Schließung der Sitzung")."""


def opening_count(items: Iterable[AgendaItem]) -> int:
    """How many top-level items open the agenda: the leading ones of the opening kinds."""
    count = 0
    for item in children_by_parent(items).get(None, []):
        if item.kind not in OPENING_KINDS:
            break
        count += 1
    return count


def new_item_index(items: Sequence[AgendaItem]) -> int | None:
    """Where among the top-level ``items`` a new item goes when the user chose no row:
    after the opening formalities and after the items on the subject, before the closing
    items (the trailing ones of the closing kinds, by kind, never by title); ``None``: the
    last."""
    top = children_by_parent(items).get(None, [])
    end, opening = len(top), opening_count(items)
    while end > opening and top[end - 1].kind in CLOSING_KINDS:
        end -= 1
    return None if end == len(top) else end


def urgent_index(items: Sequence[AgendaItem], before: int | None) -> int | None:
    """Where among the top-level ``items`` an urgent item taken up before the top-level
    item ``before`` goes (``None``: the last). One no longer there, or moved below
    another meanwhile (on another PC), is refused: the place chosen is gone."""
    if before is None:
        return None
    top = [i.key for i in children_by_parent(items).get(None, [])]
    if before not in top:
        raise agenda_problem(
            "Der Punkt, vor dem der Dringlichkeitsantrag stehen sollte, ist nicht mehr in "
            "der Tagesordnung. Die Tagesordnung zeigt jetzt den gespeicherten Stand; fügen "
            "Sie den Dringlichkeitsantrag dort bitte erneut ein."
        )
    return top.index(before)
