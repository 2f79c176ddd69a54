"""The open-data tables as files for a city's portal: CSV (UTF-8 without BOM, ``,``,
ISO dates, a header row) and a ``datapackage.json`` (Frictionless Tabular Data Package)
that documents every column."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from expertenrat.domain.open_data import Table

DATA_PACKAGE = "datapackage.json"


def open_data_files(tables: Sequence[Table], title: str) -> dict[str, bytes]:
    """Relative path → bytes: one CSV per table and the data package descriptor, titled
    ``title`` ("Digitalbeirat der Stadt Görlitz – offene Daten")."""
    files = {table.path: table_csv(table) for table in tables}
    package = data_package(tables, title)
    files[DATA_PACKAGE] = json.dumps(package, ensure_ascii=False, indent=2).encode("utf-8")
    return files


def table_csv(table: Table) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=",", lineterminator="\r\n")
    writer.writerow(c.name for c in table.columns)
    writer.writerows(table.rows)
    return buffer.getvalue().encode("utf-8")


def data_package(tables: Sequence[Table], title: str) -> dict:
    return {
        "profile": "tabular-data-package",
        "name": "expertenrat-offene-daten",
        "title": title,
        "description": "Öffentliches Empfehlungsregister und Sitzungsliste; personenbezogene "
        "Daten sind nicht enthalten.",
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": table.name,
                "path": table.path,
                "title": table.title,
                "description": table.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "header": True, "lineTerminator": "\r\n"},
                "schema": {
                    "fields": [
                        {
                            "name": c.name,
                            "type": c.type,
                            "title": c.title,
                            "description": c.description,
                            **({"constraints": {"required": True}} if c.required else {}),
                        }
                        for c in table.columns
                    ],
                    "primaryKey": ["id"],
                },
            }
            for table in tables
        ],
    }
