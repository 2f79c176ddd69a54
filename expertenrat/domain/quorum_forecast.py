"""Before a meeting: whether the apologies recorded ahead leave it able to reach a quorum.

Before its day only apologies ("entschuldigt") can be recorded for a meeting
(:mod:`~expertenrat.domain.attendance_sheet`). Every voting member not excused may still
come, so at most those are to be expected; where even they would not make a quorum under
the council's rule (:func:`~expertenrat.domain.quorum.is_quorate`, the one rule the
minutes apply), the secretariat is warned while it can still move the meeting:
"Nach 5 Entschuldigungen sind höchstens 4 von 9 stimmberechtigten Mitgliedern zu
erwarten – die Sitzung wäre nicht beschlussfähig (nötig: mehr als die Hälfte, also
mindestens 5)".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from expertenrat.domain.enums import AttendanceStatus, QuorumRule
from expertenrat.domain.quorum import Attendance, is_quorate


@dataclass(frozen=True, slots=True)
class QuorumForecast:
    """The voting members of a meeting ahead (``entitled``), how many of them are excused,
    and the council's rule."""

    entitled: int
    excused: int
    rule: QuorumRule

    @property
    def expected(self) -> int:
        """The most voting members that may come: all but the excused."""
        return self.entitled - self.excused

    @property
    def needed(self) -> int | None:
        """The fewest voting members present that make a quorum under the rule (``None``
        without voting members)."""
        return needed_for_quorum(self.entitled, self.rule)

    @property
    def at_risk(self) -> bool:
        """Apologies are recorded and the members left could not make a quorum."""
        return self.excused > 0 and not is_quorate(self.expected, self.entitled, self.rule)

    @property
    def warning(self) -> str:
        """What the secretariat is told where :attr:`at_risk`, else ""."""
        if not self.at_risk:
            return ""
        apologies = "Entschuldigung" if self.excused == 1 else "Entschuldigungen"
        verb = "ist" if self.expected == 1 else "sind"
        noun = "Mitglied" if self.entitled == 1 else "Mitgliedern"
        return (
            f"Nach {self.excused} {apologies} {verb} höchstens {self.expected} von "
            f"{self.entitled} stimmberechtigten {noun} zu erwarten – die Sitzung wäre nicht "
            f"beschlussfähig (nötig: {self.rule.label}, also mindestens {self.needed})"
        )

    @property
    def run_sheet_line(self) -> str:
        """What the chair's run sheet says of the quorum before the meeting, "" without
        voting members: "ab 5 von 9 stimmberechtigten Mitgliedern (mehr als die Hälfte);
        2 entschuldigt, höchstens 7 zu erwarten." or, where :attr:`at_risk`, the warning."""
        if self.needed is None:
            return ""
        if self.at_risk:
            return self.warning + "."
        noun = "Mitglied" if self.entitled == 1 else "Mitgliedern"
        rule = f"ab {self.needed} von {self.entitled} stimmberechtigten {noun} ({self.rule.label})"
        if not self.excused:
            return f"{rule}; bisher keine Entschuldigungen."
        return f"{rule}; {self.excused} entschuldigt, höchstens {self.expected} zu erwarten."


def needed_for_quorum(entitled: int, rule: QuorumRule) -> int | None:
    """The fewest of ``entitled`` voting members present that ``rule`` calls quorate."""
    return next((n for n in range(entitled + 1) if is_quorate(n, entitled, rule)), None)


def quorum_forecast(attendance: Sequence[Attendance], rule: QuorumRule) -> QuorumForecast:
    """The forecast of a meeting ahead from its attendance as recorded so far (a member
    without a line may still come: only the excused are counted out)."""
    voting = [a for a in attendance if a.voting]
    excused = sum(a.status is AttendanceStatus.EXCUSED for a in voting)
    return QuorumForecast(len(voting), excused, rule)
