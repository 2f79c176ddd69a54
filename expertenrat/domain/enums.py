"""Enumerations of the domain with their German labels for the UI and the documents."""

from __future__ import annotations

import functools
from enum import StrEnum

from expertenrat.domain.enum_labels import LABELS


class LabelledEnum(StrEnum):
    """A string enum whose members carry a German label in
    :data:`~expertenrat.domain.enum_labels.LABELS`."""

    @property
    def label(self) -> str:
        return LABELS[type(self).__name__][self.value]

    @classmethod
    def from_label(cls, text: str) -> LabelledEnum | None:
        """Find a member by its German label or its value, ignoring case and spaces."""
        return _by_label(cls).get(text.strip().casefold())


@functools.cache
def _by_label(enum: type[LabelledEnum]) -> dict[str, LabelledEnum]:
    """The members of ``enum`` by casefolded value and label (the first member wins)."""
    found: dict[str, LabelledEnum] = {}
    for member in enum:
        found.setdefault(member.value.casefold(), member)
        found.setdefault(member.label.casefold(), member)
    return found


class Sector(LabelledEnum):
    RESEARCH = "research"
    BUSINESS = "business"
    CIVIL_SOCIETY = "civil_society"
    ADMINISTRATION = "administration"
    OTHER = "other"


class MemberRole(LabelledEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"


class ProjectPhase(LabelledEnum):
    IDEA = "idea"
    PLANNING = "planning"
    IMPLEMENTATION = "implementation"
    OPERATION = "operation"
    COMPLETED = "completed"


class QuorumRule(LabelledEnum):
    MORE_THAN_HALF = "more_than_half"
    AT_LEAST_HALF = "at_least_half"
    TWO_THIRDS = "two_thirds"


class MeetingKind(LabelledEnum):
    REGULAR = "regular"
    EXTRAORDINARY = "extraordinary"
    CONSTITUENT = "constituent"
    WORKSHOP = "workshop"


class MeetingState(LabelledEnum):
    PLANNED = "planned"
    INVITED = "invited"
    HELD = "held"
    CANCELLED = "cancelled"


class AgendaItemKind(LabelledEnum):
    FORMAL = "formal"
    MINUTES_APPROVAL = "minutes_approval"
    REPORT = "report"
    CONSULTATION = "consultation"
    RESOLUTION = "resolution"
    MISCELLANEOUS = "miscellaneous"


class AgendaItemOutcome(LabelledEnum):
    """What became of an agenda item in a held meeting: dealt with (the default), postponed
    to a later meeting ("vertagt") or taken off the agenda in the meeting ("abgesetzt")."""

    DISCUSSED = "discussed"
    POSTPONED = "postponed"
    WITHDRAWN = "withdrawn"

    @property
    def mark(self) -> str:
        """ "– vertagt" beside the item's title in the minutes, "" for one dealt with."""
        return "" if self is AgendaItemOutcome.DISCUSSED else f"– {self.label}"


class PresenterKind(LabelledEnum):
    """Who presents an agenda item (kept in the item's presenter text, see domain.agenda)."""

    MEMBER = "member"
    PROJECT_STAFF = "project_staff"
    GUEST = "guest"


class AttendanceStatus(LabelledEnum):
    PRESENT = "present"
    EXCUSED = "excused"
    ABSENT = "absent"


class ConflictOrigin(LabelledEnum):
    """How a conflict of interest came up: declared by the member, or found by screening."""

    DECLARED = "declared"
    SCREENING = "screening"


class ConflictDecision(LabelledEnum):
    RECUSED = "recused"
    OVERRULED = "overruled"


class RecommendationKind(LabelledEnum):
    RECOMMENDATION = "recommendation"
    IMPULSE = "impulse"
    STATEMENT = "statement"


class RecommendationStatus(LabelledEnum):
    """The lifecycle of a recommendation (the allowed steps: ``domain.recommendations``)."""

    DRAFT = "draft"
    ADOPTED = "adopted"
    SENT = "sent"
    ANSWERED = "answered"
    IMPLEMENTED = "implemented"
    PARTLY_IMPLEMENTED = "partly_implemented"
    NOT_IMPLEMENTED = "not_implemented"
    WITHDRAWN = "withdrawn"


class ResponseVerdict(LabelledEnum):
    """What a project's response says about a recommendation (comply or explain)."""

    COMPLIED = "complied"
    PARTLY_COMPLIED = "partly_complied"
    NOT_COMPLIED = "not_complied"
    PLANNED = "planned"


class HistoryKind(LabelledEnum):
    """What a line of a recommendation's history records."""

    STATUS = "status"
    RESPONSE = "response"
    REMINDER = "reminder"
    DUE_DATE = "due_date"
    EDIT = "edit"


class MinutesState(LabelledEnum):
    DRAFT = "draft"
    CIRCULATED = "circulated"
    APPROVED = "approved"


class ObjectionState(LabelledEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class MinutesStyle(LabelledEnum):
    """How much of the discussion the minutes keep (a council setting)."""

    RESULTS = "results"
    COURSE = "course"

    @property
    def discussion_label(self) -> str:
        """What these minutes call an item's discussion, wherever it is named (editor,
        PDF, the comparison of two versions, the audit trail)."""
        return "Verlauf der Beratung" if self is MinutesStyle.COURSE else "Wesentlicher Inhalt"


class MinutesApproval(LabelledEnum):
    """How a council approves its minutes (a council setting)."""

    VOTE = "vote"
    OBJECTIONS = "objections"


class VoteMode(LabelledEnum):
    COUNTED = "counted"
    UNANIMOUS = "unanimous"
    NOTED = "noted"
    ELECTION = "election"  # of persons: votes per candidate (domain.elections)


class TextTemplatePurpose(LabelledEnum):
    MINUTES = "minutes"


class ConsentKind(LabelledEnum):
    """What a member consents to publish."""

    NAME = "name"
    CONTACT = "contact"


class ConsentSource(LabelledEnum):
    """Where a recorded consent came from."""

    FORM = "form"
    IMPORT = "import"
    DEMO = "demo"
    MIGRATION = "migration"


class AuditAction(LabelledEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    IMPORT = "import"
