"""Elections in the minutes: the checks of the counts, the candidates and the elected
person, and the line the minutes print."""

from __future__ import annotations

from dataclasses import replace

import pytest

from expertenrat.domain.elections import Candidate, Election
from expertenrat.domain.enums import AttendanceStatus, QuorumRule, VoteMode
from expertenrat.domain.minutes_diff import vote_line as minutes_vote_line
from expertenrat.domain.minutes_items import VoteRecord, vote_line
from expertenrat.domain.minutes_versions import (
    ItemSnapshot,
    MinutesSnapshot,
    VoteSnapshot,
    parse_snapshot,
    snapshot_json,
)
from expertenrat.domain.quorum import Attendance, quorum_per_item
from expertenrat.domain.votes import VoteDraft, Voters, clean_vote, vote_problems

ORDER = [10, 20]


def voters(item: int = 20, *, recused: set[int] | None = None) -> Voters:
    """Ten voting members present; member 0 leaves after item 10."""
    attendance = [
        Attendance(0, AttendanceStatus.PRESENT, leaves_after=10),
        *[Attendance(m, AttendanceStatus.PRESENT) for m in range(1, 10)],
    ]
    quorum = quorum_per_item(ORDER, attendance, QuorumRule.MORE_THAN_HALF, {item: recused or set()})
    return Voters(f"TOP {ORDER.index(item) + 1}", quorum[item])


def election(a: int = 6, b: int = 2, *, elected: str = "Dr. A", **kwargs) -> Election:
    return Election((Candidate("Dr. A", a, membership_id=3), Candidate("Dr. B", b)),
                    elected=elected, **kwargs)  # fmt: skip


def draft(chosen: Election, abstain: int = 1) -> VoteDraft:
    return VoteDraft(VoteMode.ELECTION, abstain=abstain, subject="Wahl des Vorsitzes",
                     election=chosen)  # fmt: skip


def problems(vote: VoteDraft, who: Voters | None = None, *, warnings: bool = False) -> list[str]:
    who = who or voters()
    found = vote_problems([clean_vote(vote, who)], who)
    return [p.message for p in found if p.warning is warnings]


def test_ballots_within_the_members_present_pass_and_the_election_adopts() -> None:
    # Item 20: nine present (member 0 gone): 6 + 2 + 1 abstention + 0 invalid = 9.
    vote = clean_vote(draft(election()), voters())
    assert (vote.yes, vote.no, vote.adopted) == (0, 0, True)
    assert problems(draft(election())) == []
    assert problems(draft(election()), warnings=True) == []


def test_more_ballots_than_members_present_are_refused() -> None:
    # Abstentions and invalid ballots count: 6 + 2 + 1 + 1 = 10, nine present at item 20.
    assert problems(draft(election(invalid=1))) == [
        "Es sind 10 Stimmen erfasst, aber bei TOP 2 waren nur 9 stimmberechtigte Mitglieder "
        "anwesend."
    ]
    assert problems(draft(election(invalid=1)), voters(10)) == []  # ten at item 10


def test_recused_members_lower_the_limit() -> None:
    assert problems(draft(election()), voters(recused={5})) == [
        "Es sind 9 Stimmen erfasst, aber bei TOP 2 durften nur 8 Mitglieder abstimmen "
        "(9 stimmberechtigte anwesend, davon 1 befangen)."
    ]


def test_fewer_ballots_than_members_present_are_a_warning() -> None:
    assert problems(draft(election(a=5))) == []
    assert problems(draft(election(a=5)), warnings=True)[0].startswith("Es sind 8 Stimmen erfasst")


@pytest.mark.parametrize(
    ("vote", "field"),
    [
        (draft(election(a=-1)), "votes.0.candidates.0.votes"),
        (draft(election(), abstain=-1), "votes.0.abstain"),
        (draft(election(invalid=-2)), "votes.0.invalid"),
    ],
)
def test_negative_counts_are_refused(vote, field) -> None:
    found = vote_problems([clean_vote(vote, voters())], voters())
    assert field in [p.field for p in found if not p.warning]
    assert all("darf nicht negativ sein" in p.message for p in found if not p.warning)


def test_the_elected_person_must_have_stood() -> None:
    assert problems(draft(election(elected="Dr. C"))) == [
        "Gewählt sein kann nur, wer zur Wahl stand: „Dr. C“ steht nicht unter den Personen "
        "zur Wahl."
    ]


