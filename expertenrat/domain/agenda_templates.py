"""Templates for recurring agenda items: the council's own list (editable in Einstellungen,
starting with the standard ones), then the titles it used in earlier meetings.

A council's recurring items are the titles it used in at least two meetings; each comes
with the kind, publicity and planned minutes of its latest use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from expertenrat.domain.agenda import AgendaItem, clean_item, validate_item
from expertenrat.domain.enums import AgendaItemKind
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.text_folding import fold

MAX_TEMPLATES = 30


@dataclass(frozen=True, slots=True)
class AgendaTemplate:
    title: str
    kind: AgendaItemKind
    public: bool = True
    planned_minutes: int = 0
    id: int | None = None
    version: int = 0


STANDARD_TEMPLATES: tuple[AgendaTemplate, ...] = (
    AgendaTemplate("Bericht der Geschäftsstelle", AgendaItemKind.REPORT, True, 10),
    AgendaTemplate("Berichte aus den Projekten", AgendaItemKind.REPORT, True, 20),
    AgendaTemplate("Beschlussfassung über Empfehlungen", AgendaItemKind.RESOLUTION, True, 15),
    AgendaTemplate("Termine und nächste Sitzung", AgendaItemKind.MISCELLANEOUS, True, 5),
    AgendaTemplate("Verschiedenes", AgendaItemKind.MISCELLANEOUS, True, 5),
)
"""The templates a new council starts with."""

CORRECTION_TITLE = "Berichtigung / Nachtrag zum Protokoll {meeting}"
"""An amendment to approved minutes: they are frozen, so a correction is made only as an
item of a later meeting (``{meeting}``: "der 5. Sitzung")."""

MAX_CORRECTIONS = 3


def correction_templates(meeting_names: Iterable[str]) -> list[AgendaTemplate]:
    """ "Berichtigung / Nachtrag zum Protokoll der 5. Sitzung" for the earlier meetings
    whose minutes are approved (``meeting_names``: "der 5. Sitzung", nearest first; at most
    ``MAX_CORRECTIONS``)."""
    return [
        AgendaTemplate(CORRECTION_TITLE.format(meeting=name), AgendaItemKind.FORMAL, True, 5)
        for name in list(meeting_names)[:MAX_CORRECTIONS]
    ]


def _as_item(template: AgendaTemplate) -> AgendaItem:
    return AgendaItem(
        0, template.title, kind=template.kind, public=template.public,
        planned_minutes=template.planned_minutes,
    )  # fmt: skip


def clean_template(template: AgendaTemplate) -> AgendaTemplate:
    """``template`` with its title in NFC and without surrounding spaces."""
    return replace(template, title=clean_item(_as_item(template)).title)


def template_problems(template: AgendaTemplate) -> list[FieldProblem]:
    """The problems of a template as entered: those an agenda item with its fields has."""
    return validate_item(_as_item(template))


@dataclass(frozen=True, slots=True)
class UsedItem:
    """An agenda item of an earlier meeting, as the templates look at it."""

    meeting_id: int
    starts_at: datetime
    template: AgendaTemplate


def templates(
    stored: Iterable[AgendaTemplate],
    used: Iterable[UsedItem],
    corrections: Iterable[AgendaTemplate] = (),
) -> list[AgendaTemplate]:
    """The council's own templates in their order, then the corrections of approved
    minutes (:func:`correction_templates`), then its recurring items (most meetings first)
    that are not among them; at most ``MAX_TEMPLATES``."""
    chosen = list(stored)
    known = {fold(t.title) for t in chosen}
    for correction in corrections:
        if fold(correction.title) not in known:
            chosen.append(correction)
            known.add(fold(correction.title))
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
    chosen += [latest[key].template for key in recurring if key not in known]
    return chosen[:MAX_TEMPLATES]
