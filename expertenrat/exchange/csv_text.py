"""The text of an imported CSV file, decoded as Excel and other programs write it.

Accepted: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode-Text"), else
Windows-1252, or Mac Roman (Excel's "CSV (Macintosh)") or code page 850 (its "CSV (MS-DOS)")
where that reads more like names. Refused
with a German message: an Excel workbook, a binary file, a file marked UTF-8 with invalid
bytes, one of Windows-1252 and UTF-8 rows mixed (two files put together), one whose umlauts
were garbled before ("JÃ¼rgen": a UTF-8 list opened as Windows-1252 and saved so), and an
empty one.
In these three Excel wrote the letters they lack as "?" (:func:`lost_letters`).
"""

from __future__ import annotations

import codecs
import re

from expertenrat.domain.errors import DataEntryError
from expertenrat.domain.wording import listed

UNICODE_ENCODINGS = frozenset({"utf-8", "utf-8-sig", "utf-16"})
"""The encodings :func:`decoded_csv` names that hold every letter; in the others Excel
wrote the letters they lack as "?" (:func:`lost_letters`)."""

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
            decoded = _windows_or_mac_text(data)
            if decoded is None:
                raise DataEntryError(binary) from None
            text, encoding = decoded
    if not text.strip():
        raise DataEntryError("Die Datei ist leer.")
    _refuse_garbled_umlauts(text)
    return text, encoding


# À to ÿ and the marks „“”‚‘’–—…€ in UTF-8, as they show in Windows-1252 ("Ã¼", "â€ž"):
# never text of its own there (and some, such as "Á", no Windows-1252 at all).
_UTF8_SEQUENCE = re.compile(
    rb"\xc3[\x80-\xbf]|\xe2\x80[\x93\x94\x98-\x9a\x9c-\x9e\xa6]|\xe2\x82\xac"
)


# the same as Windows-1252 shows them, in a text: "Ã¼" for "ü", "â€ž" for "„"
_GARBLED = re.compile(
    f"Ã[{re.escape(bytes(range(0x80, 0xC0)).decode('cp1252', 'ignore'))}]|â€[–—‘’‚“”„…]|â‚¬"
)
_GARBLED_WORD = re.compile(rf"[^\s;,\t\"]*(?:{_GARBLED.pattern})[^\s;,\t\"]*")


def _refuse_garbled_umlauts(text: str) -> None:
    """Refuse a file whose umlauts were garbled before: a UTF-8 list opened in Excel as
    Windows-1252 and saved so holds "JÃ¼rgen"; it was imported so, or its header
    "PrimÃ¤res Handlungsfeld" told missing (found by a tester)."""
    if match := _GARBLED_WORD.search(text):
        seen = match.group()
        meant = _GARBLED.sub(lambda m: m.group().encode("cp1252").decode("utf-8"), seen)
        raise DataEntryError(
            f"Die Datei enthält verfälschte Umlaute (etwa „{seen}“ statt „{meant}“): Sie "
            "wurde wohl einmal in der falschen Zeichenkodierung geöffnet und so gespeichert. "
            "Bitte berichtigen Sie die Umlaute in der Datei (in Excel etwa mit „Suchen und "
            "Ersetzen“) und lesen Sie sie dann erneut ein."
        )


def _refuse_mixed_encodings(data: bytes) -> None:
    """Refuse a Windows-1252 file with UTF-8 umlauts in it (two files put together): read as
    Windows-1252, "Jürgen" became "JÃ¼rgen" without a word (found by a tester)."""
    if match := _UTF8_SEQUENCE.search(data):
        seen, meant = match.group().decode("cp1252", "replace"), match.group().decode("utf-8")
        raise DataEntryError(
            "Die Datei mischt zwei Zeichenkodierungen (UTF-8 und Windows-1252), etwa weil "
            "zwei Dateien aneinandergehängt wurden; Umlaute würden verfälscht (etwa "
            f"„{seen}“ statt „{meant}“). Bitte berichtigen Sie die Umlaute in der Datei "
            "und speichern Sie sie dann in Excel über „Speichern unter“ als „CSV UTF-8“."
        )


