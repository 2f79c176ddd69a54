"""The wording of a written procedure (Umlaufverfahren) as the history, the register and
the minutes say it."""

from __future__ import annotations

from datetime import date

from expertenrat.domain.written_procedures import (
    WrittenDecision,
    WrittenVote,
    decision_line,
    in_writing_label,
    written_vote_problems,
)


def test_the_counts_are_said_in_their_grammatical_number() -> None:
    one = WrittenVote(date(2026, 3, 2), date(2026, 3, 9), 1, 1)
    many = WrittenVote(date(2026, 3, 2), date(2026, 3, 9), 9, 6, 1, 2)

    assert one.summary() == "1 Ja, 0 Nein, 0 Enthaltungen, 0 befangen (1 Mitglied befragt)"
    assert many.summary() == "6 Ja, 1 Nein, 2 Enthaltungen, 0 befangen (9 Mitglieder befragt)"


def test_the_register_and_the_minutes_name_day_and_votes() -> None:
    vote = WrittenVote(date(2026, 3, 2), date(2026, 3, 9), 9, 8, 0, 1)

    assert in_writing_label(date(2026, 3, 9)) == "im Umlaufverfahren am 09.03.2026"
    assert decision_line(
        WrittenDecision(1, "E-2026-04", "Daten & <Ethik>", date(2026, 3, 6), vote)
    ) == (
        "E-2026-04 „Daten & <Ethik>“: beschlossen am 06.03.2026 (versandt am 02.03.2026, "
        "Frist bis 09.03.2026; 8 Ja, 0 Nein, 1 Enthaltung, 0 befangen (9 Mitglieder befragt))"
    )


def test_adoption_on_the_day_of_sending_or_of_the_deadline_is_fine() -> None:
    vote = WrittenVote(date(2026, 3, 2), date(2026, 3, 9), 9, 9)

    assert written_vote_problems(vote, date(2026, 3, 2)) == []
    assert written_vote_problems(vote, date(2026, 3, 9)) == []
    assert [p.field for p in written_vote_problems(vote, date(1850, 3, 9))] == ["on"]
