"""The differing fields of two versions of a record as the merge dialog lists them
(:mod:`~expertenrat.ui.merge_dialog`): one :class:`MergeRow` per field, with its German
label, both values in words (:func:`value_text`) and the suggestion.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from expertenrat.domain.enums import LabelledEnum
from expertenrat.domain.merge import FieldDifference
from expertenrat.ui.i18n import tr

_CONTEXT = "MergeDialog"


@dataclass(frozen=True, slots=True)
class MergeRow:
    name: str  # the record's attribute
    label: str  # its German name
    mine: str
    theirs: str
    take_theirs: bool  # suggested
    both_changed: bool  # marked: both sides changed this field
    note: str = ""  # more about the change, the label's tooltip (marked "ℹ")


def merge_rows(
    found: list[FieldDifference],
    label: Callable[[str], str],
    text: Callable[[str, Any], str] | None = None,
) -> list[MergeRow]:
    """The rows for ``found``: ``label(name)`` names a field, ``text(name, value)`` shows a
    value (default :func:`value_text`)."""
    show = text or (lambda _name, value: value_text(value))
    return [
        MergeRow(
            d.name,
            label(d.name),
            show(d.name, d.mine),
            show(d.name, d.theirs),
            d.take_theirs,
            d.both_changed,
        )
        for d in found
    ]


def value_text(value: Any) -> str:
    """A field's value in words: "ja"/"nein", TT.MM.JJJJ, an enum's German label."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return tr(_CONTEXT, "ja") if value else tr(_CONTEXT, "nein")
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, LabelledEnum):
        return value.label
    if isinstance(value, bytes):
        return tr(_CONTEXT, "Bild ({} Bytes)").format(f"{len(value):,}".replace(",", "."))
    return str(value)
