"""Every text field a user types or imports: its longest length, its German name, its rules.

The one source of truth for field limits: ``store/models`` builds its ``String(n)``
columns from these numbers, the domain validation checks them (a German message naming the
field and the limit), the forms give their inputs ``setMaxLength`` from them, and the import
names the row and the column of a value that breaks them.

What text may contain:

- All text is normalised to NFC (``clean_text``), so that "Jörg" typed with a combining
  diaeresis is stored like "Jörg" typed with "ö". Services and the file import clean every
  record before they check it.
- Control characters (Unicode category Cc: NUL, ESC, DEL, C1 controls), format characters
  (Cf: the bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069,
  zero-width space, soft hyphen, byte order mark, tag characters), surrogates (Cs) and
  Unicode's noncharacters (U+FFFE, U+FFFF …, which XML and so an .xlsx file cannot hold)
  are refused everywhere: they are invisible, can make a text read differently from what is
  stored (an override turns "Berg" into "greB" on screen), and make two equal-looking names
  different. Allowed are the format characters that real text needs: ZERO WIDTH NON-JOINER
  and ZERO WIDTH JOINER (U+200C, U+200D: Persian, Indic scripts, emoji sequences) and the
  bidi marks LRM, RLM and ALM (U+200E, U+200F, U+061C: a German affiliation with an Arabic
  or Hebrew part); a mark changes only the order of the neutral characters beside it.
- Single-line fields refuse line breaks (also U+2028 and U+2029); multi-line fields (postal
  address, notes) allow line feed, carriage return (line ends of other programs) and tab.
- Dates lie between 1900 and 2100 (``EARLIEST_DATE``, ``LATEST_DATE``).

Which characters are which, and what a paste drops: :mod:`~expertenrat.domain.text_characters`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.text_characters import (
    LINE_BREAKS,
    PLAIN_SPACES,
    SEPARATORS,
    character_name,
    first_forbidden,
    line_feeds,
    shows_nothing,
)

EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2100, 12, 31)


@dataclass(frozen=True, slots=True)
class TextField:
    """A text field: ``subject`` names it as the subject of a German sentence ("Die Stadt")."""

    subject: str
    max_length: int
    multiline: bool = False
    plural: bool = False
    strip: bool = True  # surrounding spaces are removed; only the notes keep them
    plain_spaces: bool = False  # no-break spaces become ordinary ones (one-line person data)

    def too_long_message(self) -> str:
        verb = "dürfen" if self.plural else "darf"
        return f"{self.subject} {verb} höchstens {_grouped(self.max_length)} Zeichen haben."


PERSON: Mapping[str, TextField] = MappingProxyType(
    {
        "form_of_address": TextField("Die Anrede", 50, plain_spaces=True),
        "title": TextField("Der Titel", 100, plain_spaces=True),
        "given_name": TextField("Der Vorname", 200, plain_spaces=True),
        "family_name": TextField("Der Nachname", 200, plain_spaces=True),
        "affiliation": TextField("Die Institution", 300, plain_spaces=True),
        "position": TextField("Die Funktion", 300, plain_spaces=True),
        "email": TextField("Die E-Mail-Adresse", 320, plain_spaces=True),
        "phone": TextField("Die Telefonnummer", 100, plain_spaces=True),
        "postal_address": TextField("Die Postanschrift", 1_000, multiline=True),
        "notes": TextField("Die Notizen", 20_000, multiline=True, plural=True, strip=False),
    }
)
"""The text fields of a person (a member's personal data), by attribute name. The one-line
ones hold no no-break space: one pasted from a web page showed as a change nobody could see
("Ändert: Institution") in an import of the same name (found by a tester); the documents
put their own no-break spaces in where they lay text out."""

COUNCIL: Mapping[str, TextField] = MappingProxyType(
    {
        "name": TextField("Der Name des Gremiums", 200),
        "short_name": TextField("Der Kurzname", 50),
        "city": TextField("Die Stadt", 200),
        "website": TextField("Die Website", 500),
        "classification": TextField("Die Art des Gremiums", 100),
        "secretariat": TextField("Die Geschäftsstelle", 300),
        "secretariat_email": TextField("Die E-Mail-Adresse der Geschäftsstelle", 320),
        "chair_title": TextField("Die Bezeichnung des Vorsitzes", 60),
        "vice_chair_title": TextField("Die Bezeichnung der Stellvertretung", 60),
    }
)
"""The text fields of a council's settings, by attribute name."""

AGENDA_ITEM: Mapping[str, TextField] = MappingProxyType(
    {
        "title": TextField("Der Titel des Punkts", 2000),
        "presenter": TextField("Die Angabe der vortragenden Person", 300),
    }
)
"""The text fields of an agenda item, by attribute name."""

ACTION_FIELD_NAME = TextField("Der Name des Handlungsfelds", 100)

PROJECT: Mapping[str, TextField] = MappingProxyType(
    {
        "title": TextField("Der Titel des Projekts", 300),
        "short_code": TextField("Das Kürzel", 20),
        "lead_unit": TextField("Die federführende Stelle", 300),
        "contact_name": TextField("Die Ansprechperson", 200),
        "contact_email": TextField("Die E-Mail-Adresse der Ansprechperson", 320),
        "description": TextField("Die Beschreibung", 20_000, multiline=True),
    }
)
"""The text fields of a project, by attribute name."""

PARTNER_NAME = TextField("Der Name eines Partners", 300)
ANNEX_TITLE = TextField("Der Titel der Anlage", 300)

# Minutes texts keep surrounding spaces and line breaks: the editor saves them as typed.
MINUTES_ITEM: Mapping[str, TextField] = MappingProxyType(
    {
        "discussion": TextField("Der Verlauf der Beratung", 100_000, multiline=True, strip=False),
        "motion_text": TextField("Der Antragstext", 20_000, multiline=True, strip=False),
        "resolution_text": TextField("Der Beschlusstext", 20_000, multiline=True, strip=False),
        "result": TextField("Das Ergebnis", 100),
    }
)
"""The minutes texts of an agenda item, by attribute name."""

MINUTES_HEADER: Mapping[str, TextField] = MappingProxyType(
    {
        "minute_taker": TextField("Die Protokollführung", 200),
        "agenda_changes": TextField(
            "Die Änderungen der Tagesordnung", 5_000, multiline=True, plural=True
        ),
    }
)
"""The texts of the minutes' header (stored on the meeting), by attribute name."""

VOTE_SUBJECT = TextField("Der Gegenstand der Abstimmung", 2_000, multiline=True)

CANDIDATE_NAME = TextField("Der Name der Person zur Wahl", 200)
"""A candidate of an election in the minutes (a member's name or one typed)."""

RECOMMENDATION: Mapping[str, TextField] = MappingProxyType(
    {
        "title": TextField("Der Titel der Empfehlung", 500),
        "text": TextField("Der Text der Empfehlung", 20_000, multiline=True),
    }
)
"""The texts of a recommendation (in the minutes and in the register), by attribute name."""

RECOMMENDATION_RESPONSE: Mapping[str, TextField] = MappingProxyType(
    {
        "responder": TextField("Wer geantwortet hat", 200),
        "reasons": TextField("Die Begründung", 20_000, multiline=True),
        "measures": TextField("Die geplanten Maßnahmen", 20_000, multiline=True, plural=True),
    }
)
"""The texts of a project's response to a recommendation, by attribute name."""

HISTORY_NOTE = TextField("Die Notiz", 2_000, multiline=True)
"""The note of a step in a recommendation's history."""

TEXT_TEMPLATE: Mapping[str, TextField] = MappingProxyType(
    {
        "label": TextField("Die Bezeichnung des Textbausteins", 100),
        "text": TextField("Der Textbaustein", 5_000, multiline=True),
    }
)
"""The texts of a standard phrase (Textbaustein), by attribute name."""

APPOINTMENT_PERIOD: Mapping[str, TextField] = MappingProxyType(
    {"name": TextField("Der Name der Berufungsperiode", 100)}
)
"""The texts of a council's appointment period (Berufungsperiode), by attribute name."""


def clean_text(value: str, spec: TextField) -> str:
    """``value`` in NFC, without surrounding spaces unless ``spec`` keeps them (then a text
    of only joiners, bidi marks and spaces is empty).

    In multi-line fields the Unicode line and paragraph separators (what Shift+Enter and
    Enter put into a Qt text box) and the line ends of other systems (CR LF, and CR alone
    from a CSV file saved as "CSV (Macintosh)") become ordinary line feeds. In a field with
    ``plain_spaces`` no-break spaces become ordinary spaces; every other text keeps them as
    typed (the minutes above all: their stored text is what was approved).
    """
    if not value.isascii():  # ASCII is NFC and holds no Unicode separators or no-break spaces
        value = unicodedata.normalize("NFC", value)
        if spec.multiline:
            value = value.translate(SEPARATORS)
        elif spec.plain_spaces:
            value = value.translate(PLAIN_SPACES)
    if spec.multiline and "\r" in value:
        value = line_feeds(value)
    if not spec.strip:
        return value
    value = value.strip()
    # Joiners and bidi marks alone show nothing: such a text is empty, so that a required
    # field is asked for (a right-to-left mark is what an empty cell of an Arabic page copies).
    return "" if shows_nothing(value) else value


def cleaned_texts(record: object, specs: Mapping[str, TextField]) -> dict[str, str]:
    """The cleaned values of ``record``'s text fields, ready for ``dataclasses.replace``."""
    return {name: clean_text(getattr(record, name), spec) for name, spec in specs.items()}


def text_problems(field: str, value: str, spec: TextField) -> list[FieldProblem]:
    """What is wrong with ``value`` as the text of ``field``: length and characters."""
    if value.isascii() and value.isprintable() and len(value) <= spec.max_length:
        return []  # the common case at C speed: cleaning could only make it shorter
    value = clean_text(value, spec)
    problems = []
    if len(value) > spec.max_length:
        problems.append(FieldProblem(field, spec.too_long_message()))
    bad = first_forbidden(value, spec.multiline)
    if bad is not None:
        problems.append(FieldProblem(field, _forbidden_message(spec, bad)))
    return problems


def stored_text_faults(value: str, spec: TextField) -> list[str]:
    """What breaks the text rule in ``value`` as stored (the integrity check's words):
    "enthält ein unsichtbares Steuerzeichen (U+202E RIGHT-TO-LEFT OVERRIDE)", "ist länger
    als erlaubt (…)"; stored by older versions, other tools or a hand-edited backup."""
    faults = []
    bad = first_forbidden(value, spec.multiline)
    if bad is not None:
        faults.append(
            "enthält einen Zeilenumbruch"
            if bad in LINE_BREAKS and not spec.multiline
            else f"enthält ein unsichtbares Steuerzeichen ({character_name(bad)})"
        )
    if len(value) > spec.max_length:
        faults.append(too_long_fault(value, spec.max_length))
    return faults


def too_long_fault(value: str, max_length: int) -> str:
    """ "ist länger als erlaubt (5.001 statt höchstens 5.000 Zeichen)"."""
    limit = _grouped(max_length)
    return f"ist länger als erlaubt ({_grouped(len(value))} statt höchstens {limit} Zeichen)"


def date_problems(field: str, value: date | None, subject: str) -> list[FieldProblem]:
    """A date outside 1900–2100 is a typing error; ``subject`` names it ("Der Beginn")."""
    if value is None or EARLIEST_DATE <= value <= LATEST_DATE:
        return []
    return [
        FieldProblem(
            field,
            f"{subject} ({value.day:02d}.{value.month:02d}.{value.year:04d}) muss zwischen "
            f"{EARLIEST_DATE.year} und {LATEST_DATE.year} liegen.",
        )
    ]


def _forbidden_message(spec: TextField, char: str) -> str:
    if char in LINE_BREAKS and not spec.multiline:
        return f"{spec.subject} muss in einer Zeile stehen (ohne Zeilenumbruch)."
    verb = "enthalten" if spec.plural else "enthält"
    return (
        f"{spec.subject} {verb} ein unsichtbares Steuerzeichen ({character_name(char)}). "
        "Bitte entfernen Sie es, zum Beispiel indem Sie den Wert neu eintippen."
    )


def _grouped(number: int) -> str:
    return f"{number:,}".replace(",", ".")  # German digit grouping: 20.000