def test_candidates_need_names_once_each_and_an_election_needs_one() -> None:
    nameless = Election((Candidate("Dr. A", 6), Candidate("  ", 2)), elected="Dr. A")
    assert problems(draft(nameless)) == ["Die 2. Person zur Wahl hat keinen Namen."]
    twice = Election((Candidate("Dr. A", 6), Candidate("dr. a", 2)))
    assert problems(draft(twice)) == ["„dr. a“ steht zweimal zur Wahl."]
    assert problems(draft(Election())) == ["Bitte tragen Sie mindestens eine Person zur Wahl ein."]
    # a blank row without votes is dropped, not refused
    blank = Election((Candidate("Dr. A", 8), Candidate("", 0)), elected="Dr. A")
    assert clean_vote(draft(blank), voters()).election.candidates == (Candidate("Dr. A", 8),)


def test_an_election_without_any_ballot_is_refused() -> None:
    empty = Election((Candidate("Dr. A", 0), Candidate("Dr. B", 0)))
    assert problems(draft(empty, abstain=0)) == [
        "Bitte tragen Sie die Stimmen der Wahl ein (je Person, Enthaltungen, ungültige)."
    ]


def test_an_elected_person_behind_another_or_without_majority_is_only_warned_about() -> None:
    behind = draft(election(a=2, b=6))
    assert problems(behind) == []
    assert problems(behind, warnings=True) == [
        "Gewählt ist „Dr. A“ mit 2 Stimmen, „Dr. B“ hat aber 6 Stimmen erhalten. Bitte prüfen "
        "Sie es nach der Geschäftsordnung; gespeichert ist die Wahl so."
    ]
    tie = draft(election(a=4, b=4))
    assert problems(tie) == []
    assert problems(tie, warnings=True)[0].startswith(
        "„Dr. A“ hat 4 von 8 gültigen Stimmen erhalten, keine Mehrheit."
    )


def test_nobody_elected_records_no_acceptance_and_adopts_nothing() -> None:
    vote = clean_vote(draft(election(elected="", accepted=True)), voters())
    assert (vote.adopted, vote.election.accepted) == (False, None)


def test_other_votes_carry_no_election() -> None:
    vote = clean_vote(replace(draft(election()), mode=VoteMode.COUNTED, yes=5), voters())
    assert vote.election is None


def test_the_minutes_line_names_counts_ballot_and_outcome() -> None:
    record = VoteRecord(mode=VoteMode.ELECTION, abstain=1,
                        election=election(accepted=True))  # fmt: skip
    assert vote_line(record) == (
        "Dr. A 6 Stimmen · Dr. B 2 Stimmen · 1 Enthaltung · 0 ungültig · offene Wahl – "
        "gewählt: Dr. A; Dr. A nimmt die Wahl an."
    )
    secret = VoteRecord(mode=VoteMode.ELECTION, abstain=2,
                        election=election(a=1, secret=True, accepted=False))  # fmt: skip
    assert vote_line(secret) == (
        "Dr. A 1 Stimme · Dr. B 2 Stimmen · 2 Enthaltungen · 0 ungültig · geheime Wahl – "
        "gewählt: Dr. A; Dr. A nimmt die Wahl nicht an."
    )
    nobody = VoteRecord(mode=VoteMode.ELECTION, election=election(elected=""))
    assert vote_line(nobody).endswith("– niemand gewählt")


def test_the_minutes_content_keeps_an_election_and_other_votes_as_stored_before() -> None:
    """The approved content's JSON (and so its fingerprint) of a vote that is no election
    is what it was before elections; an election's line is kept and read back."""
    plain = MinutesSnapshot(items=(ItemSnapshot(1, "1", "Bericht", votes=(VoteSnapshot(yes=5),)),))
    assert '"election"' not in snapshot_json(plain)
    line = "Dr. A 6 Stimmen · 1 Enthaltung · 0 ungültig · offene Wahl – gewählt: Dr. A"
    chosen = VoteSnapshot("Wahl", VoteMode.ELECTION.value, abstain=1, election=line)
    kept = MinutesSnapshot(items=(ItemSnapshot(1, "1", "Wahl", votes=(chosen,)),))
    assert parse_snapshot(snapshot_json(kept)) == kept
    assert minutes_vote_line(chosen) == f"Wahl: {line}"
