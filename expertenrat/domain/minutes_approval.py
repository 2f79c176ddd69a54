"""Circulation, objections and approval of minutes: read models and rules.

The minutes of a held meeting are a draft until they are circulated (date sent, deadline
for objections = date + the council's objection period, moved to the next working day
where that is a weekend or public holiday: :func:`objections_due`). Those who attended
may object to an agenda item or a passage and propose a wording; an accepted objection
changes the text (in a new version, the circulated one stays as it was), a rejected one
needs a reason. A later held meeting approves the minutes; from then on they are frozen.

How objections weigh depends on the council's practice (``MinutesApproval``): with
``OBJECTIONS`` the deadline counts (later objections are refused) and approval waits for
it; with ``VOTE`` objections may be raised until the approving meeting. Open objections
block approval under both: they are decided first, in the approving meeting. An objection
itself is :mod:`expertenrat.domain.minutes_objections`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from expertenrat.domain.enums import MinutesApproval, MinutesState, ObjectionState
from expertenrat.domain.minutes import NOT_FINISHED, DraftFinish
from expertenrat.domain.minutes_objections import ObjectionRecord
from expertenrat.domain.working_days import next_working_day

FROZEN_HINT = (
    "Das Protokoll ist genehmigt und kann nicht mehr geändert werden; eine Berichtigung ist "
    "nur als Nachtrag im Protokoll einer späteren Sitzung möglich."
)


@dataclass(frozen=True, slots=True)
class Choice:
    """Something the user picks: an attendee, an agenda item or a meeting (with its day)."""

    id: int
    label: str
    day: date | None = None
    note: str = ""  # a warning about choosing it (a meeting that could not decide)


class VersionOrigin(StrEnum):
    """How a version of the minutes came to be: sent to the members, made by accepting
    an objection, or made by approving minutes changed since they were sent. Only a sent
    version went out on its ``circulated_on``; the others keep the day and deadline of the
    sending before them, and their own day is ``made_on``."""

    SENT = "sent"
    OBJECTION = "objection"
    APPROVAL = "approval"


@dataclass(frozen=True, slots=True)
class VersionRecord:
    id: int
    number: int
    state: MinutesState
    circulated_on: date | None  # the sending this version goes back to
    objections_due_on: date | None
    approved_on: date | None
    approved_in: str  # "6. Sitzung" or ""
    fingerprint: str  # SHA-256 of the content snapshot
    sha256: str  # of the stored full PDF (approved only)
    public_sha256: str
    origin: VersionOrigin = VersionOrigin.SENT
    made_on: date | None = None  # the objection's decision or the approval (not sent)
    agenda_note: str = ""  # German: an approval item left on a later agenda (approving)

    @property
    def state_text(self) -> str:
        """ "versandt", "genehmigt", or "berichtigt" for a version made by an accepted
        objection that awaits approval (it was not sent: "versandt" would say so)."""
        if self.state is MinutesState.CIRCULATED and self.origin is VersionOrigin.OBJECTION:
            return "berichtigt"
        return self.state.label

    @property
    def label(self) -> str:
        return f"Fassung {self.number} ({self.state_text})"

    @property
    def sent(self) -> bool:
        """This version itself went out to the members (on ``circulated_on``)."""
        return self.origin is VersionOrigin.SENT and self.circulated_on is not None

    @property
    def origin_text(self) -> str:
        """ "versandt am 25.01.2026", "aus Einwand, 27.11.2026", "bei Genehmigung,
        15.01.2026" or "" (a version never sent)."""
        if self.origin is VersionOrigin.OBJECTION:
            return f"aus Einwand, {_day(self.made_on)}"
        if self.origin is VersionOrigin.APPROVAL:
            return f"bei Genehmigung, {_day(self.made_on)}"
        return f"versandt am {_day(self.circulated_on)}" if self.circulated_on else ""


@dataclass(frozen=True, slots=True)
class Circulation:
    """A circulated version and what happened on the next meeting's agenda (German)."""

    version: VersionRecord
    agenda_note: str


