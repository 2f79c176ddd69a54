"""The council settings file: what another city needs to start its council, and nothing personal.

A JSON document (UTF-8) in a versioned format, described by a JSON Schema shipped with the
program (``resources/schemas/council-settings-2.schema.json``): the council's settings
(name, city, logo as base64 PNG, member limits, quorum, periods, minutes practice,
profile and letterhead), its action fields with their colours, its standard phrases and
(since format 2) its templates for recurring agenda items. A format-1 file has no agenda
templates (``CouncilTemplate.agenda_templates`` is ``None``): importing it leaves the
council's as they are.
There is no field for a person, a meeting or a record of any kind, and the schema allows
no others (``additionalProperties: false``), so a file can carry no personal data.

Reading checks, in this order, each with a German message: the size, UTF-8, JSON, that it
is such a file, that its format version is not newer than this program's, the schema, and
then the same rules as the forms (``field_limits``: control characters, lengths; member
limits, colours, duplicate action fields; agenda template titles and planned minutes).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from expertenrat.domain.agenda_templates import AgendaTemplate
from expertenrat.domain.agenda_templates import template_problems as agenda_template_problems
from expertenrat.domain.audit_fields import field_label
from expertenrat.domain.councils import (
    ActionField,
    CouncilSettings,
    validate_action_field_name,
    validate_colour,
    validate_settings,
)
from expertenrat.domain.enums import (
    AgendaItemKind,
    LabelledEnum,
    MinutesApproval,
    MinutesStyle,
    QuorumRule,
)
from expertenrat.domain.errors import DataEntryError, FieldProblem
from expertenrat.domain.merge import FieldDifference
from expertenrat.domain.text_templates import TextTemplate, template_problems

FORMAT = "expertenrat-council-settings"
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)
MAX_FILE_BYTES = 8 * 1024 * 1024
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# CouncilSettings attribute -> key in the file's "council" object (camelCase, as in JSON).
_KEYS = {
    "name": "name",
    "short_name": "shortName",
    "city": "city",
    "classification": "classification",
    "website": "website",
    "bundesland": "bundesland",
    "time_zone": "timeZone",
    "logo_png": "logoPng",
    "min_members": "minMembers",
    "max_members": "maxMembers",
    "quorum_rule": "quorumRule",
    "notice_period_days": "noticePeriodDays",
    "response_period_months": "responsePeriodMonths",
    "minutes_style": "minutesStyle",
    "minutes_approval": "minutesApproval",
    "objection_period_days": "objectionPeriodDays",
    "secretariat": "secretariat",
}
_ENUMS: Mapping[str, type[LabelledEnum]] = {
    "quorum_rule": QuorumRule,
    "minutes_style": MinutesStyle,
    "minutes_approval": MinutesApproval,
}
ACTION_FIELDS, TEXT_TEMPLATES = "action_fields", "text_templates"
AGENDA_TEMPLATES = "agenda_templates"
AGENDA_TEMPLATE = "Vorlage für Tagesordnungspunkte"


class SettingsFileError(DataEntryError):
    """A settings file that cannot be used; nothing was changed."""


@dataclass(frozen=True, slots=True)
class CouncilTemplate:
    """A council's transferable setup: its settings, action fields, standard phrases and
    agenda templates (``None``: not in the file, a format-1 file)."""

    settings: CouncilSettings
    action_fields: tuple[ActionField, ...] = ()
    text_templates: tuple[TextTemplate, ...] = ()
    agenda_templates: tuple[AgendaTemplate, ...] | None = None


def schema_file(version: int) -> tuple[str, str]:
    """The JSON Schema of format ``version``, as a path under ``resources``."""
    return ("schemas", f"council-settings-{version}.schema.json")


# --- writing --------------------------------------------------------------------------


def settings_document(template: CouncilTemplate, exported_at: datetime, program: str) -> bytes:
    """The settings file of ``template`` (UTF-8 JSON, indented, umlauts as they are)."""
    council: dict[str, Any] = {}
    for name, key in _KEYS.items():
        value = getattr(template.settings, name)
        if name == "logo_png":
            value = base64.b64encode(value).decode("ascii") if value else None
        elif isinstance(value, LabelledEnum):
            value = value.value
        council[key] = value
    document = {
        "format": FORMAT,
        "formatVersion": FORMAT_VERSION,
        "exportedAt": exported_at.isoformat(timespec="seconds"),
        "program": program,
        "council": council,
        "actionFields": [{"name": f.name, "colour": f.colour} for f in template.action_fields],
        "textTemplates": [{"label": t.label, "text": t.text} for t in template.text_templates],
        "agendaTemplates": [
            {
                "title": t.title,
                "kind": t.kind.value,
                "public": t.public,
                "plannedMinutes": t.planned_minutes,
            }
            for t in template.agenda_templates or ()
        ],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- reading --------------------------------------------------------------------------


def read_settings_file(data: bytes, schema: Callable[[int], Mapping[str, Any]]) -> CouncilTemplate:
    """The template in ``data``, checked against the schema of its format version
    (``schema(version)``) and the domain rules.

    Raises :class:`SettingsFileError` with a German message naming what is wrong.
    """
    document = _json(data)
    _check_schema(document, schema(_readable_version(document)))
    template = _template(document)
    problems = template_problems_of(template)
    if problems:
        raise SettingsFileError(
            "Die Einstellungsdatei enthält unzulässige Angaben: "
            + " ".join(p.message for p in problems)
        )
    return template


def _json(data: bytes) -> dict[str, Any]:
    if len(data) > MAX_FILE_BYTES:
        raise SettingsFileError(
            f"Die Datei ist mit {len(data) // 1024 // 1024} MB zu groß für eine "
            f"Einstellungsdatei (höchstens {MAX_FILE_BYTES // 1024 // 1024} MB)."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SettingsFileError(
            "Die Datei ist keine Textdatei in UTF-8 und damit keine Einstellungsdatei."
        ) from None
    try:
        document = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise SettingsFileError(
            f"Die Datei ist kein gültiges JSON (Zeile {error.lineno}, Spalte {error.colno})."
        ) from None
    except ValueError as error:
        raise SettingsFileError(f"Die Datei ist kein gültiges JSON ({error}).") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SettingsFileError(
            "Die Datei ist keine Einstellungsdatei von Expertenrat "
            f"(„format“ muss „{FORMAT}“ sein)."
        )
    return document


def _no_constant(name: str) -> None:
    raise ValueError(f"„{name}“ ist keine Zahl")


def _readable_version(document: Mapping[str, Any]) -> int:
    """The file's format version if this program reads it, else ``FORMAT_VERSION`` (whose
    schema then names the wrong version); a newer one is refused."""
    version = document.get("formatVersion")
    if not isinstance(version, int) or isinstance(version, bool):
        return FORMAT_VERSION
    if version > FORMAT_VERSION:
        raise SettingsFileError(
            f"Die Einstellungsdatei hat das Format {version} einer neueren Programmversion; "
            f"dieses Programm liest Format {FORMAT_VERSION}. Bitte aktualisieren Sie "
            "Expertenrat oder exportieren Sie die Einstellungen dort im älteren Format."
        )
    return version if version in READABLE_VERSIONS else FORMAT_VERSION


def _check_schema(document: Mapping[str, Any], schema: Mapping[str, Any]) -> None:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.path)))
    if errors:
        shown = "; ".join(_schema_message(e) for e in errors[:5])
        more = f" (und {len(errors) - 5} weitere)" if len(errors) > 5 else ""
        raise SettingsFileError(
            f"Die Einstellungsdatei entspricht nicht dem Format: {shown}{more}."
        )


def _schema_message(error: Any) -> str:
    """A German sentence for one schema violation, naming the place in the file."""
    where = _place(list(error.path))
    value, rule = error.instance, error.validator_value
    messages = {
        "required": lambda: f"es fehlt die Angabe „{_missing(error)}“",
        "additionalProperties": lambda: (
            "unbekannte Angabe(n) "
            + ", ".join(
                f"„{k}“" for k in sorted(set(value) - set(error.schema.get("properties", {})))
            )
        ),
        "type": lambda: f"hat die falsche Art (erwartet: {_type_words(rule)})",
        "maxLength": lambda: f"ist zu lang ({len(value)} Zeichen, höchstens {rule})",
        "minLength": lambda: "darf nicht leer sein",
        "pattern": lambda: "hat nicht die erwartete Form",
        "enum": lambda: f"„{value}“ ist nicht möglich (möglich: {', '.join(map(str, rule))})",
        "const": lambda: f"muss „{rule}“ sein",
        "minimum": lambda: f"muss mindestens {rule} sein",
        "maximum": lambda: f"darf höchstens {rule} sein",
        "maxItems": lambda: f"hat zu viele Einträge (höchstens {rule})",
    }
    text = messages.get(error.validator, lambda: "ist ungültig")()
    return f"{where} {text}" if where else text[0].upper() + text[1:]


def _missing(error: Any) -> str:
    present = set(error.instance) if isinstance(error.instance, dict) else set()
    return next((key for key in error.validator_value if key not in present), "?")


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
        name = next((a for a, k in _KEYS.items() if k == rest[0]), str(rest[0]))
        return f"„{_label(name)}“"
    lists = {
        "actionFields": "Handlungsfeld",
        "textTemplates": "Textbaustein",
        "agendaTemplates": AGENDA_TEMPLATE,
    }
    if head in lists and rest and isinstance(rest[0], int):
        detail = f", „{rest[1]}“" if len(rest) > 1 else ""
        return f"{lists[head]} {rest[0] + 1}{detail}"
    return f"„{'.'.join(map(str, path))}“"


def _template(document: Mapping[str, Any]) -> CouncilTemplate:
    council = document["council"]
    values: dict[str, Any] = {}
    for name, key in _KEYS.items():
        if key not in council:
            continue
        value = council[key]
        if name == "logo_png":
            value = _logo(value)
        elif name in _ENUMS:
            value = _ENUMS[name](value)
        values[name] = value
    settings = CouncilSettings(id=None, **values)
    action_fields = tuple(
        ActionField(id=None, name=f["name"], colour=f["colour"], position=i)
        for i, f in enumerate(document["actionFields"])
    )
    phrases = tuple(
        TextTemplate(id=None, label=t["label"], text=t["text"], position=i)
        for i, t in enumerate(document["textTemplates"])
    )
    agenda = None
    if "agendaTemplates" in document:
        agenda = tuple(
            AgendaTemplate(t["title"], AgendaItemKind(t["kind"]), t["public"], t["plannedMinutes"])
            for t in document["agendaTemplates"]
        )
    return CouncilTemplate(settings, action_fields, phrases, agenda)


def _logo(value: str | None) -> bytes | None:
    if not value:
        return None
    try:
        png = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise SettingsFileError(
            "Das Logo in der Einstellungsdatei ist kein gültiges Base64."
        ) from None
    if not png.startswith(_PNG_SIGNATURE):
        raise SettingsFileError("Das Logo in der Einstellungsdatei ist kein PNG-Bild.")
    return png


def template_problems_of(template: CouncilTemplate) -> list[FieldProblem]:
    """The rules of the forms, applied to every part of ``template``."""
    problems = list(validate_settings(template.settings))
    names: list[str] = []
    for number, field in enumerate(template.action_fields, start=1):
        for problem in validate_action_field_name(field.name, names) + validate_colour(
            field.colour
        ):
            problems.append(
                FieldProblem(ACTION_FIELDS, f"Handlungsfeld {number}: {problem.message}")
            )
        names.append(field.name)
    for number, phrase in enumerate(template.text_templates, start=1):
        for problem in template_problems(phrase):
            problems.append(
                FieldProblem(TEXT_TEMPLATES, f"Textbaustein {number}: {problem.message}")
            )
    for number, agenda in enumerate(template.agenda_templates or (), start=1):
        for problem in agenda_template_problems(agenda):
            problems.append(
                FieldProblem(AGENDA_TEMPLATES, f"{AGENDA_TEMPLATE} {number}: {problem.message}")
            )
    return problems


# --- what an import changes -----------------------------------------------------------


def template_differences(
    current: CouncilTemplate, incoming: CouncilTemplate
) -> list[FieldDifference]:
    """What applying ``incoming`` to a council set up as ``current`` changes, field by field.

    ``mine`` is the council's value, ``theirs`` the file's (suggested); the action fields
    the phrases and the agenda templates are one entry each (a tuple of their names and
    colours / texts / fields); agenda templates only if ``incoming`` has them.
    """
    found = []
    for name in _KEYS:
        old, new = getattr(current.settings, name), getattr(incoming.settings, name)
        if old != new:
            found.append(FieldDifference(name, old, new, take_theirs=True, both_changed=False))
    for name, old, new in (
        (ACTION_FIELDS, _field_list(current), _field_list(incoming)),
        (TEXT_TEMPLATES, _phrase_list(current), _phrase_list(incoming)),
        (AGENDA_TEMPLATES, _agenda_list(current), _agenda_list(incoming)),
    ):
        if new is None:
            continue
        if old != new:
            found.append(FieldDifference(name, old, new, take_theirs=True, both_changed=False))
    return found


def chosen_template(
    current: CouncilTemplate, incoming: CouncilTemplate, take: set[str] | frozenset[str]
) -> CouncilTemplate:
    """``current`` with the parts named in ``take`` (``template_differences`` names) taken
    from ``incoming``; the council's id and version stay."""
    settings = replace(
        current.settings, **{n: getattr(incoming.settings, n) for n in take if n in _KEYS}
    )
    return CouncilTemplate(
        settings,
        incoming.action_fields if ACTION_FIELDS in take else current.action_fields,
        incoming.text_templates if TEXT_TEMPLATES in take else current.text_templates,
        incoming.agenda_templates
        if AGENDA_TEMPLATES in take and incoming.agenda_templates is not None
        else current.agenda_templates,
    )


