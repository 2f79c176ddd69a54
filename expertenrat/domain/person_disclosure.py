"""The Auskunft nach Art. 15 DSGVO: everything the program holds about one person, as a
document of sections (each a table of texts) that the report lays out as it comes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from expertenrat.domain.backup_rotation import DAILY_COPIES, MONTHLY_COPIES
from expertenrat.domain.consent import CONSENT_COVERS
from expertenrat.domain.enums import ConsentKind
from expertenrat.domain.text_folding import match_key

TITLE = "Auskunft nach Art. 15 DSGVO"


def _rights(consent: str) -> str:
    """The person's rights, with ``consent``: what they may do about a consent they gave."""
    return (
        "Sie haben das Recht auf Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung "
        f"der Verarbeitung (Art. 18) und Widerspruch (Art. 21 DSGVO){consent}, und Sie können "
        "sich bei der Aufsichtsbehörde für den Datenschutz beschweren (Art. 77 DSGVO)."
    )


# Where deleted data stays a while: the copies of the database (domain.backup_rotation).
_COPIES = (
    "Die täglichen Sicherungen der Datenbank enthalten die Daten so, wie sie an ihrem Tag "
    f"waren, und werden nach rund einem Jahr gelöscht (es bleiben die der letzten "
    f"{DAILY_COPIES} Tage und je eine der letzten {MONTHLY_COPIES} Monate); "
    "Sicherheitskopien vor einer Wiederherstellung oder Aktualisierung werden nach ihrer "
    "Frist gelöscht."
)


# What the secretariat hands on with the data (Art. 15 Abs. 1 lit. a–h): purposes,
# recipients, storage period and the person's rights, in the words of the program's use.
NOTES = (
    "Zweck der Verarbeitung: die Arbeit der Geschäftsstelle des Gremiums – "
    "Mitgliederverwaltung, Einladungen, Sitzungen, Anwesenheit, Befangenheit, Abstimmungen "
    "und Protokolle; veröffentlicht wird nur, wozu eine Einwilligung vorliegt.",
    "Empfänger: die Mitglieder des Gremiums und die Verwaltung der Stadt (Einladungen, "
    "Protokolle); veröffentlicht wird nur mit Ihrer Einwilligung, mit der zu Name und "
    f"Institution: {CONSENT_COVERS[ConsentKind.NAME]}; mit der zu den Kontaktdaten: "
    f"{CONSENT_COVERS[ConsentKind.CONTACT]}. Öffentliche Protokolle erscheinen ohne "
    "nichtöffentliche Tagesordnungspunkte.",
    "Herkunft der Daten: Ihre Angaben bei der Berufung und Ihre späteren Mitteilungen an "
    "die Geschäftsstelle; Anwesenheit, Befangenheit und Abstimmungen aus den Sitzungen des "
    "Gremiums, wie die Geschäftsstelle sie aufgezeichnet hat. Eine automatisierte "
    "Entscheidung im Sinne von Art. 22 DSGVO findet nicht statt.",
    "Speicherdauer: Kontaktdaten, Notizen und Einwilligungen werden nach Ablauf der "
    "Aufbewahrungsfrist nach dem Ende der letzten Mitgliedschaft gelöscht (anonymisiert), "
    "auf Ihren Antrag schon früher; "
    "Name, Titel, Institution und Funktion bleiben in den Protokollen, in den Empfehlungen "
    "mit den Stellungnahmen und dem Verlauf und im Änderungsprotokoll. " + _COPIES,
    _rights(", eine erteilte Einwilligung können Sie jederzeit widerrufen"),
)

