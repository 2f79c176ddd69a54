"""Annexes (Anlagen) of a meeting: PDF files kept in the database with the meeting.

The rules that need no file parsing live here: the size limit, a clean file name, the
title shown in the minutes' list of annexes.

An annex keeps its number in every version: the public minutes, the public Sitzungsmappe
and the OParl export leave a non-public annex out but number the others as the full
minutes do, so that "siehe Anlage 3" in a text points to the same file in both versions.
The public minutes and the public invitation list the one left out under its number
(:func:`withheld_label`, :func:`public_entry`), as the public minutes keep the number of a
non-public item; the full versions mark it "(nichtöffentlich)".
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from expertenrat.domain.file_formats import too_large_message
from expertenrat.domain.wording import file_size, isolated, quoted

MAX_ANNEX_BYTES = 50 * 1024 * 1024
MAX_NAME = 300
PDF_MAGIC = b"%PDF-"
PDF_MIME = "application/pdf"


def non_public_mark(title: str, public: bool) -> str:
    """What the full versions add to the title of a non-public annex: " (nichtöffentlich)",
    unless its title says so already ("Angebotsauswertung (nichtöffentlich)")."""
    return "" if public or "nichtöffentlich" in title.casefold() else " (nichtöffentlich)"


def withheld_label(number: int) -> str:
    """The line of a public version for the non-public annex ``number`` it leaves out:
    "Anlage 2: nichtöffentlich (nicht enthalten)"."""
    return f"Anlage {number}: nichtöffentlich (nicht enthalten)"


@dataclass(frozen=True, slots=True)
class Annex:
    """A stored annex (without its content); ``number`` is its place in the list, from 1."""

    id: int
    number: int
    name: str
    title: str
    size: int
    sha256: str
    public: bool = True
    version: int = 0

    @property
    def label(self) -> str:
        return f"Anlage {self.number}: {self.title.strip() or self.name}"

    @property
    def page_mark(self) -> str:
        """What the page stamp of a Sitzungsmappe adds on each of the annex's pages:
        "Anlage 2", a non-public one "Anlage 2 – nichtöffentlich" (a page printed alone
        still says what it is and that it is not for the public)."""
        return f"Anlage {self.number}" + ("" if self.public else " – nichtöffentlich")

    @property
    def listed(self) -> str:
        """The label a full Sitzungsmappe lists and bookmarks: a non-public annex marked
        "Anlage 3: Angebotsauswertung (nichtöffentlich)", as the full minutes list it."""
        return self.label + non_public_mark(self.title.strip() or self.name, self.public)

    @property
    def left_out(self) -> str:
        """What a Sitzungsmappe says of the annex where its stored file cannot be read:
        "Anlage 2 „Vergleich“ konnte nicht eingefügt werden: die Datei ist beschädigt."."""
        title = self.title.strip() or self.name
        return (
            f"Anlage {self.number} {quoted(title)} konnte nicht eingefügt werden: "
            "die Datei ist beschädigt."
        )

    @property
    def size_text(self) -> str:
        """ "1,2 MB", "340 KB"."""
        return file_size(self.size)


@dataclass(frozen=True, slots=True)
class AnnexEntry:
    """An annex as the minutes list it; ``withheld``: a non-public annex in the public
    minutes, listed by its number alone (:func:`withheld_label`). Approved minutes stored
    before ``withheld`` existed read it as False: their public PDF is stored as it was."""

    number: int
    title: str
    name: str = ""
    public: bool = True
    withheld: bool = False

    @property
    def label(self) -> str:
        """ "Anlage 1: Präsentation", "Anlage 2: Angebotsauswertung (nichtöffentlich)"."""
        if self.withheld:
            return withheld_label(self.number)
        title = self.title.strip() or self.name
        return f"Anlage {self.number}: {isolated(title)}{non_public_mark(title, self.public)}"


def public_entry(annex: AnnexEntry) -> AnnexEntry:
    """``annex`` as a public version (the public minutes, the public invitation) lists it:
    a non-public one by its number alone (:func:`withheld_label`), so that the others keep
    theirs ("siehe Anlage 3" points to the same file as in the full version)."""
    if annex.public:
        return annex
    return AnnexEntry(number=annex.number, title="", public=False, withheld=True)


@dataclass(frozen=True, slots=True)
class MeetingAnnexes:
    """What the Anlagen tab shows of a meeting, read at once: its annexes in order and
    whether its minutes are approved (``frozen``: the annexes can no longer change)."""

    annexes: tuple[Annex, ...]
    frozen: bool


def clean_file_name(name: str) -> str:
    """The last part of ``name`` without folders, control codes, characters Windows forbids
    and the lone surrogates that stand for bytes of a file name that are no UTF-8 (Latin-1
    on Linux; no database takes them); never empty, at most :data:`MAX_NAME` characters,
    ending in ".pdf"."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(
        " " if unicodedata.category(c) in ("Cc", "Cf", "Cs") or c in '<>:"|?*' else c for c in base
    )
    base = " ".join(base.split()).strip(" .")
    stem = base[:-4] if base.casefold().endswith(".pdf") else base
    stem = stem[: MAX_NAME - 4].rstrip(" .") or "Anlage"
    return f"{stem}.pdf"


def title_from_name(name: str) -> str:
    """The title an annex gets from its file name: "Präsentation Datenplattform"."""
    stem = clean_file_name(name)[:-4]
    return " ".join(stem.replace("_", " ").split())


def size_problem(size: int) -> str | None:
    if size == 0:
        return "Die Datei ist leer."
    if size > MAX_ANNEX_BYTES:  # "mit 51 MB", never "50 MB groß; höchstens 50 MB"
        return too_large_message(size, MAX_ANNEX_BYTES, "eine Anlage")
    return None
