"""A recommendation adopted between meetings in writing ("im Umlaufverfahren"): the
secretariat sent the draft to every member on ``sent_on`` with a deadline, collected the
votes (yes / no / abstain, and recusals) and recorded the result. Only a majority of yes
over no adopts; the day of adoption lies between sending and the deadline. The next
meeting is told ("Bericht über die im Umlaufverfahren gefassten Beschlüsse", an agenda item
under which the minutes name each one: :func:`decision_line`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.field_limits import date_problems

IN_WRITING = "im Umlaufverfahren"
REPORT_TITLE = "Bericht über die im Umlaufverfahren gefassten Beschlüsse"
MAX_MEMBERS = 999


@dataclass(frozen=True, slots=True)
class WrittenVote:
    """The written procedure as recorded: when sent, the deadline, how many members it
    went to, and the votes returned."""

    sent_on: date
    deadline_on: date
    member_count: int
    yes: int
    no: int = 0
    abstain: int = 0
    recused: int = 0

    @property
    def returned(self) -> int:
        return self.yes + self.no + self.abstain + self.recused

    def summary(self) -> str:
        """ "7 Ja, 0 Nein, 1 Enthaltung, 1 befangen (9 Mitglieder befragt)"."""
        abstained = "Enthaltung" if self.abstain == 1 else "Enthaltungen"
        asked = "Mitglied" if self.member_count == 1 else "Mitglieder"
        return (
            f"{self.yes} Ja, {self.no} Nein, {self.abstain} {abstained}, "
            f"{self.recused} befangen ({self.member_count} {asked} befragt)"
        )


@dataclass(frozen=True, slots=True)
class WrittenDecision:
    """A recommendation adopted in writing, as the next meeting is told of it."""

    key: int  # the written procedure's id
    code: str
    title: str
    adopted_on: date
    vote: WrittenVote


def in_writing_label(adopted_on: date) -> str:
    """ "im Umlaufverfahren am 03.12.2026": where the register says it was adopted."""
    return f"{IN_WRITING} am {adopted_on:%d.%m.%Y}"


def written_vote_problems(vote: WrittenVote, adopted_on: date) -> list[FieldProblem]:
    """What is wrong with ``vote`` adopting a recommendation ``adopted_on``, in German."""
    problems = date_problems("sent_on", vote.sent_on, "Der Versand") + date_problems(
        "deadline_on", vote.deadline_on, "Die Frist"
    )
    if problems:
        return problems
    if vote.deadline_on < vote.sent_on:
        problems.append(
            FieldProblem(
                "deadline_on",
                f"Die Frist ({vote.deadline_on:%d.%m.%Y}) kann nicht vor dem Versand "
                f"({vote.sent_on:%d.%m.%Y}) liegen.",
            )
        )
    elif not vote.sent_on <= adopted_on <= vote.deadline_on:
        problems.append(
            FieldProblem(
                "on",
                f"Im Umlaufverfahren wird zwischen dem Versand ({vote.sent_on:%d.%m.%Y}) und "
                f"dem Ende der Frist ({vote.deadline_on:%d.%m.%Y}) beschlossen; der "
                f"{adopted_on:%d.%m.%Y} liegt außerhalb.",
            )
        )
    return problems + _count_problems(vote)


def _count_problems(vote: WrittenVote) -> list[FieldProblem]:
    if not 1 <= vote.member_count <= MAX_MEMBERS:
        return [
            FieldProblem(
                "member_count",
                f"Bitte geben Sie an, an wie viele Mitglieder (1 bis {MAX_MEMBERS}) die "
                "Vorlage ging.",
            )
        ]
    if min(vote.yes, vote.no, vote.abstain, vote.recused) < 0:
        return [FieldProblem("yes", "Eine Stimmenzahl kann nicht negativ sein.")]
    if vote.returned > vote.member_count:
        return [
            FieldProblem(
                "yes",
                f"{vote.returned} Rückmeldungen (Ja, Nein, Enthaltung, befangen) sind mehr als "
                f"die {vote.member_count} befragten Mitglieder.",
            )
        ]
    if vote.yes <= vote.no:
        return [
            FieldProblem(
                "yes",
                f"Mit {vote.yes} Ja- gegen {vote.no} Nein-Stimmen ist die Empfehlung nicht "
                "angenommen; sie bleibt ein Entwurf.",
            )
        ]
    return []


def decision_line(decision: WrittenDecision) -> str:
    """ "E-2026-07 „Titel“: beschlossen am 27.03.2026 (versandt am 20.03.2026, Frist bis
    27.03.2026; 7 Ja, 0 Nein, …)": a line of the minutes of the item that reports it."""
    vote = decision.vote
    return (
        f"{decision.code} „{decision.title}“: beschlossen am {decision.adopted_on:%d.%m.%Y} "
        f"(versandt am {vote.sent_on:%d.%m.%Y}, Frist bis {vote.deadline_on:%d.%m.%Y}; "
        f"{vote.summary()})"
    )
