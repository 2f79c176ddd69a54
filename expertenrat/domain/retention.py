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