def _windows_or_mac_text(data: bytes) -> tuple[str, str] | None:
    """``data`` (no UTF-8) and its encoding: Windows-1252, Mac Roman, as Excel's "CSV
    (Macintosh)" writes it, or DOS's code page 850, as its "CSV (MS-DOS)" does, whichever
    reads most like names; Windows-1252 when they read alike. None for no text: bytes
    Windows-1252 lacks, and no names in the others.
    Mac Roman was told by ä ö ü Ü alone: "Großmann", "Özlem", "José", "Søren" of a Mac file
    were imported as "Gro§mann", "…zlem", "JosŽ", "S¿ren"; a DOS file's "Jörg Jäger" as
    "J”rg J„ger" (found by testers)."""
    try:
        windows = data.decode("cp1252")
    except UnicodeDecodeError:
        best, score = None, 0
    else:
        best, score = (windows, "cp1252"), _plausibility(windows)
    for encoding in ("mac_roman", "cp850"):  # every byte is a character there
        text = data.decode(encoding)
        if (found := _plausibility(text)) > score:
            best, score = (text, encoding), found
    return best


_LETTERS = re.compile(r"[^\W\d_]+")
# the letters of names beyond A to Z: Latin-1's (ä, ß, é, ø, ñ, Å ...) and the Ž of "Žižek";
# not Š š Ÿ Œ œ ƒ ﬂ, which Mac Roman's ä ö ü ú and Windows-1252's Ä ß turn into when misread
_NAME_LETTER = re.compile(r"[À-ÖØ-öø-ÿŽž]")
# the German ones, which count twice in a name written as names are ("Björn", not "üsa"): a
# DOS file's "Björn" was read "Bjîrn" in Mac Roman, as likely a name but for the German; ß
# only after a vowel ("Weiß", not "Horvßth" for Windows-1252's "Horváth")
_GERMAN_LETTER = re.compile(r"[äöüÄÖÜ]|(?<=[aeiouyäöüAEIOUYÄÖÜ])ß")
# a sign between two letters, as a misread letter is ("Gro§mann", "Mu–oz"); not an apostrophe
_SIGN_IN_WORD = re.compile(r"(?<=[^\W\d_])[^\w\s\x00-\x7f’](?=[^\W\d_])")
# German quote marks at a word: „Zitat“, which Mac Roman reads as the name "ÑZitatì"; not
# inside one, as Windows-1252 reads DOS's ä and ö: "J„ger", "J”rg"
_QUOTE_AT_WORD = re.compile(r"(?<![^\W\d_])„(?=[^\W\d_])|(?<=[^\W\d_])[“”](?![^\W\d_])")


def _plausibility(text: str) -> int:
    """How much ``text`` reads like names: plus one for each letter of a name beyond A to Z
    in a word written as words are ("Müller", "MÜLLER", "müller"), minus one for each letter
    beyond A to Z in a word that is not ("JŸrgen", "JosÈ"), both only in words with a letter
    of A to Z; plus one more for ä ö ü ß in a name ("Müller", "MÜLLER"); minus one for a sign
    between two letters, plus one for a German quote mark at a word."""
    score = len(_QUOTE_AT_WORD.findall(text)) - len(_SIGN_IN_WORD.findall(text))
    for word in _LETTERS.findall(text):
        if word.isascii() or not re.search("[A-Za-z]", word):
            continue  # not a name's: "5 € – 6 €" read as "5 Ä ñ 6 Ä"
        shape = word.replace("ß", "")  # "GROß", "Weiß"
        if shape.isupper() or shape.istitle():
            score += len(_NAME_LETTER.findall(word)) + len(_GERMAN_LETTER.findall(word))
        elif shape.islower():
            score += len(_NAME_LETTER.findall(word))
        else:
            score -= sum(not letter.isascii() for letter in word)
    return score


_WORD_WITH_LOST_LETTER = re.compile(r"\S*(?:[^\W\d_]\?|\?[^\W\d_])\S*")


def lost_letters(named_cells: list[tuple[str, str]]) -> str:
    """What is wrong with names of a file in Windows-1252 or Mac Roman that hold a "?" beside
    a letter ("" for none); ``named_cells``: a row's values with their columns' names.
    Excel's "CSV (Trennzeichen-getrennt)" writes "Şule" and "Kovačević" as "?ule" and
    "Kova?evi?"; they were imported so, as a new person beside the one with the right name
    (found by a tester)."""
    found = [
        (" ".join(words), column)
        for value, column in named_cells
        if (words := _WORD_WITH_LOST_LETTER.findall(value))
    ]
    if not found:
        return ""
    which = listed([f"„{words}“ (Spalte „{column}“)" for words, column in found])
    verb = "enthält" if len(found) == 1 else "enthalten"
    return (
        f"{which} {verb} ein „?“, wo ein Buchstabe stand: Excel ersetzt beim Speichern als "
        "„CSV (Trennzeichen-getrennt)“ jeden Buchstaben, den es dort nicht gibt (etwa ş, ł, "
        "č), durch „?“. Bitte speichern Sie die Datei in Excel über „Speichern unter“ als "
        "„CSV UTF-8“ und lesen Sie sie erneut ein."
    )
