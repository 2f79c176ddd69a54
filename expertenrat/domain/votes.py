"""Votes on an agenda item: counted (Ja / Nein / Enthaltung), unanimous, or noted without a vote.

Who may vote at an item are the members present at that item with a voting right (arrivals
and departures by agenda item, :mod:`domain.quorum`), minus those recused from it (declared
conflicts of interest decided "befangen"): the ``present_voting`` of the item's
:class:`~expertenrat.domain.quorum.QuorumResult`. The counts of a vote may not exceed them.
The recused members are named from the conflicts, never typed into a vote.

A resolution recorded where the council had no quorum is allowed (the minutes must say what
happened) but warned about.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from expertenrat.domain.elections import (
    Election,
    clean_election,
    election_problems,
)
from expertenrat.domain.enums import VoteMode
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.field_limits import VOTE_SUBJECT, clean_text, text_problems
from expertenrat.domain.quorum import QuorumResult, present_recused

COUNTS = {"yes": "Ja-Stimmen", "no": "Nein-Stimmen", "abstain": "Enthaltungen"}


@dataclass(frozen=True, slots=True)
class RecusedMember:
    """A member recused from the item (from the declared conflicts), with the reason."""

    membership_id: int
    name: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class VoteDraft:
    """A vote as the minute-taker enters it; ``id``/``version`` those read (``None``: new).

    ``adopted`` ``None`` follows from the counts: more yes than no (unanimous: adopted;
    noted: nothing to adopt; an election: someone elected). ``election`` holds an
    election's candidates and outcome (:mod:`expertenrat.domain.elections`).
    """

    mode: VoteMode = VoteMode.COUNTED
    yes: int = 0
    no: int = 0
    abstain: int = 0
    subject: str = ""
    adopted: bool | None = None
    id: int | None = None
    version: int = 0
    election: Election | None = None


@dataclass(frozen=True, slots=True)
class Vote:
    """A stored vote of an item, with the recusals named (read model)."""

    id: int
    version: int
    position: int
    mode: VoteMode
    subject: str
    yes: int
    no: int
    abstain: int
    recused: int
    adopted: bool
    recused_members: tuple[RecusedMember, ...] = ()
    election: Election | None = None

    def as_draft(self) -> VoteDraft:
        return VoteDraft(
            self.mode, self.yes, self.no, self.abstain, self.subject, self.adopted, self.id,
            self.version, self.election,
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Voters:
    """Who may vote at an item: ``quorum.present_voting`` members (recused ones left out)."""

    item_label: str  # "TOP 3"
    quorum: QuorumResult
    recused: tuple[RecusedMember, ...] = ()

    @property
    def count(self) -> int:
        return self.quorum.present_voting


def unanimous_yes(mode: VoteMode, stored: int, voting: int | None) -> int:
    """The yes of a vote as the minutes show it: for a unanimous one all ``voting`` at its
    item as attendance and recusals stand now (the count stored when it was saved may be
    stale); ``stored`` otherwise, or where the item has no count (``None``)."""
    return voting if mode is VoteMode.UNANIMOUS and voting is not None else stored


def clean_vote(vote: VoteDraft, voters: Voters) -> VoteDraft:
    """``vote`` as it is stored: subject in NFC, counts following the mode, ``adopted`` set.

    Unanimous: every member entitled to vote at the item voted yes. Noted without a vote:
    no counts and nothing adopted. An election: no yes or no, "adopted" where someone was
    elected; other modes carry no election.
    """
    subject = clean_text(vote.subject, VOTE_SUBJECT)
    if vote.mode is VoteMode.ELECTION:
        election = clean_election(vote.election or Election())
        return replace(
            vote, subject=subject, yes=0, no=0, election=election, adopted=bool(election.elected)
        )
    vote = replace(vote, election=None)
    if vote.mode is VoteMode.UNANIMOUS:
        return replace(vote, subject=subject, yes=voters.count, no=0, abstain=0, adopted=True)
    if vote.mode is VoteMode.NOTED:
        return replace(vote, subject=subject, yes=0, no=0, abstain=0, adopted=False)
    adopted = vote.yes > vote.no if vote.adopted is None else vote.adopted
    return replace(vote, subject=subject, adopted=adopted)


def vote_problems(votes: Sequence[VoteDraft], voters: Voters) -> list[FieldProblem]:
    """What is wrong with the votes of one item (German); a missing quorum and fewer votes
    than members who could vote (one may not have voted) are warnings.

    Fields are named ``votes.<index>.<what>`` (``what``: yes, no, abstain, subject, mode).
    """
    problems: list[FieldProblem] = []
    for index, vote in enumerate(votes):
        prefix = f"Abstimmung {index + 1}: " if len(votes) > 1 else ""
        field = f"votes.{index}"
        problems += [
            FieldProblem(p.field, prefix + p.message)
            for p in text_problems(f"{field}.subject", vote.subject, VOTE_SUBJECT)
        ]
        problems += _count_problems(vote, voters, field, prefix)
    if votes and not voters.quorum.quorate and any(v.mode is not VoteMode.NOTED for v in votes):
        problems.append(FieldProblem("votes", quorum_warning(voters), warning=True))
    return problems


def quorum_warning(voters: Voters) -> str:
    """The editor's warning at a resolution recorded where the council had no quorum."""
    return (
        f"{quorum_missing(voters.item_label, voters.quorum)}. "
        "Der Beschluss wird trotzdem so protokolliert."
    )


