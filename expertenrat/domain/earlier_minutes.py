"""What a meeting decided about earlier minutes, in the words of its own minutes'
Feststellungen and the completeness check: approved, objections decided, the approval put
off ("vertagt", "von der Tagesordnung abgesetzt"). Counts only, no names.
"""

from __future__ import annotations

from expertenrat.domain.enums import AgendaItemOutcome
from expertenrat.domain.wording import counted


def put_off_approval(outcome: AgendaItemOutcome) -> str:
    """What became of an approval of minutes the meeting did not deal with: "vertagt",
    "von der Tagesordnung abgesetzt"."""
    if outcome is AgendaItemOutcome.WITHDRAWN:
        return "von der Tagesordnung abgesetzt"
    return outcome.label


def put_off_line(meeting: str, outcome: AgendaItemOutcome) -> str:
    """ "Die Genehmigung des Protokolls der 5. Sitzung wurde vertagt.": the completeness
    check's line and the minutes' Feststellungen where the meeting put its approval item
    off (``meeting``: "der 5. Sitzung")."""
    return f"Die Genehmigung des Protokolls {meeting} wurde {put_off_approval(outcome)}."


def earlier_minutes_line(
    meeting: str,
    approved: bool,
    accepted: int,
    rejected: int,
    outside_accepted: int = 0,
    outside_rejected: int = 0,
    put_off: AgendaItemOutcome | None = None,
) -> str:
    """What a meeting decided about the minutes of ``meeting`` ("der 1. Sitzung"), for its
    own minutes' Feststellungen: "Das Protokoll der 1. Sitzung wurde genehmigt; über 2
    Einwände wurde entschieden (1 berücksichtigt, 1 zurückgewiesen)." Objections decided
    outside a meeting (``outside_…``) are reported here too, since no other minutes record
    them: "…; außerhalb einer Sitzung war über 1 Einwand entschieden worden (1
    berücksichtigt, 0 zurückgewiesen)." Where the meeting put the approval off
    (``put_off``, its approval item postponed or taken off) and did not approve them:
    "…; die Genehmigung wurde vertagt.", alone :func:`put_off_line`. Counts only, no
    names: the line stands in the public minutes too."""
    decided = accepted + rejected
    objections = (
        f"über {counted(decided, 'Einwand', 'Einwände')} wurde entschieden "
        f"({accepted} berücksichtigt, {rejected} zurückgewiesen)"
        if decided
        else ""
    )
    outside = outside_accepted + outside_rejected
    before = (
        f"außerhalb einer Sitzung war über {counted(outside, 'Einwand', 'Einwände')} "
        f"entschieden worden ({outside_accepted} berücksichtigt, {outside_rejected} "
        "zurückgewiesen)"
        if outside
        else ""
    )
    later = f"die Genehmigung wurde {put_off_approval(put_off)}" if put_off else ""
    if approved:
        parts = [f"Das Protokoll {meeting} wurde genehmigt", objections, before]
    elif put_off is not None and not decided and not outside:
        return put_off_line(meeting, put_off)
    elif decided:
        parts = [
            f"Über die Einwände gegen das Protokoll {meeting} wurde entschieden "
            f"({accepted} berücksichtigt, {rejected} zurückgewiesen)",
            before,
            later,
        ]
    else:
        parts = [
            f"Über {counted(outside, 'Einwand', 'Einwände')} gegen das Protokoll {meeting} "
            f"wurde außerhalb einer Sitzung entschieden ({outside_accepted} berücksichtigt, "
            f"{outside_rejected} zurückgewiesen)",
            later,
        ]
    return "; ".join(part for part in parts if part) + "."
