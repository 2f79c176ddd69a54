"""One word for one thing in what the program shows: the forms that crept in beside the
house's word are named here with the word to use instead."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import expertenrat

STRAY_FORMS = {
    # "Protokoll" is the minutes; the About window calls the log file "Log-Datei".
    r"Protokolldatei": "Log-Datei",
    # the keys as the help's list of shortcuts names them
    r"Pfeil (?:hoch|runter)": "Alt+Pfeil nach oben / nach unten",
    r"Strg\+(?:Umschalt\+)?Eingabe(?!taste)": "Strg+Eingabetaste",
    # as the minutes, the agenda and the invitation write it
    r"\bnicht öffentlich": "nichtöffentlich",
    # a held meeting's state is "durchgeführt" (the list's filter said "Abgehaltene")
    r"\b[Aa]bgehalten": "durchgeführt",
}
STRAY = re.compile("|".join(f"(?:{form})" for form in STRAY_FORMS))


def stray_forms(source: str) -> list[str]:
    """The stray forms in the string literals of ``source`` (the German is in strings)."""
    return [
        match.group()
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.STRING
        for match in STRAY.finditer(token.string)
    ]


def test_the_stray_forms_are_recognised() -> None:
    text = (
        '"in der Protokolldatei", "(Alt+Pfeil hoch)", "(Strg+Eingabe)", '
        '"(Strg+Umschalt+Eingabe)", "(nicht öffentlich) Angebote", "Abgehaltene"'
    )
    assert stray_forms(text) == [
        "Protokolldatei",
        "Pfeil hoch",
        "Strg+Eingabe",
        "Strg+Umschalt+Eingabe",
        "nicht öffentlich",
        "Abgehalten",
    ]
    kept = '"Log-Datei", "Alt+Pfeil nach oben", "Strg+Eingabetaste", "nichtöffentlich"'
    assert stray_forms(kept) == []


def test_the_app_says_one_word_for_one_thing() -> None:
    """(found by a tester) The error window sent the user to the "Protokolldatei" that the
    About window calls "Log-Datei"; tooltips said "Strg+Eingabe" and "Alt+Pfeil hoch"
    where the list of shortcuts says "Strg+Eingabetaste" and "Alt+Pfeil nach oben"; a
    project's consultations and the search said "nicht öffentlich"."""
    package = Path(expertenrat.__file__).parent
    found = {
        str(path.relative_to(package)): forms
        for path in sorted(package.rglob("*.py"))
        if "migrations" not in path.parts
        and (forms := stray_forms(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def _texts(package: Path) -> list[str]:
    """Every string of the package, implicit concatenations joined, f-strings in their
    literal pieces, mnemonics ("&Speichern") without their "&"."""
    texts = []
    for path in sorted(package.rglob("*.py")):
        if "migrations" not in path.parts:
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    texts.append(node.value.replace("&", ""))
    return texts


def quoted_without_ellipsis(texts: list[str]) -> list[str]:
    """The buttons quoted without the "…" their own text ends with: „Berücksichtigen“ for
    the button "Berücksichtigen …"."""
    known = set(texts)
    return [
        quoted
        for text in texts
        for quoted in re.findall(r"„([^„“]+)“", text)
        if quoted not in known and f"{quoted} …" in known
    ]


def test_a_quoted_button_is_recognised_without_its_ellipsis() -> None:
    texts = ["Berücksichtigen …", "Ohne Stelle ersetzt „Berücksichtigen“ keinen Text.", "Neu"]
    assert quoted_without_ellipsis(texts) == ["Berücksichtigen"]
    assert quoted_without_ellipsis([*texts[:1], "„Berücksichtigen …“", "„Neu“"]) == []


def test_a_message_quotes_a_button_as_it_reads() -> None:
    """(found by a tester) A refusal told the user that „Berücksichtigen“ replaces no text;
    the button says "Berücksichtigen …", as every other message quotes it."""
    assert quoted_without_ellipsis(_texts(Path(expertenrat.__file__).parent)) == []
