"""File formats named by their file ending (".csv", ".xlsx", ".pdf")."""

from __future__ import annotations

import re
from enum import Enum
from pathlib import PurePath
from typing import Self

from expertenrat.domain.errors import DataEntryError


def file_system_words(text: str) -> str:
    """``text`` as a file name may hold it on every system: what a file system refuses
    (``<>:"/\\|?*``) and control codes as spaces, spaces folded, no space or dot at either
    end ("Klausur: Smart/City" → "Klausur Smart City")."""
    plain = re.sub(r'[<>:"/\\|?*]', " ", text)
    plain = "".join(c if c.isprintable() else " " for c in plain)
    return " ".join(plain.split()).strip(" .")


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
        suffix = PurePath(path).suffix.casefold()
        for file_format in cls:
            if suffix == file_format.suffix:
                return file_format
        raise DataEntryError(
            f"„{PurePath(path).name}“: Die Dateiendung „{suffix or '(keine)'}“ ist unbekannt. "
            f"Möglich sind {cls.offered()}."
        )


def too_large_message(size: int, limit: int, kind: str) -> str:
    """The refusal of a file of ``size`` bytes, more than ``limit``, as ``kind`` ("eine
    Einstellungsdatei"): "Die Datei ist mit 2048 MB zu groß für eine Einstellungsdatei
    (höchstens 8 MB)." A device such as /dev/zero tells no size: just "zu groß"."""
    limit_mb, megabytes = limit // 1024 // 1024, size // 1024 // 1024
    shown = f"mit {megabytes} MB " if megabytes > limit_mb else ""
    return f"Die Datei ist {shown}zu groß für {kind} (höchstens {limit_mb} MB)."
