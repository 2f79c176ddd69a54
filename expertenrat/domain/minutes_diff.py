"""A readable diff of two snapshots of a meeting's minutes (``domain.minutes_versions``).

The diff compares two snapshots item by item (matched by the item's id, else its number)
and names only what changed, with German labels, the way a reader checks what an accepted
objection changed between the circulated and the approved minutes. What an older version
did not record (the recommendations' content, the attendance) is not compared.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from expertenrat.domain.enums import MinutesStyle, VoteMode
from expertenrat.domain.minutes_versions import (
    ItemSnapshot,
    MinutesSnapshot,
    RecommendationSnapshot,
    VoteSnapshot,
    same_attendance,
)
from expertenrat.domain.votes import vote_outcome

HEADER_LABELS = {
    "opened_at": "Beginn",
    "closed_at": "Ende",
    "chair": "Sitzungsleitung",
    "minute_taker": "Protokollführung",
    "agenda_approved": "Tagesordnung genehmigt",
    "agenda_changes": "Änderungen der Tagesordnung",
    "quorum_noted": "Beschlussfähigkeit festgestellt",
    "attendance": "Anwesenheit",
}
ITEM_LABELS = {
    "number": "Nummer",
    "title": "Titel",
    "public": "Öffentlich",
    "discussion": "Wesentlicher Inhalt",  # in a Verlaufsprotokoll its discussion_label
    "motion": "Anträge",
    "resolution": "Beschluss",
    "result": "Ergebnis",
    "outcome": "Behandlung",
    "votes": "Abstimmungen",
    "recused": "Befangen",
    "recommendations": "Empfehlungen",
}


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One changed field: its German label and the lines removed ("-") and added ("+")."""

    label: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ItemChange:
    """A changed item: "geändert", "neu" or "entfallen", with its changed fields."""

    heading: str  # "TOP 3 Beratung: Offene Daten"
    kind: str
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True, slots=True)
class MinutesDiff:
    header: tuple[FieldChange, ...] = ()
    items: tuple[ItemChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.header and not self.items

    def text(self) -> str:
        """The diff as plain German text, one block per changed part."""
        if self.empty:
            return "Keine inhaltlichen Unterschiede."
        blocks = []
        if self.header:
            blocks.append(_block("Kopf des Protokolls", self.header))
        for item in self.items:
            blocks.append(_block(f"{item.heading} ({item.kind})", item.fields))
        return "\n\n".join(blocks)


def diff_snapshots(
    old: MinutesSnapshot, new: MinutesSnapshot, style: MinutesStyle = MinutesStyle.RESULTS
) -> MinutesDiff:
    """What changed from ``old`` to ``new``: only changed items and fields, the discussion
    named as the council's minutes (``style``) name it."""
    header = tuple(
        _field_change(label, getattr(old.header, name), getattr(new.header, name))
        for name, label in HEADER_LABELS.items()
        if getattr(old.header, name) != getattr(new.header, name)
        # A version stored before attendance was kept did not record it, and names listed
        # in another order (a changed name sort): not a change.
        and not (
            name == "attendance"
            and (
                not old.header.attendance
                or same_attendance(old.header.attendance, new.header.attendance)
            )
        )
    )
    old_items = {_match_key(item): item for item in old.items}
    new_keys = {_match_key(item) for item in new.items}
    changes: list[ItemChange] = []
    for item in new.items:
        before = old_items.get(_match_key(item))
        if before is None:
            changes.append(
                ItemChange(
                    _heading(item), "neu", _item_fields(ItemSnapshot(None, "", ""), item, style)
                )
            )
        elif before != item:
            fields = _item_fields(before, item, style)
            if fields:
                changes.append(ItemChange(_heading(item), "geändert", fields))
    for item in old.items:
        if _match_key(item) not in new_keys:
            changes.append(ItemChange(_heading(item), "entfallen"))
    return MinutesDiff(header, tuple(changes))


def vote_line(vote: VoteSnapshot) -> str:
    """ "Antrag X: Ja 7 · Nein 1 · Enthaltung 1 · befangen 0 – angenommen"."""
    mode = VoteMode(vote.mode)
    outcome = vote_outcome(mode, vote.adopted)
    if mode is VoteMode.COUNTED:
        line = (
            f"Ja {vote.yes} · Nein {vote.no} · Enthaltung {vote.abstain} · befangen {vote.recused}"
            f" – {outcome}"
        )
    elif mode is VoteMode.ELECTION:
        line = vote.election
    else:
        line = outcome if mode is VoteMode.UNANIMOUS else mode.label
    return f"{vote.subject}: {line}" if vote.subject else line


def _match_key(item: ItemSnapshot) -> tuple[str, object]:
    return ("id", item.item_id) if item.item_id is not None else ("number", item.number)


def _heading(item: ItemSnapshot) -> str:
    return f"TOP {item.number} {item.title}".strip()


def _item_fields(
    old: ItemSnapshot, new: ItemSnapshot, style: MinutesStyle
) -> tuple[FieldChange, ...]:
    found: list[FieldChange] = []
    for name, label in ITEM_LABELS.items():
        label = style.discussion_label if name == "discussion" else label
        before, after = getattr(old, name), getattr(new, name)
        if before == after or before is None:  # None: a version that did not keep it
            continue
        if name == "recommendations":
            found += _recommendation_changes(before, after)
        else:
            found.append(_field_change(label, _shown(name, before), _shown(name, after)))
    return tuple(found)


def _recommendation_changes(
    old: tuple[RecommendationSnapshot, ...], new: tuple[RecommendationSnapshot, ...]
) -> list[FieldChange]:
    """One change per recommendation added, dropped or changed ("Empfehlung E-2026-03"),
    matched by code. One of which a version kept only the code is changed only by its
    dropping: what that version did not record cannot be compared."""
    before, after = {r.code: r for r in old}, {r.code: r for r in new}
    changes = []
    for code in sorted(before.keys() | after.keys()):
        was, now = before.get(code), after.get(code)
        label = f"{(now or was).kind or 'Empfehlung'} {code}"  # type: ignore[union-attr]
        if now is None:
            lines = [f"- {line}" for line in was.printed().splitlines()]  # type: ignore[union-attr]
        elif was is None:
            lines = [f"+ {line}" for line in now.printed().splitlines()]
        elif was == now or not (was.content_kept and now.content_kept):
            continue
        else:
            lines = _changed_lines(was.printed(), now.printed())
        changes.append(FieldChange(label, tuple(lines)))
    return changes


def _shown(name: str, value: object) -> object:
    if name == "votes":
        return "\n".join(vote_line(v) for v in value)  # type: ignore[attr-defined]
    return value


def _field_change(label: str, old: object, new: object) -> FieldChange:
    return FieldChange(label, tuple(_changed_lines(_as_text(old), _as_text(new))))


def _as_text(value: object) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nein"
    return str(value)


# A changed line longer than this shows only the words changed, with a few around them.
LONG_LINE = 200
_CONTEXT_WORDS = 6


def _changed_lines(old: str, new: str) -> list[str]:
    """The removed and added lines (difflib), "(leer)" for an empty text. A long line (a
    paragraph of the discussion) changed in a few words shows only those, in their
    context: two copies of 20,000 characters would hide what differs between them."""
    if not old:
        return [f"+ {line}" for line in new.splitlines() or ["(leer)"]]
    if not new:
        return [f"- {line}" for line in old.splitlines()] + ["+ (leer)"]
    before, after = old.splitlines(), new.splitlines()
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for removed, added in zip(before[i1:i2], after[j1:j2], strict=True):
                lines += _changed_words(removed, added)
            continue
        lines += [f"- {line}" for line in before[i1:i2]]
        lines += [f"+ {line}" for line in after[j1:j2]]
    return lines


def _changed_words(old: str, new: str) -> list[str]:
    """One changed line: whole where it is short, else each changed run of words with
    the words around it ("- … Datenschutz, Betrieb und …", "+ … Datenschutz,
    Barrierefreiheit, Betrieb und …")."""
    if len(old) <= LONG_LINE and len(new) <= LONG_LINE:
        return [f"- {old}", f"+ {new}"]
    before, after = old.split(" "), new.split(" ")
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            lines += [f"- {_excerpt(before, i1, i2)}", f"+ {_excerpt(after, j1, j2)}"]
    return lines


def _excerpt(words: list[str], start: int, end: int) -> str:
    """``words[start:end]`` with a few words either side, "…" where the line goes on."""
    first, last = max(0, start - _CONTEXT_WORDS), min(len(words), end + _CONTEXT_WORDS)
    lead = "… " if first > 0 else ""
    tail = " …" if last < len(words) else ""
    return f"{lead}{' '.join(words[first:last])}{tail}"


def _block(heading: str, fields: tuple[FieldChange, ...]) -> str:
    lines = [heading]
    for change in fields:
        lines.append(f"  {change.label}:")
        lines.extend(f"    {line}" for line in change.lines)
    return "\n".join(lines)
