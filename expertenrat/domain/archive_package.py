"""The Archivpaket of a year: what the Stadtarchiv takes over of a council's year, in
files that explain themselves without the program.

Per held meeting a folder "2025-01-16 1. Sitzung" with the invitation, the approved
minutes (full and public, the files stored at the approval, byte for byte), the
approved content whose SHA-256 the minutes print ("Prüfsumme des genehmigten Inhalts")
as a JSON file, the annexes as stored and the Sitzungsmappe; beside the folders the
register of the year's recommendations (PDF and CSV) and the Tätigkeitsbericht; a list
of every file's SHA-256 that ``sha256sum -c`` checks, and a LIESMICH.txt that says what
is where and what each checksum covers. Pure: names and texts, no files written here.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime

from expertenrat.domain.annexes import Annex
from expertenrat.domain.enums import MeetingKind, MeetingState
from expertenrat.domain.file_formats import file_system_words
from expertenrat.domain.meeting_numbers import meeting_file_stem, meeting_name
from expertenrat.domain.wording import counted, listed

README = "LIESMICH.txt"  # also the mark of a folder holding an earlier Archivpaket
CHECKSUMS = "SHA256SUMS.txt"
# Of an annex's stored name (up to 300 characters) its file name in the package keeps
# this many: a file system takes names of 255 at most, Windows paths of 260 (found by a
# helper: a long name made the whole package fail to write).
ANNEX_NAME_PART = 60


@dataclass(frozen=True, slots=True)
class ArchivedMeeting:
    """A meeting of the year as the package holds it. ``approved_on`` and ``approved_in``
    ("5. Sitzung am 15.01.2026"): its minutes' approval (``None``: not approved, so its
    minutes and Sitzungsmappe are left out); ``annexes`` in their order;
    ``invitation_sent_on``: the day recorded for the invitation (``None``: none, so the
    invitation in the package is dated the day it was made); ``minutes_remade``: approved
    before Expertenrat kept the approved PDFs, so that the package's are made anew;
    ``approved_content``: the approved minutes' content (JSON) whose SHA-256 they print;
    ``damaged``: the numbers of the annexes that no longer match their stored SHA-256;
    ``without_fonts``: those of the annexes that lack a font they use."""

    number: int | None
    kind: MeetingKind
    starts_at: datetime
    state: MeetingState
    approved_on: date | None = None
    approved_in: str = ""
    annexes: tuple[Annex, ...] = ()
    invitation_sent_on: date | None = None
    minutes_remade: bool = False
    twin: int = 0  # the second, third … meeting of one folder name (see :func:`apart`)
    approved_content: str = ""
    damaged: tuple[int, ...] = ()
    without_fonts: tuple[int, ...] = ()

    @property
    def name(self) -> str:
        return meeting_name(self.number, self.kind)

    @property
    def stem(self) -> str:
        """ "1. Sitzung 2025-01-16", as the window names the meeting's files."""
        return meeting_file_stem(self.number, self.kind, self.starts_at.date())

    @property
    def folder(self) -> str:
        """ "2025-01-16 1. Sitzung": the day first, so the folders sort by date."""
        folder = f"{self.starts_at:%Y-%m-%d} {self.name}"
        return f"{folder} ({self.twin})" if self.twin > 1 else folder

    @property
    def approved(self) -> bool:
        return self.approved_on is not None

    def path(self, name: str) -> str:
        return f"{self.folder}/{name}"

    def invitation(self) -> str:
        word = "Absage" if self.state is MeetingState.CANCELLED else "Einladung"
        return self.path(f"{word} {self.stem}.pdf")

    def minutes(self, *, public: bool = False) -> str:
        return self.path(f"Protokoll {self.stem}{' öffentlich' if public else ''}.pdf")

    def content(self) -> str:
        return self.path(f"Protokoll {self.stem} genehmigter Inhalt.json")

    def dossier(self) -> str:
        return self.path(f"Sitzungsmappe {self.stem}.pdf")

    def annex(self, annex: Annex) -> str:
        """ "Anlage 2 4. Sitzung 2025-10-16 nichtöffentlich – Angebote.pdf": the number as
        the minutes list it, a non-public one marked in the name, then the stored name."""
        mark = "" if annex.public else " nichtöffentlich"
        stem = file_system_words(annex.name.removesuffix(".pdf"))
        if len(stem) > ANNEX_NAME_PART:
            stem = stem[: ANNEX_NAME_PART - 1].rstrip(" .") + "…"
        return self.path(f"Anlage {annex.number} {self.stem}{mark} – {stem or 'Anlage'}.pdf")


