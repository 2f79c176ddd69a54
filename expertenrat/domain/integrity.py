"""What the integrity check found: plain findings in German, grouped by kind."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FindingKind(StrEnum):
    STORAGE = "storage"  # the database file or catalog itself
    REFERENCE = "reference"  # a row that points to nothing
    MINUTES = "minutes"  # approved minutes whose stored PDF does not match its hash
    ATTENDANCE = "attendance"  # attendance of someone who was not a member then
    INVITATION = "invitation"  # an invitation sent on to a member of another council
    VOTE = "vote"  # more votes than members present
    AGENDA = "agenda"  # an agenda item about a project of another council
    RECOMMENDATION = "recommendation"  # a project of another council, due before sent
    ANNEX = "annex"  # an annex whose stored file does not match its hash
    TEXT = "text"  # a stored text that breaks the text rule (field_limits)
    PERIOD = "period"  # appointment periods of one council that overlap


@dataclass(frozen=True, slots=True)
class Finding:
    kind: FindingKind
    text: str
