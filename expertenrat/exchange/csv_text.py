"""The text of an imported CSV file, decoded as Excel and other programs write it.

Accepted: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode-Text"), else
Windows-1252, or Mac Roman where its umlauts tell it (Excel's "CSV (Macintosh)"). Refused
with a German message: an Excel workbook, a binary file, a file marked UTF-8 with invalid
bytes, one of Windows-1252 and UTF-8 rows mixed (two files put together), and an empty one.
"""

from __future__ import annotations

import codecs
import re

from expertenrat.domain.errors import DataEntryError

SAVE_AS_CSV_UTF8 = "Bitte speichern Sie sie in Excel über „Speichern unter“ als „CSV UTF-8“."


def decoded_csv(data: bytes) -> tuple[str, str]:
    """The text of the CSV file ``data`` and the encoding it was read in; see the module
    docstring. ``DataEntryError`` for what is no such file, or an empty one."""
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise DataEntryError(
            f"Die Datei ist eine Excel-Arbeitsmappe, keine CSV-Datei. {SAVE_AS_CSV_UTF8}"
        )
    binary = (
        f"Die Datei ist keine Textdatei und kann nicht als CSV gelesen werden. {SAVE_AS_CSV_UTF8}"
    )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode-Text (*.txt)": tab-separated UTF-16 (once refused; found by a tester)
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise DataEntryError(binary) from None
        if not text.strip():
            raise DataEntryError("Die Datei ist leer.")
        return text, "utf-16"
    if b"\x00" in data:
        raise DataEntryError(binary)
    if data.startswith(codecs.BOM_UTF8):
        try:
            text, encoding = data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise DataEntryError(
                "Die Datei ist als UTF-8 gekennzeichnet, enthält aber ungültige Zeichen "
                f"(Byte {exc.start + len(codecs.BOM_UTF8)}). {SAVE_AS_CSV_UTF8}"
            ) from None
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            _refuse_mixed_encodings(data)
            encoding = "mac_roman" if _is_mac_roman(data) else "cp1252"
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise DataEntryError(binary) from None
    if not text.strip():
        raise DataEntryError("Die Datei ist leer.")
    return text, encoding


# À to ÿ and the marks „“”‚‘’–—…€ in UTF-8, as they show in Windows-1252 ("Ã¼", "â€ž"):
# never text of its own there (and some, such as "Á", no Windows-1252 at all).
_UTF8_SEQUENCE = re.compile(
    rb"\xc3[\x80-\xbf]|\xe2\x80[\x93\x94\x98-\x9a\x9c-\x9e\xa6]|\xe2\x82\xac"
)


def _refuse_mixed_encodings(data: bytes) -> None:
    """Refuse a Windows-1252 file with UTF-8 umlauts in it (two files put together): read as
    Windows-1252, "Jürgen" became "JÃ¼rgen" without a word (found by a tester)."""
    if match := _UTF8_SEQUENCE.search(data):
        seen, meant = match.group().decode("cp1252", "replace"), match.group().decode("utf-8")
        raise DataEntryError(
            "Die Datei mischt zwei Zeichenkodierungen (UTF-8 und Windows-1252), etwa weil "
            "zwei Dateien aneinandergehängt wurden; Umlaute würden verfälscht (etwa "
            f"„{seen}“ statt „{meant}“). "
            f"Bitte korrigieren Sie die Umlaute in der Datei. {SAVE_AS_CSV_UTF8}"
        )


# ä ö ü Ü in Mac Roman, which are Š š Ÿ † in Windows-1252; and Ä Ö Ü ä ö ü ß in Windows-1252
_MAC_UMLAUTS = re.compile(rb"[\x8a\x9a\x9f\x86]")
_WINDOWS_UMLAUTS = re.compile(rb"[\xc4\xd6\xdc\xe4\xf6\xfc\xdf]")


def _is_mac_roman(data: bytes) -> bool:
    """Whether ``data`` (no UTF-8) is Mac Roman, as Excel's "CSV (Macintosh)" writes it: it
    has umlauts of Mac Roman and none of Windows-1252. Read as Windows-1252, "Jürgen" was
    "JŸrgen", and "Primäres Handlungsfeld" a missing column (found by a tester)."""
    return bool(_MAC_UMLAUTS.search(data)) and not _WINDOWS_UMLAUTS.search(data)
