"""What a members file must and may hold, said before an import and beside its unused
columns: the required columns, the others read, and the other names a header may give
them. A secretariat learned the columns only from the error about one missing, and which
names are read not at all (found by a tester)."""

from __future__ import annotations

from collections.abc import Sequence

from expertenrat.domain.wording import listed
from expertenrat.exchange.member_address_columns import ADDRESS_PARTS
from expertenrat.exchange.member_columns import COLUMNS, HEADER_ALIASES, REQUIRED_COLUMNS

_OPTIONAL = tuple(header for _, header in COLUMNS if header not in REQUIRED_COLUMNS)


def _quoted(names: tuple[str, ...] | list[str], last: str = "und") -> str:
    return listed([f"„{name}“" for name in names], last=last)


def required_columns_text() -> str:
    """One sentence naming the columns a file needs."""
    return f"Nötig sind die Spalten {_quoted(REQUIRED_COLUMNS)}."


def unused_columns_text(columns: Sequence[str]) -> str:
    """The columns of a file not read, with every column that is: "Nicht verwendete Spalten:
    Mobil. Gelesen werden die Spalten „Anrede“, …" (one stop after "Nr.")."""
    names = ", ".join(columns)
    stop = "" if names.endswith(".") else "."
    every = _quoted([header for _, header in COLUMNS])
    return f"Nicht verwendete Spalten: {names}{stop} Gelesen werden die Spalten {every}."


def column_guide() -> tuple[str, ...]:
    """The paragraphs of the command line's help on the columns of a members file."""
    return (
        "Die Spaltenüberschriften stehen in der ersten Zeile (oder unter einem Titel); "
        "Groß- und Kleinschreibung, Leerzeichen und Bindestriche sind gleich. "
        + required_columns_text(),
        f"Weitere Spalten: {_quoted(_OPTIONAL)}; andere Spalten bleiben unberücksichtigt.",
        "Auch gelesen: " + "; ".join(_other_names(key) for key in HEADER_ALIASES) + ".",
        "Eine Datei mit allen Spalten (und den gespeicherten Mitgliedern) schreibt "
        "„expertenrat export members --out DATEI.xlsx“.",
    )


def _other_names(key: str) -> str:
    """ "Nachname: „Name“, „Familienname“ oder „Zuname“": the names read as ``key``'s."""
    header = dict(COLUMNS)[key]
    if key == "role":  # any "Funktion im …" (member_header._ROLE_PREFIXES)
        return f"{header}: „Funktion im …“ oder „Rolle im …“ (etwa „Funktion im Beirat“)"
    names = _quoted(HEADER_ALIASES[key], "oder")
    if key == "postal_address":
        parts = _quoted([names[0] for names in ADDRESS_PARTS.values()])
        return f"{header}: {names}, auch als {parts} in eigenen Spalten"
    return f"{header}: {names}"
