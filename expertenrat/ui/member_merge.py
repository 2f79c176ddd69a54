"""The merge dialog for a member: the differing fields with German names and values."""

from __future__ import annotations

from datetime import date
from typing import Any

from expertenrat.domain.audit_fields import field_label
from expertenrat.domain.councils import ActionField
from expertenrat.domain.enums import LabelledEnum
from expertenrat.domain.merge import FieldDifference
from expertenrat.ui.i18n import tr
from expertenrat.ui.merge_dialog import MergeRow

_CONTEXT = "MemberMerge"


def member_merge_rows(found: list[FieldDifference], fields: list[ActionField]) -> list[MergeRow]:
    names = {field.id: field.name for field in fields}
    labels = {
        "primary_field_id": tr(_CONTEXT, "Primäres Handlungsfeld"),
        "further_field_ids": tr(_CONTEXT, "Weitere Handlungsfelder"),
    }

    def text(value: Any, name: str) -> str:
        if name.endswith("field_id"):
            return names.get(value, "") if value is not None else ""
        if name.endswith("field_ids"):
            return ", ".join(names.get(v, str(v)) for v in value)
        return _text(value)

    return [
        MergeRow(
            d.name,
            labels.get(d.name) or field_label("membership", d.name),
            text(d.mine, d.name),
            text(d.theirs, d.name),
            d.take_theirs,
            d.both_changed,
        )
        for d in found
    ]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return tr(_CONTEXT, "ja") if value else tr(_CONTEXT, "nein")
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, LabelledEnum):
        return value.label
    return str(value)
