"""Gender-fair wording in one form: the star ("Expert*innenrat", "Sprecher*in",
"Vortragende*r") or a neutral word ("Vortragende", "die vortragende Person"), never the
slash forms "Vortragende/r", "der/des Vortragenden", "Sprecher/in" beside them. The one
slash the app keeps is the article pair of the standard phrases, "Die/Der Vorsitzende"
("Die/Der Sprecher*in"), which follow the council's title of the chair."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import expertenrat

_ARTICLES = "der|des|dem|den|die|das|ein|eine|einer|eines|einem|einen"
SLASH_FORMS = re.compile(
    r"\w(?:e/r|/in|/innen|/-innen)\b"  # Vortragende/r, Sprecher/in, Expert/innen
    rf"|\b(?:{_ARTICLES})/(?:{_ARTICLES}|[enrs])\b",  # der/des, ein/e(r)
    re.IGNORECASE,
)
KEPT = re.compile(r"\bdie/der\b", re.IGNORECASE)  # the standard phrases' chair


def slash_forms(source: str) -> list[str]:
    """The slash forms in the string literals of ``source`` (German text is in strings)."""
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING:
            found += [m.group() for m in SLASH_FORMS.finditer(token.string)]
    return [f for f in found if not KEPT.fullmatch(f)]


def test_the_slash_forms_are_recognised() -> None:
    text = '"Vortragende/r", "Name der/des Vortragenden", "Sprecher/in", "ein/e Gast"'
    assert slash_forms(text) == ["de/r", "der/des", "r/in", "ein/e"]
    assert slash_forms('"Die/Der Sprecher*in eröffnet", "Vortragende*r", "ja/nein"') == []


def test_the_app_speaks_one_gender_fair_form() -> None:
    """(found by a tester) The agenda's column, form and audit trail said "Vortragende/r"
    and "der/des Vortragenden" while the rest used the star ("Sprecher*in")."""
    package = Path(expertenrat.__file__).parent
    found = {
        str(path.relative_to(package)): forms
        for path in sorted(package.rglob("*.py"))
        if "migrations" not in path.parts
        and (forms := slash_forms(path.read_text(encoding="utf-8")))
    }
    assert found == {}
