"""Retention: former members whose contact data is due for anonymisation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DEFAULT_RETENTION_YEARS = 2
# How the audit trail's entry of an anonymisation begins (the Auskunft finds it by it).
ANONYMISED = "Anonymisiert nach Ablauf der Aufbewahrungsfrist"
# ... and of one at the person's request, before the period ends (Art. 17 DSGVO).
ANONYMISED_ON_REQUEST = "Anonymisiert auf Antrag (Art. 17 DSGVO)"
# What anonymising does not reach: the copies of the database (domain.backup_rotation).
COPIES_STILL_HOLD = (
    "Die täglichen Sicherungen enthalten die gelöschten Angaben noch bis zu rund einem Jahr, "
    "die Sicherheitskopien bis zum Ende ihrer Frist."
)


@dataclass(frozen=True, slots=True)
class RetentionCandidate:
    person_id: int
    name: str
    left_on: date  # the end of the person's last membership in any council
    sort_name: str = ""  # the name's place in a list (name_sort_key)
    # Where the database holds several councils, the one (or those) the person was a member
    # of ("Digitalbeirat"): a human on two councils is a record in each, and the other
    # council's may be due while this one's is not. Empty with one council.
    councils: str = ""


def candidate_line(candidate: RetentionCandidate) -> str:
    """The person as the command line lists them: "Kim Alt (ausgeschieden am 26.11.2024)",
    with several councils "Kim Alt (Digitalbeirat; ausgeschieden am 26.11.2024)"."""
    council = f"{candidate.councils}; " if candidate.councils else ""
    return f"{candidate.name} ({council}ausgeschieden am {candidate.left_on:%d.%m.%Y})"
