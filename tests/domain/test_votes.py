"""Vote validation against who is present and entitled to vote at the item."""

from __future__ import annotations

import pytest

from expertenrat.domain.enums import AttendanceStatus, QuorumRule, VoteMode
from expertenrat.domain.meeting_documents import DeclaredConflict
from expertenrat.domain.minutes_items import VoteRecord, vote_line
from expertenrat.domain.quorum import Attendance, quorum_per_item
from expertenrat.domain.votes import (
    VoteDraft,
    Voters,
    clean_vote,
    vote_problems,
)

ORDER = [10, 20, 30]
PRESENT, EXCUSED = AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED


def voters(item: int = 20, *, recused: set[int] | None = None, present: int = 7) -> Voters:
    """Nine voting members, ``present`` of them there; member 0 arrives at item 30, member 1
    leaves after item 10."""
    attendance = [
        Attendance(0, PRESENT, arrives_at=30),
        Attendance(1, PRESENT, leaves_after=10),
        *[Attendance(m, PRESENT if m < present else EXCUSED) for m in range(2, 9)],
    ]
    quorum = quorum_per_item(ORDER, attendance, QuorumRule.MORE_THAN_HALF, {item: recused or set()})
    return Voters(f"TOP {ORDER.index(item) + 1}", quorum[item])


def messages(votes, who) -> list[str]:
    return [p.message for p in vote_problems(votes, who) if not p.warning]


def test_counts_within_the_members_present_pass() -> None:
    # Item 20: members 2..6 present (5); 0 not yet there, 1 gone.
    assert voters().count == 5
    assert messages([VoteDraft(yes=3, no=1, abstain=1)], voters()) == []


@pytest.mark.parametrize("field", ["yes", "no", "abstain"])
def test_negative_counts_are_refused(field) -> None:
    problems = vote_problems([VoteDraft(**{"yes": 1, field: -1})], voters())
    assert problems[0].field == f"votes.0.{field}"
    assert "darf nicht negativ sein" in problems[0].message


def test_more_votes_than_members_present_after_departures_and_before_arrivals() -> None:
    assert messages([VoteDraft(yes=4, no=1, abstain=1)], voters()) == [
        "Es sind 6 Stimmen erfasst, aber bei TOP 2 waren nur 5 stimmberechtigte Mitglieder "
        "anwesend."
    ]
    # At item 30 member 0 has arrived: six may vote.
    assert messages([VoteDraft(yes=4, no=1, abstain=1)], voters(30)) == []
    # At item 10 member 1 is still there, member 0 not yet.
    assert voters(10).count == 6


def test_recused_members_do_not_count() -> None:
    who = voters(recused={2, 3})
    assert who.count == 3
    # (found by a tester) "… waren nur 3 stimmberechtigte Mitglieder anwesend, 2 befangen"
    # read as 3 there, 1 of whom could vote
    assert messages([VoteDraft(yes=4)], who) == [
        "Es sind 4 Stimmen erfasst, aber bei TOP 2 durften nur 3 Mitglieder abstimmen "
        "(5 stimmberechtigte anwesend, davon 2 befangen)."
    ]


def test_fewer_votes_than_members_present_are_saved_with_a_warning() -> None:
    """(found by a tester) 3 + 1 + 0 counted where five could vote: a slip of the count (or
    one who did not vote) went by without a word."""
    problems = vote_problems([VoteDraft(yes=3, no=1)], voters())
    assert [(p.field, p.warning) for p in problems] == [("votes.0.yes", True)]
    assert problems[0].message == (
        "Es sind 4 Stimmen erfasst, bei TOP 2 waren aber 5 stimmberechtigte Mitglieder "
        "anwesend. Bitte prüfen Sie die Zählung; gespeichert ist die Abstimmung so."
    )
    assert vote_problems([VoteDraft(yes=3, no=1, abstain=1)], voters()) == []
    assert vote_problems([VoteDraft(VoteMode.UNANIMOUS)], voters()) == []


def test_fewer_votes_where_members_are_recused_say_how_many_could_vote() -> None:
    """(found by review) "… waren aber 3 stimmberechtigte Mitglieder anwesend" where five
    were there and two of them recused: the count said as 6420d43 says too many."""
    problems = vote_problems([VoteDraft(yes=1, no=1)], voters(recused={2, 3}))
    assert [p.message for p in problems if p.field == "votes.0.yes"] == [
        "Es sind 2 Stimmen erfasst, bei TOP 2 durften aber 3 Mitglieder abstimmen "
        "(5 stimmberechtigte anwesend, davon 2 befangen). Bitte prüfen Sie die Zählung; "
        "gespeichert ist die Abstimmung so."
    ]


