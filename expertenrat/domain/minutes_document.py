"""The minutes (Protokoll) of a held meeting as a document: what the PDF prints.

Plain frozen dataclasses: the minutes documents service fills them from the database, the
report (``reports.minutes_pdf``) lays them out and nothing else. The sentences the minutes
say about the invitation, the quorum, a vote or someone's partial attendance are made here,
once, so that the PDF, the tests and any other reader say the same thing.

:func:`public_version` turns the full minutes into the public ones: non-public items keep
only their number and a line that they were discussed non-publicly; guests who presented
only non-public items, annexes not meant for the public and everything said in
non-public items (names, recusal reasons, votes, recommendations) are left out; members
who have not agreed to the publication of their name (``unnamed``) are called
:data:`UNNAMED_MEMBER` wherever the minutes name them (attendance, chair, presenter,
recusals), listed after the named members so that their place does not hint at the name —
free texts the secretariat writes are theirs to word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, time
from typing import TypeVar

from expertenrat.domain.enums import MinutesState, MinutesStyle, VoteMode
from expertenrat.domain.meeting_documents import DeclaredConflict, Letterhead, invitation_deadline
from expertenrat.domain.quorum import QuorumResult
from expertenrat.domain.votes import recused_label, vote_outcome

DRAFT_MARK = "ENTWURF"
WITHHELD_LINE = "Dieser Tagesordnungspunkt wurde nichtöffentlich beraten."
WITHHELD_TITLE = "Nichtöffentlicher Tagesordnungspunkt"

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class PresentMember:
    """A member present, with role, action field and when they came or went (item numbers)."""

    name: str
    role_label: str = ""
    action_field: str = ""
    voting: bool = True
    arrived_at_item: str = ""  # "3": present from TOP 3 on
    left_after_item: str = ""  # "5": present up to and including TOP 5
    arrived_at: time | None = None
    left_at: time | None = None

    @property
    def partial(self) -> str:
        """ "ab TOP 3 (16:20 Uhr)", "bis TOP 5", both, or empty for the whole meeting."""
        parts = []
        if self.arrived_at_item:
            parts.append(f"ab TOP {self.arrived_at_item}{_clock(self.arrived_at)}")
        if self.left_after_item:
            parts.append(f"bis TOP {self.left_after_item}{_clock(self.left_at)}")
        return " ".join(parts)


def _clock(moment: time | None) -> str:
    return f" ({moment:%H:%M} Uhr)" if moment else ""


@dataclass(frozen=True, slots=True)
class GuestLine:
    name: str
    organisation: str = ""
    role: str = ""


@dataclass(frozen=True, slots=True)
class VoteRecord:
    """A vote on an item: counts, or "einstimmig", or noted without a vote."""

    subject: str = ""
    mode: VoteMode = VoteMode.COUNTED
    yes: int = 0
    no: int = 0
    abstain: int = 0
    recused: int = 0
    adopted: bool = False


def vote_line(vote: VoteRecord, recused: tuple[DeclaredConflict, ...] = ()) -> str:
    """ "Ja 7 · Nein 1 · Enthaltung 1 · befangen: Dr. X (Grund) – angenommen" and kin."""
    if vote.mode is VoteMode.NOTED:
        return VoteMode.NOTED.label
    outcome = vote_outcome(vote.mode, vote.adopted)
    if vote.mode is VoteMode.UNANIMOUS:
        parts = [outcome]
    else:
        parts = [f"Ja {vote.yes}", f"Nein {vote.no}", f"Enthaltung {vote.abstain}"]
    if recused:
        parts.append("befangen: " + "; ".join(_recusal(c) for c in recused))
    elif vote.recused:
        parts.append(f"befangen: {vote.recused}")
    line = " · ".join(parts)
    return line if vote.mode is VoteMode.UNANIMOUS else f"{line} – {outcome}"


def _recusal(conflict: DeclaredConflict) -> str:
    return recused_label(conflict.member_name, conflict.reason)


@dataclass(frozen=True, slots=True)
class AdoptedRecommendation:
    code: str
    title: str
    kind_label: str = "Empfehlung"
    text: str = ""
    project_title: str = ""
    action_field: str = ""


@dataclass(frozen=True, slots=True)
class MinutesItem:
    """One agenda item as the minutes record it; ``withheld`` in the public version of a
    non-public item (then only ``number`` is left)."""

    number: str
    title: str
    public: bool = True
    kind_label: str = ""
    presenter: str = ""
    project_title: str = ""
    discussion: str = ""
    motion: str = ""
    resolution: str = ""
    result: str = ""
    votes: tuple[VoteRecord, ...] = ()
    recused: tuple[DeclaredConflict, ...] = ()
    recommendations: tuple[AdoptedRecommendation, ...] = ()
    withheld: bool = False

    @property
    def label(self) -> str:
        return f"TOP {self.number} {self.title}".strip()

    def vote_lines(self) -> tuple[str, ...]:
        return tuple(vote_line(v, self.recused) for v in self.votes)


@dataclass(frozen=True, slots=True)
class AnnexEntry:
    number: int
    title: str
    name: str = ""
    public: bool = True

    @property
    def label(self) -> str:
        title = self.title.strip() or self.name
        return f"Anlage {self.number}: {title}"


@dataclass(frozen=True, slots=True)
class ApprovalStamp:
    """The approval the PDF carries: when, in which meeting ("7. Sitzung am 12.03.2027"),
    and the SHA-256 (hex) of the approved version's content snapshot (a PDF cannot hold
    its own hash)."""

    approved_on: date
    approved_in: str
    fingerprint: str

    @property
    def statement(self) -> str:
        return f"Genehmigt am {self.approved_on:%d.%m.%Y} in der {self.approved_in}."


@dataclass(frozen=True, slots=True)
class Invitation:
    """When the invitation went out, against the notice period (Ladungsfrist)."""

    sent_on: date | None
    notice_period_days: int

    def statement(self, meeting_day: date) -> str:
        if self.sent_on is None:
            return "Ein Versand der Einladung ist nicht erfasst."
        days = self.notice_period_days
        period = "1 Tag" if days == 1 else f"{days} Tagen"
        sent = f"Die Einladung wurde am {self.sent_on:%d.%m.%Y} versandt"
        if self.sent_on <= invitation_deadline(meeting_day, days):
            return f"{sent}; sie erfolgte form- und fristgerecht (Ladungsfrist {period})."
        return f"{sent}; die Ladungsfrist von {period} wurde nicht gewahrt."


UNNAMED_MEMBER = "Mitglied ohne Namensnennung"
"""How the public minutes call a member who has not agreed to the publication of the name."""


@dataclass(frozen=True, slots=True)
class MinutesDocument:
    """The minutes of one meeting, full or public (``public``), in one state."""

    letterhead: Letterhead
    number: int | None
    day: date
    state: MinutesState = MinutesState.DRAFT
    style: MinutesStyle = MinutesStyle.RESULTS
    title: str = ""
    kind_label: str = ""
    place: str = ""
    room: str = ""
    online_link: str = ""
    opened_at: time | None = None
    closed_at: time | None = None
    chair: str = ""
    minute_taker: str = ""
    present: tuple[PresentMember, ...] = ()
    excused: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    guests: tuple[GuestLine, ...] = ()
    invitation: Invitation | None = None
    quorum: QuorumResult | None = None
    quorum_noted: bool = False
    agenda_approved: bool = False
    agenda_changes: str = ""
    items: tuple[MinutesItem, ...] = ()
    annexes: tuple[AnnexEntry, ...] = ()
    version: int | None = None  # the number of the minutes version, once there is one
    circulated_on: date | None = None
    objections_due_on: date | None = None
    approval: ApprovalStamp | None = None
    public: bool = False
    unnamed: frozenset[str] = frozenset()  # names the public version does not print

    @property
    def heading(self) -> str:
        """ "Protokoll der 5. Sitzung" (with the meeting's own title after a dash)."""
        name = f"{self.number}. Sitzung" if self.number else "Sitzung"
        title = " ".join(self.title.split())
        heading = f"Protokoll der {name}"
        return f"{heading} – {title}" if title else heading

    @property
    def location(self) -> str:
        return ", ".join(p.strip() for p in (self.place, self.room) if p.strip())

    @property
    def draft(self) -> bool:
        """Whether the pages carry "ENTWURF": every state before the approval."""
        return self.approval is None

    @property
    def state_line(self) -> str:
        """What the reader must know about the state: draft, circulated, approved."""
        if self.approval is not None:
            return self.approval.statement
        if self.state is MinutesState.CIRCULATED and self.circulated_on:
            line = f"Entwurf, versandt am {self.circulated_on:%d.%m.%Y}"
            if self.objections_due_on:
                line += f"; Einwände bis {self.objections_due_on:%d.%m.%Y}"
            return line + "."
        return "Entwurf – noch nicht genehmigt."

    @property
    def quorum_line(self) -> str:
        if self.quorum is None:
            return ""
        noted = "Die Beschlussfähigkeit wurde festgestellt: " if self.quorum_noted else ""
        return f"{noted}{self.quorum.statement}."

    @property
    def agenda_line(self) -> str:
        if not self.agenda_approved:
            return "Eine Feststellung der Tagesordnung ist nicht erfasst."
        changes = self.agenda_changes.strip()
        if changes:
            return f"Die Tagesordnung wurde mit folgenden Änderungen festgestellt: {changes}"
        return "Die Tagesordnung wurde ohne Änderungen festgestellt."

    @property
    def time_line(self) -> str:
        """ "16:05–18:10 Uhr" (a missing time as "–")."""
        start = f"{self.opened_at:%H:%M}" if self.opened_at else "–"
        end = f"{self.closed_at:%H:%M}" if self.closed_at else "–"
        return f"{start}–{end} Uhr"


def public_version(doc: MinutesDocument) -> MinutesDocument:
    """The public minutes of ``doc``: non-public items withheld, their people not named."""
    if doc.public:
        return doc
    items = tuple(item if item.public else _withheld(item) for item in doc.items)
    hidden_presenters = " ".join(i.presenter for i in doc.items if not i.public).casefold()
    shown_presenters = " ".join(i.presenter for i in doc.items if i.public).casefold()
    guests = tuple(
        g
        for g in doc.guests
        if not _named(g.name, hidden_presenters) or _named(g.name, shown_presenters)
    )
    annexes = tuple(a for a in doc.annexes if a.public)
    numbered = tuple(replace(a, number=n) for n, a in enumerate(annexes, start=1))
    public = replace(doc, items=items, guests=guests, annexes=numbered, public=True)
    return _without_unnamed(public) if doc.unnamed else public


def _without_unnamed(doc: MinutesDocument) -> MinutesDocument:
    """``doc`` with each member in ``doc.unnamed`` called :data:`UNNAMED_MEMBER`."""

    def name(text: str) -> str:
        return UNNAMED_MEMBER if text in doc.unnamed else text

    def mentioned(text: str) -> str:  # a presenter line may name a member among others
        for hidden in doc.unnamed:
            text = text.replace(hidden, UNNAMED_MEMBER)
        return text

    items = tuple(
        replace(
            item,
            presenter=mentioned(item.presenter),
            recused=_named_first(
                (replace(c, member_name=name(c.member_name)) for c in item.recused),
                lambda c: c.member_name,
            ),
        )
        for item in doc.items
    )
    return replace(
        doc,
        chair=name(doc.chair),
        present=_named_first(
            (replace(p, name=name(p.name)) for p in doc.present), lambda p: p.name
        ),
        excused=_named_first((name(n) for n in doc.excused), str),
        absent=_named_first((mentioned(n) for n in doc.absent), str),  # "X (nicht erfasst)"
        items=items,
        unnamed=frozenset(),
    )


def _named_first(entries: Iterable[_T], name: Callable[[_T], str]) -> tuple[_T, ...]:
    """``entries`` with those called :data:`UNNAMED_MEMBER` after the named ones, each part
    in its order: left at the alphabetical place of the real name, they would hint at it."""
    return tuple(sorted(entries, key=lambda entry: name(entry).startswith(UNNAMED_MEMBER)))


def _withheld(item: MinutesItem) -> MinutesItem:
    return MinutesItem(number=item.number, title=WITHHELD_TITLE, public=False, withheld=True)


def _named(name: str, text: str) -> bool:
    name = " ".join(name.split()).casefold()
    return bool(name) and name in text
