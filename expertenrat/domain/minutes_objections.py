"""Objections to circulated minutes: a new one, its checks, the record read back, and the
wording an accepted one puts in place of the passage it names (see
:mod:`expertenrat.domain.minutes_approval`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import TypeVar

from expertenrat.domain.enums import ObjectionState
from expertenrat.domain.errors import FieldProblem, ValidationError
from expertenrat.domain.field_limits import TextField, clean_text, date_problems, text_problems

K = TypeVar("K")

OBJECTION: Mapping[str, TextField] = MappingProxyType(
    {
        "text": TextField("Der Einwand", 20_000, multiline=True),
        "passage": TextField("Die beanstandete Stelle", 20_000, multiline=True),
        "proposed_text": TextField("Die vorgeschlagene Fassung", 20_000, multiline=True),
        "decision": TextField("Die Begründung der Entscheidung", 20_000, multiline=True),
    }
)
"""The text fields of an objection, by attribute name."""

CORRECTED_FIELDS = {
    "discussion": "Wesentlicher Inhalt",
    "motion_text": "Anträge",
    "resolution_text": "Beschluss",
}
"""The texts of an agenda item an accepted objection may correct (column → German)."""


@dataclass(frozen=True, slots=True)
class ObjectionDraft:
    """A new objection: who raised it (a member who attended), when, to what, and why."""

    membership_id: int | None
    raised_on: date | None
    text: str
    agenda_item_id: int | None = None
    passage: str = ""
    proposed_text: str = ""


@dataclass(frozen=True, slots=True)
class ObjectionRecord:
    id: int
    version: int
    raised_by: str
    raised_on: date
    item_label: str  # "TOP 3 Beratung" or ""
    agenda_item_id: int | None
    passage: str
    proposed_text: str
    text: str
    state: ObjectionState
    decision: str
    decided_on: date | None
    decided_in: str  # "6. Sitzung" or ""
    objections_due_on: date | None = None  # the deadline of the version objected to

    def late_note(self) -> str:
        """ "nach Ablauf der Frist (bis 09.02.2026) eingegangen" or "" (:func:`late_note`)."""
        return late_note(self.raised_on, self.objections_due_on)


@dataclass(frozen=True, slots=True)
class Correction:
    """What an accepted objection put into an item's texts: ``wording`` in place of
    ``passage``; ``raised_by`` and ``item`` ("TOP 3") say whose objection, to what."""

    raised_by: str
    item: str
    passage: str
    wording: str

    def dropped_by(self, stored: Mapping[str, str], mine: Mapping[str, str]) -> bool:
        """Saving the texts ``mine`` over ``stored`` (field → text) would undo this
        correction: a text of ``stored`` holds the wording, that of ``mine`` the passage
        still, or not the wording."""
        pattern = _passage_pattern(self.passage)
        return any(
            stored[name] != mine[name]
            and self.wording in stored[name]
            and (self.wording not in mine[name] or pattern.search(mine[name]) is not None)
            for name in CORRECTED_FIELDS
        )

    def applied_to(self, texts: Mapping[str, str]) -> dict[str, str] | None:
        """``texts`` (field → text) with the wording in place of the passage, or None where
        the passage does not stand there exactly once (it was changed itself)."""
        try:
            name, text = corrected_text(
                {n: texts[n] for n in CORRECTED_FIELDS}, self.passage, self.wording, ""
            )
        except ValidationError:
            return None
        return {**texts, name: text}


def late_note(raised_on: date | None, due_on: date | None) -> str:
    """ "nach Ablauf der Frist (bis 09.02.2026) eingegangen" for an objection received
    after the deadline ``due_on``, else "". Under the practice "Abstimmung" a member may
    still object until the approving meeting, so such an objection is taken; the note
    lets the secretariat see it came late (found by a tester: it was taken silently)."""
    if raised_on is None or due_on is None or raised_on <= due_on:
        return ""
    return f"nach Ablauf der Frist (bis {due_on:%d.%m.%Y}) eingegangen"


def objection_problems(draft: ObjectionDraft) -> list[FieldProblem]:
    """The German problems of a new objection (who, when and a text are required)."""
    problems: list[FieldProblem] = []
    if draft.membership_id is None:
        problems.append(FieldProblem("membership_id", "Bitte wählen Sie, wer den Einwand erhebt."))
    if draft.raised_on is None:
        problems.append(FieldProblem("raised_on", "Bitte geben Sie das Datum des Einwands an."))
    else:
        problems += date_problems("raised_on", draft.raised_on, "Das Datum des Einwands")
    if not clean_text(draft.text, OBJECTION["text"]):
        problems.append(FieldProblem("text", "Bitte beschreiben Sie den Einwand."))
    for name in ("text", "passage", "proposed_text"):
        problems += text_problems(name, getattr(draft, name), OBJECTION[name])
    return problems


def clean_objection(draft: ObjectionDraft) -> ObjectionDraft:
    return ObjectionDraft(
        draft.membership_id,
        draft.raised_on,
        clean_text(draft.text, OBJECTION["text"]),
        draft.agenda_item_id,
        clean_text(draft.passage, OBJECTION["passage"]),
        clean_text(draft.proposed_text, OBJECTION["proposed_text"]),
    )


def corrected_text(texts: Mapping[K, str], passage: str, wording: str, where: str) -> tuple[K, str]:
    """Where ``passage`` stands in ``texts`` (key → text) and that text with ``wording``
    in its place: ``(field, new text)``. The passage must stand there exactly once. Spaces
    and line breaks count alike: a passage copied from the PDF breaks where its lines
    did, and a member may quote across them."""
    if not passage.strip():
        raise _problem(
            "passage",
            "Bitte geben Sie die beanstandete Stelle an; sie wird durch die neue Fassung ersetzt.",
        )
    pattern = _passage_pattern(passage)
    found = [(name, text, hit) for name, text in texts.items() for hit in pattern.finditer(text)]
    count = len(found)
    if count == 0:
        raise _problem(
            "passage",
            f"Die beanstandete Stelle steht so nicht im Protokolltext {where}. Bitte geben "
            "Sie sie wörtlich an, wie sie im Protokoll steht.",
        )
    if count > 1:
        raise _problem(
            "passage",
            f"Die beanstandete Stelle kommt {count}-mal im Protokolltext {where} vor. Bitte "
            "geben Sie einen längeren, eindeutigen Ausschnitt an.",
        )
    name, text, hit = found[0]
    return name, text[: hit.start()] + wording + text[hit.end() :]


def _passage_pattern(passage: str) -> re.Pattern[str]:
    """The passage, whatever spaces and line breaks stand between its words."""
    return re.compile(r"\s+".join(re.escape(word) for word in passage.split()))


def _problem(field: str, message: str) -> ValidationError:
    return ValidationError([FieldProblem(field, message)])
