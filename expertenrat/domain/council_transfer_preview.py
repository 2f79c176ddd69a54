"""What importing a council settings file changes, in words: the preview the import shows;
the differences field by field are :mod:`expertenrat.domain.council_transfer_differences`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from expertenrat.domain.agenda_templates import AgendaTemplate
from expertenrat.domain.bundeslaender import BUNDESLAENDER
from expertenrat.domain.council_periods import PERIOD_UNITS, period_text
from expertenrat.domain.council_transfer_differences import compared_phrases
from expertenrat.domain.council_transfer_format import (
    ACTION_FIELDS,
    AGENDA_TEMPLATES,
    TEXT_TEMPLATES,
    CouncilTemplate,
    setting_label,
)
from expertenrat.domain.enums import LabelledEnum
from expertenrat.domain.merge import FieldDifference
from expertenrat.domain.wording import listed, shortened

SHORT_NAME = 80  # characters of a name in a short list (an agenda template's: up to 2,000)


def difference_label(name: str) -> str:
    """The German name of a ``template_differences`` entry."""
    if name == ACTION_FIELDS:
        return "Handlungsfelder"
    if name == TEXT_TEMPLATES:
        return "Textbausteine"
    if name == AGENDA_TEMPLATES:
        return "Vorlagen für Tagesordnungspunkte"
    return setting_label(name)


def difference_texts(difference: FieldDifference) -> tuple[str, str]:
    """Both values of a ``template_differences`` entry in words (the council's, the
    file's). Action fields by their names; one whose colour differs on the other side is
    marked "(andere Farbe)" (the colour codes read as noise, found by a tester)."""
    mine, theirs = difference.mine, difference.theirs
    if difference.name == ACTION_FIELDS:
        return _field_names(mine, theirs), _field_names(theirs, mine)
    return _value_text(difference.name, mine), _value_text(difference.name, theirs)


def _field_names(fields: Sequence[tuple[str, str]], other: Sequence[tuple[str, str]]) -> str:
    colours = dict(other)
    return (
        ", ".join(
            name + (" (andere Farbe)" if colours.get(name, colour) != colour else "")
            for name, colour in fields
        )
        or "(keine)"
    )


def _value_text(name: str, value: Any) -> str:
    """A value of a ``template_differences`` entry but the action fields, on one line."""
    if name in (TEXT_TEMPLATES, AGENDA_TEMPLATES):
        if not value:
            return "(keine)"
        return f"{len(value)}: " + ", ".join(entry[0] for entry in value)
    if isinstance(value, LabelledEnum):
        return value.label
    if name == "bundesland":  # "Sachsen", as the settings list it, not "DE-SN"
        return BUNDESLAENDER.get(value, value) or "(nur bundesweite Feiertage)"
    if name in PERIOD_UNITS:  # "14 Tage", as the settings show it
        return period_text(name, value)
    if isinstance(value, bytes):
        return f"Bild ({len(value):,} Bytes)".replace(",", ".")
    if value is None or value == "":
        return "(leer)"
    return str(value)


@dataclass(frozen=True, slots=True)
class TransferPreview:
    """What importing a settings file into a council would change.

    ``kept_fields`` names the council's action fields the file does not have that stay,
    because members, projects or recommendations use them (unused ones are removed).
    """

    current: CouncilTemplate
    incoming: CouncilTemplate
    differences: tuple[FieldDifference, ...]
    kept_fields: tuple[str, ...] = ()

    def lines(self, take: set[str] | frozenset[str] | None = None) -> list[str]:
        """The changes named in ``take`` (default: all) as "Feld: alt -> neu" lines, then
        the phrases and agenda templates changed and the kept fields."""
        taken = [d for d in self.differences if take is None or d.name in take]
        lines = [
            "{}: {} -> {}".format(difference_label(d.name), *difference_texts(d)) for d in taken
        ]
        names = {d.name for d in taken}
        if TEXT_TEMPLATES in names:
            lines.append(self.phrase_changes())
        if AGENDA_TEMPLATES in names:
            lines.append(self.agenda_template_changes())
        if ACTION_FIELDS in names:
            lines += [
                f"Handlungsfeld „{name}“ bleibt, weil es verwendet wird."
                for name in self.kept_fields
            ]
        return [line for line in lines if line]

    def phrase_changes(self, limit: int | None = None) -> str:
        """Which phrases the file adds, changes and drops, by label, one sentence each
        ("" if none): "1 Textbaustein kommt hinzu: „Dank“. 3 Textbausteine entfallen:
        „A“, „B“, „C“." ``limit``: each sentence names at most that many, each cut to
        ``SHORT_NAME`` characters, and counts the rest. A phrase that differs only in
        naming the file's council and chair is no change (:func:`compared_phrases`, with
        the settings proposed)."""
        proposed = {d.name for d in self.differences if d.take_theirs}
        ours, theirs = compared_phrases(self.current, self.incoming, proposed)
        return _changes(dict(ours), dict(theirs), _PHRASES, limit)

    def agenda_template_changes(self, limit: int | None = None) -> str:
        """Which agenda templates the file adds, changes (kind, publicity or planned
        minutes) and drops, by title ("" if none or if the file has none, format 1);
        ``limit`` as for :meth:`phrase_changes`."""
        if self.incoming.agenda_templates is None:
            return ""
        old = _agenda_by_title(self.current.agenda_templates or ())
        new = _agenda_by_title(self.incoming.agenda_templates)
        return _changes(old, new, _AGENDA_TEMPLATES, limit)

    def in_file(self, difference: FieldDifference) -> str:
        """The file's value of ``difference`` in words as the file holds it: its action
        fields without the council's that stay because they are used, which the
        difference's value names after them (what taking it leaves; found by a tester)."""
        theirs = difference_texts(difference)[1]
        if difference.name != ACTION_FIELDS or not self.kept_fields:
            return theirs
        kept = set(self.kept_fields)
        own = tuple(field for field in difference.theirs if field[0] not in kept)
        return _field_names(own, difference.mine)

    def kept_field_names(self, limit: int) -> str:
        """The kept action fields as „A“, „B“ (``limit`` as for :meth:`phrase_changes`)."""
        return _short_list([f"„{shortened(n, SHORT_NAME)}“" for n in self.kept_fields], limit)


