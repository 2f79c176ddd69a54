"""The merge dialog's rows for a recommendation's content: the field and projects by name."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from expertenrat.domain.merge import FieldDifference
from expertenrat.ui.i18n import tr
from expertenrat.ui.merge_dialog import MergeRow, merge_rows, value_text

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