def _field_list(template: CouncilTemplate) -> tuple[tuple[str, str], ...]:
    return tuple((f.name, f.colour.lower()) for f in template.action_fields)


def _phrase_list(template: CouncilTemplate) -> tuple[tuple[str, str], ...]:
    return tuple((t.label, t.text) for t in template.text_templates)


def _agenda_list(
    template: CouncilTemplate,
) -> tuple[tuple[str, AgendaItemKind, bool, int], ...] | None:
    if template.agenda_templates is None:
        return None
    return tuple((t.title, t.kind, t.public, t.planned_minutes) for t in template.agenda_templates)


def difference_label(name: str) -> str:
    """The German name of a ``template_differences`` entry."""
    if name == ACTION_FIELDS:
        return "Handlungsfelder"
    if name == TEXT_TEMPLATES:
        return "Textbausteine"
    if name == AGENDA_TEMPLATES:
        return "Vorlagen für Tagesordnungspunkte"
    return _label(name)


def _label(name: str) -> str:
    return "Logo" if name == "logo_png" else field_label("council", name)


def difference_text(name: str, value: Any) -> str:
    """A value of a ``template_differences`` entry in words, on one line."""
    if name == ACTION_FIELDS:
        return ", ".join(f"{field} {colour}" for field, colour in value) or "(keine)"
    if name in (TEXT_TEMPLATES, AGENDA_TEMPLATES):
        if not value:
            return "(keine)"
        return f"{len(value)}: " + ", ".join(entry[0] for entry in value)
    if isinstance(value, LabelledEnum):
        return value.label
    if isinstance(value, bytes):
        return f"Bild ({len(value):,} Bytes)".replace(",", ".")
    if value is None or value == "":
        return "(leer)"
    return str(value)