def _agenda_by_title(templates: Sequence[AgendaTemplate]) -> dict[str, tuple]:
    return {t.title: (t.kind, t.public, t.planned_minutes) for t in templates}


@dataclass(frozen=True, slots=True)
class _Wording:
    """How the sentences of :func:`_changes` name one and many entries of a list."""

    one: str
    many: str
    changed_one: str
    changed_many: str


_PHRASES = _Wording(
    "Textbaustein", "Textbausteine", "erhält einen neuen Text", "erhalten einen neuen Text"
)
_AGENDA_TEMPLATES = _Wording(
    "Vorlage für Tagesordnungspunkte",
    "Vorlagen für Tagesordnungspunkte",
    "ändert sich",
    "ändern sich",
)


def _changes(
    old: Mapping[str, Any], new: Mapping[str, Any], wording: _Wording, limit: int | None = None
) -> str:
    """One sentence each for the entries added, changed and dropped between two lists
    keyed by their names: "2 Textbausteine kommen hinzu: „A“, „B“. 1 Textbaustein
    entfällt: „C“." ("" if none); with a ``limit`` the names cut short and at most
    ``limit`` of them per sentence ("und 12 weitere")."""

    def quoted(name: str) -> str:
        return f"„{name if limit is None else shortened(name, SHORT_NAME)}“"

    groups = (
        ([n for n in new if n not in old], "kommt hinzu", "kommen hinzu"),
        (
            [n for n in new if n in old and old[n] != new[n]],
            wording.changed_one,
            wording.changed_many,
        ),
        ([n for n in old if n not in new], "entfällt", "entfallen"),
    )
    sentences = []
    for names, one, many in groups:
        if not names:
            continue
        single = len(names) == 1
        listed = [quoted(name) for name in names]
        shown = ", ".join(listed) if limit is None else _short_list(listed, limit)
        noun, verb = (wording.one, one) if single else (wording.many, many)
        sentences.append(f"{len(names)} {noun} {verb}: {shown}.")
    return " ".join(sentences)


def _short_list(parts: list[str], limit: int) -> str:
    """At most ``limit`` of ``parts`` and how many more ("und 12 weitere"); one more is
    named rather than counted. All of them named follow the colon as a list without "und",
    as without a ``limit``."""
    if len(parts) <= limit + 1:
        return ", ".join(parts)
    return listed(parts, most=limit)