def test_one_vote_and_one_member_are_named_in_the_singular() -> None:
    """(found by review) "… waren nur 1 stimmberechtigte Mitglied anwesend" and "Es sind 1
    Stimmen erfasst"."""
    assert messages([VoteDraft(yes=2)], voters(present=3)) == [
        "Es sind 2 Stimmen erfasst, aber bei TOP 2 war nur 1 stimmberechtigtes Mitglied anwesend."
    ]
    assert messages([VoteDraft(yes=1)], voters(present=3, recused={2})) == [
        "Es ist 1 Stimme erfasst, aber bei TOP 2 durfte niemand abstimmen (1 stimmberechtigtes "
        "anwesend, davon 1 befangen)."
    ]
    assert messages([VoteDraft(yes=2)], voters(present=4, recused={2})) == [
        "Es sind 2 Stimmen erfasst, aber bei TOP 2 durfte nur 1 Mitglied abstimmen (2 "
        "stimmberechtigte anwesend, davon 1 befangen)."
    ]


def test_votes_where_no_member_was_present_do_not_say_only_0() -> None:
    """(found by a tester) "… aber bei TOP 2 waren nur 0 stimmberechtigte Mitglieder
    anwesend", as votes typed before the attendance was taken read."""
    assert messages([VoteDraft(yes=12)], voters(present=2)) == [
        "Es sind 12 Stimmen erfasst, aber bei TOP 2 war kein stimmberechtigtes Mitglied anwesend."
    ]


def test_unanimous_needs_at_least_one_voter_and_counts_them_all() -> None:
    nobody = voters(present=2)  # members 2..8 excused, 0 and 1 away at item 20
    assert nobody.count == 0
    problems = vote_problems([VoteDraft(VoteMode.UNANIMOUS)], nobody)
    assert problems[0].field == "votes.0.mode"
    assert "mindestens ein stimmberechtigtes Mitglied" in problems[0].message
    stored = clean_vote(VoteDraft(VoteMode.UNANIMOUS, yes=99, no=3), voters())
    assert (stored.yes, stored.no, stored.abstain, stored.adopted) == (5, 0, 0, True)


def test_a_counted_vote_needs_votes_and_noted_has_none() -> None:
    assert "Bitte tragen Sie die Stimmen ein" in messages([VoteDraft()], voters())[0]
    noted = clean_vote(VoteDraft(VoteMode.NOTED, yes=3), voters())
    assert (noted.yes, noted.adopted) == (0, False)
    assert messages([noted], voters()) == []


def test_adopted_follows_the_counts_unless_given() -> None:
    assert clean_vote(VoteDraft(yes=3, no=2), voters()).adopted is True
    assert clean_vote(VoteDraft(yes=2, no=2), voters()).adopted is False
    assert clean_vote(VoteDraft(yes=2, no=2, adopted=True), voters()).adopted is True


def test_no_quorum_is_a_warning_not_an_error() -> None:
    few = voters(present=4)  # members 2, 3 at item 20: 2 of 9
    problems = vote_problems([VoteDraft(yes=2)], few)
    assert [p.warning for p in problems] == [True]
    assert problems[0].message.startswith("Bei TOP 2 war das Gremium nicht beschlussfähig")
    # Noting a report needs no quorum.
    assert vote_problems([VoteDraft(VoteMode.NOTED)], few) == []


def test_several_votes_name_their_number() -> None:
    problems = messages([VoteDraft(yes=1), VoteDraft(yes=-1)], voters())
    assert problems == ["Abstimmung 2: Die Zahl der Ja-Stimmen darf nicht negativ sein."]


def test_vote_line_names_the_recused_with_their_reason_before_the_outcome() -> None:
    vote = VoteRecord("", VoteMode.COUNTED, 7, 1, 1, 1, adopted=True)
    conflict = DeclaredConflict("Dr. Ödön Pál", "Geschäftsführer der Stadtwerke.")
    assert vote_line(vote, (conflict,)) == (
        "Ja 7 · Nein 1 · Enthaltung 1 · befangen: Dr. Ödön Pál "
        "(Geschäftsführer der Stadtwerke) – angenommen"
    )
    assert vote_line(vote) == "Ja 7 · Nein 1 · Enthaltung 1 · befangen: 1 – angenommen"
    unanimous = VoteRecord("", VoteMode.UNANIMOUS, 7, adopted=True)
    assert vote_line(unanimous) == "einstimmig angenommen"
