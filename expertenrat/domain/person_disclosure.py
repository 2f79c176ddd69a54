"""The Auskunft nach Art. 15 DSGVO: everything the program holds about one person, as a
document of sections (each a table of texts) that the report lays out as it comes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

TITLE = "Auskunft nach Art. 15 DSGVO"

# What the secretariat hands on with the data (Art. 15 Abs. 1 lit. a–h): purposes,
# recipients, storage period and the person's rights, in the words of the program's use.
NOTES = (
    "Zweck der Verarbeitung: die Arbeit der Geschäftsstelle des Gremiums – "
    "Mitgliederverwaltung, Einladungen, Sitzungen, Anwesenheit, Befangenheit, Abstimmungen "
    "und Protokolle; veröffentlicht wird nur, wozu eine Einwilligung vorliegt.",
    "Empfänger: die Mitglieder des Gremiums und die Verwaltung der Stadt (Einladungen, "
    "Protokolle); veröffentlicht werden Name und Kontaktdaten nur mit Einwilligung, "
    "öffentliche Protokolle ohne nichtöffentliche Tagesordnungspunkte.",
    "Herkunft der Daten: Ihre Angaben bei der Berufung und Ihre späteren Mitteilungen an "
    "die Geschäftsstelle; Anwesenheit, Befangenheit und Abstimmungen aus den Sitzungen des "
    "Gremiums, wie die Geschäftsstelle sie aufgezeichnet hat. Eine automatisierte "
    "Entscheidung im Sinne von Art. 22 DSGVO findet nicht statt.",
    "Speicherdauer: Kontaktdaten, Notizen und Einwilligungen werden nach Ablauf der "
    "Aufbewahrungsfrist nach dem Ende der letzten Mitgliedschaft gelöscht (anonymisiert); "
    "Name, Titel, Institution und Funktion bleiben in den Protokollen und im "
    "Änderungsprotokoll. Sicherheitskopien der Datenbank werden nach ihrer Frist gelöscht.",
    "Sie haben das Recht auf Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der "
    "Verarbeitung (Art. 18) und Widerspruch (Art. 21 DSGVO), eine erteilte Einwilligung "
    "können Sie jederzeit widerrufen, und Sie können sich bei der Aufsichtsbehörde für den "
    "Datenschutz beschweren (Art. 77 DSGVO).",
)


@dataclass(frozen=True, slots=True)
class DisclosureSection:
    """A part of the Auskunft: a table under ``title`` (``shares``: the columns' parts of
    the page's width), or ``empty`` where it has no rows; ``note`` under it."""

    title: str
    headers: tuple[str, ...]
    shares: tuple[float, ...]
    rows: tuple[tuple[str, ...], ...]
    empty: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class PersonDisclosure:
    person_id: int
    name: str
    made_on: date
    council_name: str  # of the page header: the council asked for, else the latest one's
    city: str
    logo_png: bytes | None
    state: str  # what is left of an anonymised person, else ""
    sections: tuple[DisclosureSection, ...]

    @property
    def records(self) -> int:
        return sum(len(section.rows) for section in self.sections)


def anonymised_state(on: date | None) -> str:
    """What an anonymised person's Auskunft says first: what was deleted, what is left."""
    when = f" am {on:%d.%m.%Y}" if on is not None else ""
    return (
        f"Diese Person wurde{when} nach Ablauf der Aufbewahrungsfrist anonymisiert: E-Mail, "
        "Telefon, Postanschrift, Notizen und der Verlauf der Einwilligungen sind gelöscht, "
        "auch aus dem Änderungsprotokoll. Gespeichert bleiben Name, Titel, Institution und "
        "Funktion, die Mitgliedschaften, Anwesenheiten und Befangenheiten, die Einträge im "
        "Änderungsprotokoll (ohne die gelöschten Werte) und die Nennungen in Protokollen – "
        "alles, was diese Auskunft im Folgenden aufführt."
    )


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """A person as ``expertenrat persons`` lists them: the number ``export person --id``
    takes, the name, the memberships in words, and whether anonymised."""

    person_id: int
    name: str
    sort_name: str
    memberships: str
    anonymised: bool