def quorum_missing(where: str, quorum: QuorumResult) -> str:
    """ "Bei TOP 7 war das Gremium nicht beschlussfähig (4 von 9 stimmberechtigten
    Mitgliedern anwesend)": the one wording of a resolution without quorum, in the editor's
    warning (:func:`quorum_warning`), the minutes' note and their check
    (:func:`resolution_without_quorum`)."""
    return f"Bei {where} war das Gremium nicht beschlussfähig ({quorum.presence})"


def resolves(resolution_text: str, modes: Iterable[VoteMode], adopted: bool) -> bool:
    """Whether an item records a resolution: a resolution's text, a vote (not one noted
    without a vote) or a recommendation ``adopted`` in it."""
    return bool(resolution_text.strip()) or adopted or any(m is not VoteMode.NOTED for m in modes)


def resolution_without_quorum(quorum: QuorumResult, modes: Iterable[VoteMode]) -> str:
    """ "Bei der Abstimmung war das Gremium nicht beschlussfähig (…)" (without a vote: "Bei
    der Beschlussfassung …") for an item that records a resolution where ``quorum`` is
    missing, else ""."""
    if quorum.quorate:
        return ""
    voted = any(m is not VoteMode.NOTED for m in modes)
    return quorum_missing("der Abstimmung" if voted else "der Beschlussfassung", quorum)


def _count_problems(vote: VoteDraft, voters: Voters, field: str, prefix: str) -> list[FieldProblem]:
    if vote.mode is VoteMode.NOTED:
        return []
    if vote.mode is VoteMode.ELECTION:
        election = vote.election or Election()
        problems = election_problems(election, vote.abstain, field, prefix)
        if any(not p.warning for p in problems):
            return problems
        return _total_problems(election.ballots(vote.abstain), voters, field, prefix) + problems
    if vote.mode is VoteMode.UNANIMOUS:
        if voters.count < 1:
            return [
                FieldProblem(
                    f"{field}.mode",
                    f"{prefix}„einstimmig“ setzt voraus, dass bei {voters.item_label} mindestens "
                    "ein stimmberechtigtes Mitglied anwesend und nicht befangen war.",
                )
            ]
        return []
    problems = [
        FieldProblem(f"{field}.{name}", f"{prefix}Die Zahl der {label} darf nicht negativ sein.")
        for name, label in COUNTS.items()
        if getattr(vote, name) < 0
    ]
    if problems:
        return problems
    total = vote.yes + vote.no + vote.abstain
    if total == 0:
        return [
            FieldProblem(
                f"{field}.yes",
                f"{prefix}Bitte tragen Sie die Stimmen ein oder wählen Sie „einstimmig“ oder "
                "„ohne Abstimmung zur Kenntnis genommen“.",
            )
        ]
    return _total_problems(total, voters, field, prefix)


