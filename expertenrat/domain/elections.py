"""Elections in the minutes (Wahlen): a vote of an agenda item that elects a person.

At a constituent meeting the council elects its chair and vice chair from two or three
candidates, by secret ballot or by show of hands. Such a vote (:attr:`VoteMode.ELECTION`)
counts the votes per candidate (a member of the council or a name typed), the abstentions
(the vote's ``abstain``) and the invalid ballots, and records who is elected and whether
the person accepts. The minutes print one line: "Dr. A 6 Stimmen · Dr. B 3 Stimmen ·
1 Enthaltung · 0 ungültig · geheime Wahl – gewählt: Dr. A; Dr. A nimmt die Wahl an."

What is refused: negative counts, an election without a candidate, a nameless or twice
named candidate, an elected person who did not stand. Councils' rules of procedure differ
on the majority needed, so an elected person with fewer votes than another, or without a
majority of the votes for the candidates, is saved with a warning. How many ballots the
members present could cast is checked as for every vote (:mod:`expertenrat.domain.votes`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.field_limits import CANDIDATE_NAME, clean_text, text_problems


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person who stood: a member of the council (``membership_id``) or a name typed.

    ``member`` is, in a minutes document, the member's name as the attendance lists print
    it ("" for a name typed): the public minutes leave out a member who has not agreed to
    the publication of the name however the candidate's name was typed ("Frau Berg").
    """

    name: str
    votes: int = 0
    membership_id: int | None = None
    member: str = ""


@dataclass(frozen=True, slots=True)
class Election:
    """What an election vote records beyond the abstentions (the vote's ``abstain``).

    ``elected`` is the name of the candidate elected ("": nobody); ``accepted`` whether
    that person accepted the election (``None``: not recorded).
    """

    candidates: tuple[Candidate, ...] = ()
    invalid: int = 0
    secret: bool = False
    elected: str = ""
    accepted: bool | None = None

    @property
    def valid(self) -> int:
        """The votes cast for the candidates (abstentions and invalid ballots left out)."""
        return sum(c.votes for c in self.candidates)

    def ballots(self, abstain: int) -> int:
        """Every ballot cast: the candidates' votes, ``abstain`` and the invalid ones."""
        return self.valid + abstain + self.invalid

    def winner(self) -> Candidate | None:
        return next((c for c in self.candidates if c.name == self.elected), None)


def clean_election(election: Election) -> Election:
    """``election`` as stored: names in NFC without surrounding spaces, unnamed rows left
    out, no acceptance recorded without an elected person."""
    candidates = tuple(
        replace(c, name=clean_text(c.name, CANDIDATE_NAME))
        for c in election.candidates
        if clean_text(c.name, CANDIDATE_NAME) or c.votes
    )
    elected = clean_text(election.elected, CANDIDATE_NAME)
    return replace(
        election,
        candidates=candidates,
        elected=elected,
        accepted=election.accepted if elected else None,
    )


def election_problems(
    election: Election, abstain: int, field: str, prefix: str
) -> list[FieldProblem]:
    """What is wrong with a cleaned ``election`` (German): errors first, then the warnings
    about the majority. How many ballots the members present could cast is the caller's
    check (:func:`expertenrat.domain.votes.vote_problems`)."""
    problems = _candidate_problems(election, field, prefix)
    problems += [
        FieldProblem(f"{field}.{name}", f"{prefix}Die Zahl der {label} darf nicht negativ sein.")
        for name, label, value in (
            ("abstain", "Enthaltungen", abstain),
            ("invalid", "ungültigen Stimmen", election.invalid),
        )
        if value < 0
    ]
    if election.elected and election.winner() is None:
        problems.append(
            FieldProblem(
                f"{field}.elected",
                f"{prefix}Gewählt sein kann nur, wer zur Wahl stand: „{election.elected}“ "
                "steht nicht unter den Personen zur Wahl.",
            )
        )
    if problems:
        return problems
    if election.ballots(abstain) == 0:
        return [
            FieldProblem(
                f"{field}.candidates",
                f"{prefix}Bitte tragen Sie die Stimmen der Wahl ein (je Person, Enthaltungen, "
                "ungültige).",
            )
        ]
    return _majority_warnings(election, field, prefix)


