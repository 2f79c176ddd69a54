"""The rules of a council's action fields: the standard four, their colours, their names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.field_limits import ACTION_FIELD_NAME, clean_text, text_problems
from expertenrat.domain.text_folding import alike_key

DEFAULT_ACTION_FIELDS: tuple[tuple[str, str], ...] = (
    ("Moderne Verwaltung", "#1f77b4"),
    ("Soziale Stadt", "#d62728"),
    ("Stadtdaten", "#2ca02c"),
    ("Umwelt", "#9467bd"),
)


NO_ACTION_FIELDS = (
    "Das Gremium hat noch kein Handlungsfeld. Bitte legen Sie unter Einstellungen zuerst "
    "eines an („Neues Handlungsfeld …“)."
)


def fields_explained(
    problems: list[FieldProblem], field: str, has_fields: bool
) -> list[FieldProblem]:
    """``problems`` where the council has no action field yet (a council may start without
    any): the problem of ``field`` ("Bitte wählen Sie ein Handlungsfeld.", from an empty
    list) says where to create one instead."""
    if has_fields:
        return problems
    return [
        replace(p, message=NO_ACTION_FIELDS) if p.field == field and not p.warning else p
        for p in problems
    ]


def action_field_problems(names: Sequence[str]) -> list[FieldProblem]:
    """Problems of the action fields a new council starts with (``"action_fields"``):
    each needs a name of its own."""
    problems = []
    for index, name in enumerate(names):
        for problem in validate_action_field_name(name, list(names[:index])):
            shown = clean_action_field_name(name)
            what = f"Handlungsfeld „{shown}“: " if shown else ""
            problems.append(FieldProblem("action_fields", what + problem.message))
    return problems


# The standard fields' four, then six more that stay apart from them (a council may have
# more than Rostock's four fields: Lübeck's has five).
FIELD_COLOURS: tuple[str, ...] = (
    *(colour for _name, colour in DEFAULT_ACTION_FIELDS),
    "#ff7f0e",
    "#17becf",
    "#8c564b",
    "#e377c2",
    "#bcbd22",
    "#7f7f7f",
)


def default_colour(index: int) -> str:
    """The colour of the ``index``-th action field of a new council (the standard ones')."""
    return FIELD_COLOURS[index % len(FIELD_COLOURS)]


def next_colour(used: Iterable[str]) -> str:
    """The colour of an action field added beside fields of the colours ``used``: the
    first of :data:`FIELD_COLOURS` none of them has, so that no two fields look alike in
    the composition and the charts (while there are fewer fields than colours)."""
    taken = [colour.casefold() for colour in used]
    free = [colour for colour in FIELD_COLOURS if colour.casefold() not in taken]
    return free[0] if free else default_colour(len(taken))


_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")  # fullmatch: "$" would let "#1f77b4\n" pass


def clean_action_field_name(name: str) -> str:
    return clean_text(name, ACTION_FIELD_NAME)


def validate_action_field_name(name: str, other_names: list[str]) -> list[FieldProblem]:
    cleaned = clean_action_field_name(name)
    if not cleaned:
        return [FieldProblem("name", "Bitte geben Sie einen Namen für das Handlungsfeld an.")]
    problems = text_problems("name", cleaned, ACTION_FIELD_NAME)
    if problems:
        return problems
    if alike_key(cleaned) in {alike_key(n) for n in other_names}:
        return [FieldProblem("name", f"Ein Handlungsfeld „{cleaned}“ gibt es bereits.")]
    return []


def validate_colour(colour: str) -> list[FieldProblem]:
    if not _COLOUR.fullmatch(colour):
        return [FieldProblem("colour", "Die Farbe muss als #RRGGBB angegeben werden.")]
    return []
