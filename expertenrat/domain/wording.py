"""Small pieces of German wording shared by messages."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import datetime

from expertenrat.domain.enums import RecommendationKind

_RTL_CLASSES = frozenset({"R", "AL"})  # the bidi classes of right-to-left letters


def counted(number: int, one: str, many: str) -> str:
    """ "1 Gremium", "2 Gremien": the number with the noun in its grammatical number."""
    return f"{number} {one if number == 1 else many}"


def counted_or_none(number: int, one: str, many: str, none: str = "") -> str:
    """ "1 Mitglied", "9 Mitglieder", and "keine Mitglieder" (or ``none``) where there are
    none, never "0 Mitglieder": a count standing alone, as documents head and sum up."""
    return (none or f"keine {many}") if number == 0 else counted(number, one, many)


def with_counted(number: int, one: str, many: str, none: str) -> str:
    """ "mit 1 Mitglied", "mit 9 Mitgliedern" (``one`` and ``many`` after "mit"), and
    "ohne Mitglieder" (``none``) where there are none, never "mit 0 Mitgliedern"."""
    return f"ohne {none}" if number == 0 else f"mit {counted(number, one, many)}"


_KIND_PLURALS = {
    RecommendationKind.RECOMMENDATION: "Empfehlungen",
    RecommendationKind.IMPULSE: "Impulse",
    RecommendationKind.STATEMENT: "Stellungnahmen",
}


def kinds_counted(kinds: Iterable[RecommendationKind], *, enumerated: bool = False) -> str:
    """ "2 Empfehlungen, 1 Impuls": how many of each kind (in the kinds' order, those that
    occur), as the Tätigkeitsbericht and the recommendations report head an action field;
    ``enumerated`` for a sentence: "1 Empfehlung und 1 Impuls"."""
    counts = dict.fromkeys(RecommendationKind, 0)
    for kind in kinds:
        counts[kind] += 1
    parts = [counted(n, kind.label, _KIND_PLURALS[kind]) for kind, n in counts.items() if n]
    return listed(parts) if enumerated else ", ".join(parts)


def listed(parts: Sequence[str], *, most: int | None = None, last: str = "und") -> str:
    """ "A", "A und B", "A, B und C": ``parts`` as a German enumeration ("" for none),
    ``last`` before the last part ("A, B oder C"). With ``most`` at most that many are
    named and the rest counted, "A, B und 3 weitere"; one more is named rather than counted
    ("A, B und C", never "A, B und 1 weitere")."""
    if len(parts) <= 1:
        return "".join(parts)
    if most is not None and len(parts) > most + 1:
        return f"{', '.join(parts[:most])} {last} {len(parts) - most} weitere"
    return f"{', '.join(parts[:-1])} {last} {parts[-1]}"


def years_ago(years: int) -> str:
    """ "einem Jahr", "2 Jahren": a span of years after "vor mehr als", as the retention
    says it in the window and on the command line."""
    return "einem Jahr" if years == 1 else f"{years} Jahren"


def since_days(days: int) -> str:
    """ "seit 12 Tagen", past two months "seit 3 Monaten" (of 30 days), past a year "seit
    über einem Jahr", "seit 2 Jahren": how long something has been so, as a reader takes it
    in (never "seit 365 Tagen"). Whole months and years only, counted down: "seit 3
    Monaten" holds for 90 to 119 days."""
    if days < 60:
        return f"seit {counted(days, 'Tag', 'Tagen')}"
    if days < 365:
        return f"seit {days // 30} Monaten"
    over = "über " if days % 365 else ""
    return f"seit {over}{years_ago(days // 365)}"


def overdue_since(days: int) -> str:
    """ "seit 12 Tagen überfällig", "seit über einem Jahr überfällig" (:func:`since_days`):
    how late something owed is, in the window, the documents and on the command line."""
    return f"{since_days(days)} überfällig"


def number_ranges(numbers: Iterable[int]) -> str:
    """ "2–5, 8, 10–11": the numbers (of rows, say) in order, each run of consecutive ones as
    its first and last, so that 20,000 rows make a short line."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    return ", ".join(str(first) if first == last else f"{first}–{last}" for first, last in runs)


def quoted(text: str) -> str:
    """ "„Präsentation ‚Open Data‘“": ``text`` in German quotation marks, the marks within it
    made single ones, so that a title quoting something is not read as two quotations."""
    inner = text.replace("„", "‚").replace("“", "‘")
    return f"„{inner}“"


def shortened(text: str, length: int) -> str:
    """``text`` cut to at most ``length`` characters, ending in "…" where it was cut."""
    return text if len(text) <= length else f"{text[: length - 1]}…"


def file_size(size: int) -> str:
    """ "1,2 MB", "340 KB": a file's size in German notation."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} KB"


def whole_number(number: int) -> str:
    """ "1.450": a whole number with German thousands separators."""
    return f"{number:,}".replace(",", ".")


def isolated(text: str) -> str:
    """``text`` (something the user typed) set apart for the bidi algorithm where a document
    joins it with other text on one line: right-to-left text in it then neither pulls a
    number beside it into its run ("Rat مجلس · 18 Empfehlungen" would read "Rat 18 …
    مجلس"), nor turns the line's direction when it comes first ("שלום (nichtöffentlich)"
    would put the bracket on the left), nor is reordered with the words around it. Text
    without right-to-left letters is returned as it is (FSI … PDI: the user cannot type
    them, see :mod:`field_limits`, so they are always the program's)."""
    if any(unicodedata.bidirectional(c) in _RTL_CLASSES for c in text):
        return f"\u2068{text}\u2069"
    return text


_QUOTATION = re.compile("„([^„“]*)“")  # a quotation in German marks, as the trail's lines quote


