"""File formats named by their file ending (".csv", ".xlsx", ".pdf"): those of the members
file, the recommendations register and the Änderungsprotokoll are here, not with the
services that write them, so that a page builds its menus and file filters without loading
those services."""

from __future__ import annotations

import re
from enum import Enum
from pathlib import PurePath
from typing import Self

from expertenrat.domain.errors import DataEntryError
from expertenrat.domain.wording import listed


def file_system_words(text: str) -> str:
    """``text`` as a file name may hold it on every system: what a file system refuses
    (``<>:"/\\|?*``) and control codes as spaces, spaces folded, no space or dot at either
    end ("Klausur: Smart/City" → "Klausur Smart City")."""
    plain = re.sub(r'[<>:"/\\|?*]', " ", text)
    plain = "".join(c if c.isprintable() else " " for c in plain)
    return " ".join(plain.split()).strip(" .")


SUGGESTED_NAME_LIMIT = 120
"""The longest file name the program suggests: Windows without long paths takes a path of
260 characters at most, the folder (often ``C:\\Users\\…\\Documents\\``) included."""

_ENDING = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def cut_file_name(name: str, limit: int = SUGGESTED_NAME_LIMIT) -> str:
    """``name`` of at most ``limit`` characters: a longer one cut before its ending, "…"
    marking the cut ("Auskunft Art. 15 Prof. Dr. … Fraunhofer-Institut f….pdf")."""
    if len(name) <= limit:
        return name
    ending = match.group() if (match := _ENDING.search(name)) else ""
    stem = name[: len(name) - len(ending)]
    return f"{stem[: limit - len(ending) - 1].rstrip(' .')}…{ending}"


class FileFormat(Enum):
    """Base of an enum whose values are file endings without the dot; a subclass names the
    formats it offers, in German, in ``offered()``."""

    @property
    def suffix(self) -> str:
        return f".{self.value}"

    @classmethod
    def offered(cls) -> str:
        raise NotImplementedError

    @classmethod
    def of(cls, path: str | PurePath) -> Self:
        """The format a file name's ending names; ``DataEntryError`` for any other ending."""
        found = cls._named_by(path)
        if found is None:
            raise _unknown_ending(path, cls.offered())
        return found

    @classmethod
    def _named_by(cls, path: str | PurePath) -> Self | None:
        suffix = PurePath(path).suffix.casefold()
        return next((file_format for file_format in cls if file_format.suffix == suffix), None)


MEMBER_IMPORT_ENDINGS = {
    ".xlsx": "Excel-Arbeitsmappe",
    ".xlsm": "Excel-Arbeitsmappe mit Makros",
    ".csv": "CSV-Datei",
    ".txt": "Unicode-Text aus Excel",
}
"""The file endings a members import reads, with what they are: the window's file filter and
the command line offer the same. ".txt" is Excel's "Unicode-Text" (tab-separated UTF-16),
read as CSV (found by a tester: the command line refused what the window read); ".xlsm" a
workbook with macros, read as one without (the command line refused it; found by a tester)."""


def member_import_ending(path: str | PurePath) -> str:
    """The ending of the members file ``path`` to import, in lower case; ``DataEntryError``
    for an ending the import does not read."""
    suffix = PurePath(path).suffix.casefold()
    if suffix in MEMBER_IMPORT_ENDINGS:
        return suffix
    offered = [f"{ending} ({kind})" for ending, kind in MEMBER_IMPORT_ENDINGS.items()]
    raise _unknown_ending(path, listed(offered))


class MemberFileFormat(FileFormat):
    """The file formats for members, named by their file ending."""

    XLSX = "xlsx"
    CSV = "csv"

    @classmethod
    def offered(cls) -> str:
        return ".xlsx (Excel-Arbeitsmappe) und .csv (CSV-Datei für Excel)"

    @classmethod
    def to_import(cls, path: str | PurePath) -> MemberFileFormat:
        """The format a members file is imported in by its ending: a .txt (Excel's
        "Unicode-Text") as CSV, an .xlsm (with macros) as a workbook; ``DataEntryError`` for
        an ending the import does not read."""
        return cls.XLSX if member_import_ending(path) in (".xlsx", ".xlsm") else cls.CSV


class RegisterFileFormat(FileFormat):
    """What the recommendations register can be exported as, named by the file ending."""

    PDF = "pdf"  # the report
    CSV = "csv"
    XLSX = "xlsx"

    @classmethod
    def offered(cls) -> str:
        return ".pdf (Bericht), .csv (CSV-Datei für Excel) und .xlsx (Excel-Arbeitsmappe)"


class AuditFileFormat(FileFormat):
    """What the Änderungsprotokoll can be exported as, named by the file ending: a workbook
    also for an Excel that does not split a ";" CSV file (found by a tester)."""

    XLSX = "xlsx"
    CSV = "csv"

    @classmethod
    def offered(cls) -> str:
        return ".xlsx (Excel-Arbeitsmappe) und .csv (CSV-Datei für Excel)"


def _unknown_ending(path: str | PurePath, offered: str) -> DataEntryError:
    suffix = PurePath(path).suffix.casefold()
    return DataEntryError(
        f"„{PurePath(path).name}“: Die Dateiendung „{suffix or '(keine)'}“ ist unbekannt. "
        f"Möglich sind {offered}."
    )


def too_large_message(size: int, limit: int, kind: str) -> str:
    """The refusal of a file of ``size`` bytes, more than ``limit``, as ``kind`` ("eine
    Einstellungsdatei"): "Die Datei ist mit 2048 MB zu groß für eine Einstellungsdatei
    (höchstens 8 MB)." A device such as /dev/zero tells no size: just "zu groß"."""
    limit_mb, megabytes = limit // 1024 // 1024, size // 1024 // 1024
    shown = f"mit {megabytes} MB " if megabytes > limit_mb else ""
    return f"Die Datei ist {shown}zu groß für {kind} (höchstens {limit_mb} MB)."