def apart(meetings: Iterable[ArchivedMeeting]) -> tuple[ArchivedMeeting, ...]:
    """``meetings`` in their order, the second of a folder name "2026-03-12 Sitzung (2)",
    and so on: two meetings without a number on one day (cancelled while planned, the day
    planned again) would have shared a folder and file names, the second's files replacing
    the first's (found by a tester)."""
    seen: Counter[str] = Counter()
    numbered = []
    for meeting in meetings:
        seen[meeting.folder] += 1
        count = seen[meeting.folder]
        numbered.append(replace(meeting, twin=count) if count > 1 else meeting)
    return tuple(numbered)


def year_files(year: int) -> tuple[str, str, str]:
    """The register (PDF, CSV) and the Tätigkeitsbericht of ``year``."""
    return (
        f"Empfehlungsregister {year}.pdf",
        f"Empfehlungsregister {year}.csv",
        f"Tätigkeitsbericht {year}.pdf",
    )


def checksums(files: Mapping[str, bytes]) -> bytes:
    """Every file's SHA-256 as ``sha256sum`` writes them ("<hex>  <path>"), sorted by path,
    so that ``sha256sum -c SHA256SUMS.txt`` in the package's folder checks them all."""
    lines = (f"{hashlib.sha256(files[p]).hexdigest()}  {p}\n" for p in sorted(files))
    return "".join(lines).encode("utf-8")


def readme(
    council: str, year: int, made_on: date, meetings: tuple[ArchivedMeeting, ...], version: str
) -> bytes:
    """LIESMICH.txt: what the package is, what is in it, and how to check it."""
    lines = [
        f"Archivpaket {year} – {council}",
        "",
        f"Zusammengestellt am {made_on:%d.%m.%Y} mit Expertenrat {version}.",
        _period(year, made_on),
        "Alle Dateien sind ohne dieses Programm lesbar: PDF, CSV (Semikolon, UTF-8), JSON",
        "(UTF-8) und Text (UTF-8). Die vom Programm erstellten PDF-Dateien haben ihre",
        "Schriften eingebettet; die Anlagen sind so enthalten, wie sie aufgenommen wurden.",
        "",
        "Inhalt",
        "------",
    ]
    for meeting in meetings:
        lines.append(f"{meeting.folder}: {_meeting_line(meeting, made_on)}")
    if not meetings:
        lines.append(f"Im Jahr {year} hatte das Gremium keine Sitzung.")
    register, table, report = year_files(year)
    lines += [
        f"{register}, {table}: die {year} beschlossenen Empfehlungen mit ihrem Stand am "
        f"{made_on:%d.%m.%Y} (ohne Entwürfe; enthält Empfehlungen aus nichtöffentlicher "
        "Beratung, nur für den internen Gebrauch).",
        f"{report}: der Tätigkeitsbericht des Jahres (öffentliche Fassung).",
        "",
    ]
    if any(meeting.state is MeetingState.HELD for meeting in meetings):
        lines += _minutes_sections(meetings)
    else:
        lines += _checksums_section()
    return "\r\n".join(lines).encode("utf-8")


def _period(year: int, made_on: date) -> str:
    """The days the package covers: a year not over when it was made only so far (found
    by a tester: the LIESMICH named the year alone, as if complete)."""
    if made_on.year > year:
        return f"Zeitraum: 01.01.{year} bis 31.12.{year}."
    return (
        f"Zeitraum: 01.01.{year} bis {made_on:%d.%m.%Y} (das Jahr war bei der "
        "Zusammenstellung noch nicht abgeschlossen)."
    )


def _minutes_sections(meetings: tuple[ArchivedMeeting, ...]) -> list[str]:
    """What the minutes' files are and what their checksums cover (a year with a held
    meeting; the PDFs of minutes approved before they were kept are named as made anew)."""
    remade = [f"der {m.name}" for m in meetings if m.approved and m.minutes_remade]
    stored = [
        "Die Protokoll-PDFs sind die bei der Genehmigung gespeicherten Dateien, Byte für",
        "Byte; ihre SHA-256 ist die bei der Genehmigung gespeicherte (im Programm: Reiter",
        "„Genehmigung“ der Sitzung).",
    ]
    if remade:
        stored += [
            f"Ausgenommen die Protokoll-PDFs {listed(remade)}: genehmigt, bevor",
            "das Programm die genehmigten PDF-Dateien speicherte, sind sie bei der",
            "Zusammenstellung neu erstellt, mit dem Genehmigungsvermerk.",
        ]
    return [
        "Vollständige und öffentliche Fassung",
        "------------------------------------",
        "„Protokoll … .pdf“ ist die vollständige Fassung mit den nichtöffentlichen",
        "Tagesordnungspunkten (nicht zur Veröffentlichung); „Protokoll … öffentlich.pdf“",
        "lässt sie aus. Nichtöffentliche Anlagen tragen „nichtöffentlich“ im Dateinamen.",
        "Die Sitzungsmappe (mit allen Anlagen) und „Protokoll … genehmigter Inhalt.json“",
        "enthalten die vollständige Fassung: das Paket ist nur für das Archiv bestimmt.",
        "",
        *_checksums_section(),
        *stored,
        "",
        "Die im genehmigten Protokoll abgedruckte „Prüfsumme des genehmigten Inhalts",
        "(SHA-256)“ ist nicht die der PDF-Datei (eine Datei kann ihre eigene Prüfsumme",
        "nicht enthalten). Sie ist die SHA-256 der Datei „Protokoll … genehmigter",
        "Inhalt.json“ daneben: der bei der Genehmigung gespeicherte Inhalt des Protokolls",
        "(Kopfdaten, Anwesenheit, Texte, Abstimmungen, Empfehlungen), so wie er genehmigt",
        "wurde. „sha256sum“ dieser Datei ergibt die abgedruckte Prüfsumme.",
        "",
    ]


