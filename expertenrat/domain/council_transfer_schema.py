"""The JSON Schema check of a council settings file, with German messages that name the
place in the file ("Handlungsfeld 3, „colour“ hat nicht die erwartete Form")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from expertenrat.domain.council_periods import PERIOD_UNITS, period_text
from expertenrat.domain.council_transfer_format import (
    AGENDA_TEMPLATE,
    SETTING_KEYS,
    SettingsFileError,
    setting_label,
)
from expertenrat.domain.wording import listed


def check_schema(document: Mapping[str, Any], schema: Mapping[str, Any]) -> None:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.path)))
    # One "required" error comes for every missing key, each naming them all: said once.
    messages = list(dict.fromkeys(_schema_message(e) for e in errors))
    if messages:
        named = messages if len(messages) <= 6 else messages[:5]  # one more named, not counted
        shown = "; ".join(named)
        more = f" (und {len(messages) - 5} weitere)" if len(messages) > len(named) else ""
        raise SettingsFileError(
            f"Die Einstellungsdatei entspricht nicht dem Format: {shown}{more}."
        )


def _schema_message(error: Any) -> str:
    """A German sentence for one schema violation, naming the place in the file."""
    where = _place(list(error.path))
    value, rule = error.instance, error.validator_value
    messages = {
        "required": lambda: _missing(error, where),
        "additionalProperties": lambda: _unknown(
            sorted(set(value) - set(error.schema.get("properties", {})))
        ),
        "type": lambda: f"hat die falsche Art (erwartet: {_type_words(rule)})",
        "maxLength": lambda: f"ist zu lang ({len(value)} Zeichen, höchstens {rule})",
        "minLength": lambda: "darf nicht leer sein",
        "pattern": lambda: "hat nicht die erwartete Form",
        "enum": lambda: f"„{value}“ ist nicht möglich (möglich: {', '.join(map(str, rule))})",
        "const": lambda: f"muss „{rule}“ sein",
        "minimum": lambda: f"muss mindestens {_bound(error.path, rule)} sein",
        "maximum": lambda: f"darf höchstens {_bound(error.path, rule)} sein",
        "maxItems": lambda: f"hat zu viele Einträge (höchstens {rule})",
    }
    text = messages.get(error.validator, lambda: "ist ungültig")()
    if error.validator == "required":
        return text
    return f"{where} {text}" if where else text[0].upper() + text[1:]


def _bound(path: Sequence[Any], rule: Any) -> str:
    """A limit of the file's value at ``path``, with its unit where it is a council
    period ("365 Tage"; "0 Wochen", not "mindestens keine Frist"): the label names no
    unit."""
    field = _setting(list(path))
    return period_text(field, rule, zero_as_none=False) if field in PERIOD_UNITS else str(rule)


def _setting(path: Sequence[Any]) -> str | None:
    """The council setting at ``path`` ("council", "noticePeriodDays"), or None."""
    if len(path) < 2 or path[0] != "council":
        return None
    return next((a for a, k in SETTING_KEYS.items() if k == path[1]), None)


def _unknown(names: Sequence[str]) -> str:
    """ "unbekannte Angabe „members“", "unbekannte Angaben „a“, „b“"."""
    which = "unbekannte Angabe" if len(names) == 1 else "unbekannte Angaben"
    return f"{which} " + ", ".join(f"„{name}“" for name in names)


def _missing(error: Any, where: str) -> str:
    """ "Es fehlt die Angabe „council“", "In Handlungsfeld 1 fehlen die Angaben „name“ und
    „colour“": every required key the object lacks, in the schema's order."""
    present = set(error.instance) if isinstance(error.instance, dict) else set()
    missing = [f"„{key}“" for key in error.validator_value if key not in present] or ["?"]
    if len(missing) == 1:
        what = f"fehlt die Angabe {missing[0]}"
    else:
        what = f"fehlen die Angaben {listed(missing)}"
    return f"In {where} {what}" if where else f"Es {what}"


def _type_words(rule: Any) -> str:
    words = {
        "string": "Text",
        "integer": "ganze Zahl",
        "object": "Objekt",
        "array": "Liste",
        "null": "leer",
        "boolean": "true oder false",
    }
    names = rule if isinstance(rule, list) else [rule]
    return " oder ".join(words.get(n, n) for n in names)


def _place(path: Sequence[Any]) -> str:
    """ "council", "name" -> "„Name des Gremiums“"; "actionFields", 2 -> "Handlungsfeld 3"."""
    if not path:
        return ""
    head, rest = path[0], list(path[1:])
    if head == "council" and rest:
        return f"„{setting_label(_setting(path) or str(rest[0]))}“"
    lists = {
        "actionFields": "Handlungsfeld",
        "textTemplates": "Textbaustein",
        "agendaTemplates": AGENDA_TEMPLATE,
    }
    if head in lists and rest and isinstance(rest[0], int):
        detail = f", „{rest[1]}“" if len(rest) > 1 else ""
        return f"{lists[head]} {rest[0] + 1}{detail}"
    return f"„{'.'.join(map(str, path))}“"
