"""The recommendations' reference codes ("E-2026-07"): made, read and renumbered.

Codes are generated only, running per council and year; a code typed by hand is never
taken. The code is the council's reference number of an adopted recommendation, so its
year is the year of adoption: a draft keeps the code of the year it was drafted in until
it is adopted, and adopted in another year it gets the next code of that year
(:func:`renumbered_on_adoption`). A code printed in approved minutes or sent to a project
is never changed. A recommendation belongs to the year it was adopted in, a draft to its
code's (:func:`register_year`): the register's year, the reports and the Übersicht count
alike.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from datetime import date
from itertools import chain, count

from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.wording import listed

DEFAULT_CODE_PREFIX = "E"  # "E-2026-07": Empfehlung; a council setting
# The prefix: a capital letter, then up to five capitals or digits ("E", "DB", "EB2").
_PREFIX = r"[A-Z][A-Z0-9]{0,5}"
CODE_PREFIX = re.compile(rf"^{_PREFIX}$")
_CODE = re.compile(rf"^({_PREFIX})-(\d{{4}})-(\d+)$")


def free_code_prefix(name: str, taken: Collection[str]) -> str:
    """The prefix for a further council's codes: "E" where no council uses it, else the
    initials of its name ("Jugendforum Digitales" → "JD"), else "E2", "E3" …: two councils
    with one prefix both issued "E-2026-01" (found by a tester)."""
    initials = "".join(word[0] for word in name.split() if "A" <= word[0] <= "Z")[:6]
    numbered = (f"{DEFAULT_CODE_PREFIX}{n}" for n in count(2))
    candidates = chain((DEFAULT_CODE_PREFIX, initials), numbered)
    return next(p for p in candidates if CODE_PREFIX.match(p) and p not in taken)


def shared_prefix_warnings(prefix: str, sharing: Sequence[tuple[str, str]]) -> list[FieldProblem]:
    """The warning beside the prefix where other councils (``sharing``: name, city) use it
    too: saved all the same, but both would issue "E-2026-01" (found by a tester)."""
    if not sharing:
        return []
    councils = listed([f"„{name}“ ({city})" for name, city in sharing])
    text = (
        f"Das Kürzel „{prefix}“ gilt auch für {councils}: Empfehlungen verschiedener Gremien "
        f"bekämen so dieselben Kennungen („{prefix}-…“)."
    )
    return [FieldProblem("recommendation_prefix", text, warning=True)]


def recommendation_code(year: int, number: int, prefix: str = DEFAULT_CODE_PREFIX) -> str:
    """The register code: "E-2026-07" (two digits at least), with the council's prefix
    ("DB-2026-07")."""
    return f"{prefix}-{year}-{number:02d}"


def parse_code(code: str) -> tuple[int, int] | None:
    """(year, number) of a well-formed code (of any prefix), else None."""
    found = _CODE.match(code)
    return (int(found[2]), int(found[3])) if found else None


def code_prefix(code: str) -> str:
    """The prefix of a well-formed code ("E" of "E-2026-07"), else ""."""
    found = _CODE.match(code)
    return found[1] if found else ""


def renumbered_on_adoption(code: str, adopted_on: date) -> bool:
    """Whether a draft with ``code`` adopted ``adopted_on`` gets a new code: its code is of
    another year (the caller makes sure it was never printed or sent)."""
    parsed = parse_code(code)
    return parsed is not None and parsed[0] != adopted_on.year


def register_year(code: str, adopted_on: date | None) -> int | None:
    """The year a recommendation counts in: the year of its adoption; a draft's (not yet
    adopted), the year of its code."""
    if adopted_on is not None:
        return adopted_on.year
    parsed = parse_code(code)
    return parsed[0] if parsed is not None else None


def next_recommendation_number(year: int, codes: list[str]) -> int:
    """The next free running number of ``year`` after every code given (codes of other
    years or not well-formed do not count)."""
    numbers = [parsed[1] for parsed in map(parse_code, codes) if parsed and parsed[0] == year]
    return max(numbers, default=0) + 1