def _total_problems(total: int, voters: Voters, field: str, prefix: str) -> list[FieldProblem]:
    """More votes than members who could vote: refused; fewer: a warning."""
    if total > voters.count:
        return [FieldProblem(f"{field}.yes", prefix + _too_many(total, voters))]
    if total < voters.count:  # someone may not have voted: saved, but worth a second look
        return [FieldProblem(f"{field}.yes", prefix + _too_few(total, voters), warning=True)]
    return []


def _too_many(total: int, voters: Voters) -> str:
    votes = "ist 1 Stimme" if total == 1 else f"sind {total} Stimmen"
    if voters.quorum.recused:  # "6 anwesend, 1 befangen" read as 5 who could vote
        return f"Es {votes} erfasst, aber bei {voters.item_label} {_could_vote(voters, 'nur ')}."
    who = {
        0: "war kein stimmberechtigtes Mitglied",
        1: "war nur 1 stimmberechtigtes Mitglied",
    }.get(voters.count, f"waren nur {voters.count} stimmberechtigte Mitglieder")
    return f"Es {votes} erfasst, aber bei {voters.item_label} {who} anwesend."


def _too_few(total: int, voters: Voters) -> str:
    votes = "ist 1 Stimme" if total == 1 else f"sind {total} Stimmen"
    if voters.quorum.recused:
        said = f"bei {voters.item_label} {_could_vote(voters, 'aber ')}"
    else:
        said = (
            f"bei {voters.item_label} waren aber {voters.count} stimmberechtigte Mitglieder "
            "anwesend"
        )
    return (
        f"Es {votes} erfasst, {said}. Bitte prüfen Sie die Zählung; gespeichert ist die "
        "Abstimmung so."
    )


def _could_vote(voters: Voters, word: str) -> str:
    """ "durften {word}5 Mitglieder abstimmen (6 stimmberechtigte anwesend, davon 1
    befangen)": who could vote where members are recused, as the count said it."""
    recused = voters.quorum.recused
    present = voters.count + recused
    who = {0: "durfte niemand", 1: f"durfte {word}1 Mitglied"}.get(
        voters.count, f"durften {word}{voters.count} Mitglieder"
    )
    entitled = "1 stimmberechtigtes" if present == 1 else f"{present} stimmberechtigte"
    return f"{who} abstimmen ({entitled} {present_recused(recused)})"


def vote_outcome(mode: VoteMode, adopted: bool) -> str:
    """What came of a vote in words: "einstimmig angenommen", "angenommen", "abgelehnt", or
    "zur Kenntnis genommen" (noted without a vote).

    The vote lines of the minutes end with it; the OParl export gives it as the result of
    an item whose minutes name no result of their own.
    """
    if mode is VoteMode.NOTED:
        return "zur Kenntnis genommen"
    if mode is VoteMode.ELECTION:
        return "Wahl erfolgt" if adopted else "niemand gewählt"
    verdict = "angenommen" if adopted else "abgelehnt"
    return f"{VoteMode.UNANIMOUS.label} {verdict}" if mode is VoteMode.UNANIMOUS else verdict


def recused_label(name: str, reason: str) -> str:
    """ "Dr. X (Grund)": the reason on one line, without a full stop before the bracket."""
    reason = " ".join(reason.split()).removesuffix(".")
    return f"{name} ({reason})" if reason else name


def recused_names(recused: Iterable[RecusedMember]) -> str:
    """ "Dr. X (Grund); Y": the members recused at an item as the editor names them, each
    as :func:`recused_label` (the minutes' wording), a reason's commas kept apart."""
    return "; ".join(recused_label(member.name, member.reason) for member in recused)
