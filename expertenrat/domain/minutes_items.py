"""One agenda item as the minutes record it: its texts, its votes (and the line each vote
reads as, with who was recused and why), the recommendations adopted in it; part of the
:class:`~expertenrat.domain.minutes_document.MinutesDocument`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from expertenrat.domain.agenda import URGENT_MARK, minutes_mark
from expertenrat.domain.agenda_outcomes import EffectiveOutcome
from expertenrat.domain.elections import Election, election_counts, election_outcome
from expertenrat.domain.enums import AgendaItemOutcome, VoteMode
from expertenrat.domain.meeting_documents import DeclaredConflict
from expertenrat.domain.quorum import QuorumResult
from expertenrat.domain.votes import (
    recused_label,
    resolution_without_quorum,
    resolves,
    vote_outcome,
)
from expertenrat.domain.wording import isolated, listed


@dataclass(frozen=True, slots=True)
class VoteRecord:
    """A vote on an item: counts, or "einstimmig", or noted without a vote, or an election
    (its candidates and outcome in ``election``)."""

    subject: str = ""
    mode: VoteMode = VoteMode.COUNTED
    yes: int = 0
    no: int = 0
    abstain: int = 0
    recused: int = 0
    adopted: bool = False
    election: Election | None = None


def vote_line(vote: VoteRecord, recused: tuple[DeclaredConflict, ...] = ()) -> str:
    """ "Ja 7 · Nein 1 · Enthaltung 1 · befangen: Dr. X (Grund) – angenommen" and kin: the
    one wording of a vote line, as the minutes (PDF, editor preview) print it."""
    if vote.mode is VoteMode.NOTED:
        return VoteMode.NOTED.label
    outcome = vote_outcome(vote.mode, vote.adopted)
    if vote.mode is VoteMode.UNANIMOUS:
        parts = [outcome]
    elif vote.mode is VoteMode.ELECTION:
        election = vote.election or Election()
        parts, outcome = election_counts(election, vote.abstain), election_outcome(election)
    else:
        parts = [f"Ja {vote.yes}", f"Nein {vote.no}", f"Enthaltung {vote.abstain}"]
    if recused:
        parts.append("befangen: " + "; ".join(recusal_label(c) for c in recused))
    elif vote.recused:
        parts.append(f"befangen: {vote.recused}")
    line = " · ".join(parts)
    return line if vote.mode is VoteMode.UNANIMOUS else f"{line} – {outcome}"


def recusal_label(conflict: DeclaredConflict) -> str:
    """ "Dr. X (Grund)": a recused member as the minutes name them, in a vote line and
    under "Befangen" alike."""
    return recused_label(isolated(conflict.member_name), conflict.reason)


@dataclass(frozen=True, slots=True)
class AdoptedRecommendation:
    code: str
    title: str
    kind_label: str = "Empfehlung"
    text: str = ""
    project_title: str = ""  # the titles of several projects joined with "; "
    action_field: str = ""
    project_count: int = 1  # how many ``project_title`` names ("Projekt:" / "Projekte:")


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
    # A Dringlichkeitsantrag: the council extended its agenda by it at the meeting. Approved
    # minutes stored before this field existed read it as False: they had no urgent items.
    urgent: bool = False
    # Postponed ("vertagt") or taken off the agenda ("abgesetzt") in the meeting; approved
    # minutes stored before this field existed read it as dealt with, as they said.
    outcome: AgendaItemOutcome = AgendaItemOutcome.DISCUSSED
    # The number of the item above it whose outcome it follows ("6": TOP 6.1 postponed with
    # TOP 6, ``domain.agenda_outcomes``), "" for its own; "" in minutes stored before.
    follows: str = ""
    # The meeting that postponed the item this one takes up again, or took it off the
    # agenda (``taken_up_as``) ("der 5. Sitzung"; "" for none): the minutes say "vertagt aus
    # der 5. Sitzung" ("abgesetzt in der 5. Sitzung") under the title. Approved minutes
    # stored before ``taken_up_as`` existed read it as postponed: only those were taken up.
    postponed_in: str = ""
    taken_up_as: AgendaItemOutcome = AgendaItemOutcome.POSTPONED
    # The recommendations adopted in writing between meetings this item reports to the
    # meeting ("Bericht über die im Umlaufverfahren gefassten Beschlüsse"), one line each.
    written_decisions: tuple[str, ...] = ()
    # The quorum at the item as the attendance had it (None: not taken yet, or minutes
    # approved before it was kept: they print no note about it).
    quorum: QuorumResult | None = None

    @property
    def label(self) -> str:
        return " ".join(p for p in (f"TOP {self.number}", self.title, self.mark) if p)

    @property
    def quorum_note(self) -> str:
        """ "Bei der Abstimmung war das Gremium nicht beschlussfähig (…)." where the item
        records a resolution without quorum (the minutes print it at the item), else ""."""
        modes = [v.mode for v in self.votes]
        if self.quorum is None or not resolves(self.resolution, modes, bool(self.recommendations)):
            return ""
        missing = resolution_without_quorum(self.quorum, modes)
        return f"{missing}." if missing else ""

    @property
    def taken_up_note(self) -> str:
        """ "vertagt aus der 5. Sitzung", "abgesetzt in der 5. Sitzung" (a later agenda takes
        up what that one took off; it was not postponed), "" for an item that takes up
        none."""
        if not self.postponed_in:
            return ""
        if self.taken_up_as is AgendaItemOutcome.WITHDRAWN:
            return f"abgesetzt in {self.postponed_in}"
        return f"vertagt aus {self.postponed_in}"

    @property
    def mark(self) -> str:
        """ "(Dringlichkeitsantrag)", "– vertagt" beside the title, else ""."""
        return minutes_mark(self.urgent, self.outcome)

    @property
    def outcome_line(self) -> str:
        """ "Der Tagesordnungspunkt wurde vertagt." ("Mit TOP 6 vertagt.") for an item not
        dealt with, else ""."""
        return EffectiveOutcome(self.outcome, self.follows).line

    @property
    def agenda_marks(self) -> tuple[str, str]:
        """What the agenda table prints under the title, each on its small line:
        "(Dringlichkeitsantrag)" and "vertagt" (the dash of the heading's "– vertagt" would
        stand alone there), either "" where it does not apply."""
        dealt_with = self.outcome is AgendaItemOutcome.DISCUSSED
        return URGENT_MARK if self.urgent else "", "" if dealt_with else self.outcome.label

    def vote_lines(self) -> tuple[str, ...]:
        return tuple(vote_line(v, self.recused) for v in self.votes)


def urgent_extension(items: Iterable[MinutesItem]) -> str:
    """What the minutes record of the urgent items the agenda was extended by at the
    meeting: "Die Tagesordnung wurde um TOP 9 „Radwege“ als Dringlichkeitsantrag
    erweitert."; "" for none. The public version's withheld items are not urgent there."""
    named = [f"TOP {i.number} „{isolated(i.title)}“" for i in items if i.urgent]
    if not named:
        return ""
    kind = "Dringlichkeitsantrag" if len(named) == 1 else "Dringlichkeitsanträge"
    return f"Die Tagesordnung wurde um {listed(named)} als {kind} erweitert."
