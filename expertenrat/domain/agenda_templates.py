"""Text templates for recurring agenda items: the council's own recurring items first,
then a few standard ones.

A council's recurring items are the titles it used in at least two meetings; each comes
with the kind, publicity and planned minutes of its latest use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from expertenrat.domain.enums import AgendaItemKind
from expertenrat.domain.text_folding import fold

MAX_TEMPLATES = 30


@dataclass(frozen=True, slots=True)
class AgendaTemplate:
    title: str
    kind: AgendaItemKind
    public: bool = True
    planned_minutes: int = 0


STANDARD_TEMPLATES: tuple[AgendaTemplate, ...] = (
    AgendaTemplate("Bericht der Geschäftsstelle", AgendaItemKind.REPORT, True, 10),
    AgendaTemplate("Berichte aus den Projekten", AgendaItemKind.REPORT, True, 20),
    AgendaTemplate("Beschlussfassung über Empfehlungen", AgendaItemKind.RESOLUTION, True, 15),
    AgendaTemplate("Termine und nächste Sitzung", AgendaItemKind.MISCELLANEOUS, True, 5),
    AgendaTemplate("Verschiedenes", AgendaItemKind.MISCELLANEOUS, True, 5),
)


@dataclass(frozen=True, slots=True)
class UsedItem:
    """An agenda item of an earlier meeting, as the templates look at it."""

    meeting_id: int
    starts_at: datetime
    template: AgendaTemplate


def templates(used: Iterable[UsedItem]) -> list[AgendaTemplate]:
    """The council's recurring items (most meetings first), then the standard ones whose
    title it does not use yet; at most ``MAX_TEMPLATES``."""
    meetings: dict[str, set[int]] = {}
    latest: dict[str, UsedItem] = {}
    for item in used:
        key = fold(item.template.title)
        meetings.setdefault(key, set()).add(item.meeting_id)
        if key not in latest or item.starts_at >= latest[key].starts_at:
            latest[key] = item
    recurring = sorted(
        (key for key, ids in meetings.items() if len(ids) >= 2),
        key=lambda key: (-len(meetings[key]), key),
    )
    chosen = [latest[key].template for key in recurring]
    chosen += [t for t in STANDARD_TEMPLATES if fold(t.title) not in meetings]
    return chosen[:MAX_TEMPLATES]
