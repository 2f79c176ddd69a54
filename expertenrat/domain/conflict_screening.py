"""Screening for conflicts of interest: a member's organisation among a project's partners.

Names are compared by :func:`organisation_key`: folded (case, accents, Unicode forms),
punctuation made spaces, and legal forms at the end removed — GmbH, gGmbH, mbH, AG, SE, KG,
KGaA, OHG, GbR, eG, e. V., UG (haftungsbeschränkt), "& Co.", gUG, PartG. "Stiftung" and
"Verein" are kept: they are often the name itself ("Stiftung Warentest").

Two names match when their keys are equal, or when the shorter key of at least two words
appears as whole words in the longer ("Stadtwerke Rostock" in "Stadtwerke Rostock AG,
Abteilung Netze"). One-word names ("Rostock") only match exactly, so that a city or a
common word does not flag everyone. A match is a suggestion; the user decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from expertenrat.domain.text_folding import fold

_NOT_WORD = re.compile(r"[\W_]+")
_LEGAL_FORMS = frozenset(
    {
        "gmbh",
        "ggmbh",
        "mbh",
        "ag",
        "gag",
        "se",
        "kg",
        "kgaa",
        "ohg",
        "gbr",
        "eg",
        "ev",
        "ug",
        "gug",
        "haftungsbeschrankt",
        "partg",
        "co",
    }
)
# Legal forms written in separate letters once punctuation is gone ("e. V." → "e v").
_SPLIT_FORMS = (("e", "v"), ("e", "g"), ("g", "gmbh"))


@dataclass(frozen=True, slots=True)
class Affiliation:
    member: int
    organisation: str


@dataclass(frozen=True, slots=True)
class ConflictSuggestion:
    """``member`` may be biased: ``organisation`` matches the project partner ``partner``."""

    member: int
    organisation: str
    partner: str

    @property
    def text(self) -> str:
        return (
            f"Mögliche Befangenheit: „{self.organisation}“ entspricht dem Projektpartner "
            f"„{self.partner}“."
        )


def organisation_key(name: str) -> tuple[str, ...]:
    """The words of ``name`` for matching, without a legal form at the end."""
    words = _NOT_WORD.sub(" ", fold(name)).split()
    while words:
        if words[-1] in _LEGAL_FORMS:
            words.pop()
        elif tuple(words[-2:]) in _SPLIT_FORMS:
            del words[-2:]
        else:
            break
    return tuple(words)


def organisations_match(first: str, second: str) -> bool:
    a, b = organisation_key(first), organisation_key(second)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) < 2:
        return False
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def screen(
    affiliations: Iterable[Affiliation], partners: Sequence[str]
) -> list[ConflictSuggestion]:
    """One suggestion per (member, organisation, partner) that match, in the given order."""
    return [
        ConflictSuggestion(a.member, a.organisation, partner)
        for a in affiliations
        for partner in partners
        if organisations_match(a.organisation, partner)
    ]
