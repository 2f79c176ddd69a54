"""Writing and reading the council settings file (the format: ``council_transfer_format``).

Reading checks, in this order, each with a German message: the size, UTF-8, JSON, that it
is such a file, that its format version is not newer than this program's, the schema
(``council_transfer_schema``), and then the same rules as the forms (``field_limits``:
control characters, lengths; member limits, colours, duplicate action fields; agenda
template titles and planned minutes).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from expertenrat.domain.action_fields import (
    clean_action_field_name,
    validate_action_field_name,
    validate_colour,
)
from expertenrat.domain.agenda_templates import AgendaTemplate
from expertenrat.domain.agenda_templates import clean_template as clean_agenda_template
from expertenrat.domain.agenda_templates import template_problems as agenda_template_problems
from expertenrat.domain.council_settings_checks import clean_settings, validate_settings
from expertenrat.domain.council_transfer_format import (
    ACTION_FIELDS,
    AGENDA_TEMPLATE,
    AGENDA_TEMPLATES,
    FORMAT,
    FORMAT_VERSION,
    OPTIONAL_DEFAULTS,
    READABLE_VERSIONS,
    SETTING_KEYS,
    TEXT_TEMPLATES,
    CouncilTemplate,
    SettingsFileError,
)
from expertenrat.domain.council_transfer_schema import check_schema
from expertenrat.domain.councils import (
    ActionField,
    CouncilSettings,
    classification_for,
    file_name_label,
)
from expertenrat.domain.enums import (
    AgendaItemKind,
    LabelledEnum,
    MinutesApproval,
    MinutesStyle,
    QuorumRule,
)
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.file_formats import file_system_words, too_large_message
from expertenrat.domain.settings_file_encoding import not_utf8_message
from expertenrat.domain.text_templates import TextTemplate, template_problems
from expertenrat.domain.text_templates import clean_template as clean_phrase
from expertenrat.domain.wording import listed

MAX_FILE_BYTES = 8 * 1024 * 1024
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

_ENUMS: Mapping[str, type[LabelledEnum]] = {
    "quorum_rule": QuorumRule,
    "minutes_style": MinutesStyle,
    "minutes_approval": MinutesApproval,
}


# --- writing --------------------------------------------------------------------------


def settings_document(template: CouncilTemplate, exported_at: datetime, program: str) -> bytes:
    """The settings file of ``template`` (UTF-8 JSON, indented, umlauts as they are)."""
    council: dict[str, Any] = {}
    for name, key in SETTING_KEYS.items():
        value = getattr(template.settings, name)
        if name == "logo_png":
            value = base64.b64encode(value).decode("ascii") if value else None
        elif isinstance(value, LabelledEnum):
            value = value.value
        elif name in OPTIONAL_DEFAULTS and value == OPTIONAL_DEFAULTS[name]:
            continue
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
    check_schema(document, schema(_readable_version(document)))
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
        raise file_too_large(len(data))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SettingsFileError(not_utf8_message(data)) from None
    try:
        document = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        where = f"Zeile {error.lineno}, Spalte {error.colno}"
        if not text.strip():
            raise SettingsFileError("Die Datei ist leer und damit kein gültiges JSON.") from None
        if error.pos >= len(text.rstrip()):  # the text ends where more had to follow
            raise SettingsFileError(
                f"Die Datei ist kein gültiges JSON ({where}): sie endet mitten im Inhalt, ist "
                "also unvollständig. Vermutlich wurde sie nicht ganz kopiert oder gespeichert; "
                "bitte exportieren Sie die Einstellungen noch einmal."
            ) from None
        raise SettingsFileError(f"Die Datei ist kein gültiges JSON ({where}).") from None
    except RecursionError as error:
        raise SettingsFileError(
            "Die Datei ist keine lesbare Einstellungsdatei: ihr JSON ist zu tief "
            "verschachtelt (Listen oder Objekte in Hunderten Ebenen ineinander).",
            str(error),
        ) from None
    except ValueError as error:  # a number too long
        raise SettingsFileError("Die Datei ist kein gültiges JSON.", str(error)) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SettingsFileError(
            "Die Datei ist keine Einstellungsdatei von Expertenrat "
            f"(„format“ muss „{FORMAT}“ sein)."
        )
    return document


def file_too_large(size: int) -> SettingsFileError:
    """The refusal of a file of ``size`` bytes, more than :data:`MAX_FILE_BYTES`."""
    return SettingsFileError(too_large_message(size, MAX_FILE_BYTES, "eine Einstellungsdatei"))


def _no_constant(name: str) -> None:
    raise SettingsFileError(f"Die Datei ist kein gültiges JSON: „{name}“ ist keine Zahl.")


def _readable_version(document: Mapping[str, Any]) -> int:
    """The file's format version if this program reads it, else ``FORMAT_VERSION`` (whose
    schema then names the wrong version); a newer one is refused."""
    version = document.get("formatVersion")
    if not isinstance(version, int) or isinstance(version, bool):
        return FORMAT_VERSION
    if version < min(READABLE_VERSIONS):
        known = listed([str(v) for v in READABLE_VERSIONS])
        raise SettingsFileError(
            f"Die Einstellungsdatei hat das Format {version}, das es nie gab; dieses Programm "
            f"liest die Formate {known}. Die Datei ist beschädigt oder stammt nicht von "
            "Expertenrat."
        )
    if version > FORMAT_VERSION:
        raise SettingsFileError(
            f"Die Einstellungsdatei hat das Format {version} einer neueren Programmversion; "
            f"dieses Programm liest Format {FORMAT_VERSION}. Bitte aktualisieren Sie "
            "Expertenrat oder exportieren Sie die Einstellungen dort im älteren Format."
        )
    return version if version in READABLE_VERSIONS else FORMAT_VERSION


def _template(document: Mapping[str, Any]) -> CouncilTemplate:
    """The file's template, its texts cleaned as the forms clean what is typed (NFC, no
    surrounding spaces): "Umwelt " is the council's "Umwelt", the same label the same
    phrase (before, the preview took them for new ones and the import then refused a
    field of the same name)."""
    council = document["council"]
    given = frozenset(name for name, key in SETTING_KEYS.items() if key in council)
    values: dict[str, Any] = {}
    for name in given:
        value = council[SETTING_KEYS[name]]
        if name == "logo_png":
            value = _logo(value)
        elif name in _ENUMS:
            value = _ENUMS[name](value)
        values[name] = value
    # Left out (the schema asks only for name and city), a new council gets the kind its
    # name shows and no Land, not Rostock's; a council imported into keeps them (``given``).
    values.setdefault("classification", classification_for(values["name"]))
    values.setdefault("bundesland", "")
    settings = clean_settings(CouncilSettings(id=None, **values))
    action_fields = tuple(
        ActionField(
            id=None, name=clean_action_field_name(f["name"]), colour=f["colour"], position=i
        )
        for i, f in enumerate(document["actionFields"])
    )
    phrases = tuple(
        clean_phrase(TextTemplate(id=None, label=t["label"], text=t["text"], position=i))
        for i, t in enumerate(document["textTemplates"])
    )
    agenda = None
    if "agendaTemplates" in document:
        agenda = tuple(
            clean_agenda_template(
                AgendaTemplate(
                    t["title"], AgendaItemKind(t["kind"]), t["public"], t["plannedMinutes"]
                )
            )
            for t in document["agendaTemplates"]
        )
    return CouncilTemplate(settings, action_fields, phrases, agenda, given)


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


def suggested_file_name(settings: CouncilSettings) -> str:
    """ "Einstellungen SCER Rostock.json", "Einstellungen DBR Görlitz.json": the council as
    file names name it (:func:`file_name_label`: its short name, else its name, so that
    two councils of one city are not offered one name) and its city where that does not
    name it already; a name every file system accepts."""
    label = file_name_label(settings)
    city = file_system_words(settings.city)
    words = label if city.casefold() in label.casefold() else f"{label} {city}".strip()
    plain = words[:80].rstrip(" .")
    return f"Einstellungen {plain}.json" if plain else "Einstellungen.json"
