"""Standard phrases (Textbausteine) the minute-taker inserts, editable in Einstellungen."""

from __future__ import annotations

import re
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
council's own word, "Die/Der Vorsitzende" for its chair's (:class:`PhraseWords`)."""

_COUNCIL = "Der Expert*innenrat"
_CHAIR = "Die/Der Vorsitzende"
# A title naming no person but a body or an office, by how it ends, with its article:
# "die Sitzungsleitung", "das Präsidium", "das Sprecherteam", "der Vorstand".
_BODY_ARTICLES = (
    ("Die", ("ung", "ion", "schaft", "heit", "keit", "spitze", "runde", "gruppe")),
    ("Das", ("ium", "team", "duo", "tandem")),
    ("Der", ("vorstand", "kreis")),
)
_GENDER_MARKS = ("*", ":", "_", "/")  # "Sprecher*in": a person of any gender
_NEUTRAL = "Das Gremium"


@dataclass(frozen=True, slots=True)
class PhraseWords:
    """How a council's phrases name the council and its chair, as their sentences start:
    "Der Digitalbeirat" (:func:`council_subject`), "Die/Der Sprecher*in"
    (:func:`chair_subject`); :func:`phrase_words` reads them off its settings."""

    council: str = _COUNCIL
    chair: str = _CHAIR


def phrase_words(council) -> PhraseWords:
    """The :class:`PhraseWords` of ``council`` (its settings or stored row: ``name``,
    ``short_name``, ``classification``, ``chair_title``)."""
    return PhraseWords(
        council_subject(council.name, council.short_name, council.classification),
        chair_subject(council.chair_title),
    )


def default_phrases(words: PhraseWords) -> list[tuple[str, str]]:
    """:data:`DEFAULT_PHRASES` in a council's ``words``: "Der Digitalbeirat nimmt …",
    "Die/Der Sprecher*in eröffnet die Sitzung …"."""
    return [(label, reworded(text, PhraseWords(), words)[0]) for label, text in DEFAULT_PHRASES]


def council_subject(name: str, short_name: str = "", classification: str = "") -> str:
    """The council as a phrase's sentence starts with it: the head noun of its name with
    its article ("Der Digitalbeirat" for the "Digitalbeirat der Hansestadt Lübeck", "Die
    Digitalkommission …"), else of its short name, else of its kind (Art des Gremiums:
    "Der Bürgerrat" for "Smarte Köpfe", a Bürgerrat), else "Das Gremium"."""
    for words in (name, short_name, classification):
        head = council_head(words)
        if head:
            return f"{head[0].capitalize()} {head[1]}"
    return _NEUTRAL


def chair_subject(title: str) -> str:
    """The chair as a phrase's sentence starts with it, from the council's title of the
    chair (Einstellungen, "Bezeichnung Vorsitz"): "Die/Der Vorsitzende" for "Vorsitz" and
    every title starting so ("Vorsitzende*r"), "Die/Der Co-Vorsitzende" for "Co-Vorsitz",
    "Die/Der Sprecher*in" for "Sprecher*in", a body or an office with its article ("Die
    Sitzungsleitung", "Das Präsidium", "Der Vorstand": :data:`_BODY_ARTICLES`) and a
    woman's title as it is ("Die Sprecherin"), never "Die/Der Präsidium"."""
    title = title.strip()
    if not title or title.startswith("Vorsitz"):
        return _CHAIR
    folded = title.casefold()
    if folded.endswith("vorsitz"):  # "Co-Vorsitz": the person holding it
        return f"Die/Der {title}ende"
    for article, endings in _BODY_ARTICLES:
        if folded.endswith(endings):
            return f"{article} {title}"
    gendered = title.endswith("In") or any(mark in title for mark in _GENDER_MARKS)
    if folded.endswith("in") and not gendered:  # "SprecherIn": any gender too
        return f"Die {title}"  # "Sprecherin", "Präsidentin"
    return f"Die/Der {title}"


def reworded(text: str, old: PhraseWords, new: PhraseWords) -> tuple[str, tuple[str, ...]]:
    """``text`` (a stored phrase) naming the council and its chair as ``new`` says where it
    names them as ``old`` did, and which of them it names anew ("council", "chair"; none
    where it stays). Each is renamed also in lower case within a sentence ("…; die/der
    Vorsitzende begrüßt"), but only where its article stays ("an die Kommission" must not
    become "an der Beirat", "an das Präsidium" not "an die/der Vorsitzende"). Everything
    else the user wrote stays."""
    renamed: list[str] = []
    for name in ("council", "chair"):
        before, after = getattr(old, name), getattr(new, name)
        changed = _renamed(text, before, after, _article(before) == _article(after))
        if changed != text:
            text = changed
            renamed.append(name)
    return text, tuple(renamed)


def _renamed(text: str, old: str, new: str, within: bool) -> str:
    """``text`` with the subject ``old`` ("Die/Der Vorsitzende") made ``new``, where a
    sentence starts with it and, if ``within``, in lower case within one."""
    if old == new:
        return text
    pairs = ((old, new), (_lower(old), _lower(new))) if within else ((old, new),)
    for before, after in pairs:
        # not inside a longer word: "Die/Der Vorsitzende*r" is not "Die/Der Vorsitzende",
        # "oder Rat" not "der Rat"
        pattern = r"(?<![\w/*:])" + re.escape(before) + r"(?![\w*:])"
        text = re.sub(pattern, lambda _m, a=after: a, text)
    return text


def _article(subject: str) -> str:
    return subject.partition(" ")[0]


def _lower(subject: str) -> str:
    """ "die/der Vorsitzende" within a sentence."""
    article, _space, noun = subject.partition(" ")
    return f"{article.lower()} {noun}"


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