def _checksums_section() -> list[str]:
    return [
        "Prüfsummen (SHA-256)",
        "--------------------",
        f"{CHECKSUMS} nennt die SHA-256 jeder Datei dieses Pakets (außer sich selbst).",
        f"Prüfen: im Ordner des Pakets „sha256sum -c {CHECKSUMS}“ (Linux, macOS:",
        "„shasum -a 256 -c …“); unter Windows im Ordner des Pakets in der PowerShell diese",
        "Zeile (sie nennt jede fehlende oder abweichende Datei mit „ABWEICHEND“):",
        f"Get-Content -Encoding UTF8 {CHECKSUMS} | ForEach-Object {{ $h, $p = $_ -split "
        "'  ', 2; if ((Get-FileHash -Algorithm SHA256 -LiteralPath $p).Hash -ne $h) "
        '{ "ABWEICHEND: $p" } }; "Prüfung beendet."',
        "",
    ]


def _meeting_line(meeting: ArchivedMeeting, made_on: date) -> str:
    if meeting.state is MeetingState.CANCELLED:  # dated as a cancellation sent today
        return (
            f"abgesagt; die Absage (datiert auf den {made_on:%d.%m.%Y}, den Tag der "
            "Zusammenstellung, nicht den ihres Versands)."
        )
    if meeting.state is not MeetingState.HELD:
        return "noch nicht durchgeführt; nicht enthalten."
    sent = meeting.invitation_sent_on
    invitation = (
        f"Einladung (versandt am {sent:%d.%m.%Y})"
        if sent is not None
        else f"Einladung (ihr Versand ist nicht erfasst; datiert auf den {made_on:%d.%m.%Y})"
    )
    count = len(meeting.annexes)
    annexes = f", {counted(count, 'Anlage', 'Anlagen')}" if count else ""
    if meeting.approved_on is None:
        return (
            f"{invitation}{annexes}. Das Protokoll ist noch nicht genehmigt und fehlt mit "
            "der Sitzungsmappe; nach der Genehmigung das Paket erneut zusammenstellen."
            f"{_damage(meeting)}"
        )
    day = f"am {meeting.approved_on:%d.%m.%Y}"
    approved = f"in der {meeting.approved_in}" if meeting.approved_in else day
    remade = f", am {made_on:%d.%m.%Y} neu erstellt" if meeting.minutes_remade else ""
    return (
        f"{invitation}, Protokoll (genehmigt {approved}; vollständige und öffentliche "
        f"Fassung{remade}, genehmigter Inhalt){annexes}, Sitzungsmappe.{_damage(meeting)}"
    )


def _damage(meeting: ArchivedMeeting) -> str:
    """ " Anlage 1 stimmt nicht …": the annexes in the package as stored though damaged,
    said in the package itself, not only in the warning of making it (found by a tester)."""
    fonts = "".join(
        f" Anlage {n} hat nicht alle Schriften eingebettet." for n in meeting.without_fonts
    )
    if not meeting.damaged:
        return fonts
    numbers = listed([str(number) for number in meeting.damaged])
    if len(meeting.damaged) == 1:
        return (
            f" Anlage {numbers} stimmt nicht mit der bei ihrer Aufnahme gespeicherten "
            f"Prüfsumme überein; sie ist so enthalten, wie sie gespeichert war.{fonts}"
        )
    return (
        f" Anlagen {numbers} stimmen nicht mit den bei ihrer Aufnahme gespeicherten "
        f"Prüfsummen überein; sie sind so enthalten, wie sie gespeichert waren.{fonts}"
    )
