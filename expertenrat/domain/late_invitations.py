"""Members who did not get an invited meeting's invitation with the others (they joined the
council after it went out, or their term was lengthened after it to reach the meeting), and
the line that asks to send it on ("Einladung nachsenden")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from expertenrat.domain.wording import listed


@dataclass(frozen=True, slots=True)
class Latecomer:
    """A member of the meeting's day whom its invitation did not reach."""

    membership_id: int
    name: str  # "Dr. Jana Petersen"
    lengthened: bool = False  # a member before the invitation, whose term reached the
    # meeting only after it was lengthened


def send_on_text(label: str, day: date, sent_on: date, latecomers: Sequence[Latecomer]) -> str:
    """ "7. Sitzung am 11.12.2026: Dr. Jana Petersen ist nach der Einladung vom 27.11.2026
    ins Gremium gekommen – Einladung nachsenden"; a lengthened term is named as such
    ("Ole Brandt (Amtszeit verlängert) ist nach der Einladung … hinzugekommen")."""
    names = [f"{m.name} (Amtszeit verlängert)" if m.lengthened else m.name for m in latecomers]
    verb = "ist" if len(names) == 1 else "sind"
    came = "hinzugekommen" if any(m.lengthened for m in latecomers) else "ins Gremium gekommen"
    return (
        f"{label} am {day:%d.%m.%Y}: {listed(names)} {verb} nach der Einladung vom "
        f"{sent_on:%d.%m.%Y} {came} – Einladung nachsenden"
    )
