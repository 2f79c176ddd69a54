"""Standard phrases (Textbausteine) the minute-taker inserts, editable in Einstellungen."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from expertenrat.domain.councils import DEFAULT_CHAIR_TITLE
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
council's own word, "Die/Der Vorsitzende" for its chair's (:func:`default_phrases`)."""

_COUNCIL = "Der Expert*innenrat"
_CHAIR = "Die/Der Vorsitzende"
_OFFICE_ENDINGS = ("ung", "ion", "schaft", "heit", "keit")  # "die Sitzungsleitung"


def default_phrases(
    council_name: str, chair_title: str = DEFAULT_CHAIR_TITLE
) -> list[tuple[str, str]]:
    """:data:`DEFAULT_PHRASES` in the words of the council called ``council_name``: "Der
    Digitalbeirat nimmt …", "Die Digitalkommission empfiehlt …", and where its name shows
    no such word, "Das Gremium …"; its chair as ``chair_title`` says
    (:func:`chair_subject`): "Die/Der Sprecher*in eröffnet die Sitzung …"."""
    head = council_head(council_name)
    subject = f"{head[0].capitalize()} {head[1]}" if head else "Das Gremium"
    chair = chair_subject(chair_title)
    return [
        (label, text.replace(_COUNCIL, subject).replace(_CHAIR, chair))
        for label, text in DEFAULT_PHRASES
    ]


def chair_subject(title: str) -> str:
    """The chair as a phrase's sentence starts with it, from the council's title of the
    chair (Einstellungen, "Bezeichnung Vorsitz"): "Die/Der Vorsitzende" for "Vorsitz" and
    every title starting so ("Vorsitzende*r"), "Die/Der Sprecher*in" for "Sprecher*in",
    and "Die Sitzungsleitung" for a title naming an office (ending in -ung, -ion,
    -schaft, -heit, -keit)."""
    title = title.strip()
    if not title or title.startswith("Vorsitz"):
        return _CHAIR
    if title.casefold().endswith(_OFFICE_ENDINGS):
        return f"Die {title}"
    return f"Die/Der {title}"


def retitled(text: str, old_title: str, new_title: str) -> str:
    """``text`` (a stored phrase) with the chair named as ``new_title`` says where it names
    it as ``old_title`` did (:func:`chair_subject`, also in lower case within a sentence);
    everything else the user wrote stays."""
    old, new = chair_subject(old_title), chair_subject(new_title)
    if old == new:
        return text
    for before, after in ((old, new), (_lower(old), _lower(new))):
        # not inside a longer word: "Die/Der Vorsitzende*r" is not "Die/Der Vorsitzende"
        text = re.sub(re.escape(before) + r"(?![\w*:])", lambda _m, a=after: a, text)
    return text


def _lower(subject: str) -> str:
    """ "die/der Vorsitzende" within a sentence."""
    article, _space, title = subject.partition(" ")
    return f"{article.lower()} {title}"


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
