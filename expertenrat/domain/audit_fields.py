"""The audit trail in words: an entry's fields as rows "Feld | vorher | nachher", with the
values as a secretariat reads them (dates as TT.MM.JJJJ, "ja"/"nein", the German label of a
state, never raw JSON), and the entries' times in the council's time zone.

The names are :mod:`expertenrat.domain.audit_labels`. Technical fields (version counters,
public ids, fingerprints) are left out of what the page shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from expertenrat.domain.audit_labels import ENUM_FIELDS, field_label
from expertenrat.domain.bundeslaender import BUNDESLAENDER
from expertenrat.domain.council_periods import PERIOD_UNITS, period_text
from expertenrat.domain.councils import DEFAULT_ROLE_TITLES, RoleTitles
from expertenrat.domain.elections import Candidate, Election, election_line
from expertenrat.domain.enums import AuditAction, MemberRole, VoteMode
from expertenrat.domain.series_wording import stored_rule_words
from expertenrat.domain.votes import vote_outcome

_HIDDEN = frozenset({"version", "public_id", "uid", "ics_sequence", "fingerprint", "sha256"})
# Row ids that name nothing (the record's own, a series', a minutes version's): the page
# shows them, the Auskunft leaves them out (:func:`field_changes`, ``numbers``).
_BARE_NUMBERS = frozenset({"id", "series_id", "minutes_version_id"})

# Fields that hold the number (row id) of another record, and the kind of that record: the
# page shows the record's name beside its number ("9. Sitzung (Nr. 8)"), as the number
# alone read like another meeting's running number or a TOP's.
REFERENCES: Mapping[str, str] = {
    "council_id": "council",
    "meeting_id": "meeting",
    "meeting_ids": "meeting",
    "approved_in_meeting_id": "meeting",
    "decided_in_meeting_id": "meeting",
    "agenda_item_id": "agenda_item",
    "parent_id": "agenda_item",
    "arrived_item_id": "agenda_item",
    "left_item_id": "agenda_item",
    "away_item_id": "agenda_item",
    "back_item_id": "agenda_item",
    "origin_agenda_item_id": "agenda_item",
    "membership_id": "membership",
    "chair_membership_id": "membership",
    "person_id": "person",
    "action_field_id": "action_field",
    "primary_field_id": "action_field",
    "further_field_ids": "action_field",
    "project_id": "project",
    "project_ids": "project",
    "answered_project_ids": "project",
}

Names = Mapping[tuple[str, int], str]
"""The name of a record by (kind, number), for the references of entries."""
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?")
_ISO_TIME = re.compile(r"\d{2}:\d{2}(:\d{2}(\.\d+)?)?")


@dataclass(frozen=True, slots=True)
class AuditLine:
    """One entry of the audit trail; ``before``/``after`` as the services wrote them."""

    at: datetime  # naive UTC
    actor: str
    action: AuditAction
    entity: str
    entity_id: int | None
    summary: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    id: int = 0


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of an audit entry: its German name and its value before and after."""

    label: str
    before: str
    after: str


def field_changes(
    entity: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    names: Names | None = None,
    titles: RoleTitles = DEFAULT_ROLE_TITLES,
    numbers: bool = True,
) -> list[FieldChange]:
    """The fields of an entry as rows "Feld | vorher | nachher", technical fields left out;
    a reference as the record's name from ``names`` and its number ("9. Sitzung (Nr. 8)"),
    the number alone for a record ``names`` lacks; a member's role as the council calls it
    (``titles``: "Sprecher*in", not "Vorsitz"). Without ``numbers`` (the Auskunft nach
    Art. 15 DSGVO, read by a person who never saw the program's row ids) a reference is the
    record's name alone, and a number that names nothing is left out.

    A new record lists its filled fields, a deleted one the fields it had.
    """
    old, new = before or {}, after or {}
    rows = []
    for key in [*old, *(k for k in new if k not in old)]:
        if key in _HIDDEN or (not numbers and key in _BARE_NUMBERS):
            continue
        label = field_label(entity, key)
        if key in REFERENCES:
            kind = REFERENCES[key]
            was, now = (
                _reference(kind, v, names or {}, numbers) for v in (old.get(key), new.get(key))
            )
            if not numbers or "(Nr. " in was + now:  # named: "Sitzung", no longer "Sitzung (Nr.)"
                label = label.removesuffix(" (Nr.)")
        else:
            was, now = (
                readable(entity, key, v, titles, names, numbers)
                for v in (old.get(key), new.get(key))
            )
        if was or now:
            rows.append(FieldChange(label, was, now))
    return rows


def references(entries: Iterable[tuple[dict[str, Any] | None, dict[str, Any] | None]]) -> set:
    """The (kind, number) of every record the fields of ``entries`` (before, after) name."""
    found: set[tuple[str, int]] = set()
    for state in _with_nested(s for pair in entries for s in pair if s):
        for key, kind in REFERENCES.items():
            value = state.get(key)
            numbers = value if isinstance(value, list) else [value]
            found.update(
                (kind, n) for n in numbers if isinstance(n, int) and not isinstance(n, bool)
            )
    return found


