"""Standard phrases (Textbausteine) the minute-taker inserts, editable in Einstellungen."""

from __future__ import annotations

from dataclasses import dataclass, replace

from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.field_limits import TEXT_TEMPLATE, cleaned_texts, text_problems
from expertenrat.domain.wording import council_head

DEFAULT_PHRASES: tuple[tuple[str, str], ...] = (
    ("Kenntnisnahme", "Der Expert*innenrat nimmt den Bericht zur Kenntnis."),
    ("Empfehlung einstimmig", "Der Expert*innenrat empfiehlt einstimmig, …"),
    ("Empfehlung mehrheitlich", "Der Expert*innenrat empfiehlt mehrheitlich, …"),
    ("Eröffnung", "Die/Der Vorsitzende eröffnet die Sitzung und begrüßt die Anwesenden."),
    (
        "Ladung und Beschlussfähigkeit",
        "Die/Der Vorsitzende stellt die ordnungsgemäße und fristgerechte Ladung sowie die "
        "Beschlussfähigkeit fest.",
    ),
    ("Tagesordnung", "Die Tagesordnung wird ohne Änderungen genehmigt."),
    ("Protokoll genehmigt", "Das Protokoll der letzten Sitzung wird ohne Änderungen genehmigt."),
    ("Vertagung", "Der Punkt wird auf die nächste Sitzung vertagt."),
    ("Aussprache", "In der anschließenden Aussprache werden folgende Punkte erörtert: …"),
    ("Schluss", "Die/Der Vorsitzende dankt allen Beteiligten und schließt die Sitzung."),
)
"""The phrases a council starts with: (label, text); "Der Expert*innenrat" stands for the
council's own word (:func:`default_phrases`)."""

_COUNCIL = "Der Expert*innenrat"


def default_phrases(council_name: str) -> list[tuple[str, str]]:
    """:data:`DEFAULT_PHRASES` in the words of the council called ``council_name``: "Der
    Digitalbeirat nimmt …", "Die Digitalkommission empfiehlt …", and where its name shows
    no such word, "Das Gremium …"."""
    head = council_head(council_name)
    subject = f"{head[0].capitalize()} {head[1]}" if head else "Das Gremium"
    return [(label, text.replace(_COUNCIL, subject)) for label, text in DEFAULT_PHRASES]


@dataclass(frozen=True, slots=True)
class TextTemplate:
    id: int | None
    label: str
    text: str
    position: int = 0
    version: int = 0


def clean_template(template: TextTemplate) -> TextTemplate:
    return replace(template, **cleaned_texts(template, TEXT_TEMPLATE))


def template_problems(template: TextTemplate) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    if not template.label.strip():
        problems.append(FieldProblem("label", "Bitte geben Sie dem Textbaustein eine Bezeichnung."))
    if not template.text.strip():
        problems.append(FieldProblem("text", "Bitte geben Sie den Text des Bausteins ein."))
    for name, spec in TEXT_TEMPLATE.items():
        problems += text_problems(name, getattr(template, name), spec)
    return problems
