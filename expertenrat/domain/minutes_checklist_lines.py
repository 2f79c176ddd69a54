"""The lines of the minutes' completeness check (:mod:`expertenrat.domain.minutes_checklist`):
each says what is there or what is missing, and where to fix it (its target).

``field`` names
    header fields of the minutes editor: ``opened_at``, ``closed_at``,
    ``chair_membership_id``, ``minute_taker``, ``agenda_approved``, ``agenda_changes``,
    ``quorum_noted``;
    other tabs of the meeting: ``meeting.date``, ``meeting.place``,
    ``meeting.invitation_sent_on`` (Sitzung), ``attendance`` (Anwesenheit), ``conflicts``
    (Befangenheit, with ``item_id``);
    an item of the minutes (``item_id`` set): ``discussion``, ``votes``;
    ``previous_minutes``: the item "Genehmigung des Protokolls" if the agenda has one
    (``item_id``), else nothing to jump to;
    ``approval`` with ``meeting_id``: the Genehmigung tab of the previous meeting, where
    its minutes still have to be sent, their objections decided or they be approved.
"""

from __future__ import annotations

from dataclasses import dataclass

from expertenrat.domain.minutes import NOT_FINISHED, DraftFinish


@dataclass(frozen=True, slots=True)
class ChecklistTarget:
    field: str
    item_id: int | None = None
    meeting_id: int | None = None  # another meeting, whose tab ``field`` names


@dataclass(frozen=True, slots=True)
class ChecklistLine:
    """``ok`` lines say what is there; the others say exactly what is missing. A ``warning``
    line is ok but worth a look (an invitation sent too late)."""

    key: str
    ok: bool
    text: str
    target: ChecklistTarget
    warning: bool = False


@dataclass(frozen=True, slots=True)
class Checklist:
    lines: tuple[ChecklistLine, ...]
    finish: DraftFinish = NOT_FINISHED  # of a draft not sent yet

    @property
    def complete(self) -> bool:
        return all(line.ok for line in self.lines)

    @property
    def missing(self) -> tuple[ChecklistLine, ...]:
        return tuple(line for line in self.lines if not line.ok)


def checked(key: str, ok: bool, text: str, field: str, item_id: int | None = None) -> ChecklistLine:
    """A line of the check whose target is ``field`` (of the item ``item_id``)."""
    return ChecklistLine(key, ok, text, ChecklistTarget(field, item_id))