def _with_nested(states: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    """Each state and the records kept whole in its fields (a response removed)."""
    for state in states:
        yield state
        yield from (value for value in state.values() if isinstance(value, dict))


def _reference(kind: str, value: Any, names: Names, numbers: bool = True) -> str:
    """The record ``value`` refers to: "9. Sitzung (Nr. 8)", "8" for one ``names`` lacks;
    without ``numbers`` "9. Sitzung", and nothing for one ``names`` lacks."""
    if isinstance(value, list):
        return "; ".join(filter(None, (_reference(kind, v, names, numbers) for v in value)))
    if not isinstance(value, int) or isinstance(value, bool):
        return "" if value is None else str(value)
    name = names.get((kind, value))
    if not numbers:
        return name or ""
    return f"{name} (Nr. {value})" if name else str(value)


def readable(
    entity: str,
    field: str,
    value: Any,
    titles: RoleTitles = DEFAULT_ROLE_TITLES,
    names: Names | None = None,
    numbers: bool = True,
) -> str:
    """A stored value as a person reads it: "ja"/"nein", TT.MM.JJJJ, an enum's label, a
    member's role by the council's ``titles``; in a record kept whole (a response
    removed) a reference by ``names`` as :func:`field_changes` names it."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, list):
        return "; ".join(_item(entity, field, item) for item in value)
    if isinstance(value, dict):
        return _vote(value) if "yes" in value else _pairs(entity, value, names, numbers)
    if entity == "council" and field in PERIOD_UNITS and isinstance(value, int):
        return period_text(field, value)  # "14 Tage": the name says no unit
    if not isinstance(value, str):
        return str(value)
    if (entity, field) == ("meeting_series", "rrule"):  # "DTSTART:…\nRRULE:FREQ=…"
        return stored_rule_words(value)
    if (entity, field) == ("council", "bundesland"):  # "DE-MV" as the settings list it
        return BUNDESLAENDER.get(value, value)
    enum = ENUM_FIELDS.get(f"{entity}.{field}")
    if enum is not None:
        try:
            member = enum(value)
        except ValueError:
            return value
        return titles.of(member) if isinstance(member, MemberRole) else member.label
    return _date_text(value)


def _date_text(value: str) -> str:
    if _ISO_DATE.fullmatch(value):
        return date.fromisoformat(value).strftime("%d.%m.%Y")
    if _ISO_DATETIME.fullmatch(value):
        return datetime.fromisoformat(value).strftime("%d.%m.%Y %H:%M")
    if _ISO_TIME.fullmatch(value):
        return time.fromisoformat(value).strftime("%H:%M")
    return value


def _item(entity: str, field: str, item: Any) -> str:
    """One entry of a list; a pair such as an action field's name and colour as
    "Umwelt (#2ca02c)", so that the "; " between entries still separates them."""
    if isinstance(item, list) and item:
        first, *rest = (readable(entity, field, part) for part in item)
        rest = [part for part in rest if part]
        return f"{first} ({', '.join(rest)})" if rest else first
    return readable(entity, field, item)


def _vote(value: dict[str, Any]) -> str:
    """A vote as the minutes word it: "Ja 7 · Nein 0 · Enthaltung 1 · befangen 1 –
    angenommen", "einstimmig angenommen", or noted without a vote "zur Kenntnis genommen"
    (stored as not adopted: never "abgelehnt")."""
    subject = str(value.get("subject") or "Abstimmung")
    try:
        mode = VoteMode(value.get("mode") or VoteMode.COUNTED.value)
    except ValueError:
        mode = VoteMode.COUNTED
    adopted = value.get("adopted")
    if mode is VoteMode.ELECTION:
        return f"{subject}: {_election(value)}"
    if mode is not VoteMode.COUNTED:
        return f"{subject}: {vote_outcome(mode, bool(adopted))}"
    counts = " · ".join(
        f"{word} {value.get(key, 0)}"
        for key, word in (("yes", "Ja"), ("no", "Nein"), ("abstain", "Enthaltung"))
    )
    if value.get("recused"):
        counts += f" · befangen {value['recused']}"
    if adopted is None:
        return f"{subject}: {counts}"
    return f"{subject}: {counts} – {vote_outcome(mode, bool(adopted))}"


def _election(value: dict[str, Any]) -> str:
    """An election kept by the audit trail as the minutes word it (see :func:`_vote`)."""
    candidates = [c for c in value.get("candidates") or () if isinstance(c, dict)]
    election = Election(
        candidates=tuple(
            Candidate(str(c.get("name", "")), int(c.get("votes", 0))) for c in candidates
        ),
        invalid=int(value.get("invalid") or 0),
        secret=bool(value.get("secret")),
        elected=next((str(c.get("name", "")) for c in candidates if c.get("elected")), ""),
        accepted=value.get("accepted"),
    )
    return election_line(election, int(value.get("abstain") or 0))


def _pairs(entity: str, value: dict[str, Any], names: Names | None, numbers: bool) -> str:
    """A record kept whole as "Feld: Wert, …"; a reference named where ``names`` are
    given ("Projekt: Klimaportal (Nr. 3)"), its number alone where not."""
    parts = []
    for key, item in value.items():
        if key in _HIDDEN:
            continue
        label, text = field_label(entity, key), readable(entity, key, item)
        if key in REFERENCES and names is not None:
            text = _reference(REFERENCES[key], item, names, numbers)
            if not numbers or "(Nr. " in text:
                label = label.removesuffix(" (Nr.)")
        parts.append(f"{label}: {text}")
    return ", ".join(parts)


def local_time(at_utc: datetime, zone: ZoneInfo) -> datetime:
    """A stored (naive UTC) time of the audit trail in the council's time zone."""
    return at_utc.replace(tzinfo=UTC).astimezone(zone)


def utc_bounds(
    first: date | None, last: date | None, zone: ZoneInfo
) -> tuple[datetime | None, datetime | None]:
    """The naive UTC instants from the start of ``first`` to the end of ``last`` (both days
    in the council's time zone), for comparing with stored audit times."""

    def start_of(day: date) -> datetime:
        return datetime.combine(day, time(), zone).astimezone(UTC).replace(tzinfo=None)

    upper = None
    if last is not None:
        upper = start_of(date.fromordinal(last.toordinal() + 1))
    return (start_of(first) if first is not None else None), upper
