"""The merge dialog's rows for a member: German field names, action fields by name."""

from __future__ import annotations

from typing import Any

from expertenrat.domain.audit_labels import field_label
from expertenrat.domain.councils import ActionField
from expertenrat.domain.merge import FieldDifference
from expertenrat.ui.i18n import tr
from expertenrat.ui.merge_dialog import MergeRow, merge_rows, value_text

_CONTEXT = "MemberMerge"


def member_merge_rows(found: list[FieldDifference], fields: list[ActionField]) -> list[MergeRow]:
    names = {field.id: field.name for field in fields}
    labels = {
        "primary_field_id": tr(_CONTEXT, "Primäres Handlungsfeld"),
        "further_field_ids": tr(_CONTEXT, "Weitere Handlungsfelder"),
    }

    def text(name: str, value: Any) -> str:
        if name == "primary_field_id":
            return names.get(value, "") if value is not None else ""
        if name == "further_field_ids":
            return ", ".join(names.get(v, str(v)) for v in value)
        return value_text(value)

    return merge_rows(found, lambda name: labels.get(name) or field_label("membership", name), text)