# The same for a guest of a meeting, who is no member: no record, no consents, no term.
GUEST_NOTES = (
    "Zweck der Verarbeitung: die Protokolle der Sitzungen des Gremiums – wer als Gast "
    "teilgenommen, vorgetragen oder Stellung genommen hat.",
    "Empfänger: die Mitglieder des Gremiums und die Verwaltung der Stadt (Einladungen, "
    "Protokolle); öffentliche Protokolle nennen Gäste des öffentlichen Teils, nicht die "
    "Gäste, die nur am nichtöffentlichen Teil teilgenommen haben.",
    "Herkunft der Daten: Ihre Teilnahme an den Sitzungen, wie die Geschäftsstelle sie "
    "aufgezeichnet hat, und die Unterlagen der Projekte und Empfehlungen. Eine "
    "automatisierte Entscheidung im Sinne von Art. 22 DSGVO findet nicht statt.",
    "Speicherdauer: Name, Institution und Anmerkung eines Gastes gehören zum Protokoll der "
    "Sitzung und werden mit ihm aufbewahrt, ebenso die Nennungen in den Protokollen, den "
    "Empfehlungen und im Änderungsprotokoll. " + _COPIES,
    _rights(""),
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


def mentions_table(
    title: str,
    subject: str,
    rows: Iterable[tuple[str, str, str]],
    empty: str,
    former: Sequence[str],
    searched_in: str = "",
    more: str = "",
) -> DisclosureSection:
    """A "Nennungen …" section: ``rows`` of (``subject``, the place, an excerpt) where the
    family name or one of the ``former`` ones stands as a whole word (in ``searched_in``,
    said in the note, as ``more`` is after it)."""
    return DisclosureSection(
        title,
        (subject, "Stelle", "Auszug"),
        (0.22, 0.3, 0.48),
        tuple(rows),
        empty,
        f"{_searched(former)} als ganzes Wort{searched_in}; eine gleichnamige Person wird "
        f"mit gefunden.{more}",
    )


def _searched(former: Sequence[str]) -> str:
    """ "Gesucht wird der Nachname", with the earlier ones: "Gesucht werden der Nachname
    und der frühere Nachname „…“"."""
    if not former:
        return "Gesucht wird der Nachname"
    earlier = "die früheren Nachnamen" if len(former) > 1 else "der frühere Nachname"
    return f"Gesucht werden der Nachname und {earlier} " + ", ".join(f"„{f}“" for f in former)


@dataclass(frozen=True, slots=True)
class PersonDisclosure:
    person_id: int | None  # None: a guest of meetings, who has no person record
    name: str
    made_on: date
    council_name: str  # of the page header: the council asked for, else the latest one's
    city: str
    logo_png: bytes | None
    state: str  # what is left of an anonymised person, else ""
    sections: tuple[DisclosureSection, ...]
    # for the secretariat, not in the document: other records maybe of the same human
    other_records: tuple[str, ...] = ()
    notes: tuple[str, ...] = NOTES  # the notes at the end (Art. 15 Abs. 1 lit. a–h)

    @property
    def records(self) -> int:
        return sum(len(section.rows) for section in self.sections)


def anonymised_state(on: date | None, on_request: bool = False) -> str:
    """What an anonymised person's Auskunft says first: when and why it was anonymised
    (``on_request``: at their request, Art. 17 DSGVO), what was deleted, what is left."""
    when = f" am {on:%d.%m.%Y}" if on is not None else ""
    why = (
        "auf eigenen Antrag (Art. 17 DSGVO)" if on_request else "nach Ablauf der Aufbewahrungsfrist"
    )
    return (
        f"Diese Person wurde{when} {why} anonymisiert: E-Mail, "
        "Telefon, Postanschrift, Notizen und der Verlauf der Einwilligungen sind gelöscht, "
        "auch aus dem Änderungsprotokoll. Gespeichert bleiben Name, Titel, Institution und "
        "Funktion, die Mitgliedschaften, Anwesenheiten, nachgesandten Einladungen und "
        "Befangenheiten, die Kandidaturen bei Wahlen, die Einträge im Änderungsprotokoll "
        "(ohne die gelöschten Werte) und "
        "die Nennungen in Protokollen, in Empfehlungen, in Stellungnahmen der Projekte und im "
        "Verlauf der Empfehlungen – alles, was diese Auskunft im Folgenden aufführt."
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


@dataclass(frozen=True, slots=True)
class RecordedPerson:
    """A person record as the look for the same human in another record needs it: its
    number, the councils of its memberships in words, and its address and name."""

    person_id: int
    councils: str
    email: str
    given_name: str
    family_name: str


def other_records(person: RecordedPerson, others: Iterable[RecordedPerson]) -> tuple[str, ...]:
    """Warnings for the secretariat naming the other person records with the same e-mail
    address or else the same name as ``person``: each council keeps its own record of a
    member, so a human in two councils is two persons, and an Auskunft about one names
    nothing of the other."""
    email = match_key(person.email)
    name = (match_key(person.given_name), match_key(person.family_name))
    found = []
    for other in others:
        if other.person_id == person.person_id:
            continue
        if email and match_key(other.email) == email:
            same = "derselben E-Mail-Adresse"
        elif (match_key(other.given_name), match_key(other.family_name)) == name:
            same = "demselben Namen"
        else:
            continue
        where = f" ({other.councils})" if other.councils else ""
        found.append(
            f"Unter Nr. {other.person_id}{where} ist eine weitere Person mit {same} "
            "gespeichert; diese Auskunft nennt ihre Daten nicht. Ist es derselbe Mensch, "
            "gehört deren Auskunft dazu."
        )
    return tuple(found)


def name_words(name: str) -> set[str]:
    """The words of ``name`` folded (case aside): "Dr. Merle Steffens" → dr, merle, steffens."""
    return set(re.findall(r"\w+", match_key(name)))


# Words of a name that say no more than a degree or a form of address ("Dr. Merle Steffens"
# is the guest "Merle Steffens").
_TITLE_WORDS = frozenset(
    ("dr", "prof", "dipl", "ing", "med", "phil", "rer", "nat", "jur", "h", "c", "herr", "frau")
)


def name_identity(name: str) -> frozenset[str]:
    """The words of ``name`` that tell one human from another: :func:`name_words` without
    degrees and forms of address."""
    return frozenset(name_words(name) - _TITLE_WORDS)


def guest_namesakes(name: str, persons: Iterable[RecordedPerson]) -> tuple[str, ...]:
    """Warnings for the secretariat naming the person records whose given and family names
    all stand in a guest's ``name``: a member who came as a guest, or one who became a
    member later, has an Auskunft of their own, which the guest's does not repeat."""
    words = name_words(name)
    found = []
    for person in persons:
        theirs = name_words(f"{person.given_name} {person.family_name}")
        if theirs and theirs <= words:
            where = f" ({person.councils})" if person.councils else ""
            found.append(
                f"Unter Nr. {person.person_id}{where} ist ein Mitglied mit diesem Namen "
                "gespeichert; diese Auskunft nennt seine Daten nicht. Ist es derselbe Mensch, "
                "gehört dessen Auskunft (Mitglieder → „Auskunft (Art. 15) …“) dazu."
            )
    return tuple(found)
