"""The merge dialog for the Sitzung form: what the form holds, as one record per version.

The form's state is a draft, the notes and the chair; :class:`MeetingEntry` puts them in
one dataclass so that ``domain.merge`` compares and merges them field by field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.merge import FieldDifference
from expertenrat.ui.i18n import tr
from expertenrat.ui.merge_rows import MergeRow, merge_rows, value_text

_CONTEXT = "MeetingMerge"


@dataclass(frozen=True, slots=True)
class MeetingEntry:
    kind: MeetingKind
    start: datetime
    end: datetime
    title: str
    place: str
    room: str
    online_link: str
    notes: str
    chair_membership_id: int | None

    @classmethod
    def of(cls, draft: MeetingDraft, notes: str, chair: int | None) -> MeetingEntry:
        """Times as the form holds them: the council's wall clock, without a zone."""
        return cls(
            draft.kind,
            draft.start.replace(tzinfo=None),
            draft.end.replace(tzinfo=None),
            draft.title,
            draft.place,
            draft.room,
            draft.online_link,
            notes,
            chair,
        )

    def draft(self) -> MeetingDraft:
        return MeetingDraft(
            self.kind, self.start, self.end, self.title, self.place, self.room, self.online_link
        )


def meeting_merge_rows(
    found: list[FieldDifference], chair_name: Callable[[int | None], str]
) -> list[MergeRow]:
    labels = {
        "kind": tr(_CONTEXT, "Art"),
        "start": tr(_CONTEXT, "Beginn"),
        "end": tr(_CONTEXT, "Ende"),
        "title": tr(_CONTEXT, "Titel"),
        "place": tr(_CONTEXT, "Ort"),
        "room": tr(_CONTEXT, "Raum"),
        "online_link": tr(_CONTEXT, "Online-Link"),
        "notes": tr(_CONTEXT, "Notizen"),
        "chair_membership_id": tr(_CONTEXT, "Sitzungsleitung"),
    }

    def text(name: str, value: Any) -> str:
        if name == "chair_membership_id":
            return chair_name(value)
        if isinstance(value, datetime):
            return f"{value:%d.%m.%Y %H:%M}"
        return value_text(value)

    return merge_rows(found, lambda name: labels[name], text)
