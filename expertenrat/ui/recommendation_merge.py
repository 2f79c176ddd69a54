"""The merge dialog for a recommendation's content, edited while another PC saved it: its
rows name the field and the projects; the choice goes back into the edit dialog."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.merge import FieldDifference, differences, merged
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_views import RecommendationDetail
from expertenrat.ui.i18n import tr
from expertenrat.ui.merge_dialog import FormLine, MergeDialog, open_conflict_merge
from expertenrat.ui.merge_rows import MergeRow, merge_rows, value_text
from expertenrat.ui.recommendation_content_dialogs import EditRecommendationDialog

_CONTEXT = "RecommendationMerge"


def recommendation_merge_rows(
    found: list[FieldDifference], fields: Mapping[int, str], projects: Mapping[int, str]
) -> list[MergeRow]:
    labels = {
        "title": tr(_CONTEXT, "Titel"),
        "text": tr(_CONTEXT, "Text"),
        "kind": tr(_CONTEXT, "Art"),
        "action_field_id": tr(_CONTEXT, "Handlungsfeld"),
        "project_ids": tr(_CONTEXT, "Projekt(e)"),
    }

    def text(name: str, value: Any) -> str:
        if name == "action_field_id":
            return fields.get(value, "") if value is not None else ""
        if name == "project_ids":
            return ", ".join(projects.get(v, str(v)) for v in value)
        return value_text(value)

    return merge_rows(found, lambda name: labels[name], text)


def offer_recommendation_merge(
    dialog: EditRecommendationDialog,
    read: Callable[[], RecommendationDetail],
    base: RecommendationContent,
    mine: RecommendationContent,
    choices: tuple[list[tuple[int, str]], list[tuple[int, str]]],
    version: list[int],
    line: FormLine,
) -> MergeDialog | None:
    """Someone saved first: both versions field by field, the stored one as ``read`` gives
    it now; the choice goes into ``dialog`` and is saved on it (``version[0]`` becomes its
    version). ``choices``: the projects and action fields offered, (id, name) each;
    ``line`` the one under the dialog's form while the merge is open. None:
    nothing differs (saved at once), or the stored one could not be read (the dialog says
    why)."""
    try:
        stored = read()
    except ExpertenratError as error:
        dialog.error_label.setText(error.message)
        return None
    projects, fields = choices
    row = stored.row
    theirs = RecommendationContent(
        row.title, stored.text, row.kind, row.action_field_id, tuple(p.id for p in row.projects)
    )
    names = dict(projects) | {p.id: p.title for p in row.projects}

    def take(chosen: set[str]) -> None:
        version[0] = row.version
        dialog.set_content(merged(mine, theirs, chosen))
        dialog.submit()

    found = differences(base, mine, theirs)
    if not found:
        take(set())
        return None
    return open_conflict_merge(
        dialog,
        row.code,
        tr(
            _CONTEXT,
            "Jemand anderes hat diese Empfehlung gespeichert, während Sie sie bearbeitet haben.",
        ),
        recommendation_merge_rows(found, dict(fields), names),
        take,
        line,
    )