def quotations_isolated(text: str) -> str:
    """``text`` (a line that quotes what the user typed: "TOP 3 „…“ der 5. Sitzung") with
    every quotation whose words are right-to-left set apart (:func:`isolated`) inside its
    marks, so that a Hebrew or Arabic title does not run together with the German words
    and dates after it ("Erinnerung an „פרויקט“ (03.12.2026)" read "„(03.12.2026) “פרויקט").
    A quotation set apart already stays as it is; others are returned unchanged."""
    if "„" not in text:
        return text
    return _QUOTATION.sub(lambda m: f"„{_isolated_once(m[1])}“", text)


def _isolated_once(text: str) -> str:
    if text.startswith("\u2068") and text.endswith("\u2069"):
        return text
    return isolated(text)


# The head nouns of councils' names and their articles, by how the word ends: the name of
# a council is not always masculine ("die Digitalkommission", "das Bürgerforum").
_ARTICLES = (
    ("der", ("rat", "beirat", "ausschuss", "kreis", "zirkel", "dialog", "senat")),
    ("die", ("kommission", "runde", "gruppe", "konferenz", "versammlung", "kammer",
             "initiative", "werkstatt", "allianz", "plattform", "jury", "gemeinschaft")),
    ("das", ("gremium", "forum", "netzwerk", "board", "komitee", "team", "panel",
             "kollegium", "kuratorium", "parlament", "labor", "lab")),
)  # fmt: skip
# Words after which the head noun has been passed ("Beirat für …", "Rat der Stadt …").
_AFTER_HEAD = frozenset(("des", "der", "für", "von", "im", "in", "am", "zur", "zum", "bei"))


def council_head(name: str) -> tuple[str, str] | None:
    """The head noun of a council's name with its article: ("der", "Digitalbeirat") for
    "Digitalbeirat der Hansestadt Lübeck", ("der", "Expert*innenrat") for "Smart City
    Expert*innenrat Rostock"; ``None`` where no word before "der", "für" … ends in a noun
    whose article is known ("Smarte Köpfe")."""
    for word in name.split():
        plain = word.casefold().replace("*innen", "").replace(":innen", "")
        if plain in _AFTER_HEAD:
            return None
        for article, endings in _ARTICLES:
            if plain.endswith(endings):
                return article, word
    return None


def council_as_subject(name: str, shown=lambda text: text) -> str:
    """The council's name as the subject of a sentence, lower case as after a greeting:
    "der Digitalbeirat der Hansestadt Lübeck", "die Digitalkommission …", and where the
    name shows no head noun whose article is known, "das Gremium „Smarte Köpfe“".
    ``shown`` wraps the name (e.g. :func:`isolated` in a PDF)."""
    head = council_head(name)
    if head is None:
        return f"das Gremium „{shown(name)}“"
    return f"{head[0]} {shown(name)}"


def council_genitive(name: str) -> str:
    """The council's name in the genitive, "des Smart City Expert*innenrats Rostock", "der
    Digitalkommission …", "des Digitalforums", "des Ausschusses …"; where the name shows no
    head noun whose article is known, "des Gremiums „Smarte Köpfe“"."""
    head = council_head(name)
    if head is None:
        return f"des Gremiums „{name}“"
    article, noun = head
    if article == "die":
        return f"der {name}"
    ending = "es" if noun.casefold().endswith(("s", "x", "z")) else "s"  # "Ausschusses"
    inflected = noun + ending
    return f"des {name.replace(noun, inflected, 1)}"


def council_with_city(name: str, city: str) -> str:
    """ "Digitalbeirat, Hansestadt Lübeck": the council's name with its city, which is left
    out where the name already holds it as whole words, whatever their case ("Digitalbeirat
    der Hansestadt Stralsund" said "…, Hansestadt Stralsund" twice)."""
    return name if names_city(name, city) else f"{name}, {city}"


def names_city(name: str, city: str) -> bool:
    """Whether the council's ``name`` already holds its ``city`` as whole words, whatever
    their case, or the city without its title ("Beirat Digitale Stadt Lübeck" names
    "Hansestadt Lübeck"; a title is the leading words up to one ending in "stadt" before a
    capitalised rest: not in "Neustadt an der Weinstraße"). An empty city counts as named:
    there is nothing to add."""
    words = city.split()
    titled = [i for i, word in enumerate(words[:-1], 1) if word.casefold().endswith("stadt")]
    forms = [words, *([words[titled[-1] :]] if titled and words[titled[-1]][0].isupper() else [])]
    return not words or any(
        re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, form)) + r"(?!\w)", name, re.I)
        for form in forms
    )


def restore_scope(councils: int | None, *, shown: bool = True) -> str:
    """What a restore replaces beside the council on screen, to follow "Alle Daten in „…“":
    the database holds every council, so all of them go ("beide Gremien …", "alle 3
    Gremien …"); ``None`` where the number could not be read, "" where there is only one.
    ``shown``: a window shows one council ("nicht nur das angezeigte"); a terminal none."""
    if councils is not None and councils < 2:
        return ""
    which = (
        "jedes Gremium"
        if councils is None
        else "beide Gremien"
        if councils == 2
        else f"alle {councils} Gremien"
    )
    return f"– {which} dieser Datenbank{', nicht nur das angezeigte' if shown else ''} –"


def backup_made(made_utc: datetime | None) -> str:
    """When a backup was made, to follow "die Sicherung „…“": " vom 01.11.2026, 13:48 Uhr"
    in this computer's time; "" where it is not known."""
    if made_utc is None:
        return ""
    return f" vom {made_utc.astimezone():%d.%m.%Y, %H:%M} Uhr"