@dataclass(frozen=True, slots=True)
class TransferPreview:
    """What importing a settings file into a council would change.

    ``kept_fields`` names the council's action fields the file does not have that stay,
    because members, projects or recommendations use them (unused ones are removed).
    """

    current: CouncilTemplate
    incoming: CouncilTemplate
    differences: tuple[FieldDifference, ...]
    kept_fields: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        """The changes as "Feld: alt -> neu" lines, then the kept fields."""
        lines = [
            f"{difference_label(d.name)}: {difference_text(d.name, d.mine)} -> "
            f"{difference_text(d.name, d.theirs)}"
            for d in self.differences
        ]
        phrases = self.phrase_changes()
        if phrases:
            lines.append(f"Textbausteine im Einzelnen: {phrases}.")
        agenda = self.agenda_template_changes()
        if agenda:
            lines.append(f"Vorlagen für Tagesordnungspunkte im Einzelnen: {agenda}.")
        lines += [
            f"Handlungsfeld „{name}“ bleibt, weil es verwendet wird." for name in self.kept_fields
        ]
        return lines

    def phrase_changes(self) -> str:
        """Which phrases the file adds, changes and drops, by label ("" if none):
        „Dank“ neu, „Kenntnisnahme“ Text geändert, „Vertagung“ entfällt."""
        old = {t.label: t.text for t in self.current.text_templates}
        new = {t.label: t.text for t in self.incoming.text_templates}
        return _changes(old, new, "Text geändert")

    def agenda_template_changes(self) -> str:
        """Which agenda templates the file adds, changes (kind, publicity or planned
        minutes) and drops, by title ("" if none or if the file has none, format 1)."""
        if self.incoming.agenda_templates is None:
            return ""
        old = _agenda_by_title(self.current.agenda_templates or ())
        new = _agenda_by_title(self.incoming.agenda_templates)
        return _changes(old, new, "geändert")


def _agenda_by_title(templates: Sequence[AgendaTemplate]) -> dict[str, tuple]:
    return {t.title: (t.kind, t.public, t.planned_minutes) for t in templates}


def _changes(old: Mapping[str, Any], new: Mapping[str, Any], changed: str) -> str:
    """ "„A“ neu, „B“ <changed>, „C“ entfällt" for two lists keyed by their names."""
    parts = [
        f"„{name}“ neu" if name not in old else f"„{name}“ {changed}"
        for name, value in new.items()
        if old.get(name) != value
    ]
    parts += [f"„{name}“ entfällt" for name in old if name not in new]
    return ", ".join(parts)


def suggested_file_name(settings: CouncilSettings) -> str:
    """ "Einstellungen SCER Rostock.json": a name every file system accepts."""
    words = " ".join(part for part in (settings.short_name, settings.city) if part)
    plain = " ".join(re.sub(r'[<>:"/\\|?*]', " ", words).split()).strip(" .")
    plain = "".join(c for c in plain if c.isprintable())[:80].rstrip(" .")
    return f"Einstellungen {plain}.json" if plain else "Einstellungen.json"