def _candidate_problems(election: Election, field: str, prefix: str) -> list[FieldProblem]:
    if not election.candidates:
        return [
            FieldProblem(
                f"{field}.candidates",
                f"{prefix}Bitte tragen Sie mindestens eine Person zur Wahl ein.",
            )
        ]
    problems: list[FieldProblem] = []
    seen: set[str] = set()
    for index, candidate in enumerate(election.candidates):
        where = f"{field}.candidates.{index}"
        name = candidate.name
        problems += [
            FieldProblem(p.field, prefix + p.message)
            for p in text_problems(f"{where}.name", name, CANDIDATE_NAME)
        ]
        if not name:
            problems.append(
                FieldProblem(
                    f"{where}.name", f"{prefix}Die {index + 1}. Person zur Wahl hat keinen Namen."
                )
            )
        elif name.casefold() in seen:
            problems.append(
                FieldProblem(f"{where}.name", f"{prefix}„{name}“ steht zweimal zur Wahl.")
            )
        seen.add(name.casefold())
        if candidate.votes < 0:
            problems.append(
                FieldProblem(
                    f"{where}.votes",
                    f"{prefix}Die Zahl der Stimmen für „{name}“ darf nicht negativ sein.",
                )
            )
    return problems


def _majority_warnings(election: Election, field: str, prefix: str) -> list[FieldProblem]:
    winner = election.winner()
    if winner is None:
        return []
    ahead = [c for c in election.candidates if c.votes > winner.votes]
    if ahead:
        best = max(ahead, key=lambda c: c.votes)
        message = (
            f"Gewählt ist „{winner.name}“ mit {votes_of(winner.votes)}, „{best.name}“ hat aber "
            f"{votes_of(best.votes)} erhalten."
        )
    elif 2 * winner.votes <= election.valid:
        message = (
            f"„{winner.name}“ hat {winner.votes} von {election.valid} gültigen Stimmen erhalten, "
            "keine Mehrheit."
        )
    else:
        return []
    return [
        FieldProblem(
            f"{field}.elected",
            f"{prefix}{message} Bitte prüfen Sie es nach der Geschäftsordnung; gespeichert ist "
            "die Wahl so.",
            warning=True,
        )
    ]


def votes_of(count: int) -> str:
    """ "1 Stimme", "6 Stimmen"."""
    return "1 Stimme" if count == 1 else f"{count} Stimmen"


def election_counts(election: Election, abstain: int) -> list[str]:
    """ "Dr. A 6 Stimmen", "Dr. B 3 Stimmen", "1 Enthaltung", "0 ungültig", "geheime Wahl":
    the parts of an election's line before who was elected."""
    abstentions = "1 Enthaltung" if abstain == 1 else f"{abstain} Enthaltungen"
    return [
        *(f"{c.name} {votes_of(c.votes)}" for c in election.candidates),
        abstentions,
        f"{election.invalid} ungültig",
        "geheime Wahl" if election.secret else "offene Wahl",
    ]


def election_outcome(election: Election) -> str:
    """ "gewählt: Dr. A; Dr. A nimmt die Wahl an." (or "… nicht an.", or without the
    acceptance where none was recorded), "niemand gewählt" without an elected person."""
    if not election.elected:
        return "niemand gewählt"
    said = f"gewählt: {election.elected}"
    if election.accepted is None:
        return said
    taken = "nimmt die Wahl an" if election.accepted else "nimmt die Wahl nicht an"
    return f"{said}; {election.elected} {taken}."


def election_line(election: Election, abstain: int) -> str:
    """The counts and the outcome of an election as one line (without who was recused)."""
    return f"{' · '.join(election_counts(election, abstain))} – {election_outcome(election)}"


def renamed(election: Election, names: dict[str, str]) -> Election:
    """``election`` with each candidate (and the elected person) named as ``names`` maps
    the name (names not in it kept): the public minutes' way to leave a name out."""
    return replace(
        election,
        candidates=tuple(replace(c, name=names.get(c.name, c.name)) for c in election.candidates),
        elected=names.get(election.elected, election.elected),
    )
