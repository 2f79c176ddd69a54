"""The project's own check of a Frictionless Tabular Data Package (``frictionless`` pulls
in too much to install for one test): the descriptor's required parts, each resource's
CSV against its schema (header, types, required values, unique primary key)."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime
from pathlib import Path

NAME = re.compile(r"^[a-z0-9._-]+$")
TYPES = {
    "string": lambda v: True,
    "integer": lambda v: re.fullmatch(r"-?\d+", v) is not None,
    "boolean": lambda v: v in {"true", "false"},
    "date": lambda v: _parses(date.fromisoformat, v) and len(v) == 10,
    "datetime": lambda v: (
        _parses(datetime.fromisoformat, v) and datetime.fromisoformat(v).tzinfo is not None
    ),
}


def _parses(parse, value: str) -> bool:
    try:
        parse(value)
    except ValueError:
        return False
    return True


def data_package_problems(folder: Path) -> list[str]:
    package = json.loads((folder / "datapackage.json").read_text("utf-8"))
    problems = []
    if package.get("profile") != "tabular-data-package":
        problems.append("profile ist nicht tabular-data-package")
    if not NAME.match(package.get("name", "")):
        problems.append("name fehlt oder ist ungültig")
    if not package.get("resources"):
        problems.append("keine resources")
    for resource in package.get("resources", []):
        problems += _resource_problems(folder, resource)
    return problems


def _resource_problems(folder: Path, resource: dict) -> list[str]:
    name = resource.get("name", "?")
    path = folder / resource.get("path", "")
    if not NAME.match(name) or not path.is_file() or ".." in Path(resource["path"]).parts:
        return [f"{name}: Name oder Pfad ungültig"]
    if resource.get("encoding") != "utf-8" or resource.get("format") != "csv":
        return [f"{name}: nicht als CSV in UTF-8 beschrieben"]
    fields = resource["schema"]["fields"]
    names = [f["name"] for f in fields]
    problems = [f"{name}: Typ {f['type']} unbekannt" for f in fields if f["type"] not in TYPES]
    if len(set(names)) != len(names):
        problems.append(f"{name}: Spaltennamen doppelt")
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{name}: BOM am Anfang")
    delimiter = resource.get("dialect", {}).get("delimiter", ",")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline=""), delimiter=delimiter))
    if not rows or rows[0] != names:
        return [*problems, f"{name}: Kopfzeile passt nicht zum Schema"]
    keys = resource["schema"].get("primaryKey", [])
    seen: set[tuple[str, ...]] = set()
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(fields):
            problems.append(f"{name} Zeile {number}: {len(row)} statt {len(fields)} Werte")
            continue
        for field, value in zip(fields, row, strict=True):
            required = field.get("constraints", {}).get("required", False)
            if value == "" and required:
                problems.append(f"{name} Zeile {number}: {field['name']} fehlt")
            elif value != "" and not TYPES.get(field["type"], TYPES["string"])(value):
                problems.append(f"{name} Zeile {number}: {field['name']} ist kein {field['type']}")
        key = tuple(row[names.index(k)] for k in keys)
        if key in seen or "" in key:
            problems.append(f"{name} Zeile {number}: Primärschlüssel doppelt oder leer")
        seen.add(key)
    return problems