@dataclass(frozen=True, slots=True)
class MinutesStatus:
    """Where a meeting's minutes stand: the read model of the "Genehmigung" tab."""

    meeting_id: int
    meeting_label: str  # "5. Sitzung"
    held: bool
    practice: MinutesApproval
    objection_period_days: int
    versions: tuple[VersionRecord, ...]  # by number
    objections: tuple[ObjectionRecord, ...]  # by date raised
    # The minutes were changed since their latest circulated version: an approval would
    # approve what the members have not been sent.
    changed_since_sent: bool = False
    finish: DraftFinish = NOT_FINISHED  # "Entwurf abschließen", before the sending
    # Circulated minutes: the first planned or invited meeting whose agenda approves them
    # ("7. Sitzung am 15.12.2026"), as the Übersicht names it; None: none does.
    approval_planned_in: str | None = None

    @property
    def latest(self) -> VersionRecord | None:
        return self.versions[-1] if self.versions else None

    @property
    def state(self) -> MinutesState:
        return self.latest.state if self.latest else MinutesState.DRAFT

    @property
    def frozen(self) -> bool:
        return self.state is MinutesState.APPROVED

    @property
    def open_objections(self) -> tuple[ObjectionRecord, ...]:
        return tuple(o for o in self.objections if o.state is ObjectionState.OPEN)

    def change_note(self) -> str:
        """What an approval would approve where the minutes changed since they were sent
        ("" where they did not)."""
        latest = self.latest
        if not self.changed_since_sent or latest is None:
            return ""
        return (
            f"Das Protokoll wurde nach Fassung {latest.number} geändert; genehmigt würde der "
            "jetzige Stand als neue Fassung, den die Mitglieder so nicht erhalten haben. "
            "Sollen sie ihn vorher sehen, versenden Sie das Protokoll erneut."
        )

    def first_approving_day(self) -> date | None:
        """The first day a meeting may approve the minutes on (:func:`first_approving_day`)."""
        latest = self.latest
        return first_approving_day(self.practice, latest.objections_due_on if latest else None)

    def approving(self, later: Sequence[Choice]) -> list[Choice]:
        """The ``later`` held meetings that may approve the minutes: under the practice
        "Einwände" only those from :meth:`first_approving_day` on (the approval refuses
        the others; a meeting before it may still decide single objections)."""
        first = self.first_approving_day()
        return [c for c in later if first is None or (c.day is not None and c.day >= first)]

    def earliest_approval(self) -> date | None:
        """The first day the minutes may be approved on, whatever the approving meeting's
        day: after the deadline for objections under the practice "Einwände", and not
        before the last decision on an objection (``None``: no such bound)."""
        days = [o.decided_on for o in self.objections if o.decided_on is not None]
        latest = self.latest
        if self.practice is MinutesApproval.OBJECTIONS and latest and latest.objections_due_on:
            days.append(latest.objections_due_on + timedelta(days=1))
        return max(days, default=None)

    def sending_text(self) -> str:
        """When the minutes went out: "versandt am 25.01.2026" where they were sent once
        (or several times on one day), "zuerst versandt am 25.01.2026, zuletzt am
        10.02.2026" where they were sent again later; "" where never. Only sent versions
        count: one made by an accepted objection or at the approval went out on no day."""
        days = [v.circulated_on for v in self.versions if v.sent and v.circulated_on]
        return sending_text(min(days, default=None), max(days, default=None))

    def approval_plan(self) -> str:
        """Circulated minutes: which meeting is to approve them (:func:`approval_plan_text`);
        "" for a draft and approved minutes."""
        if self.state is not MinutesState.CIRCULATED:
            return ""
        return approval_plan_text(self.approval_planned_in)

    def summary(self) -> str:
        """One German line: "Entwurf", "versandt am … Einwände bis …", "genehmigt am …";
        the current Fassung says where it comes from unless it is the one last sent
        ("– Fassung 3 aus Einwand, 27.11.2026")."""
        latest = self.latest
        if latest is None:
            finish = self.finish.text()
            return (
                f"Entwurf – {finish}, noch nicht versandt"
                if finish
                else ("Entwurf – noch nicht versandt")
            )
        if latest.state is MinutesState.APPROVED:
            where = f" in der {latest.approved_in}" if latest.approved_in else ""
            return f"genehmigt am {_day(latest.approved_on)}{where}"
        fassung = f"Fassung {latest.number}"
        if not latest.sent:
            fassung += f" {latest.origin_text}"
        return f"{self.sending_text()}, Einwände bis {_day(latest.objections_due_on)} – {fassung}"


def first_approving_day(practice: MinutesApproval, objections_due_on: date | None) -> date | None:
    """The first day a meeting may approve minutes whose deadline for objections is
    ``objections_due_on``: under the practice "Einwände" the day after it, as that meeting
    decides on the objections and one may come until the deadline's end (a meeting held
    before it was named as the approving one: "Genehmigt am 19.12.2026 in der 2. Sitzung am
    04.12.2026", found by a tester); ``None``: no bound."""
    if practice is not MinutesApproval.OBJECTIONS or objections_due_on is None:
        return None
    return objections_due_on + timedelta(days=1)


def objections_due(sent_on: date, period_days: int, bundesland: str) -> date:
    """The deadline for objections to minutes sent ``sent_on``: the council's objection
    period after it, or where that ends on a Saturday, Sunday or public holiday of the
    council's Bundesland the next working day (§ 193 BGB)."""
    return next_working_day(sent_on + timedelta(days=period_days), bundesland)


def sending_text(first: date | None, last: date | None) -> str:
    """ "versandt am 25.01.2026" (sent on one day), "zuerst versandt am 25.01.2026,
    zuletzt am 10.02.2026" (sent again later), "" (never): the one wording of when minutes
    went out, for the Genehmigung tab and the Übersicht."""
    if first is None or last is None:
        return ""
    if first == last:
        return f"versandt am {_day(first)}"
    return f"zuerst versandt am {_day(first)}, zuletzt am {_day(last)}"


def approval_plan_text(approver: str | None) -> str:
    """ "Genehmigung in der 7. Sitzung am 15.12.2026 vorgesehen" (``approver``: the meeting
    whose agenda approves the circulated minutes), "Genehmigung noch keiner Sitzung
    zugeordnet" (none): the one wording for the Genehmigung tab and the Übersicht."""
    if approver:
        return f"Genehmigung in der {approver} vorgesehen"
    return "Genehmigung noch keiner Sitzung zugeordnet"


def _day(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else "–"
