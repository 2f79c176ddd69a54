"""The merge dialog for an agenda item: its content fields, the project by title.

Only what the item form edits is offered (title, kind, public, presenter, project,
planned minutes); where the item sits (parent, position) is always the stored one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.merge import FieldDifference, differences, merged
from expertenrat.ui.i18n import tr
from expertenrat.ui.merge_rows import MergeRow, merge_rows, value_text

_CONTEXT = "AgendaMerge"
_CONTENT = ("title", "kind", "public", "presenter", "project_id", "planned_minutes")


def agenda_differences(
    base: AgendaItem, mine: AgendaItem, theirs: AgendaItem
) -> list[FieldDifference]:
    return [d for d in differences(base, mine, theirs) if d.name in _CONTENT]


def merged_item(mine: AgendaItem, theirs: AgendaItem, take_theirs: set[str]) -> AgendaItem:
    """``mine`` with the chosen fields of ``theirs``, placed and versioned as stored."""
    chosen = merged(mine, theirs, take_theirs | {"parent", "position"})
    if "project_id" in take_theirs:
        chosen = replace(chosen, project_title=theirs.project_title)
    return chosen


def agenda_merge_rows(
    found: list[FieldDifference], mine: AgendaItem, theirs: AgendaItem
) -> list[MergeRow]:
    labels = {
        "title": tr(_CONTEXT, "Titel"),
        "kind": tr(_CONTEXT, "Art"),
        "public": tr(_CONTEXT, "öffentlich"),
        "presenter": tr(_CONTEXT, "Vortragende*r"),
        "project_id": tr(_CONTEXT, "Projekt"),
        "planned_minutes": tr(_CONTEXT, "geplante Minuten"),
    }
    projects = {mine.project_id: mine.project_title, theirs.project_id: theirs.project_title}

    def text(name: str, value: Any) -> str:
        if name == "project_id":
            return projects.get(value, "") if value is not None else ""
        return value_text(value)

    return merge_rows(found, lambda name: labels[name], text)
