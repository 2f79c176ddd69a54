"""Importing members from a file: what each row of the file would do, before anything is saved.

:func:`classify_import` decides it for every row (the types it answers with are in
``member_import_preview``; how rows find their person and stored membership, in
``member_import_matching``): it merges a row with what it updates and lists what an update
changes (``member_import_updates``), and checks it against the council as it would be.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date
from typing import Protocol

from expertenrat.domain.consent import ConsentChange, review_consent
from expertenrat.domain.councils import DEFAULT_ROLE_TITLES, RoleTitles
from expertenrat.domain.enums import ConsentKind
from expertenrat.domain.member_council_checks import council_problems
from expertenrat.domain.member_history import RecordedSpan, history_problems
from expertenrat.domain.member_import_matching import (
    PersonRows,
    StoredMembers,
    match_rows,
)
from expertenrat.domain.member_import_preview import ImportPreview, ImportRow, ImportStatus
from expertenrat.domain.member_import_updates import changed_columns, resolve_rows
from expertenrat.domain.member_index import MemberIndex
from expertenrat.domain.members import (
    Member,
    consent_date_problems,
    member_problems,
    replaced,
    term_span,
)
from expertenrat.domain.progress import Progress, no_progress


class ReadRow(Protocol):
    """A data row as the file reader delivers it: a member, or the errors of the row.

    The member is cleaned (``clean_member``) and has no problems on its own
    (``member_problems``); classifying checks it only against the council.
    """

    @property
    def line(self) -> int: ...
    @property
    def member(self) -> Member | None: ...
    @property
    def errors(self) -> tuple[str, ...]: ...


def classify_import(
    council_id: int,
    read_rows: Sequence[ReadRow],
    existing: Sequence[Member],
    today: date,
    *,
    present: Collection[str],
    column_names: Mapping[str, str],
    ignored_columns: tuple[str, ...] = (),
    names: Mapping[int, str] | None = None,
    withdrawals: Mapping[int, Mapping[ConsentKind, date]] | None = None,
    recorded: Mapping[int, RecordedSpan] | None = None,
    titles: RoleTitles = DEFAULT_ROLE_TITLES,
    progress: Progress = no_progress,
) -> ImportPreview:
    """Decide for every row of a file whether it adds, changes or cannot import a member.

    ``existing`` are the council's memberships. A row updates the membership of the same
    person (same e-mail address, else same given and family name); among several
    memberships of that person it takes the one with the same term start, else one whose
    term overlaps, else the only one, unless meetings record that one outside the row's
    term (then the row adds a further term of the person). ``present`` are the member
    attributes the file has a column for: an update keeps the stored value of every other
    attribute. ``column_names`` names the attributes in messages; ``names`` (by line)
    labels the rows that could not be read as a member. Every row is checked against the
    council as it would be after the import (roles, duplicates), and a person twice in the
    file with overlapping terms is an error in the later row. Consent changes are listed apart
    (``domain.consent.review_consent``); ``withdrawals`` (by person id) are the latest
    recorded withdrawals, which a row with an older grant cannot undo. ``recorded`` (by
    membership id) are the meetings that record a stored membership (``member_history``),
    which an updated term must still cover. ``titles``: what the council calls its chair
    and vice chair, as the messages name them. ``progress`` hears of every checked row.
    """
    rows = list(read_rows)
    errors: dict[int, list[str]] = {
        i: [_without_line(row.line, e) for e in row.errors]
        for i, row in enumerate(rows)
        if row.member is None
    }
    persons = PersonRows()
    parsed = _without_twins(rows, errors, persons)
    accepted = list(parsed)
    stored = StoredMembers(existing)
    candidates = {i: stored.candidates(*persons.keys[i]) for i in accepted}
    targets = match_rows(accepted, parsed, candidates, recorded)
    members, person_of = resolve_rows(parsed, candidates, targets, present, persons)
    notes = _validate(
        members,
        parsed,
        person_of,
        targets,
        existing,
        recorded or {},
        today,
        titles,
        errors,
        progress,
    )
    consent = _consent_step(members, existing, withdrawals or {}, errors)
    for i, member in members.items():  # a further term of a stored person: say so
        if i not in targets and i not in errors and member.person_id is not None:
            latest = max(candidates[i].members, key=lambda m: m.term_start)
            notes.setdefault(i, []).append(
                f"Weitere Amtszeit derselben Person, bisher {term_span(latest)}"
            )
    for i, root in person_of.items():
        if root in errors and i not in errors:
            errors[i] = [
                f"Die Person wird in Zeile {rows[root].line} angelegt, die nicht "
                "importiert werden kann."
            ]

    result = []
    for i, row in enumerate(rows):
        if i in errors:
            label = row.member.full_name if row.member else (names or {}).get(row.line, "")
            result.append(
                ImportRow(
                    row.line,
                    ImportStatus.ERROR,
                    None,
                    label,
                    tuple(errors[i]),
                    False,
                    sort_name=row.member.sort_name if row.member else "",
                )
            )
            continue
        member = members[i]
        changes = changed_columns(member, targets[i], column_names) if i in targets else None
        reasons = list(notes.get(i, ()))
        if changes:
            reasons.append("Ändert: " + ", ".join(changes))
        status = ImportStatus.NEW
        if changes is not None:
            status = ImportStatus.UPDATE if changes or consent[i] else ImportStatus.UNCHANGED
        result.append(
            ImportRow(
                line=row.line,
                status=status,
                member=member,
                label=member.full_name,
                reasons=tuple(reasons),
                changed=status is not ImportStatus.UNCHANGED,
                person_of_line=rows[person_of[i]].line if i in person_of else None,
                consent_changes=consent[i],
            )
        )
    return ImportPreview(council_id, tuple(result), ignored_columns)


def _consent_step(
    members: dict[int, Member],
    existing: Sequence[Member],
    withdrawals: Mapping[int, Mapping[ConsentKind, date]],
    errors: dict[int, list[str]],
) -> dict[int, tuple[ConsentChange, ...]]:
    """The consent changes of each row without errors; a grant older than a recorded
    withdrawal makes its row an error (in ``errors``)."""
    stored_persons = {e.person_id: e for e in existing}
    consent: dict[int, tuple[ConsentChange, ...]] = {}
    for i, member in members.items():
        if i in errors:
            continue
        person = member.person_id
        consent[i], stale = review_consent(
            member, stored_persons.get(person), withdrawals.get(person, {}) if person else {}
        )
        if stale:
            errors[i] = list(stale)
    return consent


def _without_twins(
    rows: list[ReadRow], errors: dict[int, list[str]], persons: PersonRows
) -> dict[int, Member]:
    """The readable rows by index, without a later row of a person for an overlapping term;
    the accepted rows are added to ``persons``."""
    accepted: dict[int, Member] = {}
    for i, row in enumerate(rows):
        member = row.member
        if member is None:
            continue
        twin = persons.overlapping(i, member)
        if twin is None:
            accepted[i] = member
            persons.add(i, member)
        else:
            errors[i] = [
                f"Dieselbe Person steht schon in Zeile {rows[twin].line}, mit einer Amtszeit, "
                "die sich mit dieser überschneidet."
            ]
    return accepted


def _without_line(line: int, message: str) -> str:
    prefix = f"Zeile {line}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def _validate(
    members: dict[int, Member],
    parsed: dict[int, Member],
    person_of: dict[int, int],
    targets: dict[int, Member],
    existing: Sequence[Member],
    recorded: Mapping[int, RecordedSpan],
    today: date,
    titles: RoleTitles,
    errors: dict[int, list[str]],
    progress: Progress,
) -> dict[int, list[str]]:
    """Check each row against the council as it would be; errors go into ``errors``.

    The reader checked each row on its own; a row that takes values of a stored membership
    (``members[i]`` is not ``parsed[i]``) is checked on its own again. The rows of a new
    person with several rows get the same stand-in person id (negative, never saved), so that
    they are not taken for duplicates of each other. Returns the warnings by row.
    """
    shared = {*person_of, *person_of.values()}  # rows of a new person with several rows
    checked = {
        i: replaced(m, person_id=-1 - person_of.get(i, i)) if i in shared else m
        for i, m in members.items()
    }
    matched = {t.id for t in targets.values()}
    index = MemberIndex([*(e for e in existing if e.id not in matched), *checked.values()])
    warnings: dict[int, list[str]] = {}
    for done, i in enumerate(members, start=1):
        problems = consent_date_problems(members[i], today) + council_problems(
            checked[i], index, titles
        )
        if members[i] is not parsed[i]:
            problems = member_problems(checked[i]) + problems
        if members[i].id is not None:
            problems += history_problems(members[i], recorded.get(members[i].id))
        progress(done, len(members))
        if not problems:
            continue
        if any(not p.warning for p in problems):
            errors[i] = [p.message for p in problems if not p.warning]
        else:
            warnings[i] = [p.message for p in problems]
    return warnings
